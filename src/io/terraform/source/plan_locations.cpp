// A plan's JSON Pointers made places in its configuration: the pointer names a resource (its
// address in resource_changes, planned_values or prior_state; its module calls and address in
// configuration), then a path of arguments and nested blocks below it.
#include "io/terraform/source/plan_locations.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <span>
#include <vector>

#include "io/terraform/address.hpp"
#include "io/terraform/source/configuration.hpp"

namespace snapkey::io::terraform::source {
namespace {

namespace fs = std::filesystem;
using detail::JsonValue;

// "/a/b~1c" -> {"a", "b/c"} (RFC 6901).
std::vector<std::string> tokens_of(std::string_view pointer) {
  std::vector<std::string> out;
  if (pointer.size() < 2) return out;
  for (std::size_t at = 1;;) {
    const std::size_t slash = pointer.find('/', at);
    const std::string_view raw = pointer.substr(at, slash - at);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[++i] == '1' ? '/' : '~';
      } else {
        token += raw[i];
      }
    }
    out.push_back(std::move(token));
    if (slash == std::string_view::npos) return out;
    at = slash + 1;
  }
}

JsonValue step(const JsonValue& value, const std::string& token) {
  if (!value.is_array()) return value[token];
  const std::vector<JsonValue> items = value.items();
  std::size_t index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return value[token];  // missing
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index < items.size() ? items[index] : value[token];
}

// What a pointer into a plan names.
struct Target {
  std::vector<std::string> modules;  // module call names, outermost first
  std::string resource;              // "aws_backup_plan.p", "data.aws_region.here"
  std::vector<std::string> path;     // arguments and block indexes below the resource
  std::vector<JsonValue> values;     // the plan's value at each step of `path`
};

bool is_resource(const JsonValue& value) {
  return value.is_object() && value["type"].is_string() && value["name"].is_string() &&
         value["mode"].is_string();
}

std::vector<std::string> module_names(const JsonValue& address) {
  std::vector<std::string> out;
  auto text = address.as_string();
  if (!text) return out;
  if (auto path = parse_module_address(*text)) {
    for (const ModuleStep& step : *path) out.push_back(step.name);
  }
  return out;
}

std::optional<Target> target_of(const JsonValue& plan, const std::vector<std::string>& tokens) {
  Target out;
  JsonValue at = plan;
  std::size_t i = 0;
  for (; i < tokens.size() && !is_resource(at); ++i) {
    // configuration: module_calls/NAME/module/...; planned_values: child modules' addresses.
    if (tokens[i] == "module_calls" && i + 1 < tokens.size()) out.modules.push_back(tokens[i + 1]);
    at = step(at, tokens[i]);
    if (at.is_missing()) return std::nullopt;
    if (at.is_object() && at["address"].is_string() && at["type"].is_missing()) {
      out.modules = module_names(at["address"]);
    }
  }
  if (!is_resource(at)) return std::nullopt;
  if (at["module_address"].is_string()) out.modules = module_names(at["module_address"]);
  // Built piece by piece: g++ 12 warns falsely (-Wrestrict) of "data." + std::string.
  if (*at["mode"].as_string() == "data") out.resource = "data.";
  out.resource += *at["type"].as_string();
  out.resource += '.';
  out.resource += *at["name"].as_string();
  // The resource's arguments: change.after (or before), values, expressions.
  if (i < tokens.size() && tokens[i] == "change") at = step(at, tokens[i++]);
  if (i < tokens.size() &&
      (tokens[i] == "after" || tokens[i] == "before" || tokens[i] == "after_unknown" ||
       tokens[i] == "values" || tokens[i] == "expressions")) {
    at = step(at, tokens[i++]);
    for (; i < tokens.size(); ++i) {
      at = step(at, tokens[i]);
      out.path.push_back(tokens[i]);
      out.values.push_back(at);
    }
  }
  return out;
}

// A constant string, number or boolean as written ("daily", 35, true); nullopt for anything else.
std::optional<std::string> literal_of(const hcl::Expression& expression) {
  using Kind = hcl::Expression::Kind;
  if (expression.kind == Kind::literal && expression.literal != hcl::Expression::Literal::null) {
    return expression.name;
  }
  if (expression.kind != Kind::template_string) return std::nullopt;
  std::string out;
  for (const auto& part : expression.parts) {
    if (part->kind != Kind::literal) return std::nullopt;
    out += part->name;
  }
  return out;
}

// Whether no constant argument of `block` contradicts the plan's value of that block.
bool agrees(const hcl::Block& block, const JsonValue& item) {
  for (const hcl::Attribute& attribute : block.body.attributes) {
    const auto literal = literal_of(*attribute.value);
    JsonValue value = item[attribute.name];
    if (value.is_object() && !value["constant_value"].is_missing()) {
      value = value["constant_value"];  // configuration: the expression of a constant
    }
    if (!literal || value.is_missing() || value.is_null()) continue;
    const simdjson::dom::element element = value.element();
    if (element.is_string() && element.get_string().value() != *literal) return false;
    if (element.is_bool() && (element.get_bool().value() ? "true" : "false") != *literal) {
      return false;
    }
    if (element.is_number()) {
      double number = 0;
      if (element.get_double().get(number) == simdjson::SUCCESS &&
          std::to_string(number) != std::to_string(std::strtod(literal->c_str(), nullptr))) {
        return false;
      }
    }
  }
  return true;
}

