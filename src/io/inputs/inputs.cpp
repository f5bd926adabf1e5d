// read_inputs(): any mix of scenario files, saved AWS CLI output, Terraform plans and
// CloudFormation templates in one run. Each file is recognised from its content (never its name),
// the files of each kind go to their reader, and io::combine makes one model input of it all.
//
// The rules (docs and README "Reading your real configuration" describe them for users):
// - A directory is walked recursively in sorted order; below it only *.json, *.yaml, *.yml and
//   *.template files are read (*.template.json is a *.json), and entries whose names start with
//   '.' are skipped. A file named on the command line is always read, whatever its name.
// - Each file is read from disk once: detection keeps its text and the reader gets the text.
// - Every AWS CLI file of the run goes to ONE call of the CLI reader: key policies, aliases,
//   plans and selections refer to each other across files. It gets the files' paths with their
//   texts: the paths tell it the account and Region folders.
// - Scenario files are read one by one, Terraform plans one by one, templates in one call.
// - The inputs are combined in this order: scenario files, the AWS CLI export, Terraform plans,
//   CloudFormation templates (each in the order the files were found). The order decides which
//   name a thing described twice keeps, and which place a conflict names first.
// - read_inputs_report (the CLI's) skips a directory's files of unknown kind (E_INPUT_KIND found
//   recognising a YAML file; E_AWS_CLI_KIND at the root of a JSON file) and lists them, and goes
//   on past bad files to report them all. When the one AWS CLI call fails, each CLI file is read
//   alone: that finds the files of unknown kind and every file with an error of its own (errors
//   between files, E_AWS_CLI_CONFLICT and E_AWS_CLI_REF, are left to the whole export); the rest
//   is then read in one call again. read_inputs skips nothing and stops at the first error.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/aws_cli/reader.hpp"
#include "io/cloudformation/reader.hpp"
#include "io/detail/file.hpp"
#include "io/detail/json.hpp"
#include "io/detail/text.hpp"
#include "io/detail/walk.hpp"
#include "io/detail/yaml_shape.hpp"
#include "io/inputs/input_options.hpp"
#include "io/terraform/source/configuration.hpp"
#include "io/terraform/source/roots.hpp"
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

using detail::cannot_read;

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

// The first entry of `map` that is a CloudFormation resource block (a map whose Type is
// "AWS::..."), or an invalid node: a file of such blocks is a template's fragment.
std::pair<std::string, YAML::Node> first_resource_block(const YAML::Node& map) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->second.IsMap() || !it->first.IsScalar()) continue;
    const YAML::Node type = it->second["Type"];
    if (type && type.IsScalar() && type.Scalar().starts_with("AWS::")) {
      return {it->first.Scalar(), it->first};
    }
  }
  return {"", YAML::Node(YAML::NodeType::Undefined)};
}

// Issue 9: resource blocks with no Resources: around them are neither a scenario nor a template.
std::string fragment_message(std::string_view name) {
  return fmt::format(
      "expected a scenario or a CloudFormation template, found a CloudFormation fragment: "
      "resource blocks such as '{}' (Type: AWS::...) with no Resources: section around them; "
      "put them under Resources: to read the file as a template",
      name);
}

