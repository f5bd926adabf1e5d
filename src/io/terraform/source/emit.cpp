// Writing an evaluated configuration as a plan's JSON, and the way back to the source.
#include "io/terraform/source/emit.hpp"

#include <fmt/format.h>

#include "common/strings.hpp"
#include "io/detail/json.hpp"

namespace snapkey::io::terraform::source {
namespace {

using hcl::Value;
using snapkey::detail::json_append;
using snapkey::detail::json_quote;

// The value as the plan's `after` writes it: unknown parts left out (null in lists).
std::string after(const Value& v) {
  if (v.is_unknown()) return "null";
  if (v.is_list()) {
    std::string out = "[";
    for (const Value& item : v.items()) json_append(out, after(item));
    return out + "]";
  }
  if (v.is_object()) {
    std::string out = "{";
    for (const auto& [name, field] : v.fields()) {
      if (field.is_unknown()) continue;
      json_append(out, name, after(field));
    }
    return out + "}";
  }
  return v.to_json();
}

// Its `after_unknown` twin: true where unknown.
std::string after_unknown(const Value& v) {
  if (v.is_unknown()) return "true";
  if (v.is_list()) {
    std::string out = "[";
    for (const Value& item : v.items()) json_append(out, after_unknown(item));
    return out + "]";
  }
  if (v.is_object()) {
    std::string out = "{";
    for (const auto& [name, field] : v.fields()) {
      if (field.wholly_known()) continue;
      json_append(out, name, after_unknown(field));
    }
    return out + "}";
  }
  return "false";
}

bool is_constant(const Value& v) { return !v.origin() && v.wholly_known(); }

// The configuration expression of one argument: where its value comes from. The snapkey_*
// members are this reader's own (PlanFile::follow reads them); Terraform writes references.
std::string expression(const Value& v) {
  if (const hcl::Origin* origin = v.origin()) {
    return fmt::format(R"({{"snapkey_reference":{{"instance":{},"attribute":{}}}}})",
                       json_quote(origin->instance), json_quote(origin->attribute));
  }
  if (v.is_unknown()) return fmt::format(R"({{"snapkey_unknown":{}}})", json_quote(v.why()));
  if (v.is_list() && !is_constant(v)) {
    std::string out = "[";
    for (const Value& item : v.items()) json_append(out, expression(item));
    return fmt::format(R"({{"snapkey_each":{}]}})", out);
  }
  if (v.is_object() && !v.wholly_known()) {
    const Value* unknown = v.first_unknown();
    return fmt::format(R"({{"snapkey_unknown":{}}})", json_quote(unknown->why()));
  }
  return fmt::format(R"({{"constant_value":{}}})", v.to_json());
}

class Writer {
 public:
  explicit Writer(Emitted& out) : out_(out) {}

  // A block's expressions: arguments, and nested blocks as lists of their expressions.
  std::string expressions(const Value& values, const Shape& shape, const std::string& pointer) {
    std::string out = "{";
    for (const auto& [name, field] : values.fields()) {
      const std::string at = pointer + detail::pointer_token(name);
      std::string text;
      if (auto blocks = shape.blocks.find(name); blocks != shape.blocks.end() && field.is_list()) {
        text = "[";
        for (std::size_t i = 0; i < field.items().size() && i < blocks->second.size(); ++i) {
          const std::string item = at + "/" + std::to_string(i);
          json_append(text, expressions(field.items()[i], blocks->second[i], item));
        }
        text += "]";
      } else {
        text = expression(field);
      }
      json_append(out, name, text);
    }
    place(values, shape, pointer);
    return out + "}";
  }

  // Every block and argument of `shape` at its pointer below `pointer`.
  void place(const Value& values, const Shape& shape, const std::string& pointer) {
    out_.place(pointer, shape.at);
    for (const auto& [name, location] : shape.attributes) {
      out_.place(pointer + detail::pointer_token(name), location);
    }
    for (const auto& [name, blocks] : shape.blocks) {
      const auto field = values.fields().find(name);
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::string at = pointer + detail::pointer_token(name) + "/" + std::to_string(i);
        const Value inner = field != values.fields().end() && field->second.is_list() &&
                                    i < field->second.items().size()
                                ? field->second.items()[i]
                                : Value::object({});
        place(inner, blocks[i], at);
      }
    }
  }

