// Merging two descriptions of the same thing, field by field (see io/inputs/merge.hpp).
#include "io/inputs/merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace snapkey::io::detail {
namespace {

constexpr std::string_view kConflict = "E_CONFLICT";

// "key arn:aws:kms:...", "vault arn:aws:backup:...", or the name when the ARN is not known.
template <typename T>
std::string subject(std::string_view what, const T& thing) {
  return thing.arn.empty() ? fmt::format("{} '{}'", what, thing.name)
                           : fmt::format("{} {}", what, thing.arn);
}

// "{subject} is described twice, inconsistently: {field} is {a} at {here} but {b} at {there}".
// The error is placed at the second description.
Error conflict(std::string_view subject, std::string_view field, std::string_view a,
               const Location& first, std::string_view b, const Location& second,
               std::string_view hint = "") {
  return Error{std::string(kConflict),
               fmt::format("{} is described twice, inconsistently: {} is {} at {} but {} at {}{}",
                           subject, field, a, place_text(first), b, place_text(second), hint),
               second};
}

std::string quoted(std::string_view text) { return fmt::format("'{}'", text); }

// Adds what `from` has and `into` lacks; the result is sorted.
void unite(std::vector<std::string>& into, const std::vector<std::string>& from) {
  std::set<std::string> all(into.begin(), into.end());
  all.insert(from.begin(), from.end());
  into.assign(all.begin(), all.end());
}

void take_address(std::string& into, const std::string& from) {
  if (into.empty()) into = from;
}

// An enumerated fact with an "unknown" value: equal, or taken from the side that knows it.
template <typename E>
Status merge_known(E& into, E from, E unknown, std::string_view subject, std::string_view field,
                   const Location& first, const Location& second) {
  if (from == unknown || into == from) return Ok{};
  if (into == unknown) {
    into = from;
    return Ok{};
  }
  return conflict(subject, field, to_string(into), first, to_string(from), second);
}

// A fact as free text, "" = not stated: equal, or taken from the side that states it.
Status merge_stated(std::string& into, const std::string& from, std::string_view subject,
                    std::string_view field, const Location& first, const Location& second) {
  if (from.empty() || into == from) return Ok{};
  if (into.empty()) {
    into = from;
    return Ok{};
  }
  return conflict(subject, field, into, first, from, second);
}

// A reference: equal when both name the same thing (`canonical` of each).
std::string key_ref_text(const std::string& ref, std::string_view none) {
  return ref.empty() ? std::string(none) : quoted(ref);
}

}  // namespace

std::string place_text(const Location& location) {
  const std::string text = location.to_string();
  return text.empty() ? "an input with no file name" : text;
}

// ---------------------------------------------------------------------------------------------
// Keys

Status merge(Key& into, const Key& from, const References& refs) {
  const std::string what = subject("key", into);
  const Location& first = into.location;
  const Location& second = from.location;
  if (Status s = merge_known(into.manager, from.manager, KeyManager::unknown, what, "manager",
                             first, second);
      !s) {
    return s;
  }
  if (Status s =
          merge_known(into.state, from.state, KeyState::unknown, what, "state", first, second);
      !s) {
    return s;
  }
  // A reader that did not describe the key leaves multi_region at `none`; a multi-Region key id
  // (mrk-...) says that it cannot be.
  if (into.multi_region != from.multi_region) {
    const bool mrk = is_multi_region_key_id(into.key_id());
    if (mrk && into.multi_region == MultiRegion::none) {
      into.multi_region = from.multi_region;
    } else if (!(mrk && from.multi_region == MultiRegion::none)) {
      return conflict(what, "multi_region", to_string(into.multi_region), first,
                      to_string(from.multi_region), second);
    }
  }
  if (!from.primary.empty()) {
    if (into.primary.empty()) {
      into.primary = from.primary;
    } else if (refs.key(into.primary, into.account, into.region) !=
               refs.key(from.primary, from.account, from.region)) {
      return conflict(what, "primary", quoted(into.primary), first, quoted(from.primary), second);
    }
  }
  // KeySpec and KeyUsage: not stated is CreateKey's default, but a reader that did not see
  // DescribeKey cannot tell, so "" yields to a stated value.
  SNAPKEY_RETURN_IF_ERROR(merge_stated(into.spec, from.spec, what, "spec", first, second));
  SNAPKEY_RETURN_IF_ERROR(merge_stated(into.usage, from.usage, what, "usage", first, second));
  unite(into.aliases, from.aliases);
  unite(into.shared_with, from.shared_with);
  // Who else may use the key: a principal one input does not know stays not known (an input
  // that says nothing of the policy cannot be told from one that lists nobody), unless the
  // accounts listed already answer (the engine looks at them first).
  if (into.shared_with_unknown.empty()) into.shared_with_unknown = from.shared_with_unknown;
  take_address(into.address, from.address);
  return Ok{};
}

