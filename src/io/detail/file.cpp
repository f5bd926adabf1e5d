// read_file(): stdio, so a read error keeps its errno for the message.
#include "io/detail/file.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdio>
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
  std::FILE* stream = std::fopen(path.c_str(), "rb");
  if (stream == nullptr) return cannot_read(errno);
  std::string text;
  std::array<char, 65536> buffer{};
  std::size_t count = 0;
  while ((count = std::fread(buffer.data(), 1, buffer.size(), stream)) > 0) {
    text.append(buffer.data(), count);
  }
  const int read_error = std::ferror(stream) ? errno : 0;
  std::fclose(stream);
  if (read_error != 0) return cannot_read(read_error);
  return text;
}

}  // namespace snapkey::io::detail
