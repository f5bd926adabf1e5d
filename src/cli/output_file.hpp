// `--output FILE`: the report written whole or not at all.
#ifndef SNAPKEY_SRC_CLI_OUTPUT_FILE_HPP
#define SNAPKEY_SRC_CLI_OUTPUT_FILE_HPP

#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::cli {

// Writes all of `text` to the file descriptor `fd`, retrying after signals; false when it cannot
// (the reader went away, the disk is full).
bool write_all(int fd, std::string_view text);

// Writes `text` to a temporary file beside `path`, then renames it over `path`: a run that is
// interrupted, or fails to write, leaves `path` as it was. Errors: E_OUTPUT_FILE.
Status write_atomically(const std::string& path, std::string_view text);

// E_USAGE when `path` names one of the inputs (the same file, by any path): inputs are only ever
// read.
Status check_not_an_input(const std::string& path, const std::vector<std::string>& inputs);

}  // namespace snapkey::cli

#endif  // SNAPKEY_SRC_CLI_OUTPUT_FILE_HPP
