// Backup selections, as AWS Backup evaluates them: (Resources or ListOfTags) and Conditions, minus
// NotResources. https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html
//
// A test that is not known (a tag value from a parameter without a value) is neither true nor
// false: the evaluation is three-valued, and a resource it could match may or may not be assigned.
#include "core/model/selection.hpp"

#include <algorithm>
#include <optional>

namespace snapkey::detail {
namespace {

using Is = Assignment::Is;

bool matches_resource(std::string_view pattern, const Resource& resource) {
  return pattern == resource.name || glob_match(pattern, resource.arn);
}

// Whether a tag test holds for a resource: nullopt when that depends on something not known (the
// test's key or value, the resource's tag), and `why` then says what.
struct Held {
  std::optional<bool> holds;
  std::string why;
};

// The test on a tag's value, `nullptr` when the resource does not have the tag.
bool value_holds(const TagCondition& condition, const std::string* value) {
  switch (condition.test) {
    case TagCondition::Test::equals:
      return value != nullptr && *value == condition.value;
    case TagCondition::Test::not_equals:
      return value == nullptr || *value != condition.value;
    case TagCondition::Test::like:
      return value != nullptr && glob_match(condition.value, *value);
    case TagCondition::Test::not_like:
      return value == nullptr || !glob_match(condition.value, *value);
  }
  return false;
}

// Why the value of the resource's tag `key` is not known; "" when it is known, or absent.
std::string unknown_tag(const Resource& resource, const std::string& key) {
  if (resource.tags.contains(key)) return "";
  auto it = resource.tags_unknown.find(key);
  if (it == resource.tags_unknown.end()) it = resource.tags_unknown.find("*");
  return it == resource.tags_unknown.end() ? "" : it->second;
}

// A resource without the tag (the test's key known) fails StringEquals / StringLike and passes
// the negated tests, whatever the value.
Held holds(const TagCondition& condition, const Resource& resource) {
  const auto tag = resource.tags.find(condition.key);
  const bool present = tag != resource.tags.end();
  const std::string tag_unknown = condition.key.empty() ? "" : unknown_tag(resource, condition.key);
  if (!condition.unknown.empty()) {
    if (condition.key.empty() || present || !tag_unknown.empty()) {
      return {std::nullopt, condition.unknown};
    }
    return {value_holds(condition, nullptr), ""};
  }
  if (!tag_unknown.empty()) return {std::nullopt, tag_unknown};
  return {value_holds(condition, present ? &tag->second : nullptr), ""};
}

// Combines tests into "any of them" (Resources, ListOfTags) or "all of them" (Conditions).
class Tally {
 public:
  void add(const Held& held) { add(held.holds, held.why); }
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
  for (const TagCondition& c : selection.any_tags) included.add(holds(c, resource));
  const bool open = selection.resources.empty() && selection.resources_unknown.empty() &&
                    selection.any_tags.empty();
  Tally all;  // Conditions
  for (const TagCondition& c : selection.all_tags) all.add(holds(c, resource));
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
