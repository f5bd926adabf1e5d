#include "cli/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace snapkey::cli {
namespace {

namespace fs = std::filesystem;

Error output_error(const std::string& path, std::string_view why) {
  return Error{"E_OUTPUT_FILE", fmt::format("cannot write --output '{}': {}", path, why), {}};
}

}  // namespace

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

Status write_atomically(const std::string& path, std::string_view text) {
  const fs::path target(path);
  if (target.filename().empty())
    return output_error(path, "expected a file name, found a directory");
  // Beside the target, so that rename() stays within one file system and is atomic.
  std::string temporary =
      (target.parent_path() / ("." + target.filename().string() + ".snapkey-XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return output_error(path, std::strerror(errno));
  const bool written = write_all(fd, text) && ::fsync(fd) == 0;
  const int write_errno = errno;
  if (::close(fd) != 0 || !written) {
    ::unlink(temporary.c_str());
    return output_error(path, std::strerror(written ? errno : write_errno));
  }
  // mkstemp makes the file 0600; a report is as readable as any file the user creates.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temporary.c_str(), 0666 & ~mask);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    ::unlink(temporary.c_str());
    return output_error(path, std::strerror(rename_errno));
  }
  return Ok{};
}

Status check_not_an_input(const std::string& path, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const std::string& input : inputs) {
    if (fs::equivalent(path, input, ec)) {
      return Error{"E_USAGE",
                   fmt::format("--output '{}' is the input '{}'; snapkey only reads its inputs",
                               path, input),
                   {}};
    }
  }
  return Ok{};
}

}  // namespace snapkey::cli
