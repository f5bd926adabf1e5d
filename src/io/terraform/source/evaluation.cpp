// Evaluating a whole configuration: the root module's variables, then every module instance.
#include "io/terraform/source/evaluation.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "io/detail/file.hpp"
#include "io/terraform/source/json_schema.hpp"
#include "io/terraform/source/module_instance.hpp"
#include "snapkey/arn.hpp"  // closest_match

namespace snapkey::io::terraform::source {
namespace {

namespace fs = std::filesystem;

// The context of a .tfvars file or a --var value: constants only, as Terraform allows.
class Constants : public hcl::Context {
 public:
  Result<Resolution> reference(const std::string&, const std::vector<hcl::Step>&,
                               const hcl::Expression& where) override {
    return Error{"E_TERRAFORM_VARIABLE",
                 fmt::format("expected a constant value, found the reference {}", where.source),
                 Location{"", where.at.line, where.at.column, ""}};
  }
};

Status read_tfvars(const std::string& path, std::map<std::string, hcl::Value>& into,
                   std::map<std::string, Location>& origins) {
  SNAPKEY_ASSIGN_OR_RETURN(auto text, detail::read_file(path));
  SNAPKEY_ASSIGN_OR_RETURN(auto file, path.ends_with(".json")
                                          ? hcl::parse_json(text, path, variables_schema())
                                          : hcl::parse(text, path));
  if (!file.body.blocks.empty()) {
    const hcl::Block& block = file.body.blocks.front();
    return Error{"E_TERRAFORM_VARIABLE",
                 fmt::format("expected NAME = VALUE in a variable definitions file, found a {} "
                             "block",
                             block.type),
                 Location{path, block.at.line, block.at.column, ""}};
  }
  Constants constants;
  hcl::Evaluator evaluator(constants, path);
  for (const hcl::Attribute& attribute : file.body.attributes) {
    auto value = evaluator.evaluate(*attribute.value);
    if (!value) {
      Error error = value.error();
      if (error.location.file.empty()) error.location.file = path;
      return error;
    }
    into[attribute.name] = std::move(*value);
    origins[attribute.name] =
        Location{path, attribute.value->at.line, attribute.value->at.column, ""};
  }
  return Ok{};
}

// terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars and *.auto.tfvars.json in name
// order: what Terraform reads by itself.
std::vector<std::string> automatic_tfvars(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code error;
  const fs::path base(dir);
  for (const char* name : {"terraform.tfvars", "terraform.tfvars.json"}) {
    if (fs::is_regular_file(base / name, error)) out.push_back((base / name).string());
  }
  std::vector<std::string> automatic;
  for (const auto& entry : fs::directory_iterator(base, error)) {
    const std::string name = entry.path().filename().string();
    if ((name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json")) &&
        !name.starts_with('.')) {
      automatic.push_back(entry.path().string());
    }
  }
  std::sort(automatic.begin(), automatic.end());
  out.insert(out.end(), automatic.begin(), automatic.end());
  return out;
}

}  // namespace

Evaluation::Evaluation(Configuration& configuration, const TerraformOptions& options,
                       PlanFile::Environment environment)
    : configuration_(configuration), options_(options), environment_(std::move(environment)) {}

Evaluation::~Evaluation() = default;

Result<std::map<std::string, hcl::Value>> Evaluation::root_variables(
    const ModuleConfig& root, std::map<std::string, Location>& origins) {
  std::map<std::string, hcl::Value> out;
  // A configuration given as text has no directory to hold them.
  if (!configuration_.in_memory()) {
    for (const std::string& path : automatic_tfvars(root.dir)) {
      SNAPKEY_RETURN_IF_ERROR(read_tfvars(path, out, origins));
    }
  }
  for (const std::string& path : options_.variable_files) {
    SNAPKEY_RETURN_IF_ERROR(read_tfvars(path, out, origins));
  }
  for (const std::string& given : options_.variables) {
    const auto equals = given.find('=');
    const Location place{"--var", 0, 0, ""};
    if (equals == std::string::npos || equals == 0) {
      return Error{"E_TERRAFORM_VARIABLE",
                   fmt::format("expected --var NAME=VALUE, found '{}'", given), place};
    }
    const std::string name = given.substr(0, equals);
    const std::string text = given.substr(equals + 1);
    origins[name] = place;
    // As with terraform -var: a variable of a primitive type takes the text as it is; any other
    // type reads it as an expression ('["a","b"]', '{a = 1}').
    std::string type = "string";
    if (auto declared = root.variables.find(name); declared != root.variables.end()) {
      if (const hcl::Attribute* t = declared->second.block->body.attribute("type")) {
        type = t->value->source;
      }
    }
    if (type == "string" || type == "number" || type == "bool") {
      out[name] = hcl::Value::string(text);
      continue;
    }
    auto expression = hcl::parse_expression(text, "--var " + name, hcl::Position{1, 1});
    if (!expression) return expression.error();
    Constants constants;
    hcl::Evaluator evaluator(constants, "--var " + name);
    SNAPKEY_ASSIGN_OR_RETURN(out[name], evaluator.evaluate(**expression));
  }
  return out;
}

Status Evaluation::run() {
  SNAPKEY_ASSIGN_OR_RETURN(auto root, configuration_.module(configuration_.root()));
  ModuleCall call;
  SNAPKEY_ASSIGN_OR_RETURN(auto variables, root_variables(*root, call.origins));
  call.variables = std::move(variables);
  // Values for variables the root does not declare are ignored, as Terraform does for .tfvars
  // files (it warns); a --var for one is an error there too.
  for (const std::string& given : options_.variables) {
    const std::string name = given.substr(0, given.find('='));
    if (root->variables.contains(name)) continue;
    std::vector<std::string_view> declared;
    for (const auto& [variable, unused] : root->variables) declared.push_back(variable);
    const std::string suggestion = closest_match(name, declared);
    return Error{
        "E_TERRAFORM_VARIABLE",
        fmt::format("expected a variable \"{}\" declared in {} for --var {}, found none{}", name,
                    root->dir, given,
                    suggestion.empty() ? "" : fmt::format("; did you mean '{}'?", suggestion)),
        Location{"--var", 0, 0, ""}};
  }
  for (auto it = call.variables.begin(); it != call.variables.end();) {
    it = root->variables.contains(it->first) ? std::next(it) : call.variables.erase(it);
  }
  auto module = std::make_unique<ModuleInstance>(*this, *root, std::move(call));
  ModuleInstance& top = *module;
  modules_.push_back(std::move(module));
  SNAPKEY_RETURN_IF_ERROR(top.start());
  SNAPKEY_RETURN_IF_ERROR(top.evaluate_all());
  std::sort(instances_.begin(), instances_.end(),
            [](const SourceInstance& a, const SourceInstance& b) { return a.address < b.address; });
  return Ok{};
}

}  // namespace snapkey::io::terraform::source
