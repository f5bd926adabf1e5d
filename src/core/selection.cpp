// Backup selections, as AWS Backup evaluates them: (Resources or ListOfTags) and Conditions, minus
// NotResources. https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html
//
// A test that is not known (a tag value from a parameter without a value) is neither true nor
// false: the evaluation is three-valued, and a resource it could match may or may not be assigned.
#include "core/selection.hpp"

#include <algorithm>
#include <optional>

namespace snapkey::detail {
namespace {

using Is = Assignment::Is;

bool matches_resource(std::string_view pattern, const Resource& resource) {
  return pattern == resource.name || glob_match(pattern, resource.arn);
}

// nullopt: it depends on a key or value that is not known. A resource without the tag (its key
// known) fails StringEquals / StringLike and passes the negated tests, whatever the value.
std::optional<bool> holds(const TagCondition& condition, const Resource& resource) {
  const auto tag = resource.tags.find(condition.key);
  const bool present = tag != resource.tags.end();
  const bool negated = condition.test == TagCondition::Test::not_equals ||
                       condition.test == TagCondition::Test::not_like;
  if (!condition.unknown.empty()) {
    if (condition.key.empty() || present) return std::nullopt;
    return negated;
  }
  switch (condition.test) {
    case TagCondition::Test::equals:
      return present && tag->second == condition.value;
    case TagCondition::Test::not_equals:
      return !present || tag->second != condition.value;
    case TagCondition::Test::like:
      return present && glob_match(condition.value, tag->second);
    case TagCondition::Test::not_like:
      return !present || !glob_match(condition.value, tag->second);
  }
  return false;
}

// Combines tests into "any of them" (Resources, ListOfTags) or "all of them" (Conditions).
class Tally {
 public:
  void add(std::optional<bool> result, const std::string& why) {
    if (!result) {
      if (why_.empty()) why_ = why;
    } else {
      (*result ? any_true_ : any_false_) = true;
    }
  }
  bool any_true() const { return any_true_; }
  bool any_false() const { return any_false_; }
  bool any_unknown() const { return !why_.empty(); }
  const std::string& why() const { return why_; }

 private:
  bool any_true_ = false;
  bool any_false_ = false;
  std::string why_;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative matching with one backtracking point for the last '*'.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Assignment assigns(const Selection& selection, const Resource& resource) {
  Tally included;  // Resources or ListOfTags
  for (const std::string& pattern : selection.resources)
    included.add(matches_resource(pattern, resource), "");
  for (const std::string& why : selection.resources_unknown) included.add(std::nullopt, why);
  for (const TagCondition& c : selection.any_tags) included.add(holds(c, resource), c.unknown);
  const bool open = selection.resources.empty() && selection.resources_unknown.empty() &&
                    selection.any_tags.empty();
  Tally all;  // Conditions
  for (const TagCondition& c : selection.all_tags) all.add(holds(c, resource), c.unknown);
  Tally excluded;  // NotResources
  for (const std::string& pattern : selection.not_resources)
    excluded.add(matches_resource(pattern, resource), "");
  for (const std::string& why : selection.not_resources_unknown) excluded.add(std::nullopt, why);

  const bool in = open || included.any_true();
  if ((!in && !included.any_unknown()) || all.any_false() || excluded.any_true()) return {};
  for (const Tally* t : {&included, &all, &excluded}) {
    if (t == &included && in) continue;
    if (t->any_unknown()) return {Is::unknown, t->why()};
  }
  return {Is::yes, ""};
}

bool selects(const Selection& selection, const Resource& resource) {
  return assigns(selection, resource).is == Is::yes;
}

}  // namespace snapkey::detail
