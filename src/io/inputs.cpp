// PLACEHOLDER: replaced by the implementation.
#include "snapkey/io/inputs.hpp"

namespace snapkey::io {

std::string_view to_string(InputKind) { return "scenario"; }

Result<InputKind> detect_input_kind(const std::string&) {
  return Error{"E_NOT_IMPLEMENTED", "not implemented yet", {}};
}

Result<ModelInput> read_inputs(const std::vector<std::string>&, const InputOptions&) {
  return Error{"E_NOT_IMPLEMENTED", "not implemented yet", {}};
}

}  // namespace snapkey::io
