// One YAML document out of a stream, without yaml-cpp's LoadAll: yaml-cpp 0.7 never returns from
// LoadAll on a document that starts with a stray ',' (jbeder/yaml-cpp#1040, fixed in 0.8); it
// reports the same empty document for ever and eats all memory. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_YAML_STREAM_HPP
#define SNAPKEY_SRC_IO_DETAIL_YAML_STREAM_HPP

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace snapkey::io::detail {

struct YamlStream {
  // Where the parser stopped making progress (a document that starts where the one before it
  // started), and what is written there: "','" or "the end of the file".
  std::optional<YAML::Mark> stuck;
  std::string stuck_at;
  // Where a second document that holds something starts (a trailing `---` is fine).
  std::optional<YAML::Mark> second;
};

// Walks the documents of `input`. Throws YAML::Exception on a syntax error, as yaml-cpp does.
YamlStream scan_yaml_stream(const std::string& input);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_YAML_STREAM_HPP
