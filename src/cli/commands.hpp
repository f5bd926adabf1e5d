// The subcommands of the snapkey tool, free of argument parsing and of process exit codes: each
// takes its arguments as a struct and returns the text for standard output, or the Error that
// stopped it. main.cpp parses the command line and maps errors to exit codes.
#ifndef SNAPKEY_SRC_CLI_COMMANDS_HPP
#define SNAPKEY_SRC_CLI_COMMANDS_HPP

#include <optional>
#include <string>
#include <vector>

#include "snapkey/date.hpp"
#include "snapkey/policy.hpp"
#include "snapkey/result.hpp"

namespace snapkey::cli {

enum class Format { table, json, markdown };

// What every command that reads the user's configuration takes.
struct InputArgs {
  std::vector<std::string> paths;    // files and directories, any mix of kinds
  std::optional<std::string> as_of;  // YYYY-MM-DD
  // Where the templates and plans that do not say are deployed, per template, per plan, and
  // the templates' parameter values.
  std::string region;
  std::string account;
  std::vector<std::string> stacks;           // FILE=REGION[:ACCOUNT]
  std::vector<std::string> terraform_plans;  // FILE=REGION[:ACCOUNT]
  std::vector<std::string> variables;        // Terraform configuration: NAME=VALUE
  std::vector<std::string> variable_files;
  std::string terraform_source;         // the configuration the plans were made from
  std::vector<std::string> parameters;  // NAME=VALUE
};

struct PredictArgs {
  InputArgs input;
  Format format = Format::table;
  bool color = false;
};

struct ExplainArgs {
  InputArgs input;
  std::string recovery_point;
  bool color = false;
};

struct VerifyArgs {
  InputArgs input;
  Format format = Format::table;
  bool color = false;
};

struct RulesArgs {
  Format format = Format::table;
};

// `snapkey check`'s report formats.
enum class CheckFormat { text, json, sarif, junit, markdown, html };

struct CheckArgs {
  InputArgs input;
  std::optional<std::string> policy;  // a policy file; nullopt: the built-in default, Policy{}
  CheckFormat format = CheckFormat::text;
  // Unsuppressed findings at this severity or above make the exit code 1; nullopt: never.
  std::optional<Severity> fail_on = Severity::error;
  // The date suppressions expire against (YYYY-MM-DD); nullopt: today in UTC, by the clock.
  std::optional<std::string> today;
  bool color = false;
};

struct ChecksArgs {
  Format format = Format::table;
};

// What `snapkey check` found: its report, and whether a finding fails the check (exit code 1).
struct CheckOutput {
  std::string text;
  bool fails = false;
};

// What `snapkey verify` found: its report, and whether anything disagrees (exit code 1).
struct VerifyOutput {
  std::string text;
  bool disagrees = false;
};

// Checks one --stack value (FILE=REGION[:ACCOUNT]) or --parameter value (NAME=VALUE): "" when
// it is well formed, else what is wrong, for a usage error.
std::string check_stack(const std::string& value);
std::string check_parameter(const std::string& value);

// `snapkey predict`. Errors: those of io::read_inputs, Model::build, E_DATE, E_USAGE (the same
// --stack file or --parameter name given twice).
Result<std::string> predict(const PredictArgs& args);
// `snapkey explain`. Errors: as predict, and E_UNKNOWN_RECOVERY_POINT.
Result<std::string> explain(const ExplainArgs& args);
// `snapkey verify`. Errors: as predict.
Result<VerifyOutput> verify(const VerifyArgs& args);
// `snapkey rules`.
std::string rules(const RulesArgs& args);
// `snapkey check`. Errors: as predict, E_DATE (--today), and those of io::read_policy_file.
Result<CheckOutput> check(const CheckArgs& args);
// `snapkey checks`.
std::string checks(const ChecksArgs& args);

// `snapkey graph`'s syntaxes: svg is dot laid out by Graphviz.
enum class GraphFormat { dot, mermaid, svg };

struct GraphArgs {
  InputArgs input;
  GraphFormat format = GraphFormat::dot;
};

// `snapkey graph`: the diagram of the inputs' recovery points. Errors: as predict, and
// E_GRAPHVIZ (svg without a working Graphviz dot).
Result<std::string> graph(const GraphArgs& args);

struct ErrorsArgs {
  Format format = Format::table;
};

// `snapkey errors`: the error catalogue.
std::string errors(const ErrorsArgs& args);

struct ExportScenarioArgs {
  InputArgs input;  // as_of unused: the file keeps the inputs' own
};

// `snapkey export-scenario`: the model the inputs make, as one scenario file. Errors: those of
// io::read_inputs and Model::build, and E_USAGE (the same --stack file or --parameter name given
// twice).
Result<std::string> export_scenario(const ExportScenarioArgs& args);

// Today's date in UTC, from the system clock: the default of `snapkey check --today`, and the
// only use of the clock in snapkey (it decides whether a suppression has expired, nothing else).
Date today_utc();

}  // namespace snapkey::cli

#endif  // SNAPKEY_SRC_CLI_COMMANDS_HPP
