// The rule table: every piece of AWS behaviour snapkey relies on, with its source, how sure we
// are of it and, where AWS changed behaviour, the date it took effect. The engine refers to
// rules by id; `snapkey rules` and docs/rules.md are renderings of this same table.
//
//   for (const snapkey::Rule& rule : snapkey::rule_table()) fmt::print("{} {}\n", rule.id, ...);
#ifndef SNAPKEY_RULES_HPP
#define SNAPKEY_RULES_HPP

#include <optional>
#include <span>
#include <string_view>

#include "snapkey/date.hpp"

namespace snapkey {

// How sure we are of a rule, strongest first. A prediction's confidence is the weakest of the
// confidences of the steps that decided it.
enum class Confidence { documented, observed, inferred };
std::string_view to_string(Confidence confidence);  // documented | observed | inferred
// The weaker of the two.
Confidence weakest(Confidence a, Confidence b);

struct Rule {
  std::string_view id;               // "R1".."R47"; never reused, never renumbered
  std::string_view title;            // one line
  std::string_view summary;          // what it decides, in a few sentences
  Confidence confidence;             // the weakest confidence of any part of the rule
  std::string_view confidence_note;  // the spec's own wording, e.g. "documented / inferred"
  std::span<const std::string_view> sources;  // URLs (or article references)
  std::optional<Date> effective;              // when AWS started behaving this way
  std::string_view effective_note;            // what the date means, and its precision
};

// All rules, in id order (R1, R2, ... R47).
std::span<const Rule> rule_table();
// The rule with `id`, or nullptr.
const Rule* find_rule(std::string_view id);
// The newest effective date in the table: the default `as_of`, so that output never depends on
// the machine's clock.
Date newest_rule_date();

}  // namespace snapkey

#endif  // SNAPKEY_RULES_HPP
