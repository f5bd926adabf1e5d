// scan_yaml_stream(): the documents of a YAML stream, walked with yaml-cpp's event parser.
#include "io/detail/yaml_stream.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <sstream>

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

}  // namespace

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
