// read_file(): stdio, so a read error keeps its errno for the message.
#include "io/detail/file.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace snapkey::io::detail {

Result<std::string> read_file(const std::string& path) {
  auto cannot_read = [&](int error_number) {
    Location where;
    where.file = path;
    return Error{
        "E_FILE",
        fmt::format("cannot read '{}': {}", path, std::generic_category().message(error_number)),
        std::move(where)};
  };
  auto too_large = [&] {
    Location where;
    where.file = path;
    return Error{"E_INPUT_TOO_LARGE",
                 fmt::format("'{}' is larger than {} MiB, the most snapkey reads from one file; "
                             "split it (an AWS CLI export can be a file per call)",
                             path, kMaxFileBytes >> 20),
                 std::move(where)};
  };
  // A regular file says its size: refused before a byte is read.
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec) &&
      std::filesystem::file_size(path, ec) > kMaxFileBytes && !ec) {
    return too_large();
  }
  std::FILE* stream = std::fopen(path.c_str(), "rb");
  if (stream == nullptr) return cannot_read(errno);
  std::string text;
  std::array<char, 65536> buffer{};
  std::size_t count = 0;
  while ((count = std::fread(buffer.data(), 1, buffer.size(), stream)) > 0) {
    text.append(buffer.data(), count);
    // Checked as it reads, so that /dev/zero or a FIFO is refused as quickly as a huge file.
    if (text.size() > kMaxFileBytes) {
      std::fclose(stream);
      return too_large();
    }
  }
  const int read_error = std::ferror(stream) ? errno : 0;
  std::fclose(stream);
  if (read_error != 0) return cannot_read(read_error);
  return text;
}

}  // namespace snapkey::io::detail
