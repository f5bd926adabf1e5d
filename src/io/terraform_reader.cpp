// PLACEHOLDER: replaced by the reader's implementation.
#include "snapkey/io/terraform.hpp"

namespace snapkey::io {

Result<ModelInput> read_terraform_plan_file(const std::string& /*path*/) {
  return Error{"E_NOT_IMPLEMENTED", "this reader is not implemented yet", {}};
}

}  // namespace snapkey::io
