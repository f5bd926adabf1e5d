// check(): predictions and a policy in, findings out (docs/checks.md).
//
// Which checks run: a check listed in Policy::checks with `enabled: false` never runs. Otherwise
// a check that is on by default runs, and the checks that need policy settings run when the
// policy gives them or lists the check as enabled:
//   NOT_PROTECTED          require_backup (default true), or listed
//   NO_CROSS_REGION_COPY   copy_regions or require_cross_region_copy, or listed (= the latter)
//   NO_CROSS_ACCOUNT_COPY  copy_accounts or require_cross_account_copy, or listed (= the latter)
//   COPY_KEY_MANAGER       copy_key_manager, or listed (= customer)
//   KEY_NOT_ALLOWED        allowed_keys non-empty (listed without any: validate() rejects it)
// A severity in Policy::checks replaces the check's default severity.
//
// Scope (scope_resources, scope_tags) limits only the requirement checks, NOT_PROTECTED and
// NO_CROSS_*: they ask what a resource lacks, and the scope says which resources must have it.
// The other checks are about recovery points that do exist; a finding there is true wherever
// the resource is, and a suppression is the way to accept it.
#include "snapkey/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <tuple>

#include "core/check/context.hpp"

namespace snapkey {
namespace detail {
namespace {

bool policy_turns_on(const Policy& policy, std::string_view id) {
  if (id == kNotProtected) return policy.require_backup || explicitly_enabled(policy, id);
  if (id == kNoCrossRegionCopy) {
    return !policy.copy_regions.empty() || policy.require_cross_region_copy ||
           explicitly_enabled(policy, id);
  }
  if (id == kNoCrossAccountCopy) {
    return !policy.copy_accounts.empty() || policy.require_cross_account_copy ||
           explicitly_enabled(policy, id);
  }
  if (id == kCopyKeyManager) {
    return policy.copy_key_manager.has_value() || explicitly_enabled(policy, id);
  }
  if (id == kKeyNotAllowed) return !policy.allowed_keys.empty();
  const CheckInfo* info = find_check(id);
  return info != nullptr && (info->on_by_default || explicitly_enabled(policy, id));
}

}  // namespace

bool explicitly_enabled(const Policy& policy, std::string_view id) {
  const auto it = policy.checks.find(id);
  return it != policy.checks.end() && it->second.enabled;
}

CheckContext::CheckContext(const Predictions& predictions, const Policy& policy)
    : predictions_(predictions), policy_(policy) {
  for (const CheckInfo& info : check_table()) {
    const auto setting = policy.checks.find(info.id);
    if (setting != policy.checks.end() && !setting->second.enabled) continue;
    if (policy_turns_on(policy, info.id)) checks_run_.emplace_back(info.id);
  }
  for (const Resource& resource : predictions.resources)
    resources_.emplace(resource.name, &resource);
  for (const Prediction& p : predictions.recovery_points) {
    by_id_.emplace(p.id, &p);
    if (p.parent) children_[*p.parent].push_back(&p);
    by_resource_[p.resource].push_back(&p);
    by_place_[{p.account.value, p.region.name}].push_back(&p);
    if (p.key) by_key_place_[{p.key->account.value, p.key->region.name}].push_back(&p);
  }
  for (auto& [name, points] : by_resource_) {
    std::sort(points.begin(), points.end(),
              [](const Prediction* a, const Prediction* b) { return a->id < b->id; });
  }
}

namespace {
const std::vector<const Prediction*> kNone;

const std::vector<const Prediction*>& find_in(
    const std::map<std::pair<std::string, std::string>, std::vector<const Prediction*>>& index,
    const AccountId& account, const Region& region) {
  const auto it = index.find({account.value, region.name});
  return it == index.end() ? kNone : it->second;
}
}  // namespace

const std::vector<const Prediction*>& CheckContext::children_of(const Prediction& p) const {
  const auto it = children_.find(p.id);
  return it == children_.end() ? kNone : it->second;
}

const std::vector<const Prediction*>& CheckContext::predictions_of(std::string_view name) const {
  const auto it = by_resource_.find(name);
  return it == by_resource_.end() ? kNone : it->second;
}

const std::vector<const Prediction*>& CheckContext::predictions_in(const AccountId& account,
                                                                   const Region& region) const {
  return find_in(by_place_, account, region);
}

const std::vector<const Prediction*>& CheckContext::keyed_in(const AccountId& account,
                                                             const Region& region) const {
  return find_in(by_key_place_, account, region);
}

bool CheckContext::runs(std::string_view id) const {
  return std::find(checks_run_.begin(), checks_run_.end(), id) != checks_run_.end();
}

const Resource* CheckContext::resource(std::string_view name) const {
  const auto it = resources_.find(name);
  return it == resources_.end() ? nullptr : it->second;
}

const Prediction* CheckContext::parent_of(const Prediction& p) const {
  if (!p.parent) return nullptr;
  const auto it = by_id_.find(*p.parent);
  return it == by_id_.end() ? nullptr : it->second;
}

bool CheckContext::in_scope(const Resource& resource) const {
  const bool named = policy_.scope_resources.empty() ||
                     std::any_of(policy_.scope_resources.begin(), policy_.scope_resources.end(),
                                 [&](const std::string& pattern) {
                                   return matches_pattern(pattern, resource.name) ||
                                          matches_pattern(pattern, resource.arn);
                                 });
  if (!named) return false;
  return std::all_of(policy_.scope_tags.begin(), policy_.scope_tags.end(), [&](const auto& tag) {
    const auto it = resource.tags.find(tag.first);
    return it != resource.tags.end() && it->second == tag.second;
  });
}

namespace {

std::vector<std::string> rules_of(std::string_view check) {
  std::vector<std::string> rules;
  if (const CheckInfo* info = find_check(check))
    rules.assign(info->rules.begin(), info->rules.end());
  return rules;
}

// The check's rules that decided the prediction (in table order); all of them if none did.
std::vector<std::string> rules_of(std::string_view check, const Prediction& p) {
  const std::vector<std::string> rules = rules_of(check);
  std::vector<std::string> used;
  std::copy_if(rules.begin(), rules.end(), std::back_inserter(used), [&](const std::string& id) {
    return std::find(p.rules.begin(), p.rules.end(), id) != p.rules.end();
  });
  return used.empty() ? rules : used;
}

}  // namespace

Finding CheckContext::about(std::string_view check, const Prediction& p) const {
  Finding f;
  f.check = std::string(check);
  f.subject = p.id;
  f.recovery_point = p.id;
  f.resource = p.resource;
  f.resource_arn = p.resource_arn;
  f.vault = p.vault;
  f.vault_arn = p.vault_arn;
  f.region = p.region;
  f.account = p.account;
  f.rules = rules_of(check, p);
  const Resource* r = resource(p.resource);
  f.location = !p.location.file.empty() || r == nullptr ? p.location : r->location;
  if (p.plan_address) {
    f.address = p.plan_address;
  } else if (p.resource_address) {
    f.address = p.resource_address;
  } else if (r != nullptr && !r->address.empty()) {
    f.address = r->address;
  }
  return f;
}

Finding CheckContext::about(std::string_view check, const Resource& resource) const {
  Finding f;
  f.check = std::string(check);
  f.subject = resource.name;
  f.resource = resource.name;
  f.resource_arn = resource.arn;
  f.region = Model::region_of(resource);
  f.account = Model::account_of(resource);
  f.rules = rules_of(check);
  f.location = resource.location;
  if (!resource.address.empty()) f.address = resource.address;
  return f;
}

bool matches_pattern(std::string_view pattern, std::string_view text) {
  // Iterative wildcard match: remember the last `*` and retry from one character further.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

std::size_t table_order(std::string_view check) {
  const auto table = check_table();
  const auto it = std::find_if(table.begin(), table.end(),
                               [&](const CheckInfo& info) { return info.id == check; });
  return static_cast<std::size_t>(it - table.begin());
}

Severity severity_of(const Policy& policy, std::string_view check) {
  const auto setting = policy.checks.find(check);
  if (setting != policy.checks.end() && setting->second.severity) return *setting->second.severity;
  const CheckInfo* info = find_check(check);
  return info != nullptr ? info->severity : Severity::error;
}

// Severity (highest first), check (table order), subject, message; then everything else, so
// that no two different findings compare equal and the order never depends on the input's.
bool before(const Finding& a, const Finding& b) {
  const int severity_a = -static_cast<int>(a.severity);
  const int severity_b = -static_cast<int>(b.severity);
  const std::size_t check_a = table_order(a.check);
  const std::size_t check_b = table_order(b.check);
  return std::tie(severity_a, check_a, a.subject, a.message, a.fix, a.location.file,
                  a.location.line, a.location.column, a.location.pointer, a.resource_arn,
                  a.vault_arn, a.recovery_point) <
         std::tie(severity_b, check_b, b.subject, b.message, b.fix, b.location.file,
                  b.location.line, b.location.column, b.location.pointer, b.resource_arn,
                  b.vault_arn, b.recovery_point);
}

}  // namespace
}  // namespace detail

Findings check(const Predictions& predictions, const Policy& policy, const CheckOptions& options) {
  const detail::CheckContext ctx(predictions, policy);
  std::vector<Finding> findings;
  detail::check_outcomes(ctx, findings);
  detail::check_copy_keys(ctx, findings);
  detail::check_keys(ctx, findings);
  detail::check_coverage(ctx, findings);
  for (Finding& f : findings) f.severity = detail::severity_of(policy, f.check);
  // Suppressions see the final severities; their own findings get theirs here too.
  const std::size_t checked = findings.size();
  detail::apply_suppressions(ctx, options, findings);
  for (std::size_t i = checked; i < findings.size(); ++i) {
    findings[i].severity = detail::severity_of(policy, findings[i].check);
  }
  std::sort(findings.begin(), findings.end(), detail::before);

  Findings result;
  result.findings = std::move(findings);
  result.checks_run = ctx.checks_run();
  result.recovery_points = predictions.recovery_points.size();
  result.resources = static_cast<std::size_t>(
      std::count_if(predictions.resources.begin(), predictions.resources.end(),
                    [&](const Resource& r) { return ctx.in_scope(r); }));
  return result;
}

std::size_t Findings::count_at_least(Severity threshold) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [&](const Finding& f) { return !f.suppressed_by && f.severity >= threshold; }));
}

}  // namespace snapkey