Result<InputKind> detect_yaml(const std::string& text, const std::string& path) {
  Location where = file_location(path);
  if (const std::optional<detail::BadCharacter> bad = detail::find_bad_character(text)) {
    where.line = bad->line;
    where.column = bad->column;
    return Error{"E_YAML", "invalid YAML: " + bad->message, std::move(where)};
  }
  try {
    const YAML::Node root = YAML::Load(text);
    if (root.IsMap()) {
      if (root["AWSTemplateFormatVersion"] || has_aws_resources(root["Resources"])) {
        return InputKind::cloudformation;
      }
      if (const auto [name, at] = first_resource_block(root); !name.empty()) {
        where.line = at.Mark().line + 1;
        where.column = at.Mark().column + 1;
        return Error{std::string(kKindError), fragment_message(name), std::move(where)};
      }
      return InputKind::scenario;  // the scenario reader checks every key
    }
    where.line = 1;
    where.column = 1;
    // An empty x.json (a command that failed and wrote nothing) is not read as YAML: say so.
    if (!has_yaml_extension(path) && text.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Error{std::string(kKindError),
                   "expected JSON (a Terraform plan, a CloudFormation template or the output of "
                   "an AWS CLI command) or YAML (a scenario or a template), found an empty file",
                   std::move(where)};
    }
    if (!root.Mark().is_null() && !root.IsNull()) {
      where.line = root.Mark().line + 1;
      where.column = root.Mark().column + 1;
    }
    return Error{std::string(kKindError),
                 fmt::format("expected a scenario or a CloudFormation template (a YAML map), "
                             "found {}",
                             detail::found(root)),
                 std::move(where)};
  } catch (const YAML::Exception& e) {
    return detail::yaml_syntax_error(text, e, path);
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
  SNAPKEY_ASSIGN_OR_RETURN(auto doc, detail::parse_json(simdjson::padded_string(text), path));
  const detail::JsonValue root = (doc)->root();
  // A plan; also one without format_version (which the Terraform reader reports as
  // E_TERRAFORM_VERSION, not the AWS CLI reader as a file of no command it knows).
  if ((!root["format_version"].is_missing() || !root["terraform_version"].is_missing()) &&
      (!root["planned_values"].is_missing() || !root["resource_changes"].is_missing() ||
       !root["configuration"].is_missing())) {
    return InputKind::terraform_plan;
  }
  if (!root["AWSTemplateFormatVersion"].is_missing() || has_aws_resources(root["Resources"])) {
    return InputKind::cloudformation;
  }
  for (const auto& [name, resource] : root.members()) {
    const detail::JsonValue type = resource["Type"];
    if (type.is_string() && type.as_string()->starts_with("AWS::")) {
      return Error{std::string(kKindError), fragment_message(name), resource.location()};
    }
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
  std::string text;  // read once, by detection, and handed to the reader
  InputKind kind = InputKind::scenario;
  bool in_directory = false;  // found below a directory (not named on the command line)
  std::size_t argument = 0;   // the index of the command-line path it was found by
  std::size_t order = 0;      // its place in the order the files were found
};

// One path of the command line: a file, or a directory and what was found below it.
struct Argument {
  std::string path;
  bool directory = false;
  std::vector<Found> files;
  std::size_t candidates = 0;  // directories: the files below it snapkey would read
  std::size_t skipped = 0;     // directories: how many of those were skipped
};

// One run: what it met so far. `report_all` (read_inputs_report) skips files of unknown kind
// below directories and goes on past errors; otherwise the first error stops the run.
struct Run {
  bool report_all = false;
  std::vector<Error> errors;
  std::vector<std::pair<std::size_t, SkippedInput>> skipped;  // with Found::order
  std::size_t found = 0;                                      // files found so far

  void skip(std::size_t order, std::string file, std::string id, std::string reason) {
    skipped.emplace_back(order, SkippedInput{std::move(file), std::move(id), std::move(reason)});
  }
  // The skipped files in the order they were found.
  std::vector<SkippedInput> skipped_in_order() {
    std::stable_sort(skipped.begin(), skipped.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<SkippedInput> out;
    for (auto& [order, file] : skipped) out.push_back(std::move(file));
    return out;
  }

  // Records `error`; true when the run must stop here.
  bool fail(Error error) {
    errors.push_back(std::move(error));
    return !report_all;
  }
  bool stopped() const { return !report_all && !errors.empty(); }
};

Error nothing_to_read(const std::string& directory) {
  return Error{"E_FILE",
               fmt::format("directory '{}' holds no file snapkey reads (*.json, *.yaml, *.yml, "
                           "*.template)",
                           directory),
               file_location(directory)};
}

// The files one command-line path names. Errors go to `run`; with run.report_all, a directory's
// YAML files of unknown kind (E_INPUT_KIND) are skipped, and every file is looked at.
Argument find(const std::string& path, std::size_t index, Run& run) {
  Argument argument;
  argument.path = path;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    run.fail(
        cannot_read(path, ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory)));
    return argument;
  }
  if (!fs::is_directory(status) && terraform::source::is_configuration_file(path)) {
    // Terraform reads directories: a .tf file named stands for the configuration it is in.
    const std::string dir = fs::path(path).parent_path().string();
    argument.files.push_back(
        {dir.empty() ? "." : dir, "", InputKind::terraform_source, false, index, run.found++});
    return argument;
  }
  if (!fs::is_directory(status)) {
    Result<std::string> text = read_text(path);
    Result<InputKind> kind = text ? detect(*text, path) : Result<InputKind>(text.error());
    if (!kind) {
      run.fail(kind.error());
    } else {
      argument.files.push_back({path, std::move(*text), *kind, false, index, run.found++});
    }
    return argument;
  }
  argument.directory = true;
  Result<detail::Walk> walk = detail::walk_directory(path);
  if (!walk) {
    run.fail(walk.error());
    return argument;
  }
  Result<terraform::source::Roots> terraform = terraform::source::terraform_roots(walk->files);
  if (!terraform) {
    run.fail(terraform.error());
    return argument;
  }
  for (const detail::PassedOver& entry : walk->passed_over) {
    run.skip(run.found++, entry.path, entry.id, entry.reason);
  }
  for (const std::string& root : terraform->roots) {
    ++argument.candidates;
    argument.files.push_back({root, "", InputKind::terraform_source, true, index, run.found++});
  }
  const auto in_configuration = [&](const std::string& file) {
    return std::any_of(terraform->modules.begin(), terraform->modules.end(),
                       [&](const std::string& dir) {
                         return fs::path(file).parent_path().lexically_normal() ==
                                fs::path(dir).lexically_normal();
                       });
  };
  for (const std::string& file : walk->files) {
    // .tf.json and .tfvars.json files are read with their module, above.
    const bool variables = file.ends_with(".tfvars.json");
    if (!is_read_in_directory(file) || terraform::source::is_configuration_file(file) ||
        (variables && in_configuration(file))) {
      continue;
    }
    ++argument.candidates;
    const std::size_t order = run.found++;
    if (variables) {
      run.skip(order, file, "I_TERRAFORM_VARIABLES_FILE",
               "Terraform variable values outside a configuration directory: not an input by "
               "itself (give it with --var-file)");
      ++argument.skipped;
      continue;
    }
    Result<std::string> text = read_text(file);
    Result<InputKind> kind = text ? detect(*text, file) : Result<InputKind>(text.error());
    if (kind && *kind == InputKind::terraform_plan && in_configuration(file)) {
      // A plan beside its configuration describes the same resources: the configuration is read.
      run.skip(order, file, "I_TERRAFORM_PLAN_BESIDE_SOURCE",
               "a Terraform plan in a directory of Terraform configuration: the configuration is "
               "read instead (name the plan itself to read the plan)");
      ++argument.skipped;
      continue;
    }
    if (!kind) {
      if (run.report_all && kind.error().id == kKindError) {
        run.skip(order, file, kind.error().id, kind.error().message);
        ++argument.skipped;
        continue;
      }
      if (run.fail(kind.error())) return argument;
      continue;
    }
    argument.files.push_back({file, std::move(*text), *kind, true, index, order});
  }
  if (argument.candidates == 0) run.fail(nothing_to_read(path));
  return argument;
}

// ---------------------------------------------------------------------------------------------
// Reading

// The files of one run, by kind, each once (in the order first found).
struct Reading {
  std::vector<Found> scenarios;
  std::vector<Found> aws_cli;
  std::vector<Found> terraform_plans;
  std::vector<Found> templates;
  std::vector<Found> terraform_sources;  // their paths are the root modules' directories
  std::vector<Argument> arguments;       // the command line's paths (their files moved out)
};

std::string same_file_key(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path).lexically_normal().string() : canonical.string();
}

