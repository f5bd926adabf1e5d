// Private to the Terraform source reader: one instance of a module (the root, module.dr["x"]),
// which answers the references of the expressions in its files. Everything is evaluated when
// first asked for and kept; asking again while it is being evaluated is a cycle, which Terraform
// refuses too.
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_MODULE_INSTANCE_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_MODULE_INSTANCE_HPP

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/hcl/eval.hpp"
#include "io/terraform/source/evaluation.hpp"

namespace snapkey::io::terraform::source {

// What a module instance is given by its caller.
struct ModuleCall {
  std::string address;         // module.dr["us-east-1"]; "" for the root
  std::string static_address;  // module.dr
  std::string key_path;        // dr: its key in .terraform/modules/modules.json
  std::map<std::string, hcl::Value> variables;
  // Where a variable's value is given, when that is known: a .tfvars line, --var.
  std::map<std::string, Location> origins;
  std::map<std::string, std::string> providers;  // its local name (aws, aws.east) -> key
};

class ModuleInstance : public hcl::Context {
 public:
  ModuleInstance(Evaluation& evaluation, const ModuleConfig& config, ModuleCall call)
      : evaluation_(evaluation), config_(config), call_(std::move(call)) {}

  // Checks the variables given against those declared and evaluates the provider blocks.
  // Errors: E_TERRAFORM_REFERENCE (a variable given that is not declared), E_TERRAFORM_VARIABLE.
  Status start();
  // Evaluates every resource and data source, and every module instance called.
  Status evaluate_all();

  Result<Resolution> reference(const std::string& root, const std::vector<hcl::Step>& steps,
                               const hcl::Expression& where) override;

 private:
  // A value evaluated once.
  struct Lazy {
    enum class State { todo, busy, done };
    State state = State::todo;
    hcl::Value value;
  };
  // The instances of a module call.
  struct CallInstances {
    enum class Expansion { single, count, for_each, unknown, unavailable };
    Expansion expansion = Expansion::single;
    std::vector<std::pair<hcl::Value, ModuleInstance*>> instances;  // key, instance
    hcl::Value why;  // unknown / unavailable: an unknown value saying why
  };

  Result<hcl::Value> variable(const std::string& name, const hcl::Expression& where);
  Result<hcl::Value> local(const std::string& name, const hcl::Expression& where);
  Result<hcl::Value> output(const std::string& name, const hcl::Expression& where);
  Result<hcl::Value> resource(const std::string& key, const hcl::Expression& where);
  Result<CallInstances*> module_call(const std::string& name, const hcl::Expression& where);
  Result<Resolution> module_reference(const std::vector<hcl::Step>& steps,
                                      const hcl::Expression& where);
  Result<hcl::Value> outputs_of(ModuleInstance& child, const hcl::Expression& where);

  // Evaluates `expression` of `file` here, with `each` / `count` bound when given.
  Result<hcl::Value> evaluate(const hcl::Expression& expression, const hcl::File& file,
                              const std::map<std::string, hcl::Value>& bound = {});
  // count / for_each of a block, evaluated: nullopt when it has neither.
  Result<std::optional<hcl::Value>> expansion(const Declared& declared);
  // The keys and the bindings (count.index, each.key / each.value) of each instance.
  Result<std::vector<std::pair<hcl::Value, std::map<std::string, hcl::Value>>>> instances_of(
      const Declared& declared, const hcl::Value& expansion, bool for_each);

  struct Evaluated {
    hcl::Value values;
    Shape shape;
  };
  // A block's arguments and nested blocks (dynamic blocks expanded); `top` leaves out the
  // meta-arguments of a resource.
  Result<Evaluated> body(const hcl::Block& block, const hcl::File& file, hcl::Evaluator& evaluator,
                         bool top);
  Status dynamic_block(const hcl::Block& block, const hcl::File& file, hcl::Evaluator& evaluator,
                       std::map<std::string, std::vector<hcl::Value>>& lists, Shape& shape);
  Result<hcl::Value> evaluate_instance(const std::string& key, const Declared& declared,
                                       const std::optional<hcl::Value>& index,
                                       const std::map<std::string, hcl::Value>& bound);
  // What a data source tells without being read: the Region, the account, a policy document.
  void data_source_values(const std::string& type, const std::string& provider,
                          std::map<std::string, hcl::Value>& fields) const;
  Result<std::string> provider_of(const Declared& declared);
  Status start_providers();
  Result<std::unique_ptr<ModuleInstance>> make_child(const std::string& name,
                                                     const Declared& declared,
                                                     const std::optional<hcl::Value>& key,
                                                     const std::map<std::string, hcl::Value>& bound,
                                                     const std::string& dir);
  Result<std::optional<std::string>> child_dir(const std::string& name, const Declared& declared,
                                               hcl::Value& why);

  std::string address_in(const std::string& local) const;
  Error reference_error(const hcl::Expression& where, const std::string& message) const;

  Evaluation& evaluation_;
  const ModuleConfig& config_;
  ModuleCall call_;
  std::map<std::string, hcl::Value> variables_;
  std::map<std::string, Lazy> locals_;
  std::map<std::string, Lazy> outputs_;
  std::map<std::string, Lazy> resources_;
  std::map<std::string, CallInstances> calls_;
  std::map<std::string, Lazy::State> call_states_;
};

// "aws_kms_key.data[0]" and the like: an instance's local address.
std::string instance_address(const std::string& local, const std::optional<hcl::Value>& key);

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_MODULE_INSTANCE_HPP
