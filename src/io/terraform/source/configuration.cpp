// Reading a configuration's module directories into their declarations.
#include "io/terraform/source/configuration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "io/detail/file.hpp"
#include "io/detail/json.hpp"
#include "io/detail/walk.hpp"
#include "io/terraform/source/json_schema.hpp"

namespace snapkey::io::terraform::source {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view extensions[] = {".tofu.json", ".tf.json", ".tofu", ".tf"};

// The name of a file without its configuration extension: main.tf -> main.
std::string stem_of(const std::string& name) {
  for (std::string_view extension : extensions) {
    if (name.ends_with(extension)) return name.substr(0, name.size() - extension.size());
  }
  return name;
}

bool is_json(const std::string& name) { return name.ends_with(".json"); }

bool is_tofu(const std::string& name) {
  return name.ends_with(".tofu") || name.ends_with(".tofu.json");
}

// What a .tofu file replaces: x.tofu replaces x.tf, and x.tofu.json replaces x.tf.json.
std::string replaced_by_tofu(const std::string& name) {
  return stem_of(name) + (is_json(name) ? ".json" : "");
}

// override.tf and *_override.tf are merged into the other files by Terraform.
bool is_override(const std::string& name) {
  const std::string stem = stem_of(name);
  return stem == "override" || stem.ends_with("_override");
}

// A directory's path, normalised, without a trailing separator ("infra/./x/" -> "infra/x", ""
// -> ".").
std::string normal_dir(const std::string& dir) {
  fs::path path = fs::path(dir).lexically_normal();
  if (!path.has_filename() && path.has_parent_path()) path = path.parent_path();
  return path.empty() ? "." : path.string();
}

// The configuration files among `names` (the file names of `dir`), in name order, each with the
// directory's path: x.tofu instead of x.tf when both are there (and x.tofu.json for x.tf.json),
// as OpenTofu reads them.
std::vector<std::string> chosen_files(std::vector<std::string> names, const std::string& dir) {
  std::sort(names.begin(), names.end());
  std::set<std::string> tofu;
  for (const std::string& name : names) {
    if (is_tofu(name)) tofu.insert(replaced_by_tofu(name));
  }
  std::vector<std::string> out;
  const std::string prefix = dir.ends_with('/') ? dir : dir + "/";
  for (const std::string& name : names) {
    if (!is_tofu(name) && tofu.contains(replaced_by_tofu(name))) continue;
    out.push_back(prefix + name);
  }
  return out;
}

Error declaration_error(const hcl::File& file, hcl::Position at, std::string message) {
  return Error{"E_TERRAFORM_DECLARATION", std::move(message), location_of(file, at)};
}

}  // namespace

std::optional<std::size_t> block_labels(const std::string& type) {
  static const std::map<std::string, std::size_t> counts = {
      {"resource", 2}, {"data", 2},   {"variable", 1},  {"output", 1}, {"module", 1},
      {"provider", 1}, {"locals", 0}, {"terraform", 0}, {"moved", 0},  {"import", 0},
      {"removed", 0},  {"check", 1},  {"ephemeral", 2}};
  const auto it = counts.find(type);
  if (it == counts.end()) return std::nullopt;
  return it->second;
}

