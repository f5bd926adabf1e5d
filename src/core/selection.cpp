// Backup selections, as AWS Backup evaluates them: (Resources or ListOfTags) and Conditions, minus
// NotResources. https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html
#include "core/selection.hpp"

#include <algorithm>

namespace snapkey::detail {
namespace {

bool matches_resource(std::string_view pattern, const Resource& resource) {
  return pattern == resource.name || glob_match(pattern, resource.arn);
}

bool holds(const TagCondition& condition, const Resource& resource) {
  const auto tag = resource.tags.find(condition.key);
  const bool present = tag != resource.tags.end();
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

bool selects(const Selection& selection, const Resource& resource) {
  const auto by_resource = [&](const std::string& p) { return matches_resource(p, resource); };
  const auto by_tag = [&](const TagCondition& c) { return holds(c, resource); };
  const bool open = selection.resources.empty() && selection.any_tags.empty();
  const bool included =
      open || std::any_of(selection.resources.begin(), selection.resources.end(), by_resource) ||
      std::any_of(selection.any_tags.begin(), selection.any_tags.end(), by_tag);
  return included && std::all_of(selection.all_tags.begin(), selection.all_tags.end(), by_tag) &&
         std::none_of(selection.not_resources.begin(), selection.not_resources.end(), by_resource);
}

}  // namespace snapkey::detail
