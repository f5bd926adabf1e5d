// Private to snapkey::io: which directories of a tree are Terraform root modules, the ones to
// evaluate, as opposed to the modules they call. A directory holding configuration files is a
// root unless it lies below another such directory or is the local module source (./, ../) of
// one; .terraform/ and other dot-directories are never walked.
//
//   auto roots = terraform_roots(walk.files);   // {"infra/prod", "infra/staging"}
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_ROOTS_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_ROOTS_HPP

#include <string>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::terraform::source {

struct Roots {
  std::vector<std::string> roots;    // sorted
  std::vector<std::string> modules;  // every directory of a configuration: roots and modules
};

// From the files found below a directory. Errors: E_FILE, E_HCL_SYNTAX (a configuration file
// that cannot be parsed: the reader would fail on it too).
Result<Roots> terraform_roots(const std::vector<std::string>& files);

// Whether `file` is in `dir` or below it.
bool is_below(const std::string& file, const std::string& dir);

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_ROOTS_HPP
