// The snapkey command-line tool: parses the command line (CLI11), runs one subcommand and maps
// every way it can end to an exit code, here and only here.
//
// Exit codes: 0 done (whatever the predicted outcomes), 2 bad input or usage, 3 internal error
// (1 is kept for findings, as in `snapkey check`).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cli/commands.hpp"
#include "snapkey/version.hpp"

namespace {

namespace cli = snapkey::cli;

constexpr int kExitOk = 0;
constexpr int kExitInternal = 3;
constexpr int kExitBadInput = 2;

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

// What a subcommand produced: text for standard output, or an input error.
using RunResult = std::variant<std::string, snapkey::Error>;

template <typename T>
RunResult run_result(snapkey::Result<T> result) {
  if (!result) return result.error();
  return std::move(result).value();
}

int run(int argc, char** argv) {
  CLI::App app{
      "snapkey: predicts which KMS key encrypts every AWS Backup and RDS snapshot and "
      "copy, or why the copy fails, and explains why rule by rule.",
      "snapkey"};
  app.set_version_flag("--version", std::string("snapkey ") + snapkey::version());
  app.require_subcommand(1);

  cli::PredictArgs predict;
  CLI::App* predict_app =
      app.add_subcommand("predict", "Predict the key of every recovery point of the scenario");
  predict_app->add_option("files", predict.files, "Scenario files (YAML), read as one scenario")
      ->required();
  std::string predict_format = "table";
  add_format_option(*predict_app, predict_format, {"table", "json", "markdown"});
  predict_app
      ->add_option("--as-of", predict.as_of,
                   "The date whose AWS behaviour to predict; default: the scenario's as_of, "
                   "else the newest rule date")
      ->type_name("YYYY-MM-DD");

  cli::ExplainArgs explain;
  CLI::App* explain_app = app.add_subcommand(
      "explain", "Explain, rule by rule, how one recovery point gets its key or outcome");
  explain_app->add_option("file", explain.file, "Scenario file (YAML)")->required();
  explain_app
      ->add_option(
          "recovery-point", explain.recovery_point,
          "The recovery point, as `snapkey predict` names it (e.g. aurora@virginia-default)")
      ->required();
  explain_app
      ->add_option("--as-of", explain.as_of,
                   "The date whose AWS behaviour to predict; default: the scenario's as_of, "
                   "else the newest rule date")
      ->type_name("YYYY-MM-DD");

  cli::RulesArgs rules;
  CLI::App* rules_app = app.add_subcommand("rules", "List the rules snapkey's predictions use");
  std::string rules_format = "table";
  add_format_option(*rules_app, rules_format, {"table", "markdown", "json"});

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0 after printing to standard output; every
    // other parse error is a usage error, reported on standard error.
    const int code = app.exit(e, std::cout, std::cerr);
    return code == static_cast<int>(CLI::ExitCodes::Success) ? kExitOk : kExitBadInput;
  }

  predict.format = kFormats.at(predict_format);
  rules.format = kFormats.at(rules_format);
  RunResult result;
  if (predict_app->parsed()) {
    predict.color = predict.format == cli::Format::table && use_color();
    result = run_result(cli::predict(predict));
  } else if (explain_app->parsed()) {
    explain.color = use_color();
    result = run_result(cli::explain(explain));
  } else {
    result = cli::rules(rules);
  }

  if (const snapkey::Error* error = std::get_if<snapkey::Error>(&result)) {
    std::fprintf(stderr, "%s\n", error->to_string().c_str());
    return kExitBadInput;
  }
  const std::string& text = std::get<std::string>(result);
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "error E_OUTPUT: cannot write to standard output\n");
    return kExitInternal;
  }
  return kExitOk;
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