Reading plan_reading(const std::vector<std::string>& paths, Run& run) {
  Reading plan;
  std::set<std::string> seen;
  for (std::size_t index = 0; index < paths.size(); ++index) {
    const std::string& path = paths[index];
    Argument argument = find(path, index, run);
    if (run.stopped()) return plan;
    for (Found& file : argument.files) {
      if (!seen.insert(same_file_key(file.path)).second) continue;
      switch (file.kind) {
        case InputKind::scenario:
          plan.scenarios.push_back(std::move(file));
          break;
        case InputKind::aws_cli:
          plan.aws_cli.push_back(std::move(file));
          break;
        case InputKind::terraform_plan:
          plan.terraform_plans.push_back(std::move(file));
          break;
        case InputKind::cloudformation:
          plan.templates.push_back(std::move(file));
          break;
        case InputKind::terraform_source:
          plan.terraform_sources.push_back(std::move(file));
          break;
      }
    }
    argument.files.clear();
    plan.arguments.push_back(std::move(argument));
  }
  return plan;
}

// The error the CLI reader gives a file of no command it knows: E_AWS_CLI_KIND at its root.
bool is_unknown_cli_kind(const Error& error, const std::string& file) {
  return error.id == "E_AWS_CLI_KIND" && error.location.file == file &&
         (error.location.pointer.empty() || error.location.pointer == "/");
}

