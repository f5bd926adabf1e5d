// Saved AWS CLI output: the raw JSON that `aws rds describe-db-clusters`, `aws kms describe-key`,
// `aws backup get-backup-plan` and the other commands of docs/aws-cli-input.md print, from any
// number of accounts and Regions, read offline.
//
//   auto input = snapkey::io::read_aws_cli_export({"export/"});  // files or directories
#ifndef SNAPKEY_IO_AWS_CLI_HPP
#define SNAPKEY_IO_AWS_CLI_HPP

#include <string>
#include <vector>

#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io {

// Reads every file given, whatever its name, and every *.json file below every directory given
// (recursively, in sorted order). Each file's kind is recognised from its top-level keys, not its
// name; a file that matches no known command is an error (E_AWS_CLI_KIND), never skipped.
// Account and Region come from the ARNs inside; outputs without an ARN (describe-organization,
// describe-global-settings, get-key-policy) take them from the ACCOUNT/REGION/ folders the file is
// in, or from a documented wrapper. The same thing described in several files merges. Errors name
// the file and the JSON Pointer of the value at fault: E_FILE, E_JSON, E_JSON_TYPE,
// E_JSON_MISSING, E_AWS_CLI_KIND, E_AWS_CLI_VALUE, E_AWS_CLI_ACCOUNT (no way to tell a file's
// account), E_AWS_CLI_CONFLICT (described twice, differently), E_AWS_CLI_REF (a selection whose
// plan is not in the export), E_KEY_STATE and the value errors of arn.hpp.
Result<ModelInput> read_aws_cli_export(const std::vector<std::string>& paths);

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_AWS_CLI_HPP
