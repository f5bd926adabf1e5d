// scan_yaml_stream(): the documents of a YAML stream, walked with yaml-cpp's event parser.
#include "io/detail/yaml_stream.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace snapkey::io::detail {
namespace {

// Where each document of a stream starts, and whether it holds anything.
class DocumentEvents : public YAML::EventHandler {
 public:
  const YAML::Mark& first() const { return first_; }
  bool empty() const { return empty_; }

  void OnDocumentStart(const YAML::Mark&) override {
    first_ = YAML::Mark::null_mark();
    empty_ = true;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { note(mark, true); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark, false); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    note(mark, false);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    note(mark, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    note(mark, false);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& mark, bool null) {
    if (first_.is_null()) first_ = mark;
    if (!null) empty_ = false;
  }

  YAML::Mark first_ = YAML::Mark::null_mark();
  bool empty_ = true;
};

// Counts the nodes each anchor stands for, and the nodes its aliases add, without expanding them.
class AliasBudget : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> over;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { leaf(anchor); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    leaf(anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = sizes_.find(anchor);
    const std::uint64_t nodes = it == sizes_.end() ? 1 : it->second;
    added_ = saturated(added_ + nodes);
    add(nodes);
    if (added_ > kMaxAliasNodes && !over) over = mark;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_.push_back({anchor, 1});
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_.push_back({anchor, 1});
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    std::uint64_t nodes;
  };
  static std::uint64_t saturated(std::uint64_t n) { return std::min<std::uint64_t>(n, 1ULL << 62); }
  void add(std::uint64_t nodes) {
    if (!open_.empty()) open_.back().nodes = saturated(open_.back().nodes + nodes);
  }
  void leaf(YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
    add(1);
  }
  void close() {
    if (open_.empty()) return;
    const Open done = open_.back();
    open_.pop_back();
    if (done.anchor != YAML::NullAnchor) sizes_[done.anchor] = done.nodes;
    add(done.nodes);
  }

  std::vector<Open> open_;
  std::unordered_map<YAML::anchor_t, std::uint64_t> sizes_;
  std::uint64_t added_ = 0;
};

}  // namespace

std::optional<YAML::Mark> find_alias_bomb(const std::string& input) {
  if (input.find('*') == std::string::npos) return std::nullopt;  // no alias, nothing to count
  try {
    std::istringstream text(input);
    YAML::Parser parser(text);
    AliasBudget budget;
    while (!budget.over && parser.HandleNextDocument(budget)) {
    }
    return budget.over;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

std::string alias_bomb_message() {
  return fmt::format(
      "invalid YAML: its aliases add more than {} nodes to the document (an alias bomb?); write "
      "the repeated values out, or alias less",
      kMaxAliasNodes);
}

YamlStream scan_yaml_stream(const std::string& input) {
  YamlStream out;
  std::istringstream text(input);
  YAML::Parser parser(text);
  DocumentEvents events;
  YAML::Mark previous = YAML::Mark::null_mark();
  for (int number = 1; parser.HandleNextDocument(events); ++number) {
    const YAML::Mark& start = events.first();
    if (!start.is_null() && !previous.is_null() && start.pos == previous.pos) {
      out.stuck = start;
      out.stuck_at = start.pos >= 0 && static_cast<std::size_t>(start.pos) < input.size()
                         ? fmt::format("'{}'", input[start.pos])
                         : std::string("the end of the file");
      return out;
    }
    previous = start;
    if (number > 1 && !events.empty()) {
      out.second = start;
      return out;
    }
  }
  return out;
}

}  // namespace snapkey::io::detail
