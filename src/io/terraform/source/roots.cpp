// Finding the root modules of a tree of Terraform configuration.
#include "io/terraform/source/roots.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "io/terraform/source/configuration.hpp"

namespace snapkey::io::terraform::source {
namespace {

namespace fs = std::filesystem;

std::string normal(const fs::path& path) {
  std::string out = path.lexically_normal().string();
  while (out.size() > 1 && out.ends_with('/')) out.pop_back();
  return out;
}

// The local module sources of the module in `dir`, as normal paths.
Result<std::vector<std::string>> local_sources(Configuration& configuration,
                                               const std::string& dir) {
  SNAPKEY_ASSIGN_OR_RETURN(auto module, configuration.module(dir));
  std::vector<std::string> out;
  for (const auto& [name, call] : module->module_calls) {
    const hcl::Attribute* source = call.block->body.attribute("source");
    if (!source || source->value->parts.size() > 1) continue;
    const hcl::Expression& value = *source->value;
    const std::string text = value.parts.empty() ? value.name : value.parts[0]->name;
    if (text.starts_with("./") || text.starts_with("../")) {
      out.push_back(normal(fs::path(dir) / text));
    }
  }
  return out;
}

}  // namespace

bool is_below(const std::string& file, const std::string& dir) {
  const std::string base = normal(dir);
  const std::string path = normal(file);
  return base == "." || path == base || path.starts_with(base + "/");
}

Result<Roots> terraform_roots(const std::vector<std::string>& files) {
  std::set<std::string> dirs;
  for (const std::string& file : files) {
    if (is_configuration_file(file)) dirs.insert(normal(fs::path(file).parent_path()));
  }
  std::vector<std::string> candidates;
  for (const std::string& dir : dirs) {
    const bool nested = std::any_of(candidates.begin(), candidates.end(),
                                    [&](const std::string& root) { return is_below(dir, root); });
    if (!nested) candidates.push_back(dir);
  }
  // A candidate another one calls as a module is a module.
  Configuration configuration(".");
  std::set<std::string> called;
  for (const std::string& dir : dirs) {
    SNAPKEY_ASSIGN_OR_RETURN(auto sources, local_sources(configuration, dir));
    for (const std::string& source : sources) {
      if (!is_below(source, dir)) called.insert(source);
    }
  }
  Roots out;
  for (const std::string& dir : candidates) {
    if (!called.contains(dir)) out.roots.push_back(dir);
  }
  out.modules.assign(dirs.begin(), dirs.end());
  return out;
}

}  // namespace snapkey::io::terraform::source
