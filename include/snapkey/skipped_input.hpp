// A file below a directory that reading skipped, as the readers report it and the JSON reports
// list it. In the core so that snapkey::render needs nothing of snapkey::io.
#ifndef SNAPKEY_SKIPPED_INPUT_HPP
#define SNAPKEY_SKIPPED_INPUT_HPP

#include <string>

namespace snapkey {

// A file below a directory that read_inputs_report skipped: JSON or YAML of no kind snapkey reads
// (a YAML list, text or empty file; JSON that is no plan, no template and no AWS CLI output
// snapkey knows), a Terraform plan beside the configuration it was made from, which is read
// instead, or a .tfvars.json file outside any configuration.
struct SkippedInput {
  std::string file;
  // The error the file is when named: E_INPUT_KIND or E_AWS_CLI_KIND; or
  // I_TERRAFORM_PLAN_BESIDE_SOURCE (named, the plan is read); I_TERRAFORM_VARIABLES_FILE (a
  // .tfvars.json file outside any configuration: it is given with --var-file).
  std::string id;
  std::string reason;  // "expected ..., found ...", for people
  friend bool operator==(const SkippedInput&, const SkippedInput&) = default;
};

}  // namespace snapkey

#endif  // SNAPKEY_SKIPPED_INPUT_HPP
