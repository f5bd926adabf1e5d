// References between stacks: Exports and Fn::ImportValue (one account and Region), outputs and
// Fn::GetStackOutput (any Region and account) (io/cloudformation/eval.hpp).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-importvalue.html
#include <fmt/format.h>

#include <algorithm>

#include "io/cloudformation/eval.hpp"

namespace snapkey::io::cloudformation {
namespace {

// The account of an ARN ("" when it is not one).
std::string account_of_arn(const std::string& arn) {
  auto parsed = parse_arn(arn);
  return parsed ? parsed->account : std::string();
}

}  // namespace

Status Evaluator::index_exports() {
  for (std::size_t s = 0; s < stacks_.size(); ++s) {
    const Node* outputs = stacks_[s].section("Outputs");
    if (outputs == nullptr) continue;
    for (const Member& output : outputs->members) {
      const Node* name = output.value.find("Export");
      if (name != nullptr) name = name->find("Name");
      if (name == nullptr) continue;
      auto value = eval(s, *name);
      if (!value) return value.error();
      if (!value->is_literal()) continue;  // an unknown name: nothing can import it by name
      const auto key =
          std::make_tuple(stacks_[s].account.value, stacks_[s].region.name, value->text());
      const auto [it, inserted] = exports_.emplace(key, Export{s, output.key, name->location});
      if (!inserted) {
        const Export& first = it->second;
        return Error{
            "E_CFN_DUPLICATE_EXPORT",
            fmt::format("export '{}' is defined twice in {} {}: by output {} of {} and "
                        "by output {} of {}; export names must be unique within an "
                        "account and Region",
                        value->text(), stacks_[s].account.value, stacks_[s].region.name,
                        first.output, stacks_[first.stack].file, output.key, stacks_[s].file),
            name->location};
      }
    }
  }
  return Ok{};
}

// --- Fn::ImportValue and Fn::GetStackOutput --------------------------------------------------

Result<Value> Evaluator::import_value(std::size_t stack, const Node& arg, const Location& where) {
  std::string reason;
  auto name = literal_arg(stack, arg, "the export name of Fn::ImportValue", reason);
  if (!name) return name.error();
  if (!*name) return Value::unknown(reason, where);
  const Stack& s = stacks_[stack];
  const auto found = exports_.find({s.account.value, s.region.name, **name});
  if (found != exports_.end() && found->second.stack != stack) {
    return output_value(found->second.stack, found->second.output, where);
  }
  if (found != exports_.end()) {
    return Value::unknown(
        fmt::format("export '{}' is made by {} itself, and a stack cannot import its own exports",
                    **name, s.file),
        where);
  }
  for (const auto& [key, elsewhere] : exports_) {
    if (std::get<2>(key) != **name) continue;
    const Stack& other = stacks_[elsewhere.stack];
    return Value::unknown(
        fmt::format("export '{}' is made by {} in {} {}, but Fn::ImportValue reads only exports "
                    "of its own account and Region ({} {}); Fn::GetStackOutput reads outputs "
                    "across Regions and accounts",
                    **name, other.file, other.account.value, other.region.name, s.account.value,
                    s.region.name),
        where);
  }
  return Value::unknown(fmt::format("no template given exports '{}' in {} {}", **name,
                                    s.account.value, s.region.name),
                        where);
}

Result<Value> Evaluator::get_stack_output(std::size_t stack, const Node& arg,
                                          const Location& where) {
  const Node* stack_name = arg.find("StackName");
  const Node* output_name = arg.find("OutputName");
  if (!arg.is_map() || stack_name == nullptr || output_name == nullptr) {
    return value_error(
        fmt::format("Fn::GetStackOutput expects {{StackName, OutputName, Region, "
                    "RoleArn}}, found {}",
                    arg.is_map() ? "a map without StackName or OutputName" : arg.kind_name()),
        where);
  }
  const Stack& s = stacks_[stack];
  std::string reason;
  std::vector<std::string> values;
  for (const auto& [node, what] :
       {std::pair{stack_name, "StackName"}, std::pair{output_name, "OutputName"},
        std::pair{arg.find("Region"), "Region"}, std::pair{arg.find("RoleArn"), "RoleArn"}}) {
    if (node == nullptr) {
      values.emplace_back();
      continue;
    }
    auto text =
        literal_arg(stack, *node, fmt::format("the {} of Fn::GetStackOutput", what), reason);
    if (!text) return text.error();
    if (!*text) return Value::unknown(reason, where);
    values.push_back(**text);
  }
  const std::string region = values[2].empty() ? s.region.name : values[2];
  const std::string role_account = values[3].empty() ? "" : account_of_arn(values[3]);
  const std::string account = role_account.empty() ? s.account.value : role_account;
  for (std::size_t other = 0; other < stacks_.size(); ++other) {
    const Stack& o = stacks_[other];
    if (o.name != values[0] || o.region.name != region || o.account.value != account) continue;
    const Node* outputs = o.section("Outputs");
    if (outputs == nullptr || outputs->find(values[1]) == nullptr) {
      return value_error(fmt::format("Fn::GetStackOutput reads output '{}' of stack '{}', which "
                                     "{} does not define",
                                     values[1], values[0], o.file),
                         where);
    }
    return output_value(other, values[1], where);
  }
  return Value::unknown(fmt::format("no template given is stack '{}' in {} {} (a stack is named "
                                    "after its file)",
                                    values[0], account, region),
                        where);
}

Result<Value> Evaluator::output_value(std::size_t stack, const std::string& output,
                                      const Location& where) {
  const Stack& s = stacks_[stack];
  const Node& declaration = *s.section("Outputs")->find(output);
  if (const Node* condition_name = declaration.find("Condition");
      condition_name != nullptr && condition_name->is_scalar()) {
    auto truth = condition(stack, condition_name->text, condition_name->location);
    if (!truth) return truth.error();
    if (truth->truth != Truth::yes) {
      return Value::unknown(
          truth->truth == Truth::no
              ? fmt::format("output {} of {} is not made: its condition {} is false", output,
                            s.file, condition_name->text)
              : truth->reason,
          where);
    }
  }
  const Node* value = declaration.find("Value");
  if (value == nullptr) {
    return value_error(fmt::format("output {} of {} has no Value", output, s.file),
                       declaration.location);
  }
  if (Status entered = enter(fmt::format("output {} {}", stack, output),
                             fmt::format("output {} of {}", output, s.file), value->location);
      !entered) {
    return entered.error();
  }
  auto result = eval(stack, *value);
  leave();
  return result;
}

}  // namespace snapkey::io::cloudformation
