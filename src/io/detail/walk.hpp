// The one directory walker of snapkey::io: what read_inputs and read_aws_cli_export find below a
// directory. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_WALK_HPP
#define SNAPKEY_SRC_IO_DETAIL_WALK_HPP

#include <string>
#include <system_error>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// An entry a walk did not read, and why: nothing below a directory is left out silently.
struct PassedOver {
  std::string path;
  std::string id;      // I_SYMLINK_LOOP, I_NOT_A_FILE
  std::string reason;  // a sentence for the notice
};

struct Walk {
  std::vector<std::string> files;       // every regular file below the directory, sorted
  bool skipped = false;                 // an entry whose name starts with '.' was left out
  std::vector<PassedOver> passed_over;  // sorted by path
};

// Walks `directory` recursively, following symbolic links to directories but never into a
// directory it has read already (a link loop, or a second link to one directory). Entries whose
// names start with '.' (.terraform/, .git/, editor files) are left out, and `skipped` says so;
// links it does not follow, broken links and what is not a regular file (a FIFO, a socket) are
// `passed_over`. Errors: E_FILE ("cannot read 'PATH': REASON").
Result<Walk> walk_directory(const std::string& directory);

// E_FILE "cannot read 'PATH': REASON", located at the file: the wording of every E_FILE of io.
Error cannot_read(const std::string& path, const std::error_code& error);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_WALK_HPP
