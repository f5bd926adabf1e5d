// Scenario files: the YAML format users and teaching examples write (docs/scenario-format.md).
//
//   snapkey::Result<snapkey::ModelInput> in = snapkey::io::read_scenario_file("a.yaml");
//   if (!in) { fmt::print(stderr, "{}\n", in.error().to_string()); return 2; }
#ifndef SNAPKEY_IO_SCENARIO_HPP
#define SNAPKEY_IO_SCENARIO_HPP

#include <string>
#include <string_view>
#include <vector>

#include "snapkey/io/inputs.hpp"  // combine() was declared here until 0.1; kept for 0.1 users
#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io {

// Reads a scenario from `text`; `file` names it in locations and errors. Every error names the
// file and line:column, what was expected and what was found; unknown keys come with a
// "did you mean" suggestion. Errors: E_YAML (syntax), E_SCENARIO_KEY (unknown key),
// E_SCENARIO_TYPE (wrong kind of value), E_SCENARIO_MISSING (required key absent), and the
// value errors of arn.hpp, date.hpp and model.hpp.
Result<ModelInput> read_scenario(std::string_view text, std::string_view file);
// Reads the file at `path`. Errors: E_FILE (cannot be read) and those of read_scenario.
Result<ModelInput> read_scenario_file(const std::string& path);

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_SCENARIO_HPP
