#include "io/inputs/deployment_place.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace snapkey::io::detail {

const std::string* mapping_for(const std::string& path,
                               const std::map<std::string, std::string>& mappings) {
  if (const auto it = mappings.find(path); it != mappings.end()) return &it->second;
  namespace fs = std::filesystem;
  const fs::path normal = fs::path(path).lexically_normal();
  const std::string* by_name = nullptr;
  int same_name = 0;
  for (const auto& [given, mapping] : mappings) {
    if (fs::path(given).lexically_normal() == normal) return &mapping;
    if (fs::path(given).filename() == normal.filename()) {
      by_name = &mapping;
      ++same_name;
    }
  }
  return same_name == 1 ? by_name : nullptr;
}

std::vector<Error> unmatched_mappings(std::string_view id, std::string_view option,
                                      const std::map<std::string, std::string>& mappings,
                                      const std::vector<std::string>& files,
                                      std::string_view what) {
  std::vector<Error> out;
  for (const auto& [given, mapping] : mappings) {
    const std::map<std::string, std::string> only = {{given, mapping}};
    const bool used = std::any_of(files.begin(), files.end(), [&](const std::string& file) {
      return mapping_for(file, only) != nullptr;
    });
    if (used) continue;
    Location at;
    at.file = given;
    out.push_back(
        Error{std::string(id),
              fmt::format("{} {}={} names no {} read ({}s: {})", option, given, mapping, what, what,
                          files.empty() ? "none" : fmt::format("{}", fmt::join(files, ", "))),
              at});
  }
  return out;
}

Place place_for(const std::string& path, const Place& defaults,
                const std::map<std::string, std::string>& mappings) {
  Place place = defaults;
  if (const std::string* mapping = mapping_for(path, mappings); mapping != nullptr) {
    const auto colon = mapping->find(':');
    place.region = mapping->substr(0, colon);
    if (colon != std::string::npos) place.account = mapping->substr(colon + 1);
  }
  return place;
}

}  // namespace snapkey::io::detail
