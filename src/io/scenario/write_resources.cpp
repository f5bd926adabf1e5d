// The `resources:` section of an exported scenario: databases, their keys, tags and option groups.
#include <string>

#include "io/scenario/reader.hpp"
#include "io/scenario/writer.hpp"

namespace snapkey::io::scenario {

void Writer::resource(const Resource& resource) {
  out_ << YAML::Key;
  string(resource.name);
  out_ << YAML::Value << YAML::BeginMap;
  field("arn", resource.arn);
  field("type", to_string(resource.type));
  // `key` is always written: not encrypted is a decision, never an omission.
  std::string key;
  if (!resource.key.empty()) {
    key = key_reference(resource.key, Model::account_of(resource), Model::region_of(resource));
  } else if (resource.default_encryption) {
    key = kDefault;
  } else if (!resource.key_unknown.empty()) {
    key = kUnknown;
  } else {
    key = kNone;
  }
  field("key", key);
  // `key: unknown` alone gives the reader's own reason.
  if (key != kUnknown || resource.key_unknown != kUnknownKeyReason) {
    reason("key_unknown", resource.key_unknown);
  }
  if (!resource.tags.empty()) {
    out_ << YAML::Key << "tags" << YAML::Value << YAML::BeginMap;
    for (const auto& [name, value] : resource.tags) {
      out_ << YAML::Key;
      string(name);
      out_ << YAML::Value;
      string(value);
    }
    out_ << YAML::EndMap;
  }
  if (const std::optional<OptionGroup>& group = resource.option_group) {
    out_ << YAML::Key << "option_group" << YAML::Value << YAML::BeginMap;
    field("name", group->name);
    if (!group->persistent_options.empty()) {
      strings("persistent_options", group->persistent_options);
    }
    if (!group->regions.empty()) strings("regions", group->regions);
    out_ << YAML::EndMap;
  }
  if (!resource.address.empty()) field("address", resource.address);
  out_ << YAML::EndMap;
}

void Writer::resources() {
  if (model_.resources().empty()) return;
  out_ << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
  for (const Resource& resource : model_.resources()) this->resource(resource);
  out_ << YAML::EndMap;
}

}  // namespace snapkey::io::scenario
