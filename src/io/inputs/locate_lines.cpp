// locate_lines: the JSON readers locate what they read by JSON Pointer, which is exact but which
// no SARIF viewer can show. This turns those pointers into line:column by reading each JSON file
// once and walking it with simdjson's On-Demand parser along the pointers only: every subtree
// off their paths is skipped unparsed, so the cost is one pass over the file whatever the number
// of findings.
//
// Columns count Unicode code points from 1 (SARIF's columnKind "unicodeCodePoints"); lines count
// '\n' from 1. Anything that goes wrong (no such file, not JSON, no such value) leaves the
// location as it was: this only adds detail.
#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "io/detail/json.hpp"
#include "snapkey/io/inputs.hpp"

namespace snapkey::io {
namespace {

namespace ondemand = simdjson::ondemand;

// The JSON readers' name for the document itself (io/detail/json.cpp); "" is the same in RFC 6901.
bool is_root(std::string_view pointer) { return pointer.empty() || pointer == "/"; }

// The pointers wanted in one file, and the path to them: every pointer and each of its
// prefixes ("/a/b" needs "", "/a" and "/a/b"), the only places the walk goes into.
class Wanted {
 public:
  void add(const std::string& pointer) {
    pointers_.insert(pointer);
    path_.insert(pointer);
    for (std::size_t slash = pointer.find('/', 1); slash != std::string::npos;
         slash = pointer.find('/', slash + 1)) {
      path_.insert(pointer.substr(0, slash));
    }
  }
  bool wants(const std::string& pointer) const { return pointers_.contains(pointer); }
  bool on_path(const std::string& pointer) const { return path_.contains(pointer); }
  std::size_t size() const { return pointers_.size(); }

 private:
  std::set<std::string> pointers_;
  std::set<std::string> path_{""};
};

// One depth-first walk of a document, recording the byte offset of every wanted value.
class Walk {
 public:
  Walk(const Wanted& wanted, const char* text) : wanted_(wanted), text_(text) {}

  void visit(ondemand::value value, std::string& pointer) {
    if (done()) return;
    if (wanted_.wants(pointer)) record(value, pointer);
    ondemand::json_type type;
    if (value.type().get(type) != simdjson::SUCCESS) return;
    if (type == ondemand::json_type::object) {
      visit_object(value, pointer);
    } else if (type == ondemand::json_type::array) {
      visit_array(value, pointer);
    }
  }

  const std::map<std::string, std::size_t>& offsets() const { return offsets_; }

 private:
  bool done() const { return offsets_.size() == wanted_.size(); }

  void record(ondemand::value& value, const std::string& pointer) {
    // The value's first token, a view into the document's text: no parsing, no copying.
    const std::string_view token = value.raw_json_token();
    offsets_.emplace(pointer, static_cast<std::size_t>(token.data() - text_));
  }

  void visit_object(ondemand::value& value, std::string& pointer) {
    ondemand::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) return;
    for (auto member : object) {
      ondemand::field field;
      std::string_view key;
      if (std::move(member).get(field) != simdjson::SUCCESS ||
          field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return;
      }
      const std::size_t length = pointer.size();
      pointer += detail::pointer_token(key);
      if (wanted_.on_path(pointer)) visit(field.value(), pointer);
      pointer.resize(length);
      if (done()) return;
    }
  }

  void visit_array(ondemand::value& value, std::string& pointer) {
    ondemand::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS) return;
    std::size_t index = 0;
    for (auto item : array) {
      ondemand::value element;
      if (std::move(item).get(element) != simdjson::SUCCESS) return;
      const std::size_t length = pointer.size();
      pointer += '/' + std::to_string(index++);
      if (wanted_.on_path(pointer)) visit(element, pointer);
      pointer.resize(length);
      if (done()) return;
    }
  }

  const Wanted& wanted_;
  const char* text_;
  std::map<std::string, std::size_t> offsets_;
};

// Byte offsets to 1-based line and column, the column in code points.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  void locate(std::size_t offset, Location& location) const {
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t start = *(next - 1);
    std::size_t column = 1;
    for (std::size_t i = start; i < offset && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // not a continuation
    }
    location.line = static_cast<int>(next - starts_.begin());
    location.column = static_cast<int>(column);
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_{0};
};

// The offset of the first byte that is not JSON whitespace: where the document's value starts.
std::size_t root_offset(std::string_view text) {
  const std::size_t at = text.find_first_not_of(" \t\r\n");
  return at == std::string_view::npos ? text.size() : at;
}

// Fills in every location of `file`, all of which have a JSON Pointer and no line.
void locate_in_file(const std::string& file, const std::vector<Location*>& locations) {
  simdjson::padded_string text;
  if (simdjson::padded_string::load(file).get(text) != simdjson::SUCCESS) return;
  const std::string_view view(text.data(), text.size());

  Wanted wanted;
  for (const Location* location : locations) {
    if (!is_root(location->pointer)) wanted.add(location->pointer);
  }
  ondemand::parser parser;
  ondemand::document document;
  ondemand::value root;
  if (parser.iterate(text).get(document) != simdjson::SUCCESS ||
      document.get_value().get(root) != simdjson::SUCCESS) {
    return;
  }
  std::map<std::string, std::size_t> offsets;
  if (wanted.size() > 0) {
    std::string pointer;
    Walk walk(wanted, text.data());
    walk.visit(root, pointer);
    offsets = walk.offsets();
  }

  const Lines lines(view);
  for (Location* location : locations) {
    if (is_root(location->pointer)) {
      lines.locate(root_offset(view), *location);
    } else if (const auto it = offsets.find(location->pointer); it != offsets.end()) {
      lines.locate(it->second, *location);
    }
  }
}

bool needs_line(const Location& location) {
  return !location.file.empty() && location.line == 0 && location.pointer.starts_with('/');
}

}  // namespace

void locate_lines(Findings& findings) {
  // By file, so each is read once; std::map for a deterministic order of reading.
  std::map<std::string, std::vector<Location*>> by_file;
  const auto want = [&](Location& location) {
    if (needs_line(location)) by_file[location.file].push_back(&location);
  };
  for (Finding& finding : findings.findings) {
    want(finding.location);
    if (finding.suppressed_by) want(finding.suppressed_by->location);
  }
  for (const auto& [file, locations] : by_file) locate_in_file(file, locations);
}

}  // namespace snapkey::io
