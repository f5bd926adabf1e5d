// One YAML document out of a stream, without yaml-cpp's LoadAll: yaml-cpp 0.7 never returns from
// LoadAll on a document that starts with a stray ',' (jbeder/yaml-cpp#1040, fixed in 0.8); it
// reports the same empty document for ever and eats all memory. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_YAML_STREAM_HPP
#define SNAPKEY_SRC_IO_DETAIL_YAML_STREAM_HPP

#include <yaml-cpp/yaml.h>

#include <cstdint>
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

// The most nodes aliases may add to a document. yaml-cpp shares an aliased node, but a reader that
// walks the tree visits it once per alias: nine levels of nine aliases ("billion laughs") are
// 387 million visits from 1 kB of text.
inline constexpr std::uint64_t kMaxAliasNodes = 1'000'000;

// Where the aliases of `input` have added more than kMaxAliasNodes nodes, counted from the events
// alone (linear in the text, nothing expanded); nullopt when they never do, or on a syntax error,
// which loading the text reports.
std::optional<YAML::Mark> find_alias_bomb(const std::string& input);

// The message of E_YAML for an alias bomb.
std::string alias_bomb_message();

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_YAML_STREAM_HPP
