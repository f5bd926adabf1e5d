// Tests that keep docs in step with the code: the project's own files, and the fenced example
// (JSON, Mermaid) under a heading of a Markdown document.
#ifndef SNAPKEY_TESTS_SOURCE_FILES_HPP
#define SNAPKEY_TESTS_SOURCE_FILES_HPP

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace snapkey::testing {

// The file at `relative` in the source tree; "" when it cannot be read.
inline std::string read_source_file(std::string_view relative) {
  std::ifstream in(std::string(SNAPKEY_SOURCE_DIR) + "/" + std::string(relative), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The body of the first ```LANGUAGE block after the line `heading` ("## Example"); nullopt when
// there is no such heading or block.
inline std::optional<std::string> fenced_example(const std::string& markdown,
                                                 std::string_view heading,
                                                 std::string_view language = "json") {
  const std::size_t at = markdown.find("\n" + std::string(heading) + "\n");
  if (at == std::string::npos) return std::nullopt;
  const std::string kOpen = "```" + std::string(language) + "\n";
  const std::size_t begin = markdown.find(kOpen, at);
  if (begin == std::string::npos) return std::nullopt;
  const std::size_t end = markdown.find("```\n", begin + kOpen.size());
  if (end == std::string::npos) return std::nullopt;
  return markdown.substr(begin + kOpen.size(), end - begin - kOpen.size());
}

}  // namespace snapkey::testing

#endif  // SNAPKEY_TESTS_SOURCE_FILES_HPP
