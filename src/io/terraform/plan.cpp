// PlanFile: reading a plan's instances and configuration, and following references.
#include "io/terraform/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "common/strings.hpp"

namespace snapkey::io::terraform {

// Where an expression is evaluated: a module instance, and the instance key that each.key and
// count.index stand for there.
struct PlanFile::Scope {
  ModulePath module;
  std::string key;
  std::string subject;  // how messages name the expression being followed
};

namespace {

constexpr int kMaxDepth = 32;  // references followed in a row before giving up (a cycle)

Error json_missing(const JsonValue& at, std::string_view expected) {
  return at.error("E_JSON_MISSING",
                  fmt::format("expected {} at {}, found nothing", expected, at.location().pointer));
}

Resolved unresolvable(std::string why) {
  Resolved r;
  r.why = std::move(why);
  return r;
}

// The instance key as addresses write it: 0 or "us-east-1". Errors: E_JSON_TYPE.
Result<std::string> index_text(const JsonValue& index) {
  if (index.is_missing() || index.is_null()) return std::string();
  if (index.is_string()) return snapkey::detail::json_quote(*index.as_string());
  int64_t number = 0;
  if (index.element().get_int64().get(number) == simdjson::SUCCESS) return std::to_string(number);
  return index.type_error("a number or a string");
}

std::string resource_key(const ModulePath& module, bool data, std::string_view type,
                         std::string_view name) {
  return fmt::format("{}|{}{}.{}", to_string(module), data ? "data." : "", type, name);
}

// "module.a.module.b:aws.x" -> "module.a:aws.x" -> "aws.x": the same provider one module up.
// Terraform points module resources at the configuration they inherit or are passed, but a key
// may still name the module's own copy; going up finds the configuration it stands for.
std::optional<std::string> parent_provider_key(const std::string& key) {
  const auto colon = key.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string module = key.substr(0, colon);
  const std::string provider = key.substr(colon + 1);
  const auto last = module.rfind(".module.");
  if (last == std::string::npos) return provider;
  return module.substr(0, last) + ":" + provider;
}

// Terraform 0.12 writes a module path as "a.b" where later versions write "module.a.module.b".
std::string full_module_address(const std::string& address) {
  if (address.empty() || address.starts_with("module.")) return address;
  std::string out;
  std::size_t start = 0;
  for (std::size_t dot = address.find('.');; dot = address.find('.', start)) {
    out += (out.empty() ? "module." : ".module.") + address.substr(start, dot - start);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

// A provider_config key with its module part full: "a.b:aws" -> "module.a.module.b:aws".
std::string full_provider_key(const std::string& key) {
  const auto colon = key.find(':');
  if (colon == std::string::npos) return key;
  return full_module_address(key.substr(0, colon)) + key.substr(colon);
}

// A provider_config entry that only says a module requires the provider (Terraform 0.13 and
// later write one for each required_providers entry without a provider block): no expressions,
// no alias. An empty provider block looks the same, and tells nothing either.
bool requirement_only(const JsonValue& config) {
  return config["expressions"].is_missing() && config["alias"].is_missing();
}

// The ARN text of a known "arn" attribute, parsed; nullopt otherwise.
std::optional<Arn> known_arn(const Instance& instance) {
  const Value arn = instance["arn"];
  if (!arn.known() || !arn.json.is_string()) return std::nullopt;
  auto parsed = parse_arn(*arn.string());
  if (!parsed) return std::nullopt;
  return *parsed;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Terraform 0.12 to 1.0.0 write format_version 0.1, 1.0.1 to 1.0.11 write 0.2, and 1.1 and later
// 1.x: every property this reader uses is in all of them (0.1 lists a reference without its
// attribute, and Terraform before 1.2 writes module provider keys its own way: see configure).
// Errors: E_TERRAFORM_VERSION, E_JSON_TYPE.
Status check_format(const JsonValue& root) {
  const JsonValue format = root["format_version"];
  SNAPKEY_ASSIGN_OR_RETURN(auto version, root.optional_string("format_version"));
  if (version) {
    const std::string& text = *version;
    const char* end = text.data() + text.size();
    int major = -1;
    int minor = -1;
    auto parsed = std::from_chars(text.data(), end, major);
    bool ok = parsed.ec == std::errc() && parsed.ptr != text.data();
    if (ok && parsed.ptr != end) {
      ok = *parsed.ptr == '.';
      const char* start = parsed.ptr + 1;
      parsed = std::from_chars(start, end, minor);
      ok = ok && parsed.ec == std::errc() && parsed.ptr != start &&
           (parsed.ptr == end || *parsed.ptr == '.');
    }
    if (ok && (major == 1 || (major == 0 && (minor == 1 || minor == 2)))) return Ok{};
  }
  const JsonValue written = root["terraform_version"];
  const std::string by = written.is_string()
                             ? fmt::format("written by Terraform {}", *written.as_string())
                             : "with no terraform_version";
  const std::string found = version ? fmt::format("format_version '{}' {}", *version, by)
                                    : fmt::format("no format_version, in a plan {}", by);
  return format.error("E_TERRAFORM_VERSION",
                      fmt::format("expected a Terraform plan of format 0.1, 0.2 or 1.x (Terraform "
                                  "0.12 or later), found {}",
                                  found));
}

}  // namespace

bool is_true(const JsonValue& value) {
  bool flag = false;
  return !value.is_missing() && value.element().get_bool().get(flag) == simdjson::SUCCESS && flag;
}

Result<bool> Value::boolean() const {
  bool flag = false;
  if (json.is_missing() || json.element().get_bool().get(flag) != simdjson::SUCCESS) {
    return json.type_error("true or false");
  }
  return flag;
}

Value Object::operator[](std::string_view name) const {
  Value value;
  value.json = values_[name];
  if (is_true(unknown_[name])) {
    value.state = Value::State::unknown;
  } else if (!value.json.is_missing() && !value.json.is_null()) {
    value.state = Value::State::known;
  }
  return value;
}

std::optional<std::vector<Object>> Object::blocks(std::string_view name) const {
  if (is_true(unknown_[name])) return std::nullopt;
  std::vector<Object> out;
  const std::vector<JsonValue> twins = unknown_[name].items();
  const std::vector<JsonValue> items = values_[name].items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.emplace_back(items[i], i < twins.size() ? twins[i] : JsonValue());
  }
  return out;
}

std::optional<std::vector<Value>> Object::list(std::string_view name) const {
  if (is_true(unknown_[name])) return std::nullopt;
  std::vector<Value> out;
  const std::vector<JsonValue> twins = unknown_[name].items();
  const std::vector<JsonValue> items = values_[name].items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value value;
    value.json = items[i];
    if (i < twins.size() && is_true(twins[i])) {
      value.state = Value::State::unknown;
    } else if (!items[i].is_null()) {
      value.state = Value::State::known;
    }
    out.push_back(std::move(value));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

Result<std::unique_ptr<PlanFile>> PlanFile::read(std::unique_ptr<detail::JsonDocument> doc) {
  std::unique_ptr<PlanFile> plan(new PlanFile(std::move(doc)));
  const JsonValue root = plan->root();
  if (!root.is_object()) return root.type_error("a Terraform plan (an object)");
  SNAPKEY_RETURN_IF_ERROR(check_format(root));
  for (std::string_view section : {"planned_values", "configuration", "variables"}) {
    const JsonValue value = root[section];
    if (!value.is_missing() && !value.is_object()) return value.type_error("an object");
  }
  if (root["planned_values"].is_missing()) {
    Error error = json_missing(root["planned_values"], "an object");
    // `terraform show -json` without a plan file prints the state: "values", no planned_values.
    if (!root["values"].is_missing()) {
      error.message +=
          ": this is a Terraform state (terraform show -json), not a plan; give the output of "
          "terraform show -json PLANFILE for a plan saved with terraform plan -out PLANFILE";
    }
    return error;
  }
  SNAPKEY_RETURN_IF_ERROR(plan->collect_changes());
  SNAPKEY_RETURN_IF_ERROR(plan->collect_state(root["prior_state"]["values"]["root_module"], false));
  SNAPKEY_RETURN_IF_ERROR(plan->collect_state(root["planned_values"]["root_module"], true));
  std::sort(plan->instances_.begin(), plan->instances_.end(),
            [](const Instance& a, const Instance& b) { return a.address < b.address; });
  plan->configure();
  return plan;
}

Status PlanFile::collect_changes() {
  const JsonValue changes = root()["resource_changes"];
  if (!changes.is_missing() && !changes.is_array()) return changes.type_error("a list");
  for (const JsonValue& rc : changes.items()) {
    if (!rc.is_object()) return rc.type_error("an object");
    auto address = rc.required_string("address");
    if (!address) return address.error();
    if (!rc["deposed"].is_missing()) continue;  // an old object on its way out
    const JsonValue change = rc["change"];
    if (!change.is_object()) {
      return change.is_missing() ? json_missing(change, "an object")
                                 : change.type_error("an object");
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto actions, change.string_list("actions"));
    // The actions of the format: another word would leave the instance out, unnoticed.
    for (std::size_t i = 0; i < actions.size(); ++i) {
      static constexpr std::string_view kActions[] = {"no-op",  "create", "read",
                                                      "update", "delete", "forget"};
      if (std::find(std::begin(kActions), std::end(kActions), actions[i]) != std::end(kActions)) {
        continue;
      }
      const JsonValue at = change["actions"].items()[i];
      return at.error("E_TERRAFORM_VALUE",
                      fmt::format("expected an action no-op, create, read, update, delete or "
                                  "forget at {}, found '{}'",
                                  at.location().pointer, actions[i]));
    }
    seen_.insert(*address);
    const JsonValue after = change["after"];
    // Being destroyed (["delete"]) or forgotten (["forget"], a removed block): not in the model.
    const bool stays = std::any_of(actions.begin(), actions.end(), [](const std::string& a) {
      return a == "create" || a == "update" || a == "no-op" || a == "read";
    });
    if (!stays) continue;
    if (!after.is_object()) {
      return after.is_missing() || after.is_null() ? json_missing(after, "an object")
                                                   : after.type_error("an object");
    }
    Instance instance;
    instance.address = *address;
    auto mode = rc.required_string("mode");
    auto type = rc.required_string("type");
    auto name = rc.required_string("name");
    auto module = rc.optional_string("module_address");
    auto key = index_text(rc["index"]);
    for (const Error* e : {mode ? nullptr : &mode.error(), type ? nullptr : &type.error(),
                           name ? nullptr : &name.error(), module ? nullptr : &module.error(),
                           key ? nullptr : &key.error()}) {
      if (e != nullptr) return *e;
    }
    auto path = parse_module_address(module->value_or(""));
    if (!path) {
      return rc["module_address"].error(
          "E_TERRAFORM_VALUE", fmt::format("expected a module address (module.NAME...) at {}, "
                                           "found '{}'",
                                           rc["module_address"].location().pointer, **module));
    }
    instance.module = std::move(*path);
    instance.data = *mode == "data";
    instance.type = std::move(*type);
    instance.name = std::move(*name);
    instance.key = std::move(*key);
    instance.values = Object(after, change["after_unknown"]);
    instance.location = rc.location();
    instance.created = std::find(actions.begin(), actions.end(), "create") != actions.end();
    // The Terraform source reader writes each instance's own configuration (io/terraform/source).
    instance.config = rc["snapkey_config"];
    instances_.push_back(std::move(instance));
  }
  return Ok{};
}

// The prior state (everything) or the planned values (data sources only: managed resources are
// all in resource_changes, where unknown values can be told from absent ones).
Status PlanFile::collect_state(const JsonValue& module, bool data_only) {
  if (module.is_missing()) return Ok{};
  if (!module.is_object()) return module.type_error("an object");
  auto address = module.optional_string("address");
  if (!address) return address.error();
  auto path = parse_module_address(address->value_or(""));
  if (!path) {
    return module["address"].error("E_TERRAFORM_VALUE",
                                   fmt::format("expected a module address (module.NAME...) at {}, "
                                               "found '{}'",
                                               module["address"].location().pointer, **address));
  }
  for (const JsonValue& resource : module["resources"].items()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto resource_address, resource.required_string("address"));
    SNAPKEY_ASSIGN_OR_RETURN(auto mode, resource.required_string("mode"));
    if ((data_only && mode != "data") || seen_.contains(resource_address)) continue;
    auto type = resource.required_string("type");
    auto name = resource.required_string("name");
    auto key = index_text(resource["index"]);
    if (!type) return type.error();
    if (!name) return name.error();
    if (!key) return key.error();
    const JsonValue values = resource["values"];
    if (!values.is_object()) return values.type_error("an object");
    seen_.insert(resource_address);
    Instance instance;
    instance.address = std::move(resource_address);
    instance.module = *path;
    instance.data = mode == "data";
    instance.type = std::move(*type);
    instance.name = std::move(*name);
    instance.key = std::move(*key);
    instance.values = Object(values, JsonValue());
    instance.location = resource.location();
    instances_.push_back(std::move(instance));
  }
  for (const JsonValue& child : module["child_modules"].items()) {
    SNAPKEY_RETURN_IF_ERROR(collect_state(child, data_only));
  }
  return Ok{};
}

JsonValue PlanFile::config_module(const ModulePath& path) const {
  JsonValue module = root()["configuration"]["root_module"];
  for (const ModuleStep& step : path) module = module["module_calls"][step.name]["module"];
  return module;
}

// Links each instance to its configuration block and provider, and indexes them.
void PlanFile::configure() {
  for (auto& [key, config] : root()["configuration"]["provider_config"].members()) {
    provider_configs_.emplace(full_provider_key(key), config);
  }
  std::map<std::string, JsonValue> blocks;  // "module.a.module.b|data.t.n" (no instance keys)
  for (Instance& instance : instances_) {
    ModulePath static_path = instance.module;
    for (ModuleStep& step : static_path) step.key.clear();
    const std::string module = to_string(static_path);
    if (!blocks.contains(module + "|")) {
      blocks[module + "|"] = JsonValue();
      for (const JsonValue& block : config_module(static_path)["resources"].items()) {
        auto address = block.optional_string("address");
        if (address && *address) blocks[module + "|" + **address] = block;
      }
    }
    const std::string local = (instance.data ? "data." : "") + instance.type + "." + instance.name;
    if (auto it = blocks.find(module + "|" + local);
        it != blocks.end() && instance.config.is_missing()) {
      instance.config = it->second;
    }
    auto key = instance.config.optional_string("provider_config_key");
    if (key && *key) {
      instance.provider = **key;
      // Terraform before 1.2 names a module resource's configuration after the module's own name
      // ("dr:aws", "dr:aws.east"), at any depth: made full, it can be looked up and followed up.
      const auto colon = instance.provider.find(':');
      if (colon != std::string::npos && !static_path.empty() &&
          !instance.provider.starts_with("module.")) {
        instance.provider = module + instance.provider.substr(colon);
        legacy_keys_.insert(instance.provider);
      }
    } else {
      instance.provider = module.empty() ? "aws" : module + ":aws";
    }
    by_resource_[resource_key(instance.module, instance.data, instance.type, instance.name)]
        .push_back(&instance);
    for (ModulePath path = instance.module; !path.empty(); path.pop_back()) modules_.insert(path);
  }
}

std::vector<const Instance*> PlanFile::of(bool data, std::string_view type) const {
  std::vector<const Instance*> out;
  for (const Instance& instance : instances_) {
    if (instance.is(data, type)) out.push_back(&instance);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Following references

Resolved PlanFile::resolve(const JsonValue& expression, const Instance& at) const {
  std::vector<Resolved> all =
      follow(expression, Scope{at.module, at.key, "its expression"}, false, 0);
  return all.empty() ? unresolvable("its expression leads nowhere") : std::move(all.front());
}

std::vector<Resolved> PlanFile::resolve_each(const JsonValue& expression,
                                             const Instance& at) const {
  return follow(expression, Scope{at.module, at.key, "its expression"}, true, 0);
}

std::vector<Resolved> PlanFile::follow(const JsonValue& expression, const Scope& scope, bool many,
                                       int depth) const {
  if (depth > kMaxDepth) return {unresolvable(scope.subject + " refers back to itself")};
  if (!expression.is_object()) {
    return {unresolvable(scope.subject + " is not in the plan's configuration")};
  }
  if (auto source = follow_source(expression, scope, many, depth)) return *source;
  if (const JsonValue constant = expression["constant_value"]; !constant.is_missing()) {
    Resolved r;
    r.kind = Resolved::Kind::constant;
    r.constant = constant;
    r.subject = scope.subject;
    return {r};
  }
  // The references repeat each traversal step ("a.b.arn", "a.b"): keep the fullest of each.
  std::vector<Reference> roots;
  bool uses_key = false;
  for (const JsonValue& item : expression["references"].items()) {
    auto text = item.as_string();
    if (!text) continue;
    std::optional<Reference> ref = parse_reference(*text);
    if (!ref) return {unresolvable(fmt::format("{} refers to {}", scope.subject, *text))};
    if (ref->kind == Reference::Kind::other) {
      if (ref->name == "each.key" || ref->name == "count.index") {
        uses_key = true;
        continue;
      }
      if (ref->name.starts_with("path.") || ref->name.starts_with("terraform.")) continue;
    }
    auto same = std::find_if(roots.begin(), roots.end(), [&](const Reference& r) {
      return r.kind == ref->kind && r.data == ref->data && r.type == ref->type &&
             r.name == ref->name && (r.key == ref->key || !r.has_key || !ref->has_key);
    });
    if (same == roots.end()) {
      roots.push_back(*ref);
    } else if ((ref->has_key && !same->has_key) ||
               (ref->has_key == same->has_key && same->attribute.empty())) {
      *same = *ref;
    }
  }
  if (roots.empty()) {
    return {unresolvable(scope.subject + " has no reference to follow (a function's result)")};
  }
  if (!many && roots.size() > 1) {
    std::vector<std::string> names;
    for (const Reference& r : roots) names.push_back(r.to_string());
    return {
        unresolvable(fmt::format("{} refers to several things: {}", scope.subject, join(names)))};
  }
  std::vector<Resolved> out;
  for (const Reference& ref : roots) {
    for (Resolved& r : follow_root(ref, scope, uses_key, many, depth)) out.push_back(std::move(r));
  }
  return out;
}

// The expressions the Terraform source reader writes (io/terraform/source/emit.cpp), which know
// exactly which instance a value comes from, or why it is not known.
std::optional<std::vector<Resolved>> PlanFile::follow_source(const JsonValue& expression,
                                                             const Scope& scope, bool many,
                                                             int depth) const {
  if (const JsonValue why = expression["snapkey_unknown"]; why.is_string()) {
    return std::vector<Resolved>{
        unresolvable(fmt::format("{} is not known: {}", scope.subject, *why.as_string()))};
  }
  if (const JsonValue each = expression["snapkey_each"]; each.is_array()) {
    std::vector<Resolved> out;
    for (const JsonValue& item : each.items()) {
      for (Resolved& r : follow(item, scope, many, depth + 1)) out.push_back(std::move(r));
      if (!many && !out.empty()) break;
    }
    return out;
  }
  const JsonValue reference = expression["snapkey_reference"];
  if (!reference.is_object()) return std::nullopt;
  auto address = reference["instance"].as_string();
  auto attribute = reference["attribute"].as_string();
  if (!address || !attribute) return std::nullopt;
  const auto it = std::lower_bound(
      instances_.begin(), instances_.end(), *address,
      [](const Instance& instance, const std::string& a) { return instance.address < a; });
  if (it == instances_.end() || it->address != *address) {
    return std::vector<Resolved>{unresolvable(fmt::format(
        "{} refers to {}, which is not in the configuration", scope.subject, *address))};
  }
  Resolved r;
  r.kind = Resolved::Kind::attribute;
  r.instance = &*it;
  r.attribute = *attribute;
  r.subject = attribute->empty() ? *address : *address + "." + *attribute;
  return std::vector<Resolved>{r};
}

std::vector<Resolved> PlanFile::follow_root(const Reference& ref, const Scope& scope, bool uses_key,
                                            bool many, int depth) const {
  switch (ref.kind) {
    case Reference::Kind::variable:
      return follow_variable(ref, scope, many, depth);
    case Reference::Kind::module_output:
      return follow_module(ref, scope, uses_key, many, depth);
    case Reference::Kind::resource:
      return follow_resource(ref, scope, uses_key, many);
    case Reference::Kind::local:
      return {
          unresolvable(fmt::format("{} refers to {}, and the plan JSON does not describe locals",
                                   scope.subject, ref.root()))};
    case Reference::Kind::other:
      break;
  }
  return {unresolvable(fmt::format("{} refers to {}", scope.subject, ref.root()))};
}

std::vector<Resolved> PlanFile::follow_variable(const Reference& ref, const Scope& scope, bool many,
                                                int depth) const {
  const std::string name = scope.module.empty()
                               ? ref.root()
                               : fmt::format("{} of {}", ref.root(), to_string(scope.module));
  const auto constant = [&](const JsonValue& value) {
    Resolved r;
    r.kind = Resolved::Kind::constant;
    r.constant = value;
    r.subject = name;
    return std::vector<Resolved>{r};
  };
  if (scope.module.empty()) {
    const JsonValue value = root()["variables"][ref.name]["value"];
    if (value.is_missing()) return {unresolvable(name + " has no value in the plan")};
    return constant(value);
  }
  // A module's variable is the argument of the module call, evaluated in the calling module.
  ModulePath parent = scope.module;
  const ModuleStep step = parent.back();
  parent.pop_back();
  ModulePath static_parent = parent;
  for (ModuleStep& s : static_parent) s.key.clear();
  const JsonValue argument =
      config_module(static_parent)["module_calls"][step.name]["expressions"][ref.name];
  if (argument.is_missing()) {
    ModulePath static_module = scope.module;
    for (ModuleStep& s : static_module) s.key.clear();
    const JsonValue fallback = config_module(static_module)["variables"][ref.name]["default"];
    if (fallback.is_missing()) return {unresolvable(name + " has no value in the plan")};
    return constant(fallback);
  }
  return follow(argument, Scope{parent, step.key, name}, many, depth + 1);
}

std::vector<Resolved> PlanFile::follow_module(const Reference& ref, const Scope& scope,
                                              bool uses_key, bool many, int depth) const {
  if (ref.attribute.empty()) {
    return {unresolvable(fmt::format("{} refers to the whole of {}", scope.subject, ref.root()))};
  }
  std::vector<std::string> keys;
  for (const ModulePath& path : modules_) {
    if (path.size() == scope.module.size() + 1 && path.back().name == ref.name &&
        std::equal(scope.module.begin(), scope.module.end(), path.begin())) {
      keys.push_back(path.back().key);
    }
  }
  std::string key;
  if (ref.has_key) {
    key = ref.key;
  } else if (keys.size() == 1) {
    key = keys.front();
  } else if (uses_key && std::find(keys.begin(), keys.end(), scope.key) != keys.end()) {
    key = scope.key;
  } else if (!keys.empty()) {
    return {unresolvable(fmt::format("{} refers to {}, which has {} instances", scope.subject,
                                     ref.root(), keys.size()))};
  }
  ModulePath child = scope.module;
  child.push_back({ref.name, key});
  ModulePath static_child = child;
  for (ModuleStep& s : static_child) s.key.clear();
  const JsonValue output = config_module(static_child)["outputs"][ref.attribute];
  if (output.is_missing()) {
    return {unresolvable(fmt::format("{} refers to {}, which the configuration does not have",
                                     scope.subject, ref.to_string()))};
  }
  Reference named = ref;
  named.key = key;
  named.has_key = !key.empty();
  return follow(output["expression"], Scope{child, "", named.to_string()}, many, depth + 1);
}

std::vector<Resolved> PlanFile::follow_resource(const Reference& ref, const Scope& scope,
                                                bool uses_key, bool many) const {
  const auto it = by_resource_.find(resource_key(scope.module, ref.data, ref.type, ref.name));
  const std::vector<const Instance*> none;
  const std::vector<const Instance*>& candidates = it == by_resource_.end() ? none : it->second;
  const auto at = [&](const Instance* instance) {
    Resolved r;
    r.kind = Resolved::Kind::attribute;
    r.instance = instance;
    r.attribute = ref.attribute;
    r.subject = scope.subject;
    return r;
  };
  const auto with_key = [&](const std::string& key) -> std::vector<Resolved> {
    for (const Instance* instance : candidates) {
      if (instance->key == key) return {at(instance)};
    }
    return {unresolvable(fmt::format("{} refers to {}[{}], which is not in the plan", scope.subject,
                                     ref.root(), key))};
  };
  if (ref.has_key) return with_key(ref.key);
  // aws_kms_key.k[each.key]: the instance with the key of the one being read.
  if (uses_key && !scope.key.empty()) {
    for (const Instance* instance : candidates) {
      if (instance->key == scope.key) return {at(instance)};
    }
  }
  if (candidates.size() == 1) return {at(candidates.front())};
  if (many) {
    std::vector<Resolved> out;
    for (const Instance* instance : candidates) out.push_back(at(instance));
    return out;
  }
  if (candidates.empty()) {
    return {unresolvable(
        fmt::format("{} refers to {}, which is not in the plan", scope.subject, ref.root()))};
  }
  return {unresolvable(fmt::format("{} refers to {}, which has {} instances", scope.subject,
                                   ref.root(), candidates.size()))};
}

// ---------------------------------------------------------------------------------------------
// Regions and accounts

Status PlanFile::locate(const std::set<std::string>& types, const Environment& environment) {
  environment_ = environment;
  for (Instance& instance : instances_) {
    if (!types.contains(instance.type)) continue;
    SNAPKEY_ASSIGN_OR_RETURN(auto place, provider(instance.provider, instance));
    instance.region = (place)->region;
    instance.account = (place)->account;
    // Provider 6 and later: a resource's own `region` argument wins over the provider's.
    Value region = instance["region"];
    if (region.unknown()) {
      const Resolved r = resolve(instance.expression("region"), instance);
      if (r.kind != Resolved::Kind::constant || !r.constant.is_string()) {
        return Error{"E_TERRAFORM_UNRESOLVED",
                     fmt::format("{}: region is known only after apply, and {}", instance.address,
                                 r.kind == Resolved::Kind::unresolvable
                                     ? r.why
                                     : r.subject + " is not a Region name"),
                     instance.location};
      }
      region.json = r.constant;
      region.state = Value::State::known;
    }
    if (region.known()) {
      SNAPKEY_ASSIGN_OR_RETURN(auto name, region.string());
      auto parsed = parse_region(name);
      if (!parsed) {
        return region.json.error(
            "E_TERRAFORM_VALUE",
            fmt::format("{}: region: {}", instance.address, parsed.error().message));
      }
      instance.region = *parsed;
    }
  }
  return Ok{};
}

JsonValue PlanFile::provider_config(const std::string& key) const {
  const auto it = provider_configs_.find(key);
  return it == provider_configs_.end() ? JsonValue() : it->second;
}

Result<const PlanFile::Provider*> PlanFile::provider(const std::string& key, const Instance& user) {
  if (auto it = providers_.find(key); it != providers_.end()) return &it->second;
  // Terraform before 1.2 also writes a module's required_providers entry (no expressions) into
  // provider_config: not a configuration, the module is given one.
  const bool legacy = legacy_keys_.contains(key);
  const auto usable = [&](const JsonValue& config) {
    return !config.is_missing() && (!legacy || !requirement_only(config));
  };
  JsonValue config = provider_config(key);
  std::string source = key;
  for (std::optional<std::string> up = key; !usable(config) && up;) {
    up = parent_provider_key(*up);
    if (up) {
      config = provider_config(*up);
      source = *up;
    }
  }
  if (!usable(config)) config = JsonValue();
  if (legacy && source != key) {
    // Inherited, or given in the module call's `providers`: the plan does not say which.
    const std::string fallback = config.is_missing() ? key.substr(key.find(':') + 1) : source;
    const std::set<std::string> options = given_options(key, fallback);
    if (options.size() > 1) return given_provider(key, options, user);
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto region, provider_region(key, config, user));
  SNAPKEY_ASSIGN_OR_RETURN(auto account, provider_account(key, config, user));
  return &(providers_[key] = Provider{region, account});
}

Result<Region> PlanFile::provider_region(const std::string& key, const JsonValue& config,
                                         const Instance& user) {
  const JsonValue expression = config["expressions"]["region"];
  std::string why = "it has no region argument";
  if (!expression.is_missing()) {
    auto address = config.optional_string("module_address");
    const ModulePath module =
        address && *address
            ? parse_module_address(full_module_address(**address)).value_or(ModulePath{})
            : ModulePath{};
    const std::vector<Resolved> r = follow(expression, Scope{module, "", "its region"}, false, 0);
    if (!r.empty() && r.front().kind == Resolved::Kind::constant &&
        r.front().constant.is_string()) {
      auto parsed = parse_region(*r.front().constant.as_string());
      if (!parsed) {
        return r.front().constant.error(
            "E_TERRAFORM_VALUE",
            fmt::format("provider configuration '{}': {}", key, parsed.error().message));
      }
      return *parsed;
    }
    why = r.empty() || r.front().kind != Resolved::Kind::unresolvable ? "its region is not a name"
                                                                      : r.front().why;
  }
  // No region in the configuration (the environment gave it): a data.aws_region or a known ARN
  // read with this provider tells it.
  if (std::optional<Region> known = region_known_by(key)) return *known;
  // Else the environment's (--region), where the configuration gives none.
  if (expression.is_missing() && environment_.region) return *environment_.region;
  return Error{"E_TERRAFORM_UNRESOLVED",
               fmt::format("cannot tell the Region of provider configuration '{}', which {} uses: "
                           "{}; give the provider a region (a constant or a variable), read "
                           "data.aws_region with it, or give --region",
                           key, user.address, why),
               config.is_missing() ? user.location : config.location()};
}

std::optional<Region> PlanFile::region_known_by(const std::string& key) const {
  for (const Instance& instance : instances_) {
    if (instance.provider != key) continue;
    if (instance.is(true, "aws_region")) {
      for (std::string_view attribute : {"region", "name"}) {
        const Value name = instance[attribute];
        if (name.known() && name.json.is_string()) {
          if (auto parsed = parse_region(*name.string())) return *parsed;
        }
      }
    }
    if (auto arn = known_arn(instance); arn && !arn->region.empty()) return Region{arn->region};
  }
  return std::nullopt;
}

// A module may be given any configuration of the same provider that its ancestors have (an alias
// too), or inherit `fallback`.
std::set<std::string> PlanFile::given_options(const std::string& key,
                                              const std::string& fallback) const {
  const auto colon = key.find(':');
  const std::string local = key.substr(colon + 1);
  const std::string name = local.substr(0, local.find('.'));
  const ModulePath module = parse_module_address(key.substr(0, colon)).value_or(ModulePath{});
  std::set<std::string> options = {fallback};
  for (const auto& [config_key, config] : provider_configs_) {
    auto config_name = config.optional_string("name");
    if (!config_name || !*config_name || **config_name != name) continue;
    if (requirement_only(config)) continue;
    auto address = config.optional_string("module_address");
    const std::string text = address && *address ? full_module_address(**address) : "";
    const std::optional<ModulePath> at = parse_module_address(text);
    if (at && at->size() < module.size() && std::equal(at->begin(), at->end(), module.begin())) {
      options.insert(config_key);
    }
  }
  return options;
}

Result<const PlanFile::Provider*> PlanFile::given_provider(const std::string& key,
                                                           const std::set<std::string>& options,
                                                           const Instance& user) {
  std::optional<Region> region = region_known_by(key);
  std::optional<AccountId> account;
  if (const std::set<AccountId> own = accounts_known_by(key); own.size() == 1) {
    account = *own.begin();
  }
  // Else the options must agree.
  std::set<Region> regions;
  std::set<AccountId> accounts;
  std::vector<std::string> described;
  bool all_known = true;
  for (const std::string& option : options) {
    auto place = provider(option, user);
    if (!place) {
      all_known = false;
      described.push_back(option);
      continue;
    }
    regions.insert((*place)->region);
    accounts.insert((*place)->account);
    described.push_back(
        fmt::format("{} ({}, {})", option, (*place)->region.name, (*place)->account.value));
  }
  if (!region && all_known && regions.size() == 1) region = *regions.begin();
  if (!account && all_known && accounts.size() == 1) account = *accounts.begin();
  if (region && account) return &(providers_[key] = Provider{*region, *account});
  const std::string module = key.substr(0, key.find(':'));
  const JsonValue written = root()["terraform_version"];
  return Error{
      "E_TERRAFORM_UNRESOLVED",
      fmt::format("cannot tell the {} of provider configuration '{}', which {} uses: the plan "
                  "(written by Terraform {}) does not say which provider configuration {} is "
                  "given, and it may be any of {}; read data.aws_region and "
                  "data.aws_caller_identity with it in the module, or plan with Terraform 1.2 "
                  "or later",
                  region ? "AWS account" : "Region", key, user.address,
                  written.is_string() ? *written.as_string() : "unknown", module, join(described)),
      user.location};
}

std::set<AccountId> PlanFile::accounts_known_by(const std::string& key) const {
  std::set<AccountId> out;
  for (const Instance& instance : instances_) {
    if (!key.empty() && instance.provider != key) continue;
    if (instance.is(true, "aws_caller_identity")) {
      const Value id = instance["account_id"];
      if (id.known() && id.json.is_string()) {
        if (auto account = parse_account_id(*id.string())) out.insert(*account);
      }
    }
    if (auto arn = known_arn(instance); arn && !arn->account.empty()) {
      out.insert(AccountId{arn->account});
    }
  }
  return out;
}

Result<AccountId> PlanFile::provider_account(const std::string& key, const JsonValue& config,
                                             const Instance& user) {
  if (const std::set<AccountId> own = accounts_known_by(key); own.size() == 1) return *own.begin();
  // The provider's own settings: assume_role { role_arn }, allowed_account_ids.
  for (const JsonValue& assume : config["expressions"]["assume_role"].items()) {
    const JsonValue role = assume["role_arn"]["constant_value"];
    if (role.is_string()) {
      auto arn = parse_arn(*role.as_string());
      if (arn && !arn->account.empty()) return AccountId{arn->account};
    }
  }
  const std::vector<JsonValue> allowed =
      config["expressions"]["allowed_account_ids"]["constant_value"].items();
  // An id that is not one is a typo, not a provider that names no account.
  for (const JsonValue& id : allowed) {
    if (!id.is_string()) continue;
    if (auto account = parse_account_id(*id.as_string()); !account) {
      return id.error("E_TERRAFORM_VALUE",
                      fmt::format("provider configuration '{}': {}", key, account.error().message));
    }
  }
  if (allowed.size() == 1 && allowed.front().is_string()) {
    if (auto account = parse_account_id(*allowed.front().as_string())) return *account;
  }
  // The environment's credentials (--account), then one account for the whole plan: a provider
  // that says nothing is taken to use it.
  if (environment_.account) return *environment_.account;
  if (const std::set<AccountId> all = accounts_known_by(""); all.size() == 1) return *all.begin();
  return Error{"E_TERRAFORM_UNRESOLVED",
               fmt::format("cannot tell the AWS account of provider configuration '{}', which {} "
                           "uses: no ARN in the plan and no data.aws_caller_identity read with it "
                           "says; add data \"aws_caller_identity\" to the configuration, "
                           "allowed_account_ids to the provider, or give --account",
                           key, user.address),
               config.is_missing() ? user.location : config.location()};
}

}  // namespace snapkey::io::terraform