// ---------------------------------------------------------------------------------------------
// Resources

namespace {

std::string option_group_text(const OptionGroup& group) {
  return fmt::format("'{}' (persistent options: {}; Regions: {})", group.name,
                     group.persistent_options.empty()
                         ? std::string("none")
                         : fmt::format("{}", fmt::join(group.persistent_options, ", ")),
                     group.regions.empty() ? std::string("none")
                                           : fmt::format("{}", fmt::join(group.regions, ", ")));
}

bool same(const OptionGroup& a, const OptionGroup& b) {
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  return a.name == b.name && sorted(a.persistent_options) == sorted(b.persistent_options) &&
         sorted(a.regions) == sorted(b.regions);
}

// Two descriptions of one resource or vault agree on its type, or conflict.
template <typename T>
Status same_type(const std::string& what, const T& into, const T& from) {
  if (into.type == from.type) return Ok{};
  return conflict(what, "type", to_string(into.type), into.location, to_string(from.type),
                  from.location);
}

}  // namespace

Status merge(Resource& into, const Resource& from, const References& refs) {
  const std::string what = subject("resource", into);
  const Location& first = into.location;
  const Location& second = from.location;
  SNAPKEY_RETURN_IF_ERROR(same_type(what, into, from));
  // The key: an input that does not know it (key_unknown), or that leaves it to AWS
  // (default_encryption: created without choosing a key), yields to one that describes it — a
  // key, the AWS owned key or none. Of the two that do not describe it, not known wins: what AWS
  // does by default is a guess about a resource another input says nothing certain about.
  auto described = [](const Resource& r) { return r.key_unknown.empty() && !r.default_encryption; };
  if (!described(from)) {
    if (into.default_encryption && !from.key_unknown.empty()) {
      into.default_encryption = false;
      into.key_unknown = from.key_unknown;
    }
  } else if (!described(into)) {
    into.key = from.key;
    into.key_unknown.clear();
    into.default_encryption = false;
  } else {
    const AccountId account = Model::account_of(into);
    const Region region = Model::region_of(into);
    const std::string a = into.key.empty() ? "" : refs.key(into.key, account, region);
    const std::string b = from.key.empty() ? "" : refs.key(from.key, account, region);
    if (a != b) {
      return conflict(what, "key", key_ref_text(into.key, "none (not encrypted)"), first,
                      key_ref_text(from.key, "none (not encrypted)"), second, refs.key_hint(a, b));
    }
  }
  for (const auto& [tag, value] : from.tags) {
    auto [it, added] = into.tags.emplace(tag, value);
    if (!added && it->second != value) {
      return conflict(what, fmt::format("tag '{}'", tag), quoted(it->second), first, quoted(value),
                      second);
    }
  }
  // A tag value one input does not know (known only after apply), the other may; and an input
  // that lists tags knows which there are, unless it says it does not ("*").
  const bool neither_knows_which =
      into.tags_unknown.contains("*") && from.tags_unknown.contains("*");
  for (const auto& [tag, why] : from.tags_unknown) into.tags_unknown.emplace(tag, why);
  std::erase_if(into.tags_unknown, [&](const auto& entry) {
    return into.tags.contains(entry.first) || (entry.first == "*" && !neither_knows_which);
  });
  if (from.option_group) {
    if (!into.option_group) {
      into.option_group = from.option_group;
    } else if (!same(*into.option_group, *from.option_group)) {
      return conflict(what, "option_group", option_group_text(*into.option_group), first,
                      option_group_text(*from.option_group), second);
    }
  }
  take_address(into.address, from.address);
  return Ok{};
}

// ---------------------------------------------------------------------------------------------
// Vaults

namespace {

// The canonical key of a vault: its key reference, or the default key of its type.
std::string vault_key(const Vault& vault, const References& refs) {
  const AccountId account = Model::account_of(vault);
  const Region region = Model::region_of(vault);
  if (!vault.key.empty()) return refs.key(vault.key, account, region);
  if (vault.type == VaultType::logically_air_gapped) return "the AWS owned key";
  return refs.key(std::string(kAwsBackupAlias), account, region);
}

}  // namespace