// Why a JSON file of no kind snapkey reads is skipped: what it expected, and what it found.
std::string unknown_json_reason(const Found& file) {
  std::string found = "something else";
  if (auto doc = detail::parse_json(simdjson::padded_string(file.text), file.path)) {
    const detail::JsonValue root = (*doc)->root();
    if (!root.is_object()) {
      found = std::string(detail::kind_of(root.element()));
    } else if (const std::vector<std::string> keys = root.keys(); keys.empty()) {
      found = "an empty object";
    } else if (detail::is_terraform_state(root)) {
      found = "a Terraform state (terraform show -json without a plan file), not a plan";
    } else {
      found = fmt::format("an object whose top-level keys are {}", fmt::join(keys, ", "));
    }
  }
  return fmt::format(
      "expected a Terraform plan, a CloudFormation template or the output of an AWS CLI command "
      "snapkey reads, found {}",
      found);
}

// Errors between AWS CLI files (two files describe one thing differently, a selection whose
// plan is in no file): a file read alone may report them falsely.
bool is_between_cli_files(const Error& error) {
  return error.id == "E_AWS_CLI_CONFLICT" || error.id == "E_AWS_CLI_REF";
}

// Reads the AWS CLI files in one call. When that fails and every error is wanted, reads each file
// alone to find every file with an error of its own, and skips the directories' files of unknown
// kind (then reads the rest again in one call).
std::vector<detail::SourceFile> sources_of(const std::vector<const Found*>& files) {
  std::vector<detail::SourceFile> sources;
  for (const Found* file : files) sources.push_back({file->path, file->text});
  return sources;
}

void read_aws_cli(Reading& plan, Run& run, std::vector<ModelInput>& inputs) {
  if (plan.aws_cli.empty()) return;
  std::vector<const Found*> all;
  for (const Found& file : plan.aws_cli) all.push_back(&file);
  Result<ModelInput> whole = aws_cli::read_sources(sources_of(all));
  if (whole) {
    inputs.push_back(std::move(whole).value());
    return;
  }
  if (!run.report_all) {
    run.fail(whole.error());
    return;
  }
  std::vector<Error> own;
  std::vector<const Found*> rest;
  bool whole_error_skipped = false;
  for (const Found& file : plan.aws_cli) {
    Result<ModelInput> alone = aws_cli::read_sources(sources_of({&file}));
    if (alone) {
      rest.push_back(&file);
      continue;
    }
    const Error& error = alone.error();
    if (file.in_directory && is_unknown_cli_kind(error, file.path)) {
      run.skip(file.order, file.path, error.id, unknown_json_reason(file));
      ++plan.arguments[file.argument].skipped;
      whole_error_skipped = whole_error_skipped || is_unknown_cli_kind(whole.error(), file.path);
      continue;
    }
    rest.push_back(&file);
    if (error.location.file == file.path && !is_between_cli_files(error)) own.push_back(error);
  }
  // The error of the whole comes first (read_inputs reports it), unless its file was skipped.
  if (!whole_error_skipped) run.fail(whole.error());
  for (Error& error : own) {
    if (!(error == whole.error())) run.fail(std::move(error));
  }
  if (!whole_error_skipped || !own.empty() || rest.empty()) return;
  Result<ModelInput> again = aws_cli::read_sources(sources_of(rest));
  if (!again) {
    run.fail(again.error());
    return;
  }
  inputs.push_back(std::move(again).value());
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
    case InputKind::terraform_source:
      return "terraform-source";
    case InputKind::scenario:
      break;
  }
  return "scenario";
}

