// read_inputs(): any mix of scenario files, saved AWS CLI output, Terraform plans and
// CloudFormation templates in one run. Each file is recognised from its content (never its name),
// the files of each kind go to their reader, and io::combine makes one model input of it all.
//
// The rules (docs and README "Reading your real configuration" describe them for users):
// - A directory is walked recursively in sorted order; below it only *.json, *.yaml, *.yml and
//   *.template files are read (*.template.json is a *.json), and entries whose names start with
//   '.' are skipped. A file named on the command line is always read, whatever its name.
// - Every AWS CLI file of the run goes to ONE read_aws_cli_export call: key policies, aliases,
//   plans and selections refer to each other across files. A directory given on the command line
//   whose every file is AWS CLI output is passed as the directory itself, so that the CLI reader
//   sees the folder as it was exported; otherwise its CLI files are passed one by one.
// - Scenario files are read one by one, Terraform plans one by one, templates in one call.
// - The inputs are combined in this order: scenario files, the AWS CLI export, Terraform plans,
//   CloudFormation templates (each in the order the files were found). The order decides which
//   name a thing described twice keeps, and which place a conflict names first.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "fmt/format.h"
#include "io/file.hpp"
#include "io/json.hpp"
#include "snapkey/io/aws_cli.hpp"
#include "snapkey/io/cloudformation.hpp"
#include "snapkey/io/inputs.hpp"
#include "snapkey/io/scenario.hpp"
#include "snapkey/io/terraform.hpp"

namespace snapkey::io {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKindError = "E_INPUT_KIND";

Location file_location(const std::string& path) {
  Location location;
  location.file = path;
  return location;
}

Error cannot_read(const std::string& path, const std::error_code& error) {
  return Error{"E_FILE", fmt::format("cannot read '{}': {}", path, error.message()),
               file_location(path)};
}

// The whole file. Errors: E_FILE (worded like the scenario reader's).
Result<std::string> read_text(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return cannot_read(path, std::make_error_code(std::errc::is_a_directory));
  }
  return detail::read_file(path);
}

bool has_yaml_extension(const std::string& path) {
  const std::string extension = fs::path(path).extension().string();
  return extension == ".yaml" || extension == ".yml";
}

// JSON starts with '{' or '[' after white space (and an optional UTF-8 byte order mark).
bool looks_like_json(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

// ---------------------------------------------------------------------------------------------
// Recognising YAML

// A CloudFormation `Resources` map: at least one entry whose Type is "AWS::...".
// (A const look-up of a missing key gives an invalid node, which must not be asked its type.)
bool has_aws_resources(const YAML::Node& resources) {
  if (!resources || !resources.IsMap()) return false;
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    if (!it->second.IsMap()) continue;
    const YAML::Node type = it->second["Type"];
    if (type && type.IsScalar() && type.Scalar().starts_with("AWS::")) return true;
  }
  return false;
}

std::string found(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return fmt::format("the text '{}'", node.Scalar());
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

Result<InputKind> detect_yaml(const std::string& text, const std::string& path) {
  Location where = file_location(path);
  try {
    const YAML::Node root = YAML::Load(text);
    if (root.IsMap()) {
      if (root["AWSTemplateFormatVersion"] || has_aws_resources(root["Resources"])) {
        return InputKind::cloudformation;
      }
      return InputKind::scenario;  // the scenario reader checks every key
    }
    where.line = 1;
    where.column = 1;
    if (!root.Mark().is_null() && !root.IsNull()) {
      where.line = root.Mark().line + 1;
      where.column = root.Mark().column + 1;
    }
    return Error{std::string(kKindError),
                 fmt::format("expected a scenario or a CloudFormation template (a YAML map), "
                             "found {}",
                             found(root)),
                 std::move(where)};
  } catch (const YAML::Exception& e) {
    if (!e.mark.is_null()) {
      where.line = e.mark.line + 1;
      where.column = e.mark.column + 1;
    }
    return Error{"E_YAML", fmt::format("invalid YAML: {}", e.msg), std::move(where)};
  }
}

// ---------------------------------------------------------------------------------------------
// Recognising JSON

bool has_aws_resources(const detail::JsonValue& resources) {
  for (const auto& [name, resource] : resources.members()) {
    const detail::JsonValue type = resource["Type"];
    if (type.is_string() && type.as_string()->starts_with("AWS::")) return true;
  }
  return false;
}

Result<InputKind> detect_json(std::string text, const std::string& path) {
  auto doc = detail::parse_json(simdjson::padded_string(text), path);
  if (!doc) return doc.error();
  const detail::JsonValue root = (*doc)->root();
  if (!root["format_version"].is_missing() &&
      (!root["planned_values"].is_missing() || !root["resource_changes"].is_missing() ||
       !root["configuration"].is_missing())) {
    return InputKind::terraform_plan;
  }
  if (!root["AWSTemplateFormatVersion"].is_missing() || has_aws_resources(root["Resources"])) {
    return InputKind::cloudformation;
  }
  return InputKind::aws_cli;  // the CLI reader reports what it does not recognise
}

Result<InputKind> detect(std::string text, const std::string& path) {
  if (!has_yaml_extension(path) && looks_like_json(text)) return detect_json(std::move(text), path);
  return detect_yaml(text, path);
}

// ---------------------------------------------------------------------------------------------
// Finding the files

// The files snapkey reads below a directory.
bool is_read_in_directory(const fs::path& file) {
  const std::string extension = file.extension().string();
  return extension == ".json" || extension == ".yaml" || extension == ".yml" ||
         extension == ".template";
}

struct Found {
  std::string path;
  InputKind kind = InputKind::scenario;
};

// One path of the command line: a file, or a directory and what was found below it.
struct Argument {
  std::string path;
  bool directory = false;
  std::vector<Found> files;
  bool only_aws_cli = false;  // directories: every file below it is AWS CLI output (*.json)
};

// Every regular file below `directory`, sorted; entries whose names start with '.' skipped (and
// `skipped` set).
Result<std::vector<std::string>> walk(const std::string& directory, bool& skipped) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(directory, ec);
  if (ec) return cannot_read(directory, ec);
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) return cannot_read(it->path().string(), ec);
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      skipped = true;
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  if (ec) return cannot_read(directory, ec);
  std::sort(files.begin(), files.end());
  return files;
}

