// Private to the Terraform source reader: a configuration's modules as declared in their files
// (.tf and .tofu, and the JSON syntax's .tf.json and .tofu.json, where a .tofu file replaces the
// .tf file of the same name, as OpenTofu does), before anything is evaluated.
//
//   Configuration configuration("infra/");
//   auto root = configuration.module("infra/");     // E_FILE, E_HCL_SYNTAX,
//   E_TERRAFORM_DECLARATION for (const auto& [key, resource] : (*root)->resources) ...
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_CONFIGURATION_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_CONFIGURATION_HPP

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/detail/file.hpp"
#include "io/hcl/syntax.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io::terraform::source {

// A block and the file it is in (an override file's blocks are merged into it).
struct Declared {
  hcl::Block* block = nullptr;
  const hcl::File* file = nullptr;
};

struct Local {
  const hcl::Attribute* attribute = nullptr;
  const hcl::File* file = nullptr;
};

struct ModuleConfig {
  std::string dir;
  std::vector<std::unique_ptr<hcl::File>> files;
  std::map<std::string, Declared> variables;
  std::map<std::string, Local> locals;
  std::map<std::string, Declared> outputs;
  std::map<std::string, Declared> resources;  // "aws_kms_key.data", "data.aws_region.current"
  std::map<std::string, Declared> module_calls;
  std::map<std::string, Declared> providers;  // "aws", "aws.east"
};

// Loc of a declaration: file:line:column.
Location location_of(const Declared& declared);
Location location_of(const hcl::File& file, hcl::Position at);

class Configuration {
 public:
  explicit Configuration(std::string root) : root_(std::move(root)) {}
  // A configuration given as text instead of read from disk (read_terraform_source_texts, for
  // the fuzz targets and tests): `files` are its configuration files, by path, and each module's
  // directory is the parent of its files' paths. The texts must outlive the Configuration. No
  // module is downloaded (.terraform/modules is not read), and the evaluation reads no
  // terraform.tfvars or *.auto.tfvars.
  Configuration(std::string root, const std::vector<detail::SourceFile>& files);

  // Given as text: nothing of it is on disk.
  bool in_memory() const { return files_.has_value(); }

  // The module in `dir`, read once. Errors: E_FILE, E_HCL_SYNTAX, E_TERRAFORM_DECLARATION (a
  // block without its labels, a name declared twice), E_TERRAFORM_MODULE (no configuration
  // files in `dir`).
  Result<const ModuleConfig*> module(const std::string& dir);

  // Where `terraform init` put the module at `key` ("dr", "dr.keys"), from
  // .terraform/modules/modules.json; nullopt when it is not there.
  std::optional<std::string> downloaded(const std::string& key);

  const std::string& root() const { return root_; }

 private:
  // The configuration files of `dir` (configuration_files), and one file parsed
  // (parse_configuration_file), from disk or from `files_`.
  Result<std::vector<std::string>> files_in(const std::string& dir) const;
  Result<hcl::File> parse(const std::string& path) const;

  std::string root_;
  std::optional<std::map<std::string, std::string_view>> files_;  // by normal path
  std::map<std::string, std::unique_ptr<ModuleConfig>> modules_;
  std::optional<std::map<std::string, std::string>> downloaded_;
};

// The configuration files of a directory (not below it), in name order.
Result<std::vector<std::string>> configuration_files(const std::string& dir);

// Whether `path` names a Terraform or OpenTofu configuration file (.tf, .tf.json, .tofu,
// .tofu.json).
bool is_configuration_file(const std::string& path);

// A configuration file, in the native syntax or (.json) the JSON syntax. Errors: E_FILE, E_JSON,
// E_HCL_SYNTAX.
Result<hcl::File> parse_configuration_file(const std::string& path);
// The same, of its text. Errors: E_JSON, E_HCL_SYNTAX.
Result<hcl::File> parse_configuration_text(std::string_view text, const std::string& path);

// The labels a top-level block of `type` has (resource "TYPE" "NAME", variable "NAME" ...);
// nullopt for a type Terraform does not have.
std::optional<std::size_t> block_labels(const std::string& type);

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_CONFIGURATION_HPP
