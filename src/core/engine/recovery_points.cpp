// Spellings of operations and outcomes, and look-ups in a set of predictions.
#include "snapkey/predict.hpp"

namespace snapkey {

std::string_view to_string(Operation operation) {
  switch (operation) {
    case Operation::copy:
      return "copy";
    case Operation::native_copy:
      return "native-copy";
    case Operation::restore:
      return "restore";
    case Operation::backup:
      break;
  }
  return "backup";
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::encrypted:
      return "encrypted";
    case Outcome::unencrypted:
      return "unencrypted";
    case Outcome::fails:
      return "fails";
    case Outcome::unsupported:
      return "unsupported";
    case Outcome::indeterminate:
      break;
  }
  return "indeterminate";
}

const Prediction* Predictions::find(std::string_view id) const {
  for (const Prediction& prediction : recovery_points) {
    if (prediction.id == id) return &prediction;
  }
  return nullptr;
}

}  // namespace snapkey
