// The snapkey command-line tool: parses the command line (CLI11), runs one subcommand and maps
// every way it can end to an exit code, here and only here.
//
// Exit codes: 0 done (whatever the predicted outcomes), 1 findings (`snapkey verify`: a
// prediction disagrees with what AWS reported; `snapkey check`: a finding at or above
// --fail-on), 2 bad input or usage, 3 internal error.
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <initializer_list>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "common/strings.hpp"
#include "snapkey/arn.hpp"
#include "snapkey/errors.hpp"
#include "snapkey/policy.hpp"
#include "snapkey/rules.hpp"
#include "snapkey/version.hpp"

namespace {

namespace cli = snapkey::cli;

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;  // verify: a disagreement; check: a finding at --fail-on or above
constexpr int kExitBadInput = 2;
constexpr int kExitInternal = 3;

// Colour only on a terminal, and never when NO_COLOR is set (to anything, even "").
bool use_color() { return isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr; }

const std::map<std::string, cli::Format> kFormats = {
    {"table", cli::Format::table},
    {"json", cli::Format::json},
    {"markdown", cli::Format::markdown},
};

// Adds --format, bound to `text` and checked against `allowed` (listed in this order in --help).
void add_format_option(CLI::App& app, std::string& text, const std::vector<std::string>& allowed) {
  app.add_option("--format", text, "Output format")
      ->check(CLI::IsMember(allowed))
      ->type_name("FORMAT")
      ->capture_default_str();
}

// What a subcommand produced: text for standard output and the exit code, or an input error.
struct Output {
  std::string text;
  int code = kExitOk;
};
using RunResult = std::variant<Output, snapkey::Error>;

RunResult run_result(snapkey::Result<std::string> result) {
  if (!result) return result.error();
  return Output{std::move(result).value(), kExitOk};
}

// verify: disagreements are findings (exit 1), not errors; the report still goes to stdout.
RunResult run_result(snapkey::Result<cli::VerifyOutput> result) {
  if (!result) return result.error();
  return Output{std::move(result->text), result->disagrees ? kExitFindings : kExitOk};
}

// check: findings at --fail-on or above exit 1; the report goes to stdout either way.
RunResult run_result(snapkey::Result<cli::CheckOutput> result) {
  if (!result) return result.error();
  return Output{std::move(result->text), result->fails ? kExitFindings : kExitOk};
}

const std::map<std::string, cli::GraphFormat> kGraphFormats = {
    {"dot", cli::GraphFormat::dot},
    {"mermaid", cli::GraphFormat::mermaid},
    {"svg", cli::GraphFormat::svg},
};

const std::map<std::string, cli::CheckFormat> kCheckFormats = {
    {"text", cli::CheckFormat::text},         {"json", cli::CheckFormat::json},
    {"sarif", cli::CheckFormat::sarif},       {"junit", cli::CheckFormat::junit},
    {"markdown", cli::CheckFormat::markdown}, {"html", cli::CheckFormat::html},
};

// --fail-on: a severity, or never (nullopt).
const std::map<std::string, std::optional<snapkey::Severity>> kFailOn = {
    {"error", snapkey::Severity::error},
    {"warning", snapkey::Severity::warning},
    {"info", snapkey::Severity::info},
    {"never", std::nullopt},
};

// A CLI11 validator from a function that returns "" or what is wrong with the value. (No
// description: --help shows the option's type name alone.)
CLI::Validator checked(std::string (*check)(const std::string&)) {
  return CLI::Validator([check](std::string& value) { return check(value); }, "");
}

std::string check_region(const std::string& value) {
  const snapkey::Result<snapkey::Region> region = snapkey::parse_region(value);
  return region ? "" : region.error().message;
}

std::string check_account(const std::string& value) {
  const snapkey::Result<snapkey::AccountId> account = snapkey::parse_account_id(value);
  return account ? "" : account.error().message;
}

constexpr const char* kInputsHelp =
    "Scenario files, saved AWS CLI output, Terraform plans (terraform show -json), Terraform "
    "configuration directories (.tf, .tofu) and CloudFormation templates, files or directories, "
    "in any mix: each file is recognised from its content and all are read as one model";
constexpr const char* kAsOfHelp =
    "The date whose AWS behaviour to predict; default: the scenario's as_of, else the newest "
    "rule date";

// The placement options: where templates and plans are deployed, their variables and parameters.
void add_placement_options(CLI::App& app, cli::InputArgs& args) {
  app.add_option("--region", args.region,
                 "The Region CloudFormation templates are deployed to (a template does not say), "
                 "and Terraform plans' providers that configure none")
      ->type_name("REGION")
      ->check(checked(check_region));
  app.add_option("--account", args.account,
                 "The account CloudFormation templates are deployed to, and Terraform plans' "
                 "providers that the plan does not place")
      ->type_name("ACCOUNT")
      ->check(checked(check_account));
  app.add_option("--stack", args.stacks,
                 "CloudFormation: where one template is deployed, overriding --region and "
                 "--account (repeatable)")
      ->type_name("FILE=REGION[:ACCOUNT]")
      ->check(checked(cli::check_stack))
      ->allow_extra_args(false);
  app.add_option("--terraform-plan", args.terraform_plans,
                 "Terraform: where one plan is deployed, overriding --region and --account "
                 "(repeatable)")
      ->type_name("FILE=REGION[:ACCOUNT]")
      ->check(checked(cli::check_stack))
      ->allow_extra_args(false);
  app.add_option("--var", args.variables,
                 "Terraform configuration: a root module variable's value, as terraform plan "
                 "-var gives it (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  app.add_option("--var-file", args.variable_files,
                 "Terraform configuration: a .tfvars file of variable values, after "
                 "terraform.tfvars and *.auto.tfvars (repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--terraform-source", args.terraform_source,
                 "Terraform plans: the configuration directory they were made from, so that "
                 "findings point at its .tf lines (default: the plan's own directory, when it "
                 "holds .tf files)")
      ->type_name("DIR");
  app.add_option("--parameter", args.parameters,
                 "CloudFormation: a template parameter's value (repeatable)")
      ->type_name("NAME=VALUE")
      ->check(checked(cli::check_parameter))
      ->allow_extra_args(false);
}

// The options every command that reads inputs and predicts shares: --as-of and the placement ones.
void add_input_options(CLI::App& app, cli::InputArgs& args) {
  app.add_option("--as-of", args.as_of, kAsOfHelp)->type_name("YYYY-MM-DD");
  add_placement_options(app, args);
}

// Reports an error on standard error and returns its exit code: bad input or usage 2, snapkey's
// own failure (E_INTERNAL, an id not catalogued) 3.
int print_error(const snapkey::Error& error) {
  // What the inputs say goes to a terminal or a CI log: no escape sequence of theirs survives.
  std::fprintf(stderr, "%s\n", snapkey::detail::terminal_safe(error.to_string(), false).c_str());
  return snapkey::category_of(error) == snapkey::ErrorCategory::internal ? kExitInternal
                                                                         : kExitBadInput;
}

// Every input path the command line names (explain's last positional is a recovery point, and
// an input path too for all --output needs to know).
std::vector<std::string> all_inputs(std::initializer_list<const cli::InputArgs*> args,
                                    const std::vector<std::string>& explain_positionals) {
  std::vector<std::string> out = explain_positionals;
  for (const cli::InputArgs* input : args) {
    out.insert(out.end(), input->paths.begin(), input->paths.end());
    out.insert(out.end(), input->variable_files.begin(), input->variable_files.end());
  }
  return out;
}

// A command line CLI11 refuses, as every error prints: "error E_USAGE: what was expected, what was
// found", then where the usage is. CLI11's own words where they say it; its "A subcommand is
// required" for a misspelt subcommand and "inputs is required" say it better here.
std::string usage_error(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  std::vector<std::string_view> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  const CLI::App* parsed = nullptr;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->parsed()) parsed = sub;
  }
  std::string message = e.what();
  if (parsed == nullptr && dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    const std::string first = argc > 1 ? argv[1] : "";
    if (first.empty() || first.starts_with('-')) {
      message = fmt::format("expected a subcommand ({}), found none", fmt::join(names, ", "));
    } else {
      const std::string suggestion = snapkey::closest_match(first, names);
      message =
          fmt::format("expected a subcommand ({}), found '{}'{}", fmt::join(names, ", "), first,
                      suggestion.empty() ? "" : fmt::format("; did you mean '{}'?", suggestion));
    }
  } else if (parsed != nullptr && message.ends_with(" is required") &&
             message.find("inputs") != std::string::npos) {
    message = "expected at least one INPUT (a file or a directory), found none";
  } else if (parsed != nullptr && message.starts_with("inputs-and-recovery-point: At least 2")) {
    message =
        "expected INPUT... RECOVERY-POINT (the inputs, then the recovery point to explain, "
        "as snapkey predict names it), found one argument";
  } else if (const std::size_t at = message.find(": At Most 1 required but received ");
             at != std::string::npos) {
    message = fmt::format(
        "{} is given {} times; give it once", message.substr(0, at),
        message.substr(at + std::string_view(": At Most 1 required but received ").size()));
  } else if (const std::size_t required = message.find(": 1 required ");
             required != std::string::npos && message.ends_with(" missing")) {
    message = fmt::format("{}: expected a value, found none", message.substr(0, required));
  } else if (constexpr std::string_view kExtra = "The following argument was not expected: ";
             message.starts_with(kExtra)) {
    const std::string extra = message.substr(kExtra.size());
    std::vector<std::string> options;
    for (const CLI::Option* option : (parsed ? parsed : &app)->get_options()) {
      for (const std::string& name : option->get_lnames()) options.push_back("--" + name);
    }
    const std::string suggestion = snapkey::closest_match(
        extra, std::vector<std::string_view>(options.begin(), options.end()));
    message =
        fmt::format("unknown {} '{}'{}", extra.starts_with('-') ? "option" : "argument", extra,
                    suggestion.empty() ? "" : fmt::format("; did you mean '{}'?", suggestion));
  }
  return fmt::format("error E_USAGE: {} (snapkey{} --help shows the usage)", message,
                     parsed == nullptr ? "" : " " + parsed->get_name());
}