Status merge(Vault& into, const Vault& from, const References& refs) {
  const std::string what = subject("vault", into);
  const Location& first = into.location;
  const Location& second = from.location;
  SNAPKEY_RETURN_IF_ERROR(same_type(what, into, from));
  if (!from.key_unknown.empty()) {
    // nothing to learn
  } else if (!into.key_unknown.empty()) {
    into.key = from.key;
    into.key_unknown.clear();
  } else {
    const std::string a = vault_key(into, refs);
    const std::string b = vault_key(from, refs);
    if (a != b) {
      const std::string_view none = into.type == VaultType::logically_air_gapped
                                        ? "the default (the AWS owned key)"
                                        : "the default (alias/aws/backup)";
      return conflict(what, "key", key_ref_text(into.key, none), first,
                      key_ref_text(from.key, none), second, refs.key_hint(a, b));
    }
  }
  if (from.allows_copy_from) {
    if (!into.allows_copy_from) {
      into.allows_copy_from = from.allows_copy_from;
    } else {
      unite(*into.allows_copy_from, *from.allows_copy_from);
    }
  }
  take_address(into.address, from.address);
  return Ok{};
}

// ---------------------------------------------------------------------------------------------
// Plans

namespace {

std::set<std::string> canonical_vaults(const std::vector<std::string>& refs,
                                       const References& meaning) {
  std::set<std::string> out;
  for (const std::string& ref : refs) out.insert(meaning.vault(ref));
  return out;
}

std::string rule_text(const PlanRule& rule) {
  std::string text = fmt::format("vault '{}'", rule.vault);
  if (!rule.vault_unknown.empty()) text = "a vault not known";
  if (rule.continuous) text += ", continuous";
  if (!rule.copy_to.empty()) text += fmt::format(", copies to {}", fmt::join(rule.copy_to, ", "));
  if (!rule.air_gapped_vault_unknown.empty()) {
    text += ", an air-gapped vault not known";
  } else if (!rule.air_gapped_vault.empty()) {
    text += fmt::format(", air-gapped vault '{}'", rule.air_gapped_vault);
  }
  return text;
}

// Two descriptions of one rule: the target and the copies must agree where both know them.
Status merge_rule(PlanRule& into, const PlanRule& from, std::string_view what,
                  const Location& first, const Location& second, const References& refs) {
  const std::string field = fmt::format("rule '{}'", into.name);
  if (into.vault_unknown.empty() != from.vault_unknown.empty()) {
    if (!into.vault_unknown.empty()) {
      into.vault = from.vault;
      into.vault_unknown.clear();
    }
  } else if (into.vault_unknown.empty() && refs.vault(into.vault) != refs.vault(from.vault)) {
    return conflict(what, field, rule_text(into), first, rule_text(from), second);
  }
  if (into.continuous != from.continuous) {
    return conflict(what, field, rule_text(into), first, rule_text(from), second);
  }
  if (into.copy_to_unknown.empty() && from.copy_to_unknown.empty()) {
    if (canonical_vaults(into.copy_to, refs) != canonical_vaults(from.copy_to, refs)) {
      return conflict(what, field, rule_text(into), first, rule_text(from), second);
    }
  } else if (!into.copy_to_unknown.empty() && from.copy_to_unknown.empty()) {
    into.copy_to = from.copy_to;
    into.copy_to_unknown.clear();
  }
  // The logically air-gapped target, like the target vault ("" = none, which is known).
  if (into.air_gapped_vault_unknown.empty() != from.air_gapped_vault_unknown.empty()) {
    if (!into.air_gapped_vault_unknown.empty()) {
      into.air_gapped_vault = from.air_gapped_vault;
      into.air_gapped_vault_unknown.clear();
    }
  } else if (into.air_gapped_vault_unknown.empty()) {
    auto target = [&](const std::string& ref) { return ref.empty() ? ref : refs.vault(ref); };
    if (target(into.air_gapped_vault) != target(from.air_gapped_vault)) {
      return conflict(what, field, rule_text(into), first, rule_text(from), second);
    }
  }
  return Ok{};
}

std::string rule_names(const std::vector<PlanRule>& rules) {
  std::vector<std::string> names;
  for (const PlanRule& rule : rules) names.push_back(rule.name);
  std::sort(names.begin(), names.end());
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string selection_text(const Selection& s) {
  auto conditions = [](const std::vector<TagCondition>& list) {
    std::vector<std::string> out;
    for (const TagCondition& c : list) out.push_back(fmt::format("{}={}", c.key, c.value));
    return fmt::format("{}", fmt::join(out, ", "));
  };
  return fmt::format("resources [{}], not_resources [{}], tags [{}], conditions [{}]",
                     fmt::join(s.resources, ", "), fmt::join(s.not_resources, ", "),
                     conditions(s.any_tags), conditions(s.all_tags));
}

// A selection one input cannot evaluate (a tag value from a parameter without a value).
bool has_unknown(const Selection& s) {
  const auto open = [](const TagCondition& c) { return !c.unknown.empty(); };
  return !s.resources_unknown.empty() || !s.not_resources_unknown.empty() ||
         std::any_of(s.any_tags.begin(), s.any_tags.end(), open) ||
         std::any_of(s.all_tags.begin(), s.all_tags.end(), open);
}

bool same(const Selection& a, const Selection& b) {
  auto key = [](const std::vector<TagCondition>& list) {
    std::vector<std::tuple<TagCondition::Test, std::string, std::string>> out;
    for (const TagCondition& c : list) out.emplace_back(c.test, c.key, c.value);
    std::sort(out.begin(), out.end());
    return out;
  };
  auto set = [](const std::vector<std::string>& v) { return std::set(v.begin(), v.end()); };
  return set(a.resources) == set(b.resources) && set(a.not_resources) == set(b.not_resources) &&
         key(a.any_tags) == key(b.any_tags) && key(a.all_tags) == key(b.all_tags);
}

}  // namespace

Status merge(Plan& into, const Plan& from, const References& refs) {
  const std::string what = subject("plan", into);
  const Location& first = into.location;
  const Location& second = from.location;
  if (into.rules.empty()) {
    into.rules = from.rules;
  } else if (!from.rules.empty()) {
    if (rule_names(into.rules) != rule_names(from.rules)) {
      return conflict(what, "the list of rules", rule_names(into.rules), first,
                      rule_names(from.rules), second);
    }
    for (PlanRule& rule : into.rules) {
      const auto other = std::find_if(from.rules.begin(), from.rules.end(),
                                      [&](const PlanRule& r) { return r.name == rule.name; });
      SNAPKEY_RETURN_IF_ERROR(merge_rule(rule, *other, what, first, second, refs));
    }
  }
  for (const std::string& ref : from.resources) {
    const bool known =
        std::any_of(into.resources.begin(), into.resources.end(),
                    [&](const std::string& r) { return refs.resource(r) == refs.resource(ref); });
    if (!known) into.resources.push_back(ref);
  }
  // Only a scenario says which resources may be assigned (its resources_unknown); the same
  // resource twice keeps the first reason.
  for (const auto& [ref, why] : from.resources_unknown) into.resources_unknown.emplace(ref, why);
  for (const Selection& selection : from.selections) {
    const auto same_name =
        std::find_if(into.selections.begin(), into.selections.end(),
                     [&](const Selection& s) { return s.name == selection.name; });
    if (same_name == into.selections.end()) {
      into.selections.push_back(selection);
    } else if (has_unknown(*same_name) || has_unknown(selection)) {
      // What one input does not know, the other may: the known one stands.
      if (has_unknown(*same_name) && !has_unknown(selection)) *same_name = selection;
    } else if (!same(*same_name, selection)) {
      return conflict(what, fmt::format("selection '{}'", selection.name),
                      selection_text(*same_name), same_name->location, selection_text(selection),
                      selection.location);
    }
  }
  take_address(into.address, from.address);
  return Ok{};
}

// ---------------------------------------------------------------------------------------------
// Accounts

Status merge(Account& into, const Account& from) {
  const std::string what = fmt::format("account {}", into.id.value);
  if (from.organization) {
    if (!into.organization) {
      into.organization = from.organization;
    } else if (*into.organization != *from.organization) {
      return conflict(what, "organization", quoted(*into.organization), into.location,
                      quoted(*from.organization), from.location);
    }
  }
  if (into.cross_account_backup != from.cross_account_backup) {
    return conflict(what, "cross_account_backup", into.cross_account_backup ? "true" : "false",
                    into.location, from.cross_account_backup ? "true" : "false", from.location);
  }
  return Ok{};
}

}  // namespace snapkey::io::detail
