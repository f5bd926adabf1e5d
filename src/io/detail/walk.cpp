#include "io/detail/walk.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace snapkey::io::detail {

namespace fs = std::filesystem;

Error cannot_read(const std::string& path, const std::error_code& error) {
  Location where;
  where.file = path;
  return Error{"E_FILE", fmt::format("cannot read '{}': {}", path, error.message()),
               std::move(where)};
}

Result<Walk> walk_directory(const std::string& directory) {
  Walk walk;
  std::error_code ec;
  fs::recursive_directory_iterator it(directory, ec);
  if (ec) return cannot_read(directory, ec);
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) return cannot_read(it->path().string(), ec);
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      walk.skipped = true;
      continue;
    }
    if (it->is_regular_file(ec)) walk.files.push_back(it->path().string());
  }
  if (ec) return cannot_read(directory, ec);
  std::sort(walk.files.begin(), walk.files.end());
  return walk;
}

}  // namespace snapkey::io::detail
