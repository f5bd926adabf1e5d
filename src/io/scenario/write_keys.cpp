// The `keys:` section of an exported scenario: every key the model lists. The keys Model::build
// makes itself (alias/aws/rds and alias/aws/backup where nobody listed them, and the AWS owned
// keys of every place) are left out: building the model read back makes them again.
#include <string>

#include "io/scenario/reader.hpp"
#include "io/scenario/writer.hpp"

namespace snapkey::io::scenario {

void Writer::key(const Key& key) {
  out_ << YAML::Key;
  string(key.name);
  out_ << YAML::Value << YAML::BeginMap;
  if (!key.arn.empty()) {
    field("arn", key.arn);
  } else {  // a key not created yet (a plan's, a template's)
    field("region", key.region.name);
    field("account", key.account.value);
  }
  if (key.aliases.size() == 1) {
    field("alias", key.aliases.front());
  } else if (key.aliases.size() > 1) {
    strings("aliases", key.aliases);
  }
  if (key.manager != KeyManager::customer) field("manager", word_of(kManagers, key.manager));
  if (key.multi_region != MultiRegion::none) {
    field("multi_region", word_of(kMultiRegion, key.multi_region));
  }
  if (!key.primary.empty()) field("primary", key.primary);
  if (key.state == KeyState::unknown) {
    field("state", kUnknown);
  } else if (key.state != KeyState::enabled) {
    field("state", to_string(key.state));
  }
  if (!key.shared_with.empty()) strings("shared_with", key.shared_with);
  reason("shared_with_unknown", key.shared_with_unknown);
  if (!key.spec.empty()) field("spec", key.spec);
  if (!key.usage.empty()) field("usage", key.usage);
  if (!key.address.empty()) field("address", key.address);
  out_ << YAML::EndMap;
}

void Writer::keys() {
  // Only snapkey's own keys are AWS owned: `aws-owned` refers to them.
  const auto listed = [](const Key& key) {
    return !key.implicit && key.manager != KeyManager::aws_owned;
  };
  const auto& all = model_.keys();
  if (std::none_of(all.begin(), all.end(), listed)) return;
  out_ << YAML::Key << "keys" << YAML::Value << YAML::BeginMap;
  for (const Key& key : all) {
    if (listed(key)) this->key(key);
  }
  out_ << YAML::EndMap;
}

}  // namespace snapkey::io::scenario
