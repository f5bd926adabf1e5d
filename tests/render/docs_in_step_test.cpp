// The JSON and Mermaid examples of the docs are the CLI's golden output, byte for byte. (The
// generated tables docs/rules.md, checks.md and errors.md are golden files themselves:
// tests/golden.cmake.)
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

#include "support/source_files.hpp"

namespace snapkey::render {
namespace {

using snapkey::testing::fenced_example;
using snapkey::testing::read_source_file;

struct DocExample {
  const char* doc;                // the page
  const char* heading;            // the heading the ```json block is under
  const char* golden;             // the golden file of the same output
  const char* command;            // the command that prints it
  const char* language = "json";  // the fenced block's language
};

// Names the page in test output rather than dumping the struct's bytes.
void PrintTo(const DocExample& example, std::ostream* os) { *os << example.doc; }

class DocExampleTest : public ::testing::TestWithParam<DocExample> {};

TEST_P(DocExampleTest, IsTheGoldenOutput) {
  const DocExample& p = GetParam();
  const std::string golden = read_source_file(p.golden);
  ASSERT_FALSE(golden.empty()) << p.golden;
  const std::optional<std::string> example =
      fenced_example(read_source_file(p.doc), p.heading, p.language);
  ASSERT_TRUE(example) << "no ```" << p.language << " block under \"" << p.heading << "\" in "
                       << p.doc;
  EXPECT_TRUE(*example == golden) << "The example in " << p.doc << " differs from " << p.golden
                                  << " (a golden test checks that file); paste the output of\n  "
                                  << p.command << "\ninto the example.";
}

INSTANTIATE_TEST_SUITE_P(
    Docs, DocExampleTest,
    ::testing::Values(
        DocExample{"docs/json-output.md", "## Example", "tests/golden/predict-minimal.json",
                   "build/snapkey predict tests/data/cli/minimal.yaml --format json"},
        DocExample{"docs/check-output.md", "### Example", "tests/golden/check-minimal.json",
                   "build/snapkey check tests/data/cli/minimal.yaml --format json --today "
                   "2026-03-01"},
        DocExample{"docs/graph.md", "## Example", "tests/golden/graph-article.mmd",
                   "build/snapkey graph examples/article/1-mrk-default-vault.yaml --format "
                   "mermaid",
                   "mermaid"}),
    [](const auto& info) {
      std::string name = info.param.doc;
      name = name.substr(5, name.size() - 8);  // "docs/json-output.md" -> "json-output"
      for (char& c : name) c = c == '-' ? '_' : c;
      return name;
    });

}  // namespace
}  // namespace snapkey::render
