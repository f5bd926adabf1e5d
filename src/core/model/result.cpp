#include "snapkey/result.hpp"

#include <fmt/format.h>

namespace snapkey {

std::string Location::to_string() const {
  if (file.empty() && pointer.empty()) return "";
  if (line > 0) return fmt::format("{}:{}:{}", file, line, column);
  if (!pointer.empty()) return fmt::format("{}#{}", file, pointer);
  return file;
}

std::string Error::to_string() const {
  const std::string where = location.to_string();
  if (where.empty()) return fmt::format("error {}: {}", id, message);
  return fmt::format("{}: error {}: {}", where, id, message);
}

}  // namespace snapkey
