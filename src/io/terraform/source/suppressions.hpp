// Private to the Terraform source reader: suppressions written beside what they accept, as
// Checkov's `#checkov:skip=` and Trivy's `#trivy:ignore:` are:
//
//   # snapkey:ignore AWS_MANAGED_COPY_KEY reason="the audit copies may use aws/backup"
//   expires=2027-06-30 resource "aws_backup_vault" "audit" { ... }
//
// on the lines just above a vault's or a database's block (other comments may come between), or
// on its first line. Each becomes a suppression of that vault or database (one per instance).
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_SUPPRESSIONS_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_SUPPRESSIONS_HPP

#include <vector>

#include "io/terraform/source/evaluation.hpp"
#include "snapkey/model.hpp"

namespace snapkey::io::terraform::source {

// Errors: E_POLICY_SUPPRESSION (no check, no reason, a bad expiry date, an unknown word, or a
// comment above a block that is neither a vault nor a database).
Result<std::vector<InputSuppression>> input_suppressions(const Evaluation& evaluation,
                                                         const ModelInput& input);

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_SUPPRESSIONS_HPP