Result<InputKind> detect_input_kind(const std::string& path) {
  SNAPKEY_ASSIGN_OR_RETURN(std::string text, read_text(path));
  return detect(std::move(text), path);
}

namespace {

InputReport read(const std::vector<std::string>& paths, const InputOptions& options,
                 bool report_all) {
  Run run;
  run.report_all = report_all;
  InputReport report;
  auto done = [&]() {
    report.errors = std::move(run.errors);
    report.skipped = run.skipped_in_order();
    return std::move(report);
  };
  Reading plan = plan_reading(paths, run);
  if (run.stopped()) return done();
  // Read with an option ignored, nothing would be what the user asked for. A file that could not
  // be recognised (E_YAML, E_JSON, E_INPUT_KIND, E_FILE) may be the template or plan an option is
  // meant for: then whether it applies cannot be told, and the file's error says what to fix.
  const bool recognised = run.errors.empty();
  const auto paths_of = [](const std::vector<Found>& files) {
    std::vector<std::string> out;
    for (const Found& file : files) out.push_back(file.path);
    return out;
  };
  std::vector<Error> unused;
  if (recognised) {
    unused =
        detail::unused_options(options, paths_of(plan.templates), paths_of(plan.terraform_plans),
                               paths_of(plan.terraform_sources));
  }
  for (Error& error : unused) run.fail(std::move(error));
  if (!unused.empty()) return done();
  std::vector<ModelInput> inputs;
  auto add = [&](Result<ModelInput> input) {
    if (!input) return run.fail(input.error());
    inputs.push_back(std::move(input).value());
    return false;
  };
  for (const Found& file : plan.scenarios) {
    if (add(read_scenario(file.text, file.path))) return done();
  }
  read_aws_cli(plan, run, inputs);
  if (run.stopped()) return done();
  for (const Found& file : plan.terraform_plans) {
    if (add(read_terraform_plan(file.text, file.path, detail::terraform_options(options)))) {
      return done();
    }
  }
  for (const Found& root : plan.terraform_sources) {
    if (add(read_terraform_source(root.path, detail::terraform_options(options)))) return done();
  }
  // A directory whose every file was skipped has nothing to read.
  for (const Argument& argument : plan.arguments) {
    if (argument.directory && argument.candidates > 0 && argument.skipped == argument.candidates) {
      run.fail(Error{"E_FILE",
                     fmt::format("directory '{}' holds no file snapkey reads: every *.json, "
                                 "*.yaml, *.yml and *.template file in it was skipped, of no kind "
                                 "snapkey reads",
                                 argument.path),
                     file_location(argument.path)});
    }
  }
  if (run.stopped()) return done();
  if (!plan.templates.empty()) {
    std::vector<cloudformation::TemplateSource> sources;
    for (const Found& file : plan.templates) sources.push_back({file.path, file.text});
    add(cloudformation::read_templates(sources, detail::cloudformation_options(options)));
  }
  if (!run.errors.empty()) return done();
  Result<ModelInput> combined = combine(std::move(inputs));
  if (!combined) {
    run.fail(combined.error());
    return done();
  }
  report.input = std::move(combined).value();
  return done();
}

}  // namespace

Result<ModelInput> read_inputs(const std::vector<std::string>& paths, const InputOptions& options) {
  InputReport report = read(paths, options, false);
  if (!report.errors.empty()) return report.errors.front();
  return std::move(*report.input);
}

InputReport read_inputs_report(const std::vector<std::string>& paths, const InputOptions& options) {
  return read(paths, options, true);
}

}  // namespace snapkey::io
