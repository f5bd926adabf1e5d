// Suppressions: accepted exceptions. A finding is suppressed by the first suppression, in policy
// order, whose check is the finding's and whose every non-empty pattern matches (`*` globs over
// the whole text): recovery_point on the prediction id, resource on the resource's name or ARN,
// vault on the vault's name or ARN, region and account on the finding's. A pattern on a field the
// finding does not have matches nothing.
//
// Expiry: a suppression with `expires` before CheckOptions::today (the day itself is still
// valid) no longer suppresses and is an EXPIRED_SUPPRESSION finding; without `today` nothing
// expires. An unexpired suppression that silences nothing is an UNUSED_SUPPRESSION finding.
// Suppressions apply to the findings of the other checks, not to these two: turn them off to
// silence them. Their subject is "suppression N", N counting from 1 in the policy's list.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/check/context.hpp"

namespace snapkey::detail {
namespace {

// A pattern left empty matches anything; a pattern on a field the finding does not have (a
// recovery point pattern for NOT_PROTECTED, which is about a resource) matches nothing.
bool pattern_matches(const std::string& pattern, std::initializer_list<std::string_view> texts) {
  if (pattern.empty()) return true;
  return std::any_of(texts.begin(), texts.end(), [&](std::string_view text) {
    return !text.empty() && matches_pattern(pattern, text);
  });
}

bool suppresses(const Suppression& s, const Finding& f) {
  if (s.check != f.check) return false;
  const std::string none;
  return pattern_matches(s.recovery_point, {f.recovery_point.value_or(none)}) &&
         pattern_matches(s.resource, {f.resource, f.resource_arn}) &&
         pattern_matches(s.vault, {f.vault.value_or(none), f.vault_arn.value_or(none)}) &&
         pattern_matches(s.region, {f.region.name}) &&
         pattern_matches(s.account, {f.account.value});
}

bool expired(const Suppression& s, const CheckOptions& options) {
  return s.expires && options.today && *options.today > *s.expires;
}

// "AWS_MANAGED_COPY_KEY (resource aurora, vault virginia-default)": what the suppression covers.
std::string covers(const Suppression& s) {
  std::vector<std::string> patterns;
  const auto add = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) patterns.push_back(fmt::format("{} {}", name, value));
  };
  add("recovery point", s.recovery_point);
  add("resource", s.resource);
  add("vault", s.vault);
  add("region", s.region);
  add("account", s.account);
  if (patterns.empty()) return fmt::format("{} (every finding)", s.check);
  return fmt::format("{} ({})", s.check, fmt::join(patterns, ", "));
}

Finding about_suppression(std::string_view check, const Suppression& s, std::size_t number) {
  Finding f;
  f.check = std::string(check);
  f.subject = fmt::format("suppression {}", number);
  f.location = s.location;
  if (const CheckInfo* info = find_check(check))
    f.rules.assign(info->rules.begin(), info->rules.end());
  return f;
}

std::string subjects(const std::vector<const Finding*>& matched) {
  std::vector<std::string> names;
  for (const Finding* f : matched) names.push_back(f->subject);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return fmt::format("{}", fmt::join(names, ", "));
}

Finding expired_finding(const Suppression& s, std::size_t number,
                        const std::vector<const Finding*>& matched) {
  Finding f = about_suppression(kExpiredSuppression, s, number);
  f.message = fmt::format(
      "Suppression {} of {} expired on {} (reason: \"{}\"); it no longer "
      "suppresses anything.",
      number, covers(s), s.expires->to_string(), s.reason);
  if (matched.empty()) {
    f.message += " It would match no finding now anyway.";
    f.fix = "Delete the suppression.";
  } else {
    f.message += fmt::format(" The findings it covered count again: {}.", subjects(matched));
    f.fix = fmt::format(
        "Fix what it covered ({} on {}), or set a later expires date with a reason that still "
        "holds.",
        s.check, subjects(matched));
  }
  return f;
}

Finding unused_finding(const CheckContext& ctx, const Suppression& s, std::size_t number) {
  Finding f = about_suppression(kUnusedSuppression, s, number);
  f.message = fmt::format("Suppression {} of {} matches no finding (reason: \"{}\").", number,
                          covers(s), s.reason);
  if (!ctx.runs(s.check)) {
    f.message += fmt::format(" Check {} does not run under this policy.", s.check);
  }
  f.fix = "Delete the suppression, or correct its patterns if it was meant to match a finding.";
  return f;
}

}  // namespace

void apply_suppressions(const CheckContext& ctx, const CheckOptions& options,
                        std::vector<Finding>& findings) {
  const std::vector<Suppression>& all = ctx.policy().suppressions;
  std::vector<std::vector<const Finding*>> matched(all.size());
  for (Finding& f : findings) {
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!suppresses(all[i], f)) continue;
      matched[i].push_back(&f);
      if (!f.suppressed_by && !expired(all[i], options)) f.suppressed_by = all[i];
    }
  }
  std::vector<Finding> own;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (expired(all[i], options)) {
      if (ctx.runs(kExpiredSuppression)) own.push_back(expired_finding(all[i], i + 1, matched[i]));
      continue;
    }
    if (matched[i].empty() && ctx.runs(kUnusedSuppression))
      own.push_back(unused_finding(ctx, all[i], i + 1));
  }
  findings.insert(findings.end(), own.begin(), own.end());
}

}  // namespace snapkey::detail

namespace snapkey {

void add_input_suppressions(Policy& policy, const std::vector<InputSuppression>& suppressions) {
  // By place, so that their numbers do not depend on the order the inputs were given in.
  std::vector<const InputSuppression*> sorted;
  for (const InputSuppression& in : suppressions) sorted.push_back(&in);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    const Location& x = a->location;
    const Location& y = b->location;
    return std::tie(x.file, x.line, x.column, x.pointer) <
           std::tie(y.file, y.line, y.column, y.pointer);
  });
  for (const InputSuppression* p : sorted) {
    const InputSuppression& in = *p;
    Suppression s;
    s.check = in.check;
    s.resource = in.resource;
    s.vault = in.vault;
    s.reason = in.reason;
    s.expires = in.expires;
    s.location = in.location;
    s.in_source = true;
    policy.suppressions.push_back(std::move(s));
  }
}

}  // namespace snapkey