  std::string change(const SourceInstance& instance, std::size_t i) {
    const std::string pointer = fmt::format("/resource_changes/{}", i);
    std::string out = fmt::format(R"({{"address":{},"mode":"{}","type":{},"name":{})",
                                  json_quote(instance.address), instance.data ? "data" : "managed",
                                  json_quote(instance.type), json_quote(instance.name));
    if (!instance.module_address.empty()) {
      out += fmt::format(R"(,"module_address":{})", json_quote(instance.module_address));
    }
    if (instance.index) out += fmt::format(R"(,"index":{})", instance.index->to_json());
    out += fmt::format(
        R"(,"provider_name":"registry.terraform.io/hashicorp/aws","change":{{"actions":["{}"],"after":{},"after_unknown":{}}})",
        instance.data ? "read" : "create", after(instance.values), after_unknown(instance.values));
    place(instance.values, instance.shape, pointer + "/change/after");
    const std::string local = instance.data ? "data." + instance.type + "." + instance.name
                                            : instance.type + "." + instance.name;
    out += fmt::format(
        R"(,"snapkey_config":{{"address":{},"mode":"{}","type":{},"name":{},"provider_config_key":{},"expressions":{}}}}})",
        json_quote(local), instance.data ? "data" : "managed", json_quote(instance.type),
        json_quote(instance.name), json_quote(instance.provider),
        expressions(instance.values, instance.shape, pointer + "/snapkey_config/expressions"));
    out_.place(pointer, instance.shape.at);
    return out;
  }

  std::string provider(const std::string& key, const ProviderState& state) {
    std::string expressions = "{";
    const auto add = [&](const char* name, const std::string& text) {
      json_append(expressions, name, text);
    };
    if (!state.region.is_null()) add("region", expression(state.region));
    if (!state.allowed_account_ids.is_null()) {
      add("allowed_account_ids", expression(state.allowed_account_ids));
    }
    if (state.assume_role.is_list() && !state.assume_role.items().empty()) {
      std::string roles = "[";
      for (const Value& role : state.assume_role.items()) {
        std::string fields = "{";
        for (const auto& [name, value] : role.fields()) {
          json_append(fields, name, expression(value));
        }
        json_append(roles, fields + "}");
      }
      add("assume_role", roles + "]");
    }
    const auto dot = key.find('.', key.find(':') == std::string::npos ? 0 : key.find(':'));
    const std::string name = key.substr(key.find(':') == std::string::npos ? 0 : key.find(':') + 1);
    std::string out = fmt::format(R"({{"name":{})", json_quote(name.substr(0, name.find('.'))));
    if (dot != std::string::npos) {
      out += fmt::format(R"(,"alias":{})", json_quote(key.substr(dot + 1)));
    }
    if (const auto colon = key.find(':'); colon != std::string::npos) {
      out += fmt::format(R"(,"module_address":{})", json_quote(key.substr(0, colon)));
    }
    out_.place("/configuration/provider_config" + detail::pointer_token(key), state.location);
    return out + R"(,"expressions":)" + expressions + "}}";
  }

 private:
  Emitted& out_;
};

// The longest pointer of `places` that is `pointer` or one of its parents.
const Location* nearest(const std::map<std::string, Location>& places, std::string pointer) {
  for (;;) {
    if (auto it = places.find(pointer); it != places.end() && it->second.line > 0) {
      return &it->second;
    }
    const auto slash = pointer.rfind('/');
    if (slash == std::string::npos || pointer.empty()) return nullptr;
    pointer.resize(slash);
  }
}

}  // namespace

void Emitted::relocate(Location& location) const {
  if (location.file != file || location.pointer.empty()) return;
  if (const Location* source = nearest(places_, location.pointer)) location = *source;
}

void Emitted::relocate(ModelInput& input) const {
  const auto all = [this](auto& items) {
    for (auto& item : items) relocate(item.location);
  };
  all(input.accounts);
  all(input.keys);
  all(input.resources);
  all(input.vaults);
  for (Plan& plan : input.plans) {
    relocate(plan.location);
    all(plan.rules);
    all(plan.selections);
  }
}

Emitted emit_plan(const Evaluation& evaluation, std::string file) {
  Emitted out;
  out.file = std::move(file);
  Writer writer(out);
  std::string changes;
  const std::vector<SourceInstance>& instances = evaluation.instances();
  for (std::size_t i = 0; i < instances.size(); ++i) {
    if (i > 0) changes += ',';
    changes += writer.change(instances[i], i);
  }
  std::string providers;
  for (const auto& [key, state] : evaluation.providers()) {
    if (!providers.empty()) providers += ',';
    providers += json_quote(key);
    providers += ':';
    providers += writer.provider(key, state);
  }
  out.json = fmt::format(
      R"({{"format_version":"1.2","terraform_version":"source","planned_values":{{"root_module":{{}}}},"resource_changes":[{}],"configuration":{{"provider_config":{{{}}},"root_module":{{}}}}}})",
      changes, providers);
  return out;
}

}  // namespace snapkey::io::terraform::source
