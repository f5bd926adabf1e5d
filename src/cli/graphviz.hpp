// Graphviz's dot, run as a filter: DOT in, a drawing out. The one place snapkey starts another
// program; the library itself never does.
#ifndef SNAPKEY_SRC_CLI_GRAPHVIZ_HPP
#define SNAPKEY_SRC_CLI_GRAPHVIZ_HPP

#include <string>

#include "snapkey/result.hpp"

namespace snapkey::cli {

// Runs `dot -T<format>` (found on PATH) on `dot_text` and returns what it writes. dot's own
// messages go to standard error. Errors: E_GRAPHVIZ (no dot on PATH, or dot failed).
Result<std::string> run_graphviz(const std::string& dot_text, const std::string& format);

}  // namespace snapkey::cli

#endif  // SNAPKEY_SRC_CLI_GRAPHVIZ_HPP
