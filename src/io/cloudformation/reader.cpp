// CloudFormation templates, one per stack, read together (snapkey/io/cloudformation.hpp): where
// each stack is deployed, then the model facts of all of them (io/cloudformation/build.hpp).
#include "io/cloudformation/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <set>

#include "io/cloudformation/build.hpp"
#include "io/cloudformation/eval.hpp"
#include "io/detail/guard.hpp"
#include "io/inputs/deployment_place.hpp"

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
