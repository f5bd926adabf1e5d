// Reading a whole input file. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_FILE_HPP
#define SNAPKEY_SRC_IO_DETAIL_FILE_HPP

#include <string>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// The bytes of the file at `path`. Errors: E_FILE ("cannot read 'PATH': REASON"), located at
// the file.
Result<std::string> read_file(const std::string& path);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_FILE_HPP
