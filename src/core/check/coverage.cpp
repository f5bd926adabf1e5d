// The requirement checks, about what a resource in the policy's scope lacks: NOT_PROTECTED,
// NO_CROSS_REGION_COPY, NO_CROSS_ACCOUNT_COPY (AWS Config's crossRegionList / crossAccountList,
// but on predicted outcomes).
//
// A copy counts when it is predicted to be made, encrypted or not: an AWS Backup copy or a
// native copy, at any depth of a chain (a copy of a copy still protects the original resource).
// A copy there that is not made is named in the finding, with the check that reports why.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "core/check/context.hpp"

namespace snapkey::detail {
namespace {

bool is_copy(const Prediction& p) {
  return p.operation == Operation::copy || p.operation == Operation::native_copy;
}

bool is_made(const Prediction& p) {
  return p.outcome == Outcome::encrypted || p.outcome == Outcome::unencrypted;
}

// The recovery point where a chain that is not made breaks, and the check that reports it.
std::pair<const Prediction*, std::string_view> broken_at(const CheckContext& ctx,
                                                         const Prediction& p) {
  const Prediction* at = &p;
  for (const Prediction* up = ctx.parent_of(p); up != nullptr && !is_made(*up);
       up = ctx.parent_of(*up)) {
    at = up;
  }
  switch (at->outcome) {
    case Outcome::fails:
      return {at, kJobFails};
    case Outcome::unsupported:
      return {at, kUnsupported};
    default:
      return {at, kIndeterminate};
  }
}

std::string verdict(Outcome outcome) {
  switch (outcome) {
    case Outcome::fails:
      return "is predicted to fail";
    case Outcome::unsupported:
      return "is not supported";
    default:
      return "cannot be predicted";
  }
}

// The plan rules that back the resource up: where a copy action would go.
std::vector<std::string> backing_rules(const std::vector<const Prediction*>& own) {
  std::set<std::string> rules;
  for (const Prediction* p : own) {
    if (p->operation == Operation::backup && p->plan && p->plan_rule) {
      rules.insert(fmt::format("rule {} of plan {}", *p->plan_rule, *p->plan));
    }
  }
  return {rules.begin(), rules.end()};
}

struct Target {
  std::string text;                                // "in us-west-2", "outside its Region ..."
  std::function<bool(const Prediction&)> reaches;  // the copy lands there
  std::string vault_text;  // where a vault would have to be: "in us-west-2", "in another Region"
};

Finding missing_copy(const CheckContext& ctx, std::string_view check, const Resource& r,
                     const std::vector<const Prediction*>& own, const Target& target,
                     std::string_view required_by) {
  Finding f = ctx.about(check, r);
  f.message = fmt::format(
      "Resource {} ({}) has no copy predicted to be made {}, which the policy "
      "requires ({}).",
      r.name, r.arn, target.text, required_by);
  std::vector<std::string> broken;
  std::string broken_fix;
  for (const Prediction* p : own) {
    if (!is_copy(*p) || is_made(*p) || !target.reaches(*p)) continue;
    const auto [at, reported_by] = broken_at(ctx, *p);
    broken.push_back(fmt::format("the copy {} {}: see {} on {}", p->id, verdict(p->outcome),
                                 reported_by, at->id));
    if (!broken_fix.empty()) continue;
    broken_fix = at == p ? fmt::format("Fix the copy {} so that it is made.", p->id)
                         : fmt::format("Fix {} so that the copy {} is made.", at->id, p->id);
    if (const std::string advice = joined_advice(*at); !advice.empty()) broken_fix += " " + advice;
  }
  if (!broken.empty()) {
    f.message += fmt::format(" There {}, but {}.", broken.size() == 1 ? "is one" : "are some",
                             fmt::join(broken, "; "));
  }
  const std::vector<std::string> rules = backing_rules(own);
  if (!broken_fix.empty()) {
    f.fix = broken_fix;
  } else if (!rules.empty()) {
    f.fix = fmt::format("Add a copy action to a vault {} to {}.", target.vault_text,
                        fmt::join(rules, " or "));
  } else {
    f.fix = fmt::format(
        "Back {} up with a plan (no plan rule backs it up now) and give that rule a copy action "
        "to a vault {}.",
        r.name, target.vault_text);
  }
  return f;
}

bool made_in(const std::vector<const Prediction*>& own, const Target& target) {
  return std::any_of(own.begin(), own.end(), [&](const Prediction* p) {
    return is_copy(*p) && is_made(*p) && target.reaches(*p);
  });
}

// copy_regions: a copy in each listed Region but the resource's own. require_cross_region_copy
// (or the check listed in the policy with no Regions): a copy in some other Region, which any
// listed Region other than its own already demands.
void cross_region(const CheckContext& ctx, const Resource& r,
                  const std::vector<const Prediction*>& own, std::vector<Finding>& out) {
  const Region home = Model::region_of(r);
  const std::set<Region> listed(ctx.policy().copy_regions.begin(), ctx.policy().copy_regions.end());
  bool demanded = false;
  for (const Region& region : listed) {
    if (region == home) continue;
    demanded = true;
    const Target target{fmt::format("in {}", region.name),
                        [region](const Prediction& p) { return p.region == region; },
                        fmt::format("in {}", region.name)};
    if (!made_in(own, target)) {
      out.push_back(missing_copy(ctx, kNoCrossRegionCopy, r, own, target, "copy_regions"));
    }
  }
  if (demanded || (!listed.empty() && !ctx.policy().require_cross_region_copy)) return;
  const Target target{fmt::format("outside its Region {}", home.name),
                      [home](const Prediction& p) { return p.region != home; },
                      fmt::format("in a Region other than {}", home.name)};
  if (!made_in(own, target)) {
    out.push_back(
        missing_copy(ctx, kNoCrossRegionCopy, r, own, target, "require_cross_region_copy"));
  }
}

// The same for accounts: copy_accounts, require_cross_account_copy.
void cross_account(const CheckContext& ctx, const Resource& r,
                   const std::vector<const Prediction*>& own, std::vector<Finding>& out) {
  const AccountId home = Model::account_of(r);
  const std::set<AccountId> listed(ctx.policy().copy_accounts.begin(),
                                   ctx.policy().copy_accounts.end());
  bool demanded = false;
  for (const AccountId& account : listed) {
    if (account == home) continue;
    demanded = true;
    const Target target{fmt::format("in account {}", account.value),
                        [account](const Prediction& p) { return p.account == account; },
                        fmt::format("in account {}", account.value)};
    if (!made_in(own, target)) {
      out.push_back(missing_copy(ctx, kNoCrossAccountCopy, r, own, target, "copy_accounts"));
    }
  }
  if (demanded || (!listed.empty() && !ctx.policy().require_cross_account_copy)) return;
  const Target target{fmt::format("outside its account {}", home.value),
                      [home](const Prediction& p) { return p.account != home; },
                      fmt::format("in an account other than {}", home.value)};
  if (!made_in(own, target)) {
    out.push_back(
        missing_copy(ctx, kNoCrossAccountCopy, r, own, target, "require_cross_account_copy"));
  }
}

Finding not_protected(const CheckContext& ctx, const Resource& r) {
  Finding f = ctx.about(kNotProtected, r);
  f.message = fmt::format(
      "Resource {} ({}, {}) is backed up by no plan and copied by no job: no recovery point of "
      "it is predicted.",
      r.name, r.arn, where(f.region, f.account));
  f.fix = fmt::format(
      "Select {} in a backup plan of {} (by its ARN, or by a tag a selection matches), or take it "
      "out of the policy's scope.",
      r.name, where(f.region, f.account));
  return f;
}

}  // namespace

void check_coverage(const CheckContext& ctx, std::vector<Finding>& out) {
  for (const Resource& r : ctx.predictions().resources) {
    if (!ctx.in_scope(r)) continue;
    const std::vector<const Prediction*>& own = ctx.predictions_of(r.name);
    const bool protects = std::any_of(own.begin(), own.end(), [](const Prediction* p) {
      return p->operation != Operation::restore;
    });
    if (!protects && ctx.runs(kNotProtected)) out.push_back(not_protected(ctx, r));
    if (ctx.runs(kNoCrossRegionCopy)) cross_region(ctx, r, own, out);
    if (ctx.runs(kNoCrossAccountCopy)) cross_account(ctx, r, own, out);
  }
}

}  // namespace snapkey::detail
