// Private to the Terraform plan reader: module instance addresses and the references of
// expressions, as `terraform show -json` spells them.
//
//   auto path = parse_module_address("module.dr[\"us-east-1\"].module.keys");
//   auto ref = parse_reference("aws_backup_vault.dr[\"us-east-1\"].arn");
//   // ref->type == "aws_backup_vault", ref->key == "\"us-east-1\"", ref->attribute == "arn"
#ifndef SNAPKEY_SRC_IO_TERRAFORM_ADDRESS_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_ADDRESS_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace snapkey::io::terraform {

// One step of a module instance address: module.NAME, or module.NAME[KEY] for a module call with
// count or for_each. KEY is kept as written between the brackets: `0` or `"us-east-1"`.
struct ModuleStep {
  std::string name;
  std::string key;  // "" = the module call has neither count nor for_each
  friend bool operator==(const ModuleStep&, const ModuleStep&) = default;
  friend auto operator<=>(const ModuleStep&, const ModuleStep&) = default;
};
using ModulePath = std::vector<ModuleStep>;

// "module.a[\"x\"].module.b"; "" for the root module.
std::string to_string(const ModulePath& path);
// nullopt when `text` is not a module instance address ("" is the root module).
std::optional<ModulePath> parse_module_address(std::string_view text);

// One entry of an expression's `references`, split into its parts.
//   aws_kms_key.app[0].arn      resource (managed) aws_kms_key.app, key 0, attribute arn
//   data.aws_kms_alias.rds.arn  resource (data)
//   module.keys.key_arn         module output: name keys, attribute key_arn
//   var.region, local.arns      variable, local
//   each.key, count.index       other (name: "each.key")
struct Reference {
  enum class Kind { resource, variable, module_output, local, other };
  Kind kind = Kind::other;
  bool data = false;      // resource: a data source
  std::string type;       // resource: its type
  std::string name;       // resource, variable, module call or local name; other: "each.key"
  std::string key;        // the instance key between brackets, as written
  bool has_key = false;   // resources and module calls only
  std::string attribute;  // resource: first attribute; module: the output; "" = the whole object

  // What the reference points at, without attributes: "aws_kms_key.app[0]", "module.dr", "var.x".
  std::string root() const;
  // The root plus the attribute: "aws_kms_key.app[0].arn".
  std::string to_string() const;
};
// nullopt when `text` is not a traversal this reader understands.
std::optional<Reference> parse_reference(std::string_view text);

}  // namespace snapkey::io::terraform

#endif  // SNAPKEY_SRC_IO_TERRAFORM_ADDRESS_HPP
