// Reads scenario files (docs/scenario-format.md) into a ModelInput.
//
// The reader checks the *shape* of a file: that every key is known and given once, the kind of
// every value, the enumerated words, and the syntax of ARNs, Regions, account ids and dates. Each
// error points at the value at fault. Whether a name refers to something (a resource's key, a
// rule's vault) is Model::build's job: references leave here as the strings the file gives.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <utility>
#include <vector>

#include "io/detail/file.hpp"
#include "io/detail/guard.hpp"
#include "io/scenario/reader.hpp"
#include "snapkey/arn.hpp"
#include "snapkey/io/scenario.hpp"

namespace snapkey::io::scenario {

Result<Fields> Reader::entry_fields(const Field& entry, std::string_view subject,
                                    std::span<const std::string_view> known) const {
  if (!entry.value.IsMap()) {
    return type_error("a map", subject, entry.value, at(entry));
  }
  return fields(entry.value, known, fmt::format("in {}", subject));
}

Result<std::string> Reader::reference(const YAML::Node& value, std::string_view name,
                                      std::string_view expected, Location where) const {
  Result<std::string> ref = text(value, name, expected, where);
  if (!ref) return ref;
  if (ref->starts_with("arn:")) {
    if (Result<Arn> arn = parse_arn(*ref); !arn) return relocated(arn.error(), where);
  }
  return ref;
}

Result<Arn> Reader::arn(const Field& field) const {
  SNAPKEY_ASSIGN_OR_RETURN(std::string value, text(field, "an ARN"));
  Result<Arn> parsed = parse_arn(value);
  if (!parsed) return relocated(parsed.error(), at(field));
  return parsed;
}

Result<std::vector<std::string>> Reader::references(const Field& field, std::string_view expected,
                                                    std::string_view item) const {
  if (!field.value.IsSequence()) return type_error(expected, field);
  std::vector<std::string> list;
  for (const YAML::Node& element : field.value) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string ref,
                             reference(element, field.name, item, at(element, field.key)));
    list.push_back(std::move(ref));
  }
  return list;
}

Result<std::vector<std::string>> Reader::principals(const Field& field,
                                                    std::string_view expected) const {
  if (!field.value.IsSequence()) return type_error(expected, field);
  std::vector<std::string> list;
  for (const YAML::Node& element : field.value) {
    const Location where = at(element, field.key);
    if (!element.IsScalar()) {
      return error(
          kTypeError,
          fmt::format("expected an account id, an organization id or \"*\" in '{}', found {}",
                      field.name, found(element)),
          where);
    }
    const std::string& principal = element.Scalar();
    if (principal.starts_with("o-")) {
      if (!is_organization_id(principal)) {
        return error(kValueError,
                     fmt::format("expected an organization id like o-a1b2c3d4e5 in '{}', found {}",
                                 field.name, found(element)),
                     where);
      }
    } else if (principal != "*") {
      Result<AccountId> id = parse_account_id(principal);
      if (!id) return relocated(id.error(), where);
    }
    list.push_back(principal);
  }
  sort_unique(list);
  return list;
}

template <typename T>
Status Reader::section(const Field& field, Result<T> (Reader::*read)(const Field&) const,
                       std::vector<T>& out) const {
  if (field.value.IsNull()) return Ok{};
  if (!field.value.IsMap()) {
    const std::string expected = field.name == "accounts"
                                     ? std::string("a map of accounts by id")
                                     : fmt::format("a map of {} by name", field.name);
    return type_error(expected, field);
  }
  SNAPKEY_ASSIGN_OR_RETURN(Fields entries, pairs(field.value, fmt::format("in '{}'", field.name)));
  for (const Field& entry : entries) {
    if (entry.name.empty()) {
      return error(
          kValueError,
          fmt::format("expected a name for each entry of '{}', found an empty string", field.name),
          at(entry.key.Mark()));
    }
    SNAPKEY_ASSIGN_OR_RETURN(T item, (this->*read)(entry));
    out.push_back(std::move(item));
  }
  return Ok{};
}

Result<ModelInput> Reader::read(const YAML::Node& root) const {
  if (!root.IsMap()) return not_sections(root, kSections);
  SNAPKEY_ASSIGN_OR_RETURN(Fields sections, fields(root, kSections, "at the top level"));
  ModelInput input;
  for (const Field& field : sections) {
    Status status = Ok{};
    if (field.name == "as_of") {
      SNAPKEY_ASSIGN_OR_RETURN(std::string date_text, text(field, "a date like 2026-11-28"));
      Result<Date> date = parse_date(date_text);
      if (!date) return relocated(date.error(), at(field));
      input.as_of = *date;
    } else if (field.name == "accounts") {
      status = section(field, &Reader::account, input.accounts);
    } else if (field.name == "keys") {
      status = section(field, &Reader::key, input.keys);
    } else if (field.name == "resources") {
      status = section(field, &Reader::resource, input.resources);
    } else if (field.name == "vaults") {
      status = section(field, &Reader::vault, input.vaults);
    } else if (field.name == "plans") {
      status = section(field, &Reader::plan, input.plans);
    } else {
      status = jobs(field, input.jobs);
    }
    if (!status) return status.error();
  }
  return input;
}

namespace {

// read_scenario without its exception boundary: yaml-cpp's exceptions are the input's fault.
Result<ModelInput> read_scenario_guarded(std::string_view text, std::string_view file) {
  const Reader reader(file);
  try {
    SNAPKEY_ASSIGN_OR_RETURN(
        const YAML::Node root,
        detail::load_document(text, reader, "give each scenario its own file"));
    return reader.read(root);
  } catch (const YAML::Exception& e) {
    return detail::yaml_syntax_error(text, e, file);
  }
}

}  // namespace
}  // namespace snapkey::io::scenario

namespace snapkey::io {

Result<ModelInput> read_scenario(std::string_view text, std::string_view file) {
  return detail::guarded(fmt::format("the scenario {}", file),
                         [&] { return scenario::read_scenario_guarded(text, file); });
}

Result<ModelInput> read_scenario_file(const std::string& path) {
  SNAPKEY_ASSIGN_OR_RETURN(std::string text, detail::read_file(path));
  return read_scenario(text, path);
}

}  // namespace snapkey::io