Result<Argument> find(const std::string& path) {
  Argument argument;
  argument.path = path;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return cannot_read(path, ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory));
  }
  if (!fs::is_directory(status)) {
    Result<InputKind> kind = detect_input_kind(path);
    if (!kind) return kind.error();
    argument.files.push_back({path, *kind});
    return argument;
  }
  argument.directory = true;
  bool skipped = false;
  Result<std::vector<std::string>> files = walk(path, skipped);
  if (!files) return files.error();
  // The CLI reader, given the directory, reads every *.json file below it: only when that is
  // exactly what snapkey would read may it have the directory.
  argument.only_aws_cli = !skipped;
  for (const std::string& file : *files) {
    if (!is_read_in_directory(file)) {
      argument.only_aws_cli = false;
      continue;
    }
    Result<InputKind> kind = detect_input_kind(file);
    if (!kind) return kind.error();
    if (*kind != InputKind::aws_cli || fs::path(file).extension() != ".json") {
      argument.only_aws_cli = false;
    }
    argument.files.push_back({file, *kind});
  }
  if (argument.files.empty()) {
    return Error{"E_FILE",
                 fmt::format("directory '{}' holds no file snapkey reads (*.json, *.yaml, *.yml, "
                             "*.template)",
                             path),
                 file_location(path)};
  }
  return argument;
}

// ---------------------------------------------------------------------------------------------
// Reading

// The files of one run, by kind, each once (in the order first found).
struct Reading {
  std::vector<std::string> scenarios;
  std::vector<std::string> aws_cli;  // files and whole directories
  std::vector<std::string> terraform_plans;
  std::vector<std::string> templates;
};

std::string same_file_key(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path).lexically_normal().string() : canonical.string();
}

Result<Reading> plan_reading(const std::vector<std::string>& paths) {
  Reading plan;
  std::set<std::string> seen;
  for (const std::string& path : paths) {
    Result<Argument> argument = find(path);
    if (!argument) return argument.error();
    const bool whole_directory =
        argument->directory && argument->only_aws_cli &&
        std::none_of(argument->files.begin(), argument->files.end(),
                     [&](const Found& f) { return seen.contains(same_file_key(f.path)); });
    if (whole_directory) plan.aws_cli.push_back(path);
    for (const Found& file : argument->files) {
      if (!seen.insert(same_file_key(file.path)).second) continue;
      switch (file.kind) {
        case InputKind::scenario:
          plan.scenarios.push_back(file.path);
          break;
        case InputKind::aws_cli:
          if (!whole_directory) plan.aws_cli.push_back(file.path);
          break;
        case InputKind::terraform_plan:
          plan.terraform_plans.push_back(file.path);
          break;
        case InputKind::cloudformation:
          plan.templates.push_back(file.path);
          break;
      }
    }
  }
  return plan;
}

// The CloudFormation reader matches --stack mappings to the templates it reads and reports one
// that names none; with no template in the run at all it is not called, so say it here.
// Errors: E_CFN_REGION.
Status check_stacks_without_templates(const CloudFormationOptions& options,
                                      const std::vector<std::string>& templates) {
  if (!templates.empty() || options.stacks.empty()) return Ok{};
  const auto& [file, place] = *options.stacks.begin();
  return Error{"E_CFN_REGION",
               fmt::format("--stack {}={} names no template read (templates: none)", file, place),
               file_location(file)};
}

}  // namespace

std::string_view to_string(InputKind kind) {
  switch (kind) {
    case InputKind::aws_cli:
      return "aws-cli";
    case InputKind::terraform_plan:
      return "terraform-plan";
    case InputKind::cloudformation:
      return "cloudformation";
    case InputKind::scenario:
      break;
  }
  return "scenario";
}

Result<InputKind> detect_input_kind(const std::string& path) {
  Result<std::string> text = read_text(path);
  if (!text) return text.error();
  return detect(std::move(text).value(), path);
}

Result<ModelInput> read_inputs(const std::vector<std::string>& paths, const InputOptions& options) {
  Result<Reading> plan = plan_reading(paths);
  if (!plan) return plan.error();
  std::vector<ModelInput> inputs;
  auto add = [&](Result<ModelInput> input) -> Status {
    if (!input) return input.error();
    inputs.push_back(std::move(input).value());
    return Ok{};
  };
  for (const std::string& file : plan->scenarios) {
    if (Status s = add(read_scenario_file(file)); !s) return s.error();
  }
  if (!plan->aws_cli.empty()) {
    if (Status s = add(read_aws_cli_export(plan->aws_cli)); !s) return s.error();
  }
  for (const std::string& file : plan->terraform_plans) {
    if (Status s = add(read_terraform_plan_file(file)); !s) return s.error();
  }
  if (Status s = check_stacks_without_templates(options.cloudformation, plan->templates); !s) {
    return s.error();
  }
  if (!plan->templates.empty()) {
    Status s = add(read_cloudformation_templates(plan->templates, options.cloudformation));
    if (!s) return s.error();
  }
  return combine(std::move(inputs));
}

}  // namespace snapkey::io
