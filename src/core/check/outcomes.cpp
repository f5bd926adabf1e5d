// Checks on a prediction's outcome and confidence: JOB_FAILS, UNSUPPORTED, UNENCRYPTED,
// INDETERMINATE, RESTS_ON_DOC_CONFLICT, RESTS_ON_INFERRED_RULE.
//
// A recovery point made from one that is not made (its source fails, is unsupported or
// indeterminate) inherits that outcome. It is not reported again: the finding on the recovery
// point where the chain breaks names the recovery points lost with it, and one fix clears all.
#include <fmt/format.h>

#include <algorithm>

#include "core/check/context.hpp"

namespace snapkey::detail {
namespace {

bool is_made(Outcome outcome) {
  return outcome == Outcome::encrypted || outcome == Outcome::unencrypted;
}

bool inherits_outcome(const CheckContext& ctx, const Prediction& p) {
  const Prediction* parent = ctx.parent_of(p);
  return parent != nullptr && !is_made(parent->outcome);
}

// The ids of the recovery points made, directly or through a chain, from `p`.
void add_descendants(const CheckContext& ctx, const Prediction& p, std::vector<std::string>& ids) {
  for (const Prediction* child : ctx.children_of(p)) {
    ids.push_back(child->id);
    add_descendants(ctx, *child, ids);
  }
}

std::vector<std::string> descendants(const CheckContext& ctx, const Prediction& p) {
  std::vector<std::string> ids;
  add_descendants(ctx, p, ids);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string lost_with_it(const CheckContext& ctx, const Prediction& p) {
  const std::vector<std::string> lost = descendants(ctx, p);
  if (lost.empty()) return "";
  return fmt::format(" The recovery points made from it {} either: {}.",
                     p.outcome == Outcome::indeterminate ? "cannot be predicted" : "are not made",
                     fmt::join(lost, ", "));
}

std::string aws_says(const Prediction& p) {
  return p.aws_error ? fmt::format(" AWS reports: \"{}\".", *p.aws_error) : "";
}

std::string fix_or(const Prediction& p, std::string_view check) {
  const std::string advice = joined_advice(p);
  if (!advice.empty()) return advice;
  const CheckInfo* info = find_check(check);
  return info != nullptr ? std::string(info->fix) : "";
}

Finding not_made(const CheckContext& ctx, std::string_view check, const Prediction& p,
                 std::string_view verdict) {
  Finding f = ctx.about(check, p);
  f.message = fmt::format("{} {}: {}.{}{}", capitalized(describe_operation(ctx, p)), verdict,
                          p.message, aws_says(p), lost_with_it(ctx, p));
  f.fix = fix_or(p, check);
  return f;
}

// "not encrypted: the resource is not encrypted" -> "the resource is not encrypted".
std::string unencrypted_reason(const std::string& message) {
  const std::size_t colon = message.find(": ");
  if (colon == std::string::npos) return message;
  const std::string head = message.substr(0, colon);
  const bool says_unencrypted = head.find("unencrypted") != std::string::npos ||
                                head.find("not encrypted") != std::string::npos;
  return says_unencrypted ? message.substr(colon + 2) : message;
}

Finding unencrypted(const CheckContext& ctx, const Prediction& p) {
  Finding f = ctx.about(kUnencrypted, p);
  f.message = fmt::format("{} is not encrypted: {}.", capitalized(describe_operation(ctx, p)),
                          unencrypted_reason(p.message));
  f.fix = fix_or(p, kUnencrypted);
  return f;
}

Finding indeterminate(const CheckContext& ctx, const Prediction& p) {
  Finding f = ctx.about(kIndeterminate, p);
  const std::string unknowns = p.unknowns.empty() ? std::string("not stated")
                                                  : fmt::format("{}", fmt::join(p.unknowns, "; "));
  f.message = fmt::format("{} cannot be predicted: {}. Not known: {}.{}",
                          capitalized(describe_operation(ctx, p)), p.message, unknowns,
                          lost_with_it(ctx, p));
  f.fix = fmt::format("Add what is missing to the input ({}), then run snapkey again.", unknowns);
  const std::string advice = joined_advice(p);
  if (!advice.empty()) f.fix += " " + advice;
  return f;
}

// A sentence without its full stop, to go on after "but".
std::string without_full_stop(std::string text) {
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string predicted_text(const Prediction& p) {
  if (p.outcome == Outcome::encrypted && p.key) {
    return fmt::format("encrypted with {}", describe_key(*p.key));
  }
  switch (p.outcome) {
    case Outcome::fails:
      return fmt::format("to fail ({})", p.message);
    case Outcome::unencrypted:
      return "unencrypted";
    default:
      return fmt::format("{} ({})", to_string(p.outcome), p.message);
  }
}

// Whether `rule` decided the prediction (the deciding rule is the last).
bool decided_by(const Prediction& p, std::string_view rule) {
  return !p.rules.empty() && p.rules.back() == rule;
}

// What the sources behind a DOC_CONFLICT prediction disagree on, by the rule that decided it.
std::string doc_conflict_reason(const Prediction& p) {
  if (decided_by(p, "R9")) {
    return "AWS documentation says a copy into a vault keyed with aws/backup should fail, while "
           "such copies were observed to succeed with aws/rds (R9, U-1); snapkey follows the "
           "observation, and the copy may fail if AWS starts to follow its documentation";
  }
  if (decided_by(p, "R45")) {
    return "the AWS Backup page on logically air-gapped vaults both forbids and describes copies "
           "by the accounts a vault is shared with (R45); snapkey predicts the copy rejected";
  }
  if (decided_by(p, "R42")) {
    return "AWS documents that no copy is attempted and the backup job completes with a message, "
           "while a third party reports a silent copy failure (R42)";
  }
  if (decided_by(p, "R15") || decided_by(p, "R21") || decided_by(p, "R34")) {
    return "the Aurora User Guide (2026) says a copy with a customer managed key encrypts an "
           "unencrypted cluster snapshot, while the API reference and the air-gapped vault page "
           "say it cannot; snapkey follows the API reference";
  }
  return std::string(describe_warning(kDocConflict));
}

Finding doc_conflict(const CheckContext& ctx, const Prediction& p) {
  Finding f = ctx.about(kRestsOnDocConflict, p);
  const std::string why = doc_conflict_reason(p);
  f.message = fmt::format("{} is predicted {}, but {}.", capitalized(describe_operation(ctx, p)),
                          predicted_text(p), without_full_stop(why));
  // R9's disputed case is a copy into an aws/backup vault: a customer managed key avoids it.
  const auto customer_managed = [](const Key& key) { return key.manager == KeyManager::customer; };
  f.fix = decided_by(p, "R9")
              ? repoint_fix(ctx, p, customer_managed, "a customer managed key", unused_replica(p))
              : fix_or(p, kRestsOnDocConflict);
  return f;
}

Finding inferred(const CheckContext& ctx, const Prediction& p) {
  std::vector<std::string> rules;
  for (const Step& step : p.steps) {
    if (step.confidence != Confidence::inferred) continue;
    if (std::find(rules.begin(), rules.end(), step.rule) == rules.end()) rules.push_back(step.rule);
  }
  Finding f = ctx.about(kRestsOnInferredRule, p);
  f.rules = rules;
  std::vector<std::string> named;
  for (const std::string& id : rules) {
    const Rule* rule = find_rule(id);
    named.push_back(rule != nullptr ? fmt::format("{} ({})", id, rule->title) : id);
  }
  f.message = fmt::format(
      "{} is predicted {}, resting on inferred rules: {}.", capitalized(describe_operation(ctx, p)),
      predicted_text(p),
      named.empty() ? std::string("not stated") : fmt::format("{}", fmt::join(named, "; ")));
  f.fix = fmt::format(
      "Run the job once and compare what AWS reports with snapkey verify, or design around the "
      "inferred case ({}).",
      what_to_change(p));
  return f;
}

}  // namespace

void check_outcomes(const CheckContext& ctx, std::vector<Finding>& out) {
  for (const Prediction& p : ctx.predictions().recovery_points) {
    const bool inherited = inherits_outcome(ctx, p);
    // A failure decided by a key's state is KEY_NOT_ENABLED's, when that check runs.
    const bool key_state = ctx.runs(kKeyNotEnabled) && blocking_key(ctx, p).has_value();
    if (p.outcome == Outcome::fails && !inherited && !key_state && ctx.runs(kJobFails)) {
      out.push_back(not_made(ctx, kJobFails, p, "is predicted to fail"));
    }
    if (p.outcome == Outcome::unsupported && !inherited && ctx.runs(kUnsupported)) {
      out.push_back(not_made(ctx, kUnsupported, p, "is not supported"));
    }
    if (p.outcome == Outcome::unencrypted && ctx.runs(kUnencrypted)) {
      out.push_back(unencrypted(ctx, p));
    }
    if (p.outcome == Outcome::indeterminate && !inherited && ctx.runs(kIndeterminate)) {
      out.push_back(indeterminate(ctx, p));
    }
    // A recovery point that is not made because its source is not made rests on nothing new.
    if (inherited) continue;
    if (has_warning(p, kDocConflict) && ctx.runs(kRestsOnDocConflict)) {
      out.push_back(doc_conflict(ctx, p));
    }
    if (p.confidence == Confidence::inferred && ctx.runs(kRestsOnInferredRule)) {
      out.push_back(inferred(ctx, p));
    }
  }
}

}  // namespace snapkey::detail
