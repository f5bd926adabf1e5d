// A module instance's references: variables, locals, resources, module calls and outputs.
#include "io/terraform/source/module_instance.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "common/strings.hpp"
#include "io/terraform/source/policy_document.hpp"
#include "snapkey/arn.hpp"

namespace snapkey::io::terraform::source {
namespace {

namespace fs = std::filesystem;
using hcl::Value;

// Arguments of a resource or module block that are Terraform's, not the resource's.
bool is_meta_argument(const std::string& name) {
  return name == "count" || name == "for_each" || name == "provider" || name == "depends_on" ||
         name == "providers" || name == "source" || name == "version";
}

bool is_meta_block(const std::string& type) {
  return type == "lifecycle" || type == "provisioner" || type == "connection";
}

// The name a provider reference (aws, aws.east) is written with, or nullopt.
std::optional<std::string> provider_name(const hcl::Expression& e) {
  using Kind = hcl::Expression::Kind;
  if (e.kind == Kind::variable) return e.name;
  if (e.kind == Kind::get_attr && e.parts[0]->kind == Kind::variable) {
    return e.parts[0]->name + "." + e.name;
  }
  return std::nullopt;
}

std::string key_text(const Value& key) {
  return key.is_string() ? snapkey::detail::json_quote(key.as_string()) : *key.to_text();
}

}  // namespace

std::string instance_address(const std::string& local, const std::optional<Value>& key) {
  return key ? fmt::format("{}[{}]", local, key_text(*key)) : local;
}

std::string ModuleInstance::address_in(const std::string& local) const {
  return call_.address.empty() ? local : call_.address + "." + local;
}

Error ModuleInstance::reference_error(const hcl::Expression& where,
                                      const std::string& message) const {
  return Error{"E_TERRAFORM_REFERENCE", message, Location{"", where.at.line, where.at.column, ""}};
}

Result<Value> ModuleInstance::evaluate(const hcl::Expression& expression, const hcl::File& file,
                                       const std::map<std::string, Value>& bound) {
  hcl::Evaluator evaluator(*this, file.path);
  for (const auto& [name, value] : bound) evaluator.bind(name, value);
  auto out = evaluator.evaluate(expression);
  // A reference error is made here without its file (the context does not know it): add it.
  if (!out && out.error().location.file.empty()) {
    Error error = out.error();
    error.location.file = file.path;
    return error;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Starting: variables and providers

Status ModuleInstance::start() {
  for (const auto& [name, value] : call_.variables) {
    if (!config_.variables.contains(name)) {
      return Error{"E_TERRAFORM_REFERENCE",
                   fmt::format("expected a variable '{}' declared in {}, found none (it is given "
                               "by {})",
                               name, config_.dir,
                               call_.address.empty() ? "--var or a .tfvars file" : call_.address),
                   Location{config_.dir, 0, 0, ""}};
    }
  }
  for (const auto& [name, declared] : config_.variables) {
    std::optional<Value> value;
    std::optional<Location> given_at;  // where the value is written, when that is known
    if (auto given = call_.variables.find(name); given != call_.variables.end()) {
      value = given->second;
      if (auto origin = call_.origins.find(name); origin != call_.origins.end()) {
        given_at = origin->second;
      }
    } else if (const hcl::Attribute* fallback = declared.block->body.attribute("default")) {
      SNAPKEY_ASSIGN_OR_RETURN(value, evaluate(*fallback->value, *declared.file));
      given_at = location_of(*declared.file, fallback->value->at);
    }
    if (!value) {
      variables_[name] = Value::unknown(
          fmt::format("var.{}{} has no value: it has no default, and {} ({})", name,
                      call_.address.empty() ? "" : " of " + call_.address,
                      call_.address.empty() ? "no --var, --var-file or .tfvars file sets it"
                                            : "the module call does not set it",
                      location_of(declared).to_string()));
      continue;
    }
    if (const hcl::Attribute* type = declared.block->body.attribute("type")) {
      auto converted = hcl::convert(*value, type->value->source);
      if (!converted) {
        // At the value, naming the type's place; at the type when the value has none.
        const Location type_at = location_of(*declared.file, type->at);
        return Error{
            "E_TERRAFORM_VARIABLE",
            fmt::format("expected var.{} to be of type {}{}, found {}", name, type->value->source,
                        given_at ? fmt::format(" (its type at {})", type_at.to_string()) : "",
                        value->describe()),
            given_at ? *given_at : type_at};
      }
      value = *converted;
    }
    variables_[name] = *value;
  }
  return start_providers();
}

Status ModuleInstance::start_providers() {
  // Inherited: the default configuration of each provider, unless given or declared here.
  for (const auto& [local, declared] : config_.providers) {
    const std::string key =
        call_.static_address.empty() ? local : call_.static_address + ":" + local;
    call_.providers[local] = key;
    if (evaluation_.providers_.contains(key)) continue;
    ProviderState state;
    state.location = location_of(declared);
    state.region = Value::null();
    state.allowed_account_ids = Value::null();
    state.assume_role = Value::list({});
    hcl::Evaluator evaluator(*this, declared.file->path);
    for (const hcl::Attribute& attribute : declared.block->body.attributes) {
      if (attribute.name != "region" && attribute.name != "allowed_account_ids") continue;
      SNAPKEY_ASSIGN_OR_RETURN(auto value, evaluate(*attribute.value, *declared.file));
      (attribute.name == "region" ? state.region : state.allowed_account_ids) = value;
    }
    std::vector<Value> roles;
    for (const hcl::Block* role : declared.block->body.blocks_of("assume_role")) {
      SNAPKEY_ASSIGN_OR_RETURN(auto evaluated, body(*role, *declared.file, evaluator, false));
      roles.push_back(evaluated.values);
    }
    state.assume_role = Value::list(std::move(roles));
    evaluation_.providers_[key] = std::move(state);
  }
  if (!call_.providers.contains("aws")) call_.providers["aws"] = "aws";
  if (!evaluation_.providers_.contains("aws")) {
    ProviderState fallback;
    fallback.region = Value::null();
    fallback.allowed_account_ids = Value::null();
    fallback.assume_role = Value::list({});
    evaluation_.providers_["aws"] = std::move(fallback);
  }
  return Ok{};
}

// ---------------------------------------------------------------------------------------------
// References

Result<hcl::Context::Resolution> ModuleInstance::reference(const std::string& root,
                                                           const std::vector<hcl::Step>& steps,
                                                           const hcl::Expression& where) {
  const auto name_at = [&](std::size_t i) -> const std::string* {
    return i < steps.size() && !steps[i].key ? &steps[i].name : nullptr;
  };
  if (root == "var" || root == "local") {
    const std::string* name = name_at(0);
    if (!name)
      return reference_error(where, fmt::format("expected {}.NAME, found {}", root, where.source));
    SNAPKEY_ASSIGN_OR_RETURN(auto value,
                             root == "var" ? variable(*name, where) : local(*name, where));
    return Resolution{std::move(value), 1};
  }
  if (root == "module") return module_reference(steps, where);
  if (root == "path") {
    const std::string* name = name_at(0);
    if (name && (*name == "module" || *name == "root" || *name == "cwd")) {
      return Resolution{
          Value::string(*name == "module" ? config_.dir : evaluation_.configuration_.root()), 1};
    }
    return reference_error(
        where, fmt::format("expected path.module, path.root or path.cwd, found {}", where.source));
  }
  if (root == "terraform") {
    return Resolution{
        Value::unknown(fmt::format("{} is the workspace chosen when Terraform runs", where.source)),
        1};
  }
  if (root == "data") {
    const std::string* type = name_at(0);
    const std::string* name = name_at(1);
    if (!type || !name) {
      return reference_error(where, fmt::format("expected data.TYPE.NAME, found {}", where.source));
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto value, resource("data." + *type + "." + *name, where));
    return Resolution{std::move(value), 2};
  }
  const std::string* name = name_at(0);
  if (!name) {
    return reference_error(where, fmt::format("expected a variable, local, module, data source or "
                                              "resource, found {}",
                                              where.source));
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto value, resource(root + "." + *name, where));
  return Resolution{std::move(value), 1};
}

Result<Value> ModuleInstance::variable(const std::string& name, const hcl::Expression& where) {
  if (auto it = variables_.find(name); it != variables_.end()) return it->second;
  return reference_error(where, fmt::format("expected a variable \"{}\" declared in {}, found none",
                                            name, config_.dir));
}

Result<Value> ModuleInstance::local(const std::string& name, const hcl::Expression& where) {
  const auto declared = config_.locals.find(name);
  if (declared == config_.locals.end()) {
    return reference_error(
        where, fmt::format("expected a local value \"{}\" in {}, found none", name, config_.dir));
  }
  Lazy& lazy = locals_[name];
  if (lazy.state == Lazy::State::done) return lazy.value;
  if (lazy.state == Lazy::State::busy) {
    return reference_error(where, fmt::format("expected local.{} not to depend on itself", name));
  }
  lazy.state = Lazy::State::busy;
  auto value = evaluate(*declared->second.attribute->value, *declared->second.file);
  if (!value) {
    lazy.state = Lazy::State::todo;
    return value.error();
  }
  lazy.state = Lazy::State::done;
  return lazy.value = *value;
}

Result<Value> ModuleInstance::output(const std::string& name, const hcl::Expression& where) {
  const auto declared = config_.outputs.find(name);
  if (declared == config_.outputs.end()) {
    return reference_error(
        where, fmt::format("expected an output \"{}\" in {}, found none", name, config_.dir));
  }
  Lazy& lazy = outputs_[name];
  if (lazy.state == Lazy::State::done) return lazy.value;
  if (lazy.state == Lazy::State::busy) {
    return reference_error(where, fmt::format("expected output {} not to depend on itself", name));
  }
  const hcl::Attribute* value = declared->second.block->body.attribute("value");
  if (!value) {
    return Error{"E_TERRAFORM_DECLARATION",
                 fmt::format("expected a value in output \"{}\", found none", name),
                 location_of(declared->second)};
  }
  lazy.state = Lazy::State::busy;
  auto out = evaluate(*value->value, *declared->second.file);
  if (!out) {
    lazy.state = Lazy::State::todo;
    return out.error();
  }
  lazy.state = Lazy::State::done;
  return lazy.value = *out;
}

// ---------------------------------------------------------------------------------------------
// Resources

Result<std::optional<Value>> ModuleInstance::expansion(const Declared& declared) {
  const hcl::Attribute* count = declared.block->body.attribute("count");
  const hcl::Attribute* for_each = declared.block->body.attribute("for_each");
  if (count && for_each) {  // Terraform: Invalid combination of "count" and "for_each"
    return Error{"E_TERRAFORM_DECLARATION",
                 fmt::format("expected count or for_each, found both (count at {}); they are "
                             "mutually exclusive",
                             location_of(*declared.file, count->at).to_string()),
                 location_of(*declared.file, for_each->at)};
  }
  const hcl::Attribute* used = count ? count : for_each;
  if (!used) return std::optional<Value>();
  SNAPKEY_ASSIGN_OR_RETURN(auto value, evaluate(*used->value, *declared.file));
  return std::optional<Value>(std::move(value));
}

Result<std::vector<std::pair<Value, std::map<std::string, Value>>>> ModuleInstance::instances_of(
    const Declared& declared, const Value& expansion, bool for_each) {
  std::vector<std::pair<Value, std::map<std::string, Value>>> out;
  const hcl::Attribute* at = declared.block->body.attribute(for_each ? "for_each" : "count");
  const Location where = location_of(*declared.file, at->at);
  if (!for_each) {
    auto number = hcl::convert(expansion, "number");
    if (!number || number->is_null() || number->as_number() < 0 ||
        number->as_number() != static_cast<double>(static_cast<long>(number->as_number()))) {
      return Error{"E_TERRAFORM_EXPRESSION",
                   fmt::format("expected a whole number of 0 or more as count, found {}",
                               expansion.describe()),
                   where};
    }
    for (long i = 0; i < static_cast<long>(number->as_number()); ++i) {
      const Value index = Value::number(static_cast<double>(i));
      out.emplace_back(index,
                       std::map<std::string, Value>{{"count", Value::object({{"index", index}})}});
    }
    return out;
  }
  const auto add = [&](const std::string& key, const Value& value) {
    out.emplace_back(Value::string(key),
                     std::map<std::string, Value>{
                         {"each", Value::object({{"key", Value::string(key)}, {"value", value}})}});
  };
  if (expansion.is_object()) {
    for (const auto& [key, value] : expansion.fields()) add(key, value);
    return out;
  }
  if (expansion.is_list()) {
    for (const Value& item : expansion.items()) {
      if (!item.is_string()) {
        return Error{"E_TERRAFORM_EXPRESSION",
                     fmt::format("expected a map or a set of strings as for_each, found a list "
                                 "holding {}",
                                 item.describe()),
                     where};
      }
      add(item.as_string(), item);
    }
    return out;
  }
  return Error{
      "E_TERRAFORM_EXPRESSION",
      fmt::format("expected a map or a set of strings as for_each, found {}", expansion.describe()),
      where};
}

Result<Value> ModuleInstance::resource(const std::string& key, const hcl::Expression& where) {
  const auto declared = config_.resources.find(key);
  if (declared == config_.resources.end()) {
    return reference_error(where, fmt::format("expected a {} \"{}\" declared in {}, found none",
                                              key.starts_with("data.") ? "data source" : "resource",
                                              key, config_.dir));
  }
  Lazy& lazy = resources_[key];
  if (lazy.state == Lazy::State::done) return lazy.value;
  if (lazy.state == Lazy::State::busy) {
    return reference_error(where, fmt::format("expected {} not to depend on itself", key));
  }
  lazy.state = Lazy::State::busy;
  auto value = [&]() -> Result<Value> {
    SNAPKEY_ASSIGN_OR_RETURN(auto expanded, expansion(declared->second));
    if (!expanded) return evaluate_instance(key, declared->second, std::nullopt, {});
    if (expanded->is_unknown()) {
      return Value::unknown(fmt::format("how many instances {} has is not known: {}",
                                        address_in(key), expanded->why()));
    }
    const bool for_each = declared->second.block->body.attribute("for_each") != nullptr;
    SNAPKEY_ASSIGN_OR_RETURN(auto instances, instances_of(declared->second, *expanded, for_each));
    std::vector<Value> items;
    std::map<std::string, Value> fields;
    for (const auto& [index, bound] : instances) {
      SNAPKEY_ASSIGN_OR_RETURN(auto instance,
                               evaluate_instance(key, declared->second, index, bound));
      if (for_each) {
        fields[index.as_string()] = std::move(instance);
      } else {
        items.push_back(std::move(instance));
      }
    }
    return for_each ? Value::object(std::move(fields)) : Value::list(std::move(items));
  }();
  if (!value) {
    lazy.state = Lazy::State::todo;
    return value.error();
  }
  lazy.state = Lazy::State::done;
  return lazy.value = *value;
}

Result<std::string> ModuleInstance::provider_of(const Declared& declared) {
  std::string local = declared.block->labels[0].substr(0, declared.block->labels[0].find('_'));
  if (const hcl::Attribute* provider = declared.block->body.attribute("provider")) {
    auto name = provider_name(*provider->value);
    if (!name) {
      return Error{"E_TERRAFORM_EXPRESSION",
                   fmt::format("expected a provider configuration (aws or aws.ALIAS), found {}",
                               provider->value->source),
                   location_of(*declared.file, provider->at)};
    }
    local = *name;
  }
  if (auto it = call_.providers.find(local); it != call_.providers.end()) return it->second;
  if (local.find('.') == std::string::npos) return local;  // another provider's default
  return Error{"E_TERRAFORM_REFERENCE",
               fmt::format("expected a provider configuration {} in {} (a provider block with "
                           "this alias, or given by the module call), found none",
                           local, config_.dir),
               location_of(declared)};
}

Result<Value> ModuleInstance::evaluate_instance(const std::string& key, const Declared& declared,
                                                const std::optional<Value>& index,
                                                const std::map<std::string, Value>& bound) {
  hcl::Evaluator evaluator(*this, declared.file->path);
  for (const auto& [name, value] : bound) evaluator.bind(name, value);
  auto evaluated = body(*declared.block, *declared.file, evaluator, true);
  if (!evaluated) {
    Error error = evaluated.error();
    if (error.location.file.empty()) error.location.file = declared.file->path;
    return error;
  }
  SourceInstance instance;
  instance.data = key.starts_with("data.");
  instance.type = declared.block->labels[0];
  instance.name = declared.block->labels[1];
  instance.module_address = call_.address;
  instance.address = address_in(instance_address(key, index));
  instance.index = index;
  instance.block = declared.block;
  instance.file = declared.file;
  SNAPKEY_ASSIGN_OR_RETURN(instance.provider, provider_of(declared));
  std::map<std::string, Value> fields = evaluated->values.fields();
  if (instance.data) data_source_values(instance.type, instance.provider, fields);
  instance.values = Value::object(fields);
  instance.shape = std::move(evaluated->shape);
  const std::string address = instance.address;
  if (evaluation_.seen_.insert(address).second) {
    evaluation_.instances_.push_back(std::move(instance));
  }
  return Value::instance(std::move(fields), address);
}

Result<ModuleInstance::Evaluated> ModuleInstance::body(const hcl::Block& block,
                                                       const hcl::File& file,
                                                       hcl::Evaluator& evaluator, bool top) {
  Evaluated out;
  out.shape.at = location_of(file, block.at);
  std::map<std::string, Value> fields;
  for (const hcl::Attribute& attribute : block.body.attributes) {
    if (top && is_meta_argument(attribute.name)) continue;
    SNAPKEY_ASSIGN_OR_RETURN(auto value, evaluator.evaluate(*attribute.value));
    fields[attribute.name] = std::move(value);
    out.shape.attributes[attribute.name] = location_of(file, attribute.at);
  }
  std::map<std::string, std::vector<Value>> lists;
  for (const hcl::Block& nested : block.body.blocks) {
    if (top && is_meta_block(nested.type)) continue;
    if (nested.type == "dynamic") {
      SNAPKEY_RETURN_IF_ERROR(dynamic_block(nested, file, evaluator, lists, out.shape));
      continue;
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto inner, body(nested, file, evaluator, false));
    lists[nested.type].push_back(std::move(inner.values));
    out.shape.blocks[nested.type].push_back(std::move(inner.shape));
  }
  for (auto& [type, items] : lists) {
    // A dynamic block whose for_each is not known leaves the whole list unknown.
    const auto unknown =
        std::find_if(items.begin(), items.end(), [](const Value& v) { return v.is_unknown(); });
    fields[type] = unknown != items.end() ? *unknown : Value::list(std::move(items));
  }
  out.values = Value::object(std::move(fields));
  return out;
}

// dynamic "rule" { for_each = ...  content { ... } }: one block per element, with the iterator
// (rule.key, rule.value) bound.
Status ModuleInstance::dynamic_block(const hcl::Block& block, const hcl::File& file,
                                     hcl::Evaluator& evaluator,
                                     std::map<std::string, std::vector<Value>>& lists,
                                     Shape& shape) {
  if (block.labels.size() != 1) {
    return Error{"E_TERRAFORM_DECLARATION", "expected one label after dynamic, found none",
                 location_of(file, block.at)};
  }
  const std::string& type = block.labels[0];
  const hcl::Attribute* for_each = block.body.attribute("for_each");
  const std::vector<const hcl::Block*> content = block.body.blocks_of("content");
  if (!for_each || content.size() != 1) {
    return Error{"E_TERRAFORM_DECLARATION",
                 fmt::format("expected for_each and one content block in dynamic \"{}\"", type),
                 location_of(file, block.at)};
  }
  std::string iterator = type;
  if (const hcl::Attribute* name = block.body.attribute("iterator")) iterator = name->value->source;
  SNAPKEY_ASSIGN_OR_RETURN(auto collection, evaluator.evaluate(*for_each->value));
  if (collection.is_unknown()) {
    lists[type].push_back(
        Value::unknown(fmt::format("the blocks of dynamic \"{}\" at {} are not known: {}", type,
                                   location_of(file, block.at).to_string(), collection.why())));
    return Ok{};
  }
  std::vector<std::pair<Value, Value>> elements;
  if (collection.is_object()) {
    for (const auto& [key, value] : collection.fields())
      elements.emplace_back(Value::string(key), value);
  } else if (collection.is_list()) {
    for (std::size_t i = 0; i < collection.items().size(); ++i) {
      const Value& item = collection.items()[i];
      elements.emplace_back(item.is_string() ? item : Value::number(static_cast<double>(i)), item);
    }
  }
  for (const auto& [key, value] : elements) {
    evaluator.bind(iterator, Value::object({{"key", key}, {"value", value}}));
    auto inner = body(*content[0], file, evaluator, false);
    evaluator.unbind(iterator);
    if (!inner) return inner.error();
    inner->shape.at = location_of(file, block.at);
    lists[type].push_back(std::move(inner->values));
    shape.blocks[type].push_back(std::move(inner->shape));
  }
  if (elements.empty()) lists.try_emplace(type);
  return Ok{};
}

void ModuleInstance::data_source_values(const std::string& type, const std::string& provider,
                                        std::map<std::string, Value>& fields) const {
  const ProviderState* state = nullptr;
  if (auto it = evaluation_.providers_.find(provider); it != evaluation_.providers_.end()) {
    state = &it->second;
  }
  if (type == "aws_region") {
    Value region = fields.contains("region") ? fields["region"] : Value::null();
    if (region.is_null() && state) region = state->region;
    if (region.is_null() && evaluation_.environment_.region) {
      region = Value::string(evaluation_.environment_.region->name);
    }
    if (region.is_string()) {
      for (const char* name : {"name", "region", "id"}) fields[name] = region;
    }
  } else if (type == "aws_caller_identity") {
    std::optional<std::string> account;
    if (state && state->allowed_account_ids.is_list() &&
        state->allowed_account_ids.items().size() == 1 &&
        state->allowed_account_ids.items()[0].is_string()) {
      account = state->allowed_account_ids.items()[0].as_string();
    } else if (evaluation_.environment_.account) {
      account = evaluation_.environment_.account->value;
    }
    if (account) {
      fields["account_id"] = Value::string(*account);
      fields["id"] = Value::string(*account);
    }
  } else if (type == "aws_kms_key") {
    auto key_id = fields.find("key_id");
    if (key_id != fields.end() && key_id->second.is_string()) {
      if (auto arn = parse_arn(key_id->second.as_string()); arn && is_kms_key_arn(*arn)) {
        fields["arn"] = key_id->second;
      }
    }
  } else if (type == "aws_iam_policy_document") {
    fields["json"] = policy_document_json(fields);
  }
}

// ---------------------------------------------------------------------------------------------
// Module calls

Result<std::optional<std::string>> ModuleInstance::child_dir(const std::string& name,
                                                             const Declared& declared, Value& why) {
  const hcl::Attribute* source = declared.block->body.attribute("source");
  if (!source) {
    return Error{"E_TERRAFORM_DECLARATION",
                 fmt::format("expected a source in module \"{}\", found none", name),
                 location_of(declared)};
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto text, evaluate(*source->value, *declared.file));
  if (!text.is_string()) {
    return Error{"E_TERRAFORM_DECLARATION",
                 fmt::format("expected a constant string as the source of module \"{}\"", name),
                 location_of(*declared.file, source->at)};
  }
  const std::string& path = text.as_string();
  const std::string key_path = call_.key_path.empty() ? name : call_.key_path + "." + name;
  if (path.starts_with("./") || path.starts_with("../")) {
    return std::optional<std::string>((fs::path(config_.dir) / path).lexically_normal().string());
  }
  if (auto downloaded = evaluation_.configuration_.downloaded(key_path)) {
    return std::optional<std::string>(*downloaded);
  }
  why =
      Value::unknown(fmt::format("module.{} comes from \"{}\", which is not downloaded "
                                 "(.terraform/modules has no {}: run terraform init) ({})",
                                 name, path, key_path, location_of(declared).to_string()));
  return std::optional<std::string>();
}

Result<std::unique_ptr<ModuleInstance>> ModuleInstance::make_child(
    const std::string& name, const Declared& declared, const std::optional<Value>& key,
    const std::map<std::string, Value>& bound, const std::string& dir) {
  ModuleCall call;
  call.static_address =
      (call_.static_address.empty() ? "" : call_.static_address + ".") + "module." + name;
  call.address = address_in(instance_address("module." + name, key));
  call.key_path = call_.key_path.empty() ? name : call_.key_path + "." + name;
  for (const hcl::Attribute& attribute : declared.block->body.attributes) {
    if (is_meta_argument(attribute.name)) continue;
    SNAPKEY_ASSIGN_OR_RETURN(auto value, evaluate(*attribute.value, *declared.file, bound));
    call.variables[attribute.name] = std::move(value);
  }
  // Only the default configurations are inherited; `providers` gives any other.
  for (const auto& [local, key_of] : call_.providers) {
    if (local.find('.') == std::string::npos) call.providers[local] = key_of;
  }
  if (const hcl::Attribute* providers = declared.block->body.attribute("providers")) {
    const hcl::Expression& map = *providers->value;
    for (std::size_t i = 0; i + 1 < map.parts.size(); i += 2) {
      auto child_name = map.parts[i]->kind == hcl::Expression::Kind::literal
                            ? std::optional<std::string>(map.parts[i]->name)
                            : provider_name(*map.parts[i]);
      auto parent_name = provider_name(*map.parts[i + 1]);
      if (!child_name || !parent_name || !call_.providers.contains(*parent_name)) {
        return Error{"E_TERRAFORM_REFERENCE",
                     fmt::format("expected providers = {{ NAME = CONFIGURATION }} naming "
                                 "configurations of {}, found {}",
                                 config_.dir, map.source),
                     location_of(*declared.file, providers->at)};
      }
      call.providers[*child_name] = call_.providers[*parent_name];
    }
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto config, evaluation_.configuration_.module(dir));
  auto child = std::make_unique<ModuleInstance>(evaluation_, *config, std::move(call));
  SNAPKEY_RETURN_IF_ERROR(child->start());
  return child;
}

Result<ModuleInstance::CallInstances*> ModuleInstance::module_call(const std::string& name,
                                                                   const hcl::Expression& where) {
  const auto declared = config_.module_calls.find(name);
  if (declared == config_.module_calls.end()) {
    return reference_error(
        where, fmt::format("expected a module call \"{}\" in {}, found none", name, config_.dir));
  }
  if (auto it = calls_.find(name); it != calls_.end()) return &it->second;
  if (call_states_[name] == Lazy::State::busy) {
    return reference_error(where, fmt::format("expected module.{} not to depend on itself", name));
  }
  call_states_[name] = Lazy::State::busy;
  auto made = [&]() -> Result<CallInstances> {
    CallInstances out;
    SNAPKEY_ASSIGN_OR_RETURN(auto dir, child_dir(name, declared->second, out.why));
    if (!dir) {
      out.expansion = CallInstances::Expansion::unavailable;
      return out;
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto expanded, expansion(declared->second));
    std::vector<std::pair<Value, std::map<std::string, Value>>> keys;
    if (!expanded) {
      keys.emplace_back(Value::null(), std::map<std::string, Value>{});
    } else if (expanded->is_unknown()) {
      out.expansion = CallInstances::Expansion::unknown;
      out.why = Value::unknown(
          fmt::format("how many instances module.{} has is not known: {}", name, expanded->why()));
      return out;
    } else {
      const bool for_each = declared->second.block->body.attribute("for_each") != nullptr;
      out.expansion =
          for_each ? CallInstances::Expansion::for_each : CallInstances::Expansion::count;
      SNAPKEY_ASSIGN_OR_RETURN(keys, instances_of(declared->second, *expanded, for_each));
    }
    for (const auto& [key, bound] : keys) {
      const std::optional<Value> index = key.is_null() ? std::nullopt : std::optional<Value>(key);
      SNAPKEY_ASSIGN_OR_RETURN(auto child, make_child(name, declared->second, index, bound, *dir));
      out.instances.emplace_back(key, child.get());
      evaluation_.modules_.push_back(std::move(child));
    }
    return out;
  }();
  call_states_[name] = Lazy::State::done;
  if (!made) {
    call_states_[name] = Lazy::State::todo;
    return made.error();
  }
  return &(calls_[name] = std::move(*made));
}

Result<Value> ModuleInstance::outputs_of(ModuleInstance& child, const hcl::Expression& where) {
  std::map<std::string, Value> fields;
  for (const auto& [name, declared] : child.config_.outputs) {
    SNAPKEY_ASSIGN_OR_RETURN(auto value, child.output(name, where));
    fields[name] = std::move(value);
  }
  return Value::object(std::move(fields));
}

// module.NAME, module.NAME.OUTPUT, module.NAME[KEY].OUTPUT: only the output asked for is
// evaluated when it is named.
Result<hcl::Context::Resolution> ModuleInstance::module_reference(
    const std::vector<hcl::Step>& steps, const hcl::Expression& where) {
  if (steps.empty() || steps[0].key) {
    return reference_error(where, fmt::format("expected module.NAME, found {}", where.source));
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto call, module_call(steps[0].name, where));
  using Expansion = CallInstances::Expansion;
  if (call->expansion == Expansion::unknown || call->expansion == Expansion::unavailable) {
    return Resolution{call->why, steps.size()};
  }
  if (call->expansion == Expansion::single) {
    ModuleInstance& child = *call->instances.front().second;
    if (steps.size() > 1 && !steps[1].key) {
      SNAPKEY_ASSIGN_OR_RETURN(auto value, child.output(steps[1].name, where));
      return Resolution{std::move(value), 2};
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto all, outputs_of(child, where));
    return Resolution{std::move(all), 1};
  }
  if (steps.size() > 2 && steps[1].key && !steps[2].key) {
    for (auto& [key, child] : call->instances) {
      if (key.without_origin() == steps[1].key->without_origin() ||
          (key.to_text() && key.to_text() == steps[1].key->to_text())) {
        SNAPKEY_ASSIGN_OR_RETURN(auto value, child->output(steps[2].name, where));
        return Resolution{std::move(value), 3};
      }
    }
  }
  std::vector<Value> items;
  std::map<std::string, Value> fields;
  for (auto& [key, child] : call->instances) {
    SNAPKEY_ASSIGN_OR_RETURN(auto all, outputs_of(*child, where));
    if (call->expansion == Expansion::for_each) {
      fields[key.as_string()] = std::move(all);
    } else {
      items.push_back(std::move(all));
    }
  }
  return Resolution{call->expansion == Expansion::for_each ? Value::object(std::move(fields))
                                                           : Value::list(std::move(items)),
                    1};
}

Status ModuleInstance::evaluate_all() {
  for (const auto& [key, declared] : config_.resources) {
    hcl::Expression at;
    at.at = declared.block->at;
    auto value = resource(key, at);
    if (!value) {
      Error error = value.error();
      if (error.location.file.empty()) error.location.file = declared.file->path;
      return error;
    }
  }
  for (const auto& [name, declared] : config_.module_calls) {
    hcl::Expression at;
    at.at = declared.block->at;
    auto call = module_call(name, at);
    if (!call) {
      Error error = call.error();
      if (error.location.file.empty()) error.location.file = declared.file->path;
      return error;
    }
    for (auto& [key, child] : (*call)->instances) SNAPKEY_RETURN_IF_ERROR(child->evaluate_all());
  }
  return Ok{};
}

}  // namespace snapkey::io::terraform::source
