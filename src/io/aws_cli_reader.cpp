// PLACEHOLDER: replaced by the reader's implementation.
#include "snapkey/io/aws_cli.hpp"

namespace snapkey::io {

Result<ModelInput> read_aws_cli_export(const std::vector<std::string>& /*paths*/) {
  return Error{"E_NOT_IMPLEMENTED", "this reader is not implemented yet", {}};
}

}  // namespace snapkey::io
