// The subcommands of the snapkey tool, free of argument parsing and of process exit codes: each
// takes its arguments as a struct and returns the text for standard output, or the Error that
// stopped it. main.cpp parses the command line and maps errors to exit codes.
#ifndef SNAPKEY_CLI_COMMANDS_HPP
#define SNAPKEY_CLI_COMMANDS_HPP

#include <optional>
#include <string>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::cli {

enum class Format { table, json, markdown };

struct PredictArgs {
  std::vector<std::string> files;
  Format format = Format::table;
  std::optional<std::string> as_of;  // YYYY-MM-DD
  bool color = false;
};

struct ExplainArgs {
  std::string file;
  std::string recovery_point;
  std::optional<std::string> as_of;
  bool color = false;
};

struct RulesArgs {
  Format format = Format::table;
};

// `snapkey predict`. Errors: those of the scenario reader, combine, Model::build, E_DATE.
Result<std::string> predict(const PredictArgs& args);
// `snapkey explain`. Errors: as predict, and E_UNKNOWN_RECOVERY_POINT.
Result<std::string> explain(const ExplainArgs& args);
// `snapkey rules`.
std::string rules(const RulesArgs& args);

}  // namespace snapkey::cli

#endif  // SNAPKEY_CLI_COMMANDS_HPP
