// Private to the Terraform source reader: evaluating a configuration without a plan. Every module
// instance answers the references of its expressions (hcl::Context): variables, locals, resources
// and data sources with count and for_each, module calls and their outputs, provider
// configurations. Every resource instance it meets is kept, with its evaluated arguments and
// their places in the source, for emit.cpp to hand to the plan reader's Builder.
//
//   Evaluation evaluation(configuration, options);
//   Status done = evaluation.run();        // evaluates every resource of every module instance
//   for (const SourceInstance& instance : evaluation.instances()) ...
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_EVALUATION_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_EVALUATION_HPP

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "io/hcl/eval.hpp"
#include "io/terraform/plan.hpp"
#include "io/terraform/source/configuration.hpp"
#include "snapkey/io/terraform.hpp"

namespace snapkey::io::terraform::source {

// Where an evaluated block's arguments and nested blocks are in the source.
struct Shape {
  Location at;
  std::map<std::string, Location> attributes;
  std::map<std::string, std::vector<Shape>> blocks;
};

// One resource or data source instance, evaluated.
struct SourceInstance {
  std::string address;         // module.dr["us-east-1"].aws_backup_vault.this
  std::string module_address;  // module.dr["us-east-1"]
  bool data = false;
  std::string type;
  std::string name;
  std::optional<hcl::Value> index;  // count: a number; for_each: a string
  hcl::Value values;                // an object: arguments, and nested blocks as lists
  Shape shape;
  std::string provider;  // the provider configuration's key: aws, aws.east, module.m:aws
  const hcl::Block* block = nullptr;  // where it is declared (for its comments)
  const hcl::File* file = nullptr;
};

// A provider configuration, evaluated where it is declared.
struct ProviderState {
  hcl::Value region;  // a string, or unknown
  hcl::Value allowed_account_ids;
  hcl::Value assume_role;  // a list of objects (the blocks)
  Location location;
};

class ModuleInstance;

class Evaluation {
 public:
  // `environment`: where the configuration is deployed where it does not say (--region,
  // --account).
  Evaluation(Configuration& configuration, const TerraformOptions& options,
             PlanFile::Environment environment);
  ~Evaluation();

  // Evaluates the root module and every module it calls. Errors: E_TERRAFORM_* of the
  // declarations and expressions, E_HCL_SYNTAX and E_FILE of the files read.
  Status run();

  const std::vector<SourceInstance>& instances() const { return instances_; }
  const std::map<std::string, ProviderState>& providers() const { return providers_; }

 private:
  friend class ModuleInstance;

  // The values of the root module's variables: terraform.tfvars, *.auto.tfvars, the --var-file
  // files and the --var values, later ones winning. Errors: E_TERRAFORM_VARIABLE.
  Result<std::map<std::string, hcl::Value>> root_variables(
      const ModuleConfig& root, std::map<std::string, Location>& origins);

  Configuration& configuration_;
  const TerraformOptions& options_;
  PlanFile::Environment environment_;
  std::vector<SourceInstance> instances_;
  std::set<std::string> seen_;  // instance addresses kept
  std::map<std::string, ProviderState> providers_;
  std::vector<std::unique_ptr<ModuleInstance>> modules_;
};

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_EVALUATION_HPP