// The block of `blocks` that the plan's `item` came from. Nested blocks are often sets, which a
// plan orders by hash, not as written: the one block whose constant arguments agree with it.
const hcl::Block* block_for(const std::vector<const hcl::Block*>& blocks, const JsonValue& item) {
  if (blocks.size() == 1) return blocks.front();
  const hcl::Block* found = nullptr;
  for (const hcl::Block* block : blocks) {
    if (!agrees(*block, item)) continue;
    if (found) return nullptr;  // two could be it: say only what is certain
    found = block;
  }
  return found;
}

// The place of `path` below `body` (in `file`), as deep as the configuration shows it; `here`
// when it shows no more.
Location descend(const hcl::Body& body, const hcl::File& file, std::span<const std::string> path,
                 std::span<const JsonValue> values, Location here) {
  if (path.empty()) return here;
  const std::string& name = path.front();
  if (const hcl::Attribute* attribute = body.attribute(name)) {
    return location_of(file, attribute->at);
  }
  std::vector<const hcl::Block*> dynamic;
  for (const hcl::Block* block : body.blocks_of("dynamic")) {
    if (!block->labels.empty() && block->labels[0] == name) dynamic.push_back(block);
  }
  const std::vector<const hcl::Block*> blocks = body.blocks_of(name);
  if (path.size() < 2) {
    if (blocks.size() + dynamic.size() != 1) return here;
    return location_of(file, (blocks.empty() ? dynamic : blocks).front()->at);
  }
  const hcl::Block* block = nullptr;
  const hcl::Body* inner = nullptr;
  if (dynamic.empty()) {
    block = block_for(blocks, values[1]);
    if (block) inner = &block->body;
  } else if (blocks.empty() && dynamic.size() == 1) {
    // Every element comes from the one dynamic block: its content is the body.
    block = dynamic.front();
    const auto content = block->body.blocks_of("content");
    if (content.size() == 1) inner = &content.front()->body;
  }
  if (!block) return here;
  const Location at = location_of(file, block->at);
  if (!inner) return at;
  return descend(*inner, file, path.subspan(2), values.subspan(2), at);
}

// The configuration, and the modules its calls lead to.
class Modules {
 public:
  explicit Modules(const std::string& dir) : configuration_(dir) {}

  // The module that the calls `names` lead to from the root; nullptr when the configuration has
  // no such call, or its source is not a local or downloaded module.
  Result<const ModuleConfig*> module(const std::vector<std::string>& names) {
    SNAPKEY_ASSIGN_OR_RETURN(const ModuleConfig* module,
                             configuration_.module(configuration_.root()));
    std::string key_path;
    for (const std::string& name : names) {
      key_path = key_path.empty() ? name : key_path + "." + name;
      const auto call = module->module_calls.find(name);
      if (call == module->module_calls.end()) return nullptr;
      const hcl::Attribute* source = call->second.block->body.attribute("source");
      const auto text = source ? literal_of(*source->value) : std::nullopt;
      std::optional<std::string> dir;
      if (text && (text->starts_with("./") || text->starts_with("../"))) {
        dir = (fs::path(module->dir) / *text).lexically_normal().string();
      } else {
        dir = configuration_.downloaded(key_path);
      }
      if (!dir) return nullptr;
      SNAPKEY_ASSIGN_OR_RETURN(module, configuration_.module(*dir));
    }
    return module;
  }

 private:
  Configuration configuration_;
};

}  // namespace

std::optional<std::string> configuration_of_plan(const std::string& plan_file,
                                                 const TerraformOptions& options) {
  if (!options.source_dir.empty()) return options.source_dir;
  std::string dir = fs::path(plan_file).parent_path().string();
  if (dir.empty()) dir = ".";
  auto files = configuration_files(dir);
  if (!files || files->empty()) return std::nullopt;
  return dir;
}

Status locate_in_configuration(ModelInput& input, const detail::JsonValue& plan,
                               const std::string& dir) {
  Modules modules(dir);
  SNAPKEY_RETURN_IF_ERROR(modules.module({}));  // the root must be there, and readable
  const std::string file = plan.location().file;
  std::map<std::string, Location> moved;  // by pointer: each is worked out once
  const auto locate = [&](Location& location) -> Status {
    if (location.file != file || !location.pointer.starts_with('/')) return Ok{};
    if (auto it = moved.find(location.pointer); it != moved.end()) {
      location = it->second;
      return Ok{};
    }
    const std::string pointer = location.pointer;
    if (auto target = target_of(plan, tokens_of(pointer))) {
      SNAPKEY_ASSIGN_OR_RETURN(const ModuleConfig* module, modules.module(target->modules));
      const auto found = module ? module->resources.find(target->resource)
                                : std::map<std::string, Declared>::const_iterator{};
      if (module && found != module->resources.end()) {
        const Declared& declared = found->second;
        location = descend(declared.block->body, *declared.file, target->path, target->values,
                           location_of(declared));
      }
    }
    moved.emplace(pointer, location);
    return Ok{};
  };
  const auto all = [&](auto& items) -> Status {
    for (auto& item : items) SNAPKEY_RETURN_IF_ERROR(locate(item.location));
    return Ok{};
  };
  SNAPKEY_RETURN_IF_ERROR(all(input.accounts));
  SNAPKEY_RETURN_IF_ERROR(all(input.keys));
  SNAPKEY_RETURN_IF_ERROR(all(input.resources));
  SNAPKEY_RETURN_IF_ERROR(all(input.vaults));
  for (Plan& backup_plan : input.plans) {
    SNAPKEY_RETURN_IF_ERROR(locate(backup_plan.location));
    SNAPKEY_RETURN_IF_ERROR(all(backup_plan.rules));
    SNAPKEY_RETURN_IF_ERROR(all(backup_plan.selections));
  }
  return Ok{};
}

}  // namespace snapkey::io::terraform::source
