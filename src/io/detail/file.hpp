// Reading a whole input file. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_FILE_HPP
#define SNAPKEY_SRC_IO_DETAIL_FILE_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// The most snapkey reads from one file: far above any real export, plan or template (the largest
// AWS CLI page is a few MB), low enough that a runaway file cannot take the machine's memory.
inline constexpr std::size_t kMaxFileBytes = std::size_t{256} << 20;

// The bytes of the file at `path`. Errors: E_FILE ("cannot read 'PATH': REASON") and
// E_INPUT_TOO_LARGE (more than kMaxFileBytes), located at the file.
Result<std::string> read_file(const std::string& path);

// A file read once: its path as given or found, and a view of its bytes, which the caller keeps.
// Detection reads each file; the reader of its kind is handed the text, not copied, instead of
// reading the file again.
struct SourceFile {
  std::string path;
  std::string_view text;
};

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_FILE_HPP
