// Reading a whole input file. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_FILE_HPP
#define SNAPKEY_SRC_IO_DETAIL_FILE_HPP

#include <string>
#include <string_view>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// The bytes of the file at `path`. Errors: E_FILE ("cannot read 'PATH': REASON"), located at
// the file.
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