int run(int argc, char** argv) {
  CLI::App app{
      "snapkey: predicts which KMS key encrypts every AWS Backup and RDS snapshot and "
      "copy, or why the copy fails, explains why rule by rule, checks the design against a "
      "policy, and checks the predictions against the copy jobs AWS ran.",
      "snapkey"};
  // The rule table's date says which AWS behaviour this build knows (docs/rules.md).
  app.set_version_flag("--version", fmt::format("snapkey {} (rules of {})", snapkey::version(),
                                                snapkey::newest_rule_date().to_string()));
  app.require_subcommand(1);

  cli::PredictArgs predict;
  CLI::App* predict_app = app.add_subcommand(
      "predict", "Predict the key of every recovery point that the inputs' plans and jobs make");
  predict_app->add_option("inputs", predict.input.paths, kInputsHelp)
      ->required()
      ->type_name("INPUT");
  std::string predict_format = "table";
  add_format_option(*predict_app, predict_format, {"table", "json", "markdown"});
  add_input_options(*predict_app, predict.input);

  cli::ExplainArgs explain;
  CLI::App* explain_app = app.add_subcommand(
      "explain", "Explain, rule by rule, how one recovery point gets its key or outcome");
  // INPUT... RECOVERY-POINT: the last positional is the recovery point (split after parsing).
  std::vector<std::string> explain_positionals;
  explain_app
      ->add_option("inputs-and-recovery-point", explain_positionals,
                   std::string(kInputsHelp) +
                       "; then the recovery point, as `snapkey predict` names it (e.g. "
                       "aurora@virginia-default)")
      ->required()
      ->expected(2, CLI::detail::expected_max_vector_size)
      ->type_name("INPUT... RECOVERY-POINT");
  add_input_options(*explain_app, explain.input);

  cli::VerifyArgs verify;
  CLI::App* verify_app = app.add_subcommand(
      "verify",
      "Compare the copy jobs and recovery points that AWS reported (saved list-copy-jobs, "
      "describe-copy-job, list-recovery-points-by-backup-vault output among the inputs) with "
      "the predictions; exit code 1 when any disagrees");
  verify_app->add_option("inputs", verify.input.paths, kInputsHelp)->required()->type_name("INPUT");
  std::string verify_format = "table";
  add_format_option(*verify_app, verify_format, {"table", "json", "markdown"});
  add_input_options(*verify_app, verify.input);

  cli::RulesArgs rules;
  CLI::App* rules_app = app.add_subcommand("rules", "List the rules snapkey's predictions use");
  std::string rules_format = "table";
  add_format_option(*rules_app, rules_format, {"table", "markdown", "json"});

  cli::CheckArgs check;
  CLI::App* check_app = app.add_subcommand(
      "check",
      "Check the predictions against the built-in checks (docs/checks.md) and a policy; exit "
      "code 1 when a finding is at or above --fail-on");
  check_app->add_option("inputs", check.input.paths, kInputsHelp)->required()->type_name("INPUT");
  check_app
      ->add_option("--policy", check.policy,
                   "A policy file (docs/policy-format.md): which checks run, at which "
                   "severity, what is required, and the accepted exceptions; default: "
                   "every check that is on by default")
      ->type_name("FILE");
  std::string check_format = "text";
  add_format_option(*check_app, check_format,
                    {"text", "json", "sarif", "junit", "markdown", "html"});
  std::string fail_on = "error";
  check_app
      ->add_option("--fail-on", fail_on,
                   "Exit with code 1 when an unsuppressed finding is at this severity or above; "
                   "never: findings never change the exit code")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->type_name("SEVERITY")
      ->capture_default_str();
  check_app
      ->add_option("--today", check.today,
                   "The date suppressions expire against; default: today's date in UTC from the "
                   "system clock, the only use of the clock in snapkey (it changes nothing but "
                   "which suppressions have expired)")
      ->type_name("YYYY-MM-DD");
  add_input_options(*check_app, check.input);

  cli::ChecksArgs checks;
  CLI::App* checks_app = app.add_subcommand("checks", "List the checks `snapkey check` runs");
  std::string checks_format = "table";
  add_format_option(*checks_app, checks_format, {"table", "markdown", "json"});

  cli::GraphArgs graph;
  CLI::App* graph_app = app.add_subcommand(
      "graph",
      "Draw the inputs' recovery points: accounts and Regions as boxes, an arrow for every "
      "backup and copy labelled with its key; svg needs Graphviz's dot");
  graph_app->add_option("inputs", graph.input.paths, kInputsHelp)->required()->type_name("INPUT");
  std::string graph_format = "dot";
  add_format_option(*graph_app, graph_format, {"dot", "mermaid", "svg"});
  add_input_options(*graph_app, graph.input);

  cli::ErrorsArgs errors;
  CLI::App* errors_app =
      app.add_subcommand("errors", "List the error ids snapkey reports, with their exit codes");
  std::string errors_format = "table";
  add_format_option(*errors_app, errors_format, {"table", "markdown", "json"});

  cli::ExportScenarioArgs export_scenario;
  CLI::App* export_app = app.add_subcommand(
      "export-scenario",
      "Write the model the inputs make as one scenario file on standard output: a minimal, "
      "shareable reproduction that predicts the same");
  export_app->add_option("inputs", export_scenario.input.paths, kInputsHelp)
      ->required()
      ->type_name("INPUT");
  add_placement_options(*export_app, export_scenario.input);  // what was read: no --as-of

  // --output FILE on every subcommand: the report written whole, or not at all.
  std::string output_path;
  for (CLI::App* subcommand : app.get_subcommands({})) {
    subcommand
        ->add_option("--output", output_path,
                     "Write the output to FILE instead of standard output, whole or not at all "
                     "(a temporary file renamed over FILE)")
        ->type_name("FILE");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0 after printing to standard output; every
    // other parse error is a usage error, reported on standard error.
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      app.exit(e, std::cout, std::cerr);
      return kExitOk;
    }
    // A command line is input too: what it says is printed escaped.
    fmt::print(stderr, "{}\n",
               snapkey::detail::terminal_safe(usage_error(app, e, argc, argv), false));
    return kExitBadInput;
  }

  predict.format = kFormats.at(predict_format);
  verify.format = kFormats.at(verify_format);
  rules.format = kFormats.at(rules_format);
  check.format = kCheckFormats.at(check_format);
  check.fail_on = kFailOn.at(fail_on);
  checks.format = kFormats.at(checks_format);
  errors.format = kFormats.at(errors_format);
  // Colour only on a terminal: never into a file.
  const bool color = use_color() && output_path.empty();
  if (!output_path.empty()) {
    std::vector<std::string> inputs =
        all_inputs({&predict.input, &explain.input, &verify.input, &check.input, &graph.input,
                    &export_scenario.input},
                   explain_positionals);
    if (check.policy) inputs.push_back(*check.policy);
    if (snapkey::Status status = cli::check_not_an_input(output_path, inputs); !status) {
      return print_error(status.error());
    }
  }
  RunResult result;
  if (predict_app->parsed()) {
    predict.color = predict.format == cli::Format::table && color;
    result = run_result(cli::predict(predict));
  } else if (explain_app->parsed()) {
    explain.recovery_point = explain_positionals.back();
    explain_positionals.pop_back();
    explain.input.paths = std::move(explain_positionals);
    explain.color = color;
    result = run_result(cli::explain(explain));
  } else if (verify_app->parsed()) {
    verify.color = verify.format == cli::Format::table && color;
    result = run_result(cli::verify(verify));
  } else if (check_app->parsed()) {
    check.color = check.format == cli::CheckFormat::text && color;
    result = run_result(cli::check(check));
  } else if (graph_app->parsed()) {
    graph.format = kGraphFormats.at(graph_format);
    result = run_result(cli::graph(graph));
  } else if (checks_app->parsed()) {
    result = Output{cli::checks(checks), kExitOk};
  } else if (errors_app->parsed()) {
    result = Output{cli::errors(errors), kExitOk};
  } else if (export_app->parsed()) {
    result = run_result(cli::export_scenario(export_scenario));
  } else {
    result = Output{cli::rules(rules), kExitOk};
  }

  if (const snapkey::Error* error = std::get_if<snapkey::Error>(&result)) {
    return print_error(*error);
  }
  const Output& output = std::get<Output>(result);
  const std::string text = snapkey::detail::terminal_safe(output.text, color);
  if (!output_path.empty()) {
    if (snapkey::Status written = cli::write_atomically(output_path, text); !written) {
      return print_error(written.error());
    }
    return output.code;
  }
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "error E_OUTPUT: cannot write to standard output\n");
    return kExitInternal;
  }
  return output.code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error E_INTERNAL: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "error E_INTERNAL: unknown exception\n");
  }
  return kExitInternal;
}
