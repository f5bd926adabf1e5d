// Scenario files: the YAML format users and teaching examples write (docs/scenario-format.md),
// and the writer that turns any model back into one (snapkey export-scenario).
//
//   snapkey::Result<snapkey::ModelInput> in = snapkey::io::read_scenario_file("a.yaml");
//   if (!in) { fmt::print(stderr, "{}\n", in.error().to_string()); return 2; }
//
//   std::string yaml = snapkey::io::write_scenario(model, {.inputs = {"plan.json"}});
#ifndef SNAPKEY_IO_SCENARIO_HPP
#define SNAPKEY_IO_SCENARIO_HPP

#include <cstddef>
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

// What write_scenario says in its header comment besides the model.
struct WriteScenarioOptions {
  std::vector<std::string> inputs;  // the files and directories the model was read from, as given
  // How many suppressions the inputs carried (ModelInput::suppressions, which a Model does not
  // hold): the scenario format has no place for them, and the header says they were left out.
  std::size_t suppressions = 0;
};

// Writes `model` as one scenario file: use it to turn what any reader read (an AWS CLI export, a
// Terraform plan or source, CloudFormation templates, scenarios, or a mix) into a minimal,
// shareable reproduction. Reading the result gives the same predictions (the facts keep their
// addresses and the reasons of their unknowns; their locations become the scenario's lines).
// Deterministic: entries sorted by name, sections in the documented order, the same bytes for
// the same model, no clock. What the format cannot hold (the observed copy jobs and recovery
// points verify reads, backup selections, which are written as the resources they assign) is
// named in the header comment.
std::string write_scenario(const Model& model, const WriteScenarioOptions& options = {});

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_SCENARIO_HPP
