// The `vaults:` section of an exported scenario: backup vaults, their type, key and access policy.
#include <string>

#include "io/scenario/reader.hpp"
#include "io/scenario/writer.hpp"

namespace snapkey::io::scenario {

void Writer::vault(const Vault& vault) {
  out_ << YAML::Key;
  string(vault.name);
  out_ << YAML::Value << YAML::BeginMap;
  field("arn", vault.arn);
  if (vault.type != VaultType::standard) field("type", word_of(kVaultTypes, vault.type));
  std::string key;  // "" = the default key
  if (!vault.key.empty()) {
    key = key_reference(vault.key, Model::account_of(vault), Model::region_of(vault));
  } else if (!vault.key_unknown.empty()) {
    key = kUnknown;
  }
  if (!key.empty()) field("key", key);
  // `key: unknown` alone gives the reader's own reason.
  if (key != kUnknown || vault.key_unknown != kUnknownKeyReason) {
    reason("key_unknown", vault.key_unknown);
  }
  if (!vault.allows_copy_from) {
    field("allows_copy_from", kUnknown);
  } else if (!vault.allows_copy_from->empty()) {
    strings("allows_copy_from", *vault.allows_copy_from);
  }
  if (!vault.address.empty()) field("address", vault.address);
  out_ << YAML::EndMap;
}

void Writer::vaults() {
  if (model_.vaults().empty()) return;
  out_ << YAML::Key << "vaults" << YAML::Value << YAML::BeginMap;
  for (const Vault& vault : model_.vaults()) this->vault(vault);
  out_ << YAML::EndMap;
}

}  // namespace snapkey::io::scenario
