// PLACEHOLDER: replaced by the reader's implementation.
#include "snapkey/io/cloudformation.hpp"

namespace snapkey::io {

Result<ModelInput> read_cloudformation_templates(const std::vector<std::string>& /*paths*/,
                                                 const CloudFormationOptions& /*options*/) {
  return Error{"E_NOT_IMPLEMENTED", "this reader is not implemented yet", {}};
}

}  // namespace snapkey::io
