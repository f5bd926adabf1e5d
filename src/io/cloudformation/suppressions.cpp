// Suppressions written on a template's resource, where CDK's `addMetadata("snapkey", ...)` puts
// them (io/cloudformation/build.hpp):
//
//   AuditVault:
//     Type: AWS::Backup::BackupVault
//     Metadata:
//       snapkey:
//         ignore:
//           - check: AWS_MANAGED_COPY_KEY
//             reason: the audit copies may use aws/backup
//             expires: 2027-06-30
//
// Each item becomes a suppression of that vault or database, like one of a policy file.
#include <fmt/format.h>

#include "io/cloudformation/build.hpp"

namespace snapkey::io::cloudformation {
namespace {

Error suppression_error(const Location& at, std::string message) {
  return Error{"E_POLICY_SUPPRESSION", std::move(message), at};
}

// A member's value as literal text: intrinsic functions are not evaluated here.
Result<std::string> literal(const Member& member, std::string_view id) {
  if (!member.value.is_scalar()) {
    return suppression_error(member.value.location,
                             fmt::format("expected a string for the {} of a snapkey suppression on "
                                         "{}, found {}",
                                         member.key, id, member.value.kind_name()));
  }
  return member.value.text;
}

Result<InputSuppression> read_ignore(const Node& item, std::string_view id) {
  if (!item.is_map()) {
    return suppression_error(item.location, fmt::format("expected a map with check and reason in "
                                                        "Metadata.snapkey.ignore of {}, found {}",
                                                        id, item.kind_name()));
  }
  InputSuppression out;
  out.location = item.location;
  for (const Member& member : item.members) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string text, literal(member, id));
    if (member.key == "check") {
      out.check = std::move(text);
    } else if (member.key == "reason") {
      out.reason = std::move(text);
    } else if (member.key == "expires") {
      auto date = parse_date(text);
      if (!date) {
        return suppression_error(member.value.location,
                                 fmt::format("expires: {}", date.error().message));
      }
      out.expires = *date;
    } else {
      return suppression_error(member.key_location,
                               fmt::format("expected check, reason or expires in a snapkey "
                                           "suppression on {}, found '{}'",
                                           id, member.key));
    }
  }
  if (out.check.empty()) {
    return suppression_error(item.location,
                             fmt::format("expected the id of a check (check: ...) in a snapkey "
                                         "suppression on {}",
                                         id));
  }
  if (out.reason.empty()) {
    return suppression_error(item.location,
                             fmt::format("expected a reason for the suppression of {} on {}: every "
                                         "suppression must say why its findings are accepted",
                                         out.check, id));
  }
  return out;
}

// Where a suppression on `resource`, which is no entity of the model, belongs instead; "" when
// the resource is simply not created (its Condition is false).
std::string misplaced(const Member& resource) {
  const Node* type = resource.value.find("Type");
  const std::string_view name = type == nullptr ? "" : std::string_view(type->text);
  const Node* properties = resource.value.find("Properties");
  if (name == "AWS::RDS::DBInstance" && properties != nullptr &&
      properties->find("DBClusterIdentifier") != nullptr) {
    return fmt::format(
        "expected Metadata.snapkey on a vault or a database, found it on {}, an "
        "instance of a cluster: put it on the cluster, which is what is backed up",
        resource.key);
  }
  if (name.starts_with("AWS::RDS::") || name.ends_with("::DBCluster") ||
      (name.starts_with("AWS::Backup::") && name.ends_with("BackupVault"))) {
    return "";
  }
  return fmt::format(
      "expected Metadata.snapkey on a vault or a database "
      "(AWS::Backup::BackupVault, AWS::RDS::DBCluster, AWS::RDS::DBInstance, ...), "
      "found it on {} ({})",
      resource.key, name);
}

}  // namespace

Status Builder::read_suppressions() {
  for (std::size_t s = 0; s < eval_.stacks().size(); ++s) {
    for (const Member& resource : eval_.stacks()[s].section("Resources")->members) {
      const Node* metadata = resource.value.find("Metadata");
      const Node* snapkey = metadata == nullptr ? nullptr : metadata->find("snapkey");
      if (snapkey == nullptr) continue;
      const auto found = entity_index_.find({s, resource.key});
      const Entity* e = found == entity_index_.end() ? nullptr : &entities_[found->second];
      if (e == nullptr || !(is_vault(*e) || is_database(*e))) {
        std::string message = misplaced(resource);
        if (message.empty()) continue;
        return suppression_error(snapkey->location, std::move(message));
      }
      SNAPKEY_RETURN_IF_ERROR(read_suppressions_of(*e, *snapkey));
    }
  }
  return Ok{};
}

Status Builder::read_suppressions_of(const Entity& e, const Node& snapkey) {
  const Node* ignore = snapkey.is_map() ? snapkey.find("ignore") : nullptr;
  if (ignore == nullptr || !ignore->is_list() || snapkey.members.size() != 1) {
    return suppression_error(snapkey.location,
                             fmt::format("expected Metadata.snapkey of {} to be a map with one "
                                         "member, ignore: a list of {{check, reason, expires}}",
                                         e.id));
  }
  for (const Node& item : ignore->items) {
    SNAPKEY_ASSIGN_OR_RETURN(InputSuppression suppression, read_ignore(item, e.id));
    (is_vault(e) ? suppression.vault : suppression.resource) = e.name;
    out_.suppressions.push_back(std::move(suppression));
  }
  return Ok{};
}

}  // namespace snapkey::io::cloudformation