namespace {

Status declare(ModuleConfig& module, const hcl::File& file, hcl::Block& block) {
  const auto wanted = block_labels(block.type);
  if (!wanted) {
    return declaration_error(file, block.at,
                             fmt::format("expected a resource, data, variable, locals, output, "
                                         "module, provider or terraform block, found '{}'",
                                         block.type));
  }
  if (block.labels.size() != *wanted) {
    return declaration_error(file, block.at,
                             fmt::format("expected {} label{} after {}, found {}", *wanted,
                                         *wanted == 1 ? "" : "s", block.type, block.labels.size()));
  }
  const auto add = [&](std::map<std::string, Declared>& into, std::string key,
                       std::string_view what) -> Status {
    auto [it, added] = into.emplace(key, Declared{&block, &file});
    if (added) return Ok{};
    return declaration_error(
        file, block.at,
        fmt::format("expected one {} '{}', found a second (the first is at {})", what, key,
                    location_of(it->second).to_string()));
  };
  if (block.type == "resource")
    return add(module.resources, block.labels[0] + "." + block.labels[1], "resource");
  if (block.type == "data") {
    return add(module.resources, "data." + block.labels[0] + "." + block.labels[1], "data source");
  }
  if (block.type == "variable") return add(module.variables, block.labels[0], "variable");
  if (block.type == "output") return add(module.outputs, block.labels[0], "output");
  if (block.type == "module") return add(module.module_calls, block.labels[0], "module call");
  if (block.type == "provider") {
    std::string key = block.labels[0];
    if (const hcl::Attribute* alias = block.body.attribute("alias")) {
      if (alias->value->kind != hcl::Expression::Kind::template_string &&
          alias->value->kind != hcl::Expression::Kind::literal) {
        return declaration_error(file, alias->at, "expected a constant string as the alias");
      }
      key +=
          "." + (alias->value->parts.empty() ? alias->value->name : alias->value->parts[0]->name);
    }
    return add(module.providers, key, "provider configuration");
  }
  if (block.type == "locals") {
    for (const hcl::Attribute& attribute : block.body.attributes) {
      auto [it, added] = module.locals.emplace(attribute.name, Local{&attribute, &file});
      if (!added) {
        return declaration_error(
            file, attribute.at,
            fmt::format("expected one local value '{}', found a second (the first is at {})",
                        attribute.name,
                        location_of(*it->second.file, it->second.attribute->at).to_string()));
      }
    }
  }
  return Ok{};
}

// Terraform's merge of an override block into the block it names: each argument replaces the
// original's, and each nested block type replaces all the original's blocks of that type.
void merge_into(hcl::Block& original, const hcl::Block& override) {
  for (const hcl::Attribute& attribute : override.body.attributes) {
    auto same = std::find_if(original.body.attributes.begin(), original.body.attributes.end(),
                             [&](const hcl::Attribute& a) { return a.name == attribute.name; });
    if (same == original.body.attributes.end()) {
      original.body.attributes.push_back(attribute);
    } else {
      *same = attribute;
    }
  }
  std::set<std::string> types;
  for (const hcl::Block& nested : override.body.blocks) types.insert(nested.type);
  std::erase_if(original.body.blocks,
                [&](const hcl::Block& nested) { return types.contains(nested.type); });
  for (const hcl::Block& nested : override.body.blocks) original.body.blocks.push_back(nested);
}

// The declaration an override block names. Errors: E_TERRAFORM_DECLARATION (it names none).
Status apply_override(ModuleConfig& module, const hcl::File& file) {
  for (const hcl::Block& block : file.body.blocks) {
    if (block.type == "locals") {
      for (const hcl::Attribute& attribute : block.body.attributes) {
        auto it = module.locals.find(attribute.name);
        if (it == module.locals.end()) {
          return declaration_error(file, attribute.at,
                                   fmt::format("expected local value '{}' declared in a file "
                                               "other than an override file, found none",
                                               attribute.name));
        }
        it->second = Local{&attribute, &file};
      }
      continue;
    }
    std::map<std::string, Declared>* into = nullptr;
    std::string key = block.labels.empty() ? "" : block.labels[0];
    if (block.type == "resource" && block.labels.size() == 2) {
      into = &module.resources;
      key += "." + block.labels[1];
    } else if (block.type == "data" && block.labels.size() == 2) {
      into = &module.resources;
      key = "data." + key + "." + block.labels[1];
    } else if (block.type == "variable") {
      into = &module.variables;
    } else if (block.type == "output") {
      into = &module.outputs;
    } else if (block.type == "module") {
      into = &module.module_calls;
    } else if (block.type == "provider") {
      into = &module.providers;
      if (const hcl::Attribute* alias = block.body.attribute("alias")) {
        key +=
            "." + (alias->value->parts.empty() ? alias->value->name : alias->value->parts[0]->name);
      }
    } else {
      continue;  // terraform blocks and the like: nothing snapkey reads
    }
    auto it = into->find(key);
    if (it == into->end()) {
      return declaration_error(file, block.at,
                               fmt::format("expected {} '{}' declared in a file other than an "
                                           "override file, found none",
                                           block.type, key));
    }
    merge_into(*it->second.block, block);
  }
  return Ok{};
}

}  // namespace

Location location_of(const hcl::File& file, hcl::Position at) {
  return Location{file.path, at.line, at.column, ""};
}

Location location_of(const Declared& declared) {
  return location_of(*declared.file, declared.block->at);
}

bool is_configuration_file(const std::string& path) {
  return std::any_of(std::begin(extensions), std::end(extensions),
                     [&](std::string_view extension) { return path.ends_with(extension); });
}

