#include "io/detail/walk.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <system_error>

namespace snapkey::io::detail {

namespace fs = std::filesystem;

Error cannot_read(const std::string& path, const std::error_code& error) {
  Location where;
  where.file = path;
  return Error{"E_FILE", fmt::format("cannot read '{}': {}", path, error.message()),
               std::move(where)};
}

namespace {

// Depth first, each directory's entries in sorted order, so that which of two links to one
// directory is followed never depends on the file system's order.
class Walker {
 public:
  std::optional<Error> walk(const fs::path& directory) {
    std::error_code ec;
    if (!read_.insert(fs::canonical(directory, ec)).second) return std::nullopt;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) return cannot_read(directory.string(), ec);
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& entry : entries) {
      if (std::optional<Error> error = visit(entry)) return error;
    }
    return std::nullopt;
  }

  Walk out;

 private:
  std::optional<Error> visit(const fs::directory_entry& entry) {
    std::error_code ec;
    const std::string path = entry.path().string();
    if (entry.path().filename().string().starts_with(".")) {
      out.skipped = true;
    } else if (entry.is_directory(ec)) {
      if (read_.contains(fs::canonical(entry.path(), ec))) {
        out.passed_over.push_back({path, "I_SYMLINK_LOOP",
                                   "a symbolic link to a directory that is read already (a link "
                                   "loop, or a second link to it): not followed"});
        return std::nullopt;
      }
      return walk(entry.path());
    } else if (entry.is_regular_file(ec)) {
      out.files.push_back(path);
    } else if (entry.is_symlink(ec)) {
      out.passed_over.push_back({path, "I_NOT_A_FILE", "a broken symbolic link: nothing to read"});
    } else {
      out.passed_over.push_back(
          {path, "I_NOT_A_FILE", "not a regular file (a FIFO, socket or device): not read"});
    }
    return std::nullopt;
  }

  std::set<fs::path> read_;  // the directories walked, canonical
};

}  // namespace

Result<Walk> walk_directory(const std::string& directory) {
  Walker walker;
  if (std::optional<Error> error = walker.walk(directory)) return *std::move(error);
  Walk walk = std::move(walker.out);
  std::sort(walk.files.begin(), walk.files.end());
  std::sort(walk.passed_over.begin(), walk.passed_over.end(),
            [](const PassedOver& a, const PassedOver& b) { return a.path < b.path; });
  return walk;
}

}  // namespace snapkey::io::detail
