// The `resources:` section of a scenario: databases, their keys, tags and option groups.
#include "io/scenario/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "snapkey/arn.hpp"

namespace snapkey::io::scenario {

Result<OptionGroup> Reader::option_group(const Field& field, std::string_view subject) const {
  const std::string owner = fmt::format("the option_group of {}", subject);
  if (!field.value.IsMap()) {
    return type_error("a map with name, persistent_options and regions", field);
  }
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields,
                           this->fields(field.value, kOptionGroupFields, "in " + owner));
  OptionGroup group;
  const Field* name = find(fields, "name");
  if (!name) return missing(owner, "name", "the option group's name", at(field));
  Result<std::string> name_text = text(*name, "the option group's name");
  if (!name_text) return name_text.error();
  group.name = std::move(*name_text);
  if (const Field* options = find(fields, "persistent_options")) {
    if (!options->value.IsSequence()) return type_error("a list of option names", *options);
    for (const YAML::Node& element : options->value) {
      Result<std::string> option =
          text(element, options->name, "an option name", at(element, options->key));
      if (!option) return option.error();
      group.persistent_options.push_back(std::move(*option));
    }
    sort_unique(group.persistent_options);
  }
  if (const Field* regions = find(fields, "regions")) {
    if (!regions->value.IsSequence()) return type_error("a list of Region names", *regions);
    for (const YAML::Node& element : regions->value) {
      const Location where = at(element, regions->key);
      SNAPKEY_ASSIGN_OR_RETURN(std::string name_text,
                               text(element, regions->name, "a Region name", where));
      Result<Region> region = parse_region(name_text);
      if (!region) return relocated(region.error(), where);
      group.regions.push_back(region->name);
    }
    sort_unique(group.regions);
  }
  return group;
}

Result<Resource> Reader::resource(const Field& entry) const {
  Resource resource;
  resource.name = entry.name;
  resource.location = at(entry.key.Mark());
  const std::string subject = fmt::format("resource '{}'", entry.name);
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields, entry_fields(entry, subject, kResourceFields));

  const Field* arn_field = find(fields, "arn");
  if (!arn_field) {
    return missing(subject, "arn",
                   "an ARN like arn:aws:rds:REGION:ACCOUNT:cluster:NAME or "
                   "arn:aws:rds:REGION:ACCOUNT:db:NAME",
                   resource.location);
  }
  const Field* type_field = find(fields, "type");
  if (!type_field) {
    return missing(subject, "type",
                   "one of aurora, rds-instance, rds-multiaz-cluster, docdb, neptune",
                   resource.location);
  }
  const Field* key_field = find(fields, "key");
  if (!key_field) {
    return missing(subject, "key",
                   "a key name, key ARN or alias, or none for an unencrypted resource",
                   resource.location);
  }

  Result<std::string> type_text =
      text(*type_field, "one of aurora, rds-instance, rds-multiaz-cluster, docdb, neptune");
  if (!type_text) return type_text.error();
  Result<ResourceType> type = parse_resource_type(*type_text);
  if (!type) return relocated(type.error(), at(*type_field));
  resource.type = *type;

  Result<Arn> arn = this->arn(*arn_field);
  if (!arn) return arn.error();
  const bool cluster = is_cluster(resource.type);
  const std::string_view prefix = cluster ? "cluster:" : "db:";
  if (arn->service != "rds" || arn->region.empty() || arn->account.empty() ||
      !arn->resource.starts_with(prefix) || arn->resource.size() == prefix.size()) {
    return error(kArnKindError,
                 fmt::format("expected {} like arn:aws:rds:REGION:ACCOUNT:{}NAME for a resource "
                             "of type {}, found {}",
                             cluster ? "a DB cluster ARN" : "a DB instance ARN", prefix,
                             to_string(resource.type), found(arn_field->value)),
                 at(*arn_field));
  }
  resource.arn = arn_field->value.Scalar();

  Result<std::string> key =
      reference(*key_field, "a key name, key ARN or alias, or none for an unencrypted resource");
  if (!key) return key.error();
  if (*key == kUnknown) {
    resource.key_unknown = kUnknownKeyReason;
  } else if (*key == kDefault) {
    resource.default_encryption = true;  // AWS decides, by the prediction's date
  } else if (*key != kNone) {
    resource.key = std::move(*key);  // a key reference, or kAwsOwnedKey
  }

  if (const Field* tags = find(fields, "tags")) {
    if (!tags->value.IsMap()) return type_error("a map of tag names to values", *tags);
    SNAPKEY_ASSIGN_OR_RETURN(Fields pairs,
                             this->pairs(tags->value, fmt::format("in the tags of {}", subject)));
    for (const Field& tag : pairs) {
      if (tag.value.IsNull()) {
        resource.tags[tag.name] = "";
      } else if (tag.value.IsScalar()) {
        resource.tags[tag.name] = tag.value.Scalar();
      } else {
        return type_error("a string", fmt::format("tag '{}'", tag.name), tag.value, at(tag));
      }
    }
  }
  if (const Field* field = find(fields, "option_group")) {
    SNAPKEY_ASSIGN_OR_RETURN(OptionGroup group, option_group(*field, subject));
    resource.option_group = std::move(group);
  }
  if (const Field* field = find(fields, "key_unknown")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string why, reason(*field));
    resource.key_unknown = std::move(why);
  }
  if (const Field* field = find(fields, "address")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string written, address(*field));
    resource.address = std::move(written);
  }
  return resource;
}

}  // namespace snapkey::io::scenario
