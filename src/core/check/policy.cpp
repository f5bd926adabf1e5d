// Severity names: the spelling policy files, reports and SARIF levels build on.
#include "snapkey/policy.hpp"

#include <fmt/format.h>

namespace snapkey {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

Result<Severity> parse_severity(std::string_view text) {
  for (const Severity severity : {Severity::info, Severity::warning, Severity::error}) {
    if (text == to_string(severity)) return severity;
  }
  return Error{"E_SEVERITY", fmt::format("expected info, warning or error, found '{}'", text), {}};
}

}  // namespace snapkey