Result<hcl::File> parse_configuration_file(const std::string& path) {
  SNAPKEY_ASSIGN_OR_RETURN(auto text, detail::read_file(path));
  return parse_configuration_text(text, path);
}

Result<hcl::File> parse_configuration_text(std::string_view text, const std::string& path) {
  if (is_json(path)) return hcl::parse_json(text, path, configuration_schema());
  return hcl::parse(text, path);
}

Result<std::vector<std::string>> configuration_files(const std::string& dir) {
  std::error_code error;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with('.') && is_configuration_file(name) && entry.is_regular_file(error)) {
      names.push_back(name);
    }
  }
  if (error) return detail::cannot_read(dir, error);
  return chosen_files(std::move(names), dir);
}

Configuration::Configuration(std::string root, const std::vector<detail::SourceFile>& files)
    : root_(std::move(root)), files_(std::in_place) {
  for (const detail::SourceFile& file : files) {
    (*files_)[fs::path(file.path).lexically_normal().string()] = file.text;
  }
}

Result<std::vector<std::string>> Configuration::files_in(const std::string& dir) const {
  if (!files_) return configuration_files(dir);
  const std::string wanted = normal_dir(dir);
  std::vector<std::string> names;
  for (const auto& [path, text] : *files_) {
    const fs::path file(path);
    const std::string name = file.filename().string();
    if (normal_dir(file.parent_path().string()) == wanted && !name.starts_with('.') &&
        is_configuration_file(name)) {
      names.push_back(name);
    }
  }
  return chosen_files(std::move(names), dir);
}

Result<hcl::File> Configuration::parse(const std::string& path) const {
  if (!files_) return parse_configuration_file(path);
  const auto it = files_->find(fs::path(path).lexically_normal().string());
  if (it == files_->end()) {
    return detail::cannot_read(path, std::make_error_code(std::errc::no_such_file_or_directory));
  }
  return parse_configuration_text(it->second, path);
}

Result<const ModuleConfig*> Configuration::module(const std::string& dir) {
  const std::string key = fs::path(dir).lexically_normal().string();
  if (auto it = modules_.find(key); it != modules_.end()) return it->second.get();
  auto module = std::make_unique<ModuleConfig>();
  module->dir = dir;
  SNAPKEY_ASSIGN_OR_RETURN(auto paths, files_in(dir));
  if (paths.empty()) {
    return Error{"E_TERRAFORM_MODULE",
                 fmt::format("expected Terraform configuration files (.tf, .tf.json, .tofu, "
                             ".tofu.json) in '{}', found none",
                             dir),
                 Location{dir, 0, 0, ""}};
  }
  std::vector<std::unique_ptr<hcl::File>> overrides;
  for (const std::string& path : paths) {
    SNAPKEY_ASSIGN_OR_RETURN(auto file, parse(path));
    auto owned = std::make_unique<hcl::File>(std::move(file));
    if (is_override(fs::path(path).filename().string())) {
      overrides.push_back(std::move(owned));
      continue;
    }
    module->files.push_back(std::move(owned));
    hcl::File& added = *module->files.back();
    for (hcl::Block& block : added.body.blocks) {
      SNAPKEY_RETURN_IF_ERROR(declare(*module, added, block));
    }
  }
  // Override files last, in name order, as Terraform merges them.
  for (const auto& file : overrides) SNAPKEY_RETURN_IF_ERROR(apply_override(*module, *file));
  for (auto& file : overrides) module->files.push_back(std::move(file));
  return (modules_[key] = std::move(module)).get();
}

std::optional<std::string> Configuration::downloaded(const std::string& key) {
  if (!downloaded_) {
    downloaded_.emplace();
    if (in_memory()) return std::nullopt;
    const std::string manifest = (fs::path(root_) / ".terraform/modules/modules.json").string();
    std::error_code error;
    if (fs::exists(manifest, error)) {
      if (auto doc = detail::read_json_file(manifest)) {
        for (const detail::JsonValue& entry : (*doc)->root()["Modules"].items()) {
          auto name = entry.optional_string("Key");
          auto dir = entry.optional_string("Dir");
          if (name && *name && dir && *dir) {
            (*downloaded_)[**name] = (fs::path(root_) / **dir).lexically_normal().string();
          }
        }
      }
    }
  }
  const auto it = downloaded_->find(key);
  if (it == downloaded_->end()) return std::nullopt;
  return it->second;
}

}  // namespace snapkey::io::terraform::source
