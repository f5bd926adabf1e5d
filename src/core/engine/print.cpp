// Stream output of predictions and findings: one line each, so that GoogleTest's "Actual:" lines
// and users' logs say what a value is instead of dumping its bytes.
#include <fmt/format.h>

#include <ostream>

#include "snapkey/check.hpp"
#include "snapkey/predict.hpp"

namespace snapkey {

std::ostream& operator<<(std::ostream& os, Outcome outcome) { return os << to_string(outcome); }
std::ostream& operator<<(std::ostream& os, Operation operation) {
  return os << to_string(operation);
}
std::ostream& operator<<(std::ostream& os, Severity severity) { return os << to_string(severity); }

std::ostream& operator<<(std::ostream& os, const Prediction& p) {
  os << fmt::format("{} ({} in {}/{}): {}", p.id, to_string(p.operation), p.region.name,
                    p.account.value, to_string(p.outcome));
  if (p.key) os << " with " << p.key->display_name();
  if (!p.rules.empty()) os << fmt::format("; rules {}", fmt::join(p.rules, ", "));
  return os;
}

std::ostream& operator<<(std::ostream& os, const Finding& f) {
  os << fmt::format("{} {} {}: {}", to_string(f.severity), f.check, f.subject, f.message);
  if (f.suppressed_by) os << " (suppressed)";
  return os;
}

}  // namespace snapkey
