// Reads a Terraform plan (`terraform show -json plan.out`) into a ModelInput: the steps of the
// Builder in order, then names for everything and the references between them.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "io/detail/guard.hpp"
#include "io/inputs/deployment_place.hpp"
#include "io/terraform/build.hpp"
#include "io/terraform/source/plan_locations.hpp"
#include "snapkey/io/terraform.hpp"

namespace snapkey::io {
namespace terraform {
namespace {

// Gives every item its readable name, or, where two share one, a name that tells them apart:
// the Terraform address, else the ARN.
template <typename T>
void unique_names(std::vector<T*>& items) {
  std::map<std::string, int> count;
  for (const T* item : items) ++count[item->name];
  std::set<std::string> taken;
  for (T* item : items) {
    if (count[item->name] > 1) item->name = item->address.empty() ? item->arn : item->address;
    while (!taken.insert(item->name).second) item->name += "'";
  }
}

}  // namespace

const std::set<std::string>& read_types() {
  static const std::set<std::string> types = {"aws_kms_key",
                                              "aws_kms_replica_key",
                                              "aws_kms_alias",
                                              "aws_rds_cluster",
                                              "aws_db_instance",
                                              "aws_docdb_cluster",
                                              "aws_neptune_cluster",
                                              "aws_backup_vault",
                                              "aws_backup_logically_air_gapped_vault",
                                              "aws_backup_plan",
                                              "aws_backup_selection",
                                              "aws_backup_vault_policy",
                                              "aws_backup_global_settings"};
  return types;
}

Result<ModelInput> Builder::build() {
  for (auto step : {&Builder::keys, &Builder::resources, &Builder::vaults, &Builder::plans,
                    &Builder::selections, &Builder::vault_policies, &Builder::global_settings}) {
    SNAPKEY_RETURN_IF_ERROR((this->*step)());
  }
  name_everything();

  ModelInput input;
  input.accounts = std::move(accounts_);
  // A key that cannot be described (or whose primary cannot) is left out: what points at it is
  // unknown instead.
  for (bool changed = true; changed;) {
    changed = false;
    for (KeyEntry& entry : keys_) {
      if (entry.unknown.empty() && entry.primary && !keys_[*entry.primary].unknown.empty()) {
        entry.unknown = keys_[*entry.primary].unknown;
        changed = true;
      }
    }
  }
  for (KeyEntry& entry : keys_) {
    if (!entry.unknown.empty()) continue;
    if (entry.primary) {
      const Key& primary = keys_[*entry.primary].key;
      entry.key.primary = primary.arn.empty() ? primary.name : primary.arn;
    }
    std::sort(entry.key.aliases.begin(), entry.key.aliases.end());
    input.keys.push_back(entry.key);
  }
  for (ResourceEntry& entry : resources_) {
    resolve_key(entry.key, entry.resource.key, entry.resource.key_unknown);
    input.resources.push_back(std::move(entry.resource));
  }
  for (VaultEntry& entry : vaults_) {
    if (entry.vault.key_unknown.empty()) {
      resolve_key(entry.key, entry.vault.key, entry.vault.key_unknown);
    }
    input.vaults.push_back(std::move(entry.vault));
  }
  input.plans = std::move(plans_);
  return input;
}

void Builder::name_everything() {
  std::vector<Key*> keys;
  for (KeyEntry& entry : keys_) {
    if (!entry.unknown.empty()) continue;
    Key& key = entry.key;
    std::vector<std::string> aliases = key.aliases;
    std::sort(aliases.begin(), aliases.end());
    if (!aliases.empty()) {
      key.name = aliases.front().substr(6);  // without "alias/"
    } else if (!key.key_id().empty()) {
      key.name = key.key_id();
    } else {
      key.name = key.address;
    }
    keys.push_back(&key);
  }
  unique_names(keys);
  std::vector<Resource*> resources;
  for (ResourceEntry& entry : resources_) resources.push_back(&entry.resource);
  unique_names(resources);
  std::vector<Vault*> vaults;
  for (VaultEntry& entry : vaults_) vaults.push_back(&entry.vault);
  unique_names(vaults);
  std::vector<Plan*> plans;
  for (Plan& plan : plans_) plans.push_back(&plan);
  unique_names(plans);
}

// A key with no ARN yet is named by its alias (which resolves in the user's account and Region,
// whatever the key ends up being called), else by its name.
std::string Builder::key_reference(std::size_t entry) const {
  const Key& key = keys_[entry].key;
  if (!key.arn.empty()) return key.arn;
  if (!key.aliases.empty()) return *std::min_element(key.aliases.begin(), key.aliases.end());
  return key.name;
}

void Builder::resolve_key(const KeyTarget& target, std::string& key, std::string& why) const {
  switch (target.kind) {
    case KeyTarget::Kind::none:
      key.clear();
      return;
    case KeyTarget::Kind::text:
      key = target.text;
      return;
    case KeyTarget::Kind::unknown:
      why = target.why;
      return;
    case KeyTarget::Kind::entry:
      break;
  }
  if (!keys_[target.entry].unknown.empty()) {
    why = keys_[target.entry].unknown;
  } else {
    key = key_reference(target.entry);
  }
}

namespace {

Location file_only(std::string_view file) {
  Location location;
  location.file = std::string(file);
  return location;
}

}  // namespace

Result<PlanFile::Environment> environment_of(std::string_view file,
                                             const TerraformOptions& options) {
  const auto [region, account] =
      detail::place_for(std::string(file), {options.region, options.account}, options.plans);
  // Each given part parsed into `out`, or its error, saying which part of which plan it is.
  const auto given = [&](const std::string& text, auto parse, std::string_view what,
                         auto& out) -> Status {
    if (text.empty()) return Ok{};
    auto parsed = parse(text);
    if (!parsed) {
      return Error{parsed.error().id,
                   fmt::format("the {} given for {}: {}", what, file, parsed.error().message),
                   file_only(file)};
    }
    out = *parsed;
    return Ok{};
  };
  PlanFile::Environment out;
  SNAPKEY_RETURN_IF_ERROR(given(region, parse_region, "Region", out.region));
  SNAPKEY_RETURN_IF_ERROR(given(account, parse_account_id, "account", out.account));
  return out;
}

}  // namespace terraform

namespace {

Result<ModelInput> read_document(std::unique_ptr<detail::JsonDocument> doc,
                                 const TerraformOptions& options) {
  SNAPKEY_ASSIGN_OR_RETURN(auto place, terraform::environment_of(doc->file(), options));
  SNAPKEY_ASSIGN_OR_RETURN(auto plan, terraform::PlanFile::read(std::move(doc)));
  SNAPKEY_RETURN_IF_ERROR((plan)->locate(terraform::read_types(), place));
  terraform::Builder builder(*plan);
  SNAPKEY_ASSIGN_OR_RETURN(auto input, builder.build());
  // Findings then point at the .tf lines under review, not into a generated plan.
  if (auto dir = terraform::source::configuration_of_plan(plan->file(), options)) {
    SNAPKEY_RETURN_IF_ERROR(terraform::source::locate_in_configuration(input, plan->root(), *dir));
  }
  return input;
}

}  // namespace

Result<ModelInput> read_terraform_plan(std::string_view text, std::string_view file,
                                       const TerraformOptions& options) {
  return detail::guarded(fmt::format("the Terraform plan {}", file), [&]() -> Result<ModelInput> {
    SNAPKEY_ASSIGN_OR_RETURN(auto doc,
                             detail::parse_json(simdjson::padded_string(text), std::string(file)));
    return read_document(std::move(doc), options);
  });
}

Result<ModelInput> read_terraform_plan_file(const std::string& path,
                                            const TerraformOptions& options) {
  return detail::guarded(fmt::format("the Terraform plan {}", path), [&]() -> Result<ModelInput> {
    SNAPKEY_ASSIGN_OR_RETURN(auto doc, detail::read_json_file(path));
    return read_document(std::move(doc), options);
  });
}

}  // namespace snapkey::io
