// The model's small value types: enum spellings, Key and Vault accessors, recovery point refs.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "snapkey/model.hpp"

namespace snapkey {
namespace {

constexpr std::array<std::pair<KeyState, std::string_view>, 9> kKeyStates = {{
    {KeyState::enabled, "Enabled"},
    {KeyState::disabled, "Disabled"},
    {KeyState::pending_deletion, "PendingDeletion"},
    {KeyState::pending_replica_deletion, "PendingReplicaDeletion"},
    {KeyState::pending_import, "PendingImport"},
    {KeyState::unavailable, "Unavailable"},
    {KeyState::creating, "Creating"},
    {KeyState::updating, "Updating"},
    {KeyState::unknown, "Unknown"},
}};

constexpr std::array<std::pair<ResourceType, std::string_view>, 5> kResourceTypes = {{
    {ResourceType::aurora, "aurora"},
    {ResourceType::rds_instance, "rds-instance"},
    {ResourceType::rds_multiaz_cluster, "rds-multiaz-cluster"},
    {ResourceType::docdb, "docdb"},
    {ResourceType::neptune, "neptune"},
}};

template <typename Table>
std::vector<std::string_view> names_of(const Table& table) {
  std::vector<std::string_view> names;
  for (const auto& entry : table) names.push_back(entry.second);
  return names;
}

}  // namespace

std::string_view to_string(KeyManager manager) {
  switch (manager) {
    case KeyManager::customer:
      return "customer";
    case KeyManager::aws:
      return "aws";
    case KeyManager::aws_owned:
      return "aws-owned";
    case KeyManager::unknown:
      break;
  }
  return "unknown";
}

std::string_view to_string(MultiRegion multi_region) {
  switch (multi_region) {
    case MultiRegion::primary:
      return "primary";
    case MultiRegion::replica:
      return "replica";
    case MultiRegion::none:
      break;
  }
  return "none";
}

std::string_view to_string(KeyState state) {
  for (const auto& [value, name] : kKeyStates) {
    if (value == state) return name;
  }
  return "Unknown";
}

Result<KeyState> parse_key_state(std::string_view text) {
  for (const auto& [value, name] : kKeyStates) {
    if (name == text && value != KeyState::unknown) return value;
  }
  std::vector<std::string_view> names = names_of(kKeyStates);
  names.pop_back();  // "Unknown" is not a KMS state
  return Error{
      "E_KEY_STATE",
      fmt::format("expected a KMS key state ({}), found '{}'", fmt::join(names, ", "), text),
      {}};
}

std::string_view to_string(ResourceType type) {
  for (const auto& [value, name] : kResourceTypes) {
    if (value == type) return name;
  }
  return "aurora";
}

Result<ResourceType> parse_resource_type(std::string_view text) {
  for (const auto& [value, name] : kResourceTypes) {
    if (name == text) return value;
  }
  return Error{"E_RESOURCE_TYPE",
               fmt::format("expected a resource type ({}), found '{}'",
                           fmt::join(names_of(kResourceTypes), ", "), text),
               {}};
}

bool is_cluster(ResourceType type) { return type != ResourceType::rds_instance; }

std::string_view to_string(VaultType type) {
  switch (type) {
    case VaultType::logically_air_gapped:
      return "logically-air-gapped";
    case VaultType::restore_access:
      return "restore-access";
    case VaultType::standard:
      break;
  }
  return "standard";
}

std::string_view to_string(JobKind kind) {
  switch (kind) {
    case JobKind::native_copy:
      return "native-copy";
    case JobKind::restore:
      return "restore";
    case JobKind::copy:
      break;
  }
  return "copy";
}

std::string Key::key_id() const {
  const auto slash = arn.rfind("key/");
  return slash == std::string::npos ? std::string() : arn.substr(slash + 4);
}

std::string Key::alias() const { return aliases.empty() ? std::string() : aliases.front(); }

std::string Key::display_name() const {
  if (!aliases.empty()) return aliases.front();
  return arn.empty() ? name : arn;
}

bool Key::is_aws_managed(std::string_view alias_name) const {
  return manager == KeyManager::aws &&
         std::find(aliases.begin(), aliases.end(), alias_name) != aliases.end();
}

bool Key::is_symmetric_encryption() const {
  return (spec.empty() || spec == kSymmetricDefault) && (usage.empty() || usage == kEncryptDecrypt);
}

std::string Vault::vault_name() const {
  const auto colon = arn.rfind(':');
  return colon == std::string::npos ? arn : arn.substr(colon + 1);
}

std::string RecoveryPointRef::to_string() const { return resource + "@" + vault; }

Result<RecoveryPointRef> parse_recovery_point_ref(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == text.size() ||
      text.find('@', at + 1) != std::string_view::npos) {
    return Error{"E_RECOVERY_POINT_REF",
                 fmt::format("expected a recovery point as RESOURCE@VAULT, found '{}'", text),
                 {}};
  }
  return RecoveryPointRef{std::string(text.substr(0, at)), std::string(text.substr(at + 1))};
}

}  // namespace snapkey
