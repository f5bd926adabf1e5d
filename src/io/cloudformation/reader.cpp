// CloudFormation templates, one per stack, read together (snapkey/io/cloudformation.hpp): where
// each stack is deployed, then the model facts of all of them (io/cloudformation/build.hpp).
#include "io/cloudformation/reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <set>
#include <string_view>
#include <vector>

#include "io/cloudformation/build.hpp"
#include "io/cloudformation/eval.hpp"
#include "io/detail/guard.hpp"
#include "io/inputs/deployment_place.hpp"
#include "snapkey/arn.hpp"  // closest_match

namespace snapkey::io {
namespace cloudformation {
namespace {

Location file_only(const std::string& path) {
  Location location;
  location.file = path;
  return location;
}

// A --stack mapping that names no template given is a typo that would silently use the defaults.
Status check_mappings(const std::vector<TemplateSource>& sources,
                      const CloudFormationOptions& options) {
  std::vector<std::string> paths;
  for (const TemplateSource& source : sources) paths.push_back(source.path);
  const std::vector<Error> unmatched =
      detail::unmatched_mappings("E_CFN_REGION", "--stack", options.stacks, paths, "template");
  if (!unmatched.empty()) return unmatched.front();
  return Ok{};
}

// A --parameter that no template declares is a typo (or the wrong template) that would silently
// leave the parameter it was meant for without a value.
Status check_parameters(const std::vector<Stack>& stacks, const CloudFormationOptions& options) {
  std::set<std::string> declared;
  for (const Stack& stack : stacks) {
    const Node* parameters = stack.section("Parameters");
    if (parameters == nullptr || !parameters->is_map()) continue;
    for (const Member& parameter : parameters->members) declared.insert(parameter.key);
  }
  for (const auto& [name, value] : options.parameters) {
    if (declared.contains(name)) continue;
    return Error{
        "E_USAGE",
        fmt::format("--parameter {}={} names no parameter of the templates read "
                    "(parameters: {})",
                    name, value,
                    declared.empty() ? "none" : fmt::format("{}", fmt::join(declared, ", "))),
        {}};
  }
  return Ok{};
}

// The Parameters of a template as CloudFormation accepts them: a map of parameters, each with a
// Type CloudFormation has, and a Default (or --parameter value) among its AllowedValues.
// CloudFormation refuses the template, or the stack, otherwise.
Status check_parameter_declarations(const Stack& stack, const CloudFormationOptions& options) {
  const Node* parameters = stack.section("Parameters");
  if (parameters == nullptr || parameters->kind == Node::Kind::null) return Ok{};
  const auto error = [](std::string message, const Location& where) {
    return Error{"E_CFN_VALUE", std::move(message), where};
  };
  if (!parameters->is_map()) {
    return error(fmt::format("expected a map of parameters by name for Parameters, found {}",
                             parameters->kind_name()),
                 parameters->location);
  }
  static const std::vector<std::string_view> kTypes = {"String", "Number", "List<Number>",
                                                       "CommaDelimitedList"};
  for (const Member& parameter : parameters->members) {
    const Node& declaration = parameter.value;
    const Node* type = declaration.is_map() ? declaration.find("Type") : nullptr;
    if (type == nullptr) {
      return error(
          fmt::format(
              "expected a map with a Type for parameter {}, found {}", parameter.key,
              declaration.is_map() ? "a map without Type" : std::string(declaration.kind_name())),
          declaration.location);
    }
    const bool aws_type = type->is_scalar() &&
                          (type->text.starts_with("AWS::") || type->text.starts_with("List<AWS::"));
    if (!type->is_scalar() ||
        (!aws_type && std::find(kTypes.begin(), kTypes.end(), type->text) == kTypes.end())) {
      const std::string suggestion = type->is_scalar() ? closest_match(type->text, kTypes) : "";
      return error(
          fmt::format(
              "expected a parameter Type (String, Number, List<Number>, "
              "CommaDelimitedList, or an AWS-specific type such as AWS::EC2::VPC::Id or "
              "AWS::SSM::Parameter::Value<String>) for parameter {}, found {}{}",
              parameter.key,
              type->is_scalar() ? fmt::format("'{}'", type->text) : std::string(type->kind_name()),
              suggestion.empty() ? "" : fmt::format("; did you mean '{}'?", suggestion)),
          type->location);
    }
    const Node* allowed = declaration.find("AllowedValues");
    if (allowed == nullptr || !allowed->is_list()) continue;
    std::vector<std::string> words;
    for (const Node& item : allowed->items) {
      if (item.is_scalar()) words.push_back(item.text);
    }
    const auto message = [&](std::string_view what, const std::string& value) {
      return fmt::format(
          "expected {} of parameter {} to be one of its AllowedValues ({}), found "
          "'{}'",
          what, parameter.key, fmt::join(words, ", "), value);
    };
    const auto among = [&](const std::string& value) {
      return std::find(words.begin(), words.end(), value) != words.end();
    };
    if (const auto given = options.parameters.find(parameter.key);
        given != options.parameters.end()) {
      // The command line's value: a usage error, with no place in the template.
      if (!among(given->second)) {
        return Error{"E_USAGE", message("the --parameter value", given->second), {}};
      }
    } else if (const Node* fallback = declaration.find("Default");
               fallback != nullptr && fallback->is_scalar() && !among(fallback->text)) {
      return error(message("the Default", fallback->text), fallback->location);
    }
  }
  return Ok{};
}

// Where the stack of `path` is deployed. Errors: E_CFN_REGION, E_CFN_ACCOUNT, E_REGION,
// E_ACCOUNT_ID.
Status place_stack(Stack& stack, const CloudFormationOptions& options) {
  const auto [region, account] =
      detail::place_for(stack.file, {options.region, options.account}, options.stacks);
  if (region.empty()) {
    return Error{"E_CFN_REGION",
                 fmt::format("no Region for {}: a template does not say where its stack is "
                             "deployed; give --region REGION, or --stack {}=REGION[:ACCOUNT]",
                             stack.file, stack.file),
                 file_only(stack.file)};
  }
  auto parsed_region = parse_region(region);
  if (!parsed_region) {
    return Error{parsed_region.error().id,
                 fmt::format("the Region of {}: {}", stack.file, parsed_region.error().message),
                 file_only(stack.file)};
  }
  if (account.empty()) {
    return Error{"E_CFN_ACCOUNT",
                 fmt::format("no account for {}: a template does not say which account its stack "
                             "is deployed in; give --account ACCOUNT, or --stack "
                             "{}=REGION:ACCOUNT",
                             stack.file, stack.file),
                 file_only(stack.file)};
  }
  auto parsed_account = parse_account_id(account);
  if (!parsed_account) {
    return Error{parsed_account.error().id,
                 fmt::format("the account of {}: {}", stack.file, parsed_account.error().message),
                 file_only(stack.file)};
  }
  stack.region = *parsed_region;
  stack.account = *parsed_account;
  return Ok{};
}

Result<ModelInput> read_unchecked(const std::vector<TemplateSource>& sources,
                                  const CloudFormationOptions& options) {
  SNAPKEY_ASSIGN_OR_RETURN(auto stacks, read_stacks(sources, options));
  Evaluator evaluator(stacks, options.parameters);
  SNAPKEY_RETURN_IF_ERROR(evaluator.index_exports());
  Builder builder(evaluator);
  return builder.build();
}

}  // namespace

Result<std::vector<Stack>> read_stacks(const std::vector<TemplateSource>& sources,
                                       const CloudFormationOptions& options) {
  SNAPKEY_RETURN_IF_ERROR(check_mappings(sources, options));
  std::vector<Stack> stacks;
  for (const TemplateSource& source : sources) {
    auto root = parse_template(source.text, source.path);
    if (!root) return root.error();
    if (!root->is_map()) {
      return Error{"E_CFN_VALUE",
                   fmt::format("expected a CloudFormation template (a map with Resources), "
                               "found {}",
                               root->kind_name()),
                   root->location.file.empty() ? file_only(source.path) : root->location};
    }
    Stack stack;
    stack.file = source.path;
    stack.name = stack_name(source.path);
    stack.root = std::move(root).value();
    SNAPKEY_RETURN_IF_ERROR(place_stack(stack, options));
    SNAPKEY_RETURN_IF_ERROR(check_parameter_declarations(stack, options));
    stacks.push_back(std::move(stack));
  }
  SNAPKEY_RETURN_IF_ERROR(check_parameters(stacks, options));
  return stacks;
}

std::string stack_name(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view suffix : {".json", ".yaml", ".yml", ".template"}) {
      if (name.size() > suffix.size() && name.ends_with(suffix)) {
        name.resize(name.size() - suffix.size());
        stripped = true;
      }
    }
  }
  return name;
}

Result<ModelInput> read_templates(const std::vector<TemplateSource>& sources,
                                  const CloudFormationOptions& options) {
  return detail::guarded("the templates", [&] { return read_unchecked(sources, options); });
}

}  // namespace cloudformation

Result<ModelInput> read_cloudformation_templates(const std::vector<std::string>& paths,
                                                 const CloudFormationOptions& options) {
  std::vector<cloudformation::TemplateSource> sources;
  for (const std::string& path : paths) {
    SNAPKEY_ASSIGN_OR_RETURN(auto source, cloudformation::read_template_file(path));
    sources.push_back(std::move(source));
  }
  return cloudformation::read_templates(sources, options);
}

}  // namespace snapkey::io
