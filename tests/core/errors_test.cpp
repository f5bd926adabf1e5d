// The error catalogue (snapkey/errors.hpp): it, the code and the docs name the same ids; the
// propagation macros and Error::with_context.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <new>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>

#include "io/detail/guard.hpp"
#include "snapkey/errors.hpp"
#include "snapkey/result.hpp"
#include "support/source_files.hpp"

namespace snapkey::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::IsEmpty;

// Every id the sources under `folder` report: "E_..." string literals, and "error E_...:" in
// messages printed directly; the catalogue itself (src/core/model/errors.cpp) left out.
std::set<std::string> ids_in(const std::string& folder) {
  std::set<std::string> ids;
  const std::regex literal("\"(E_[A-Z0-9_]+)\"|error (E_[A-Z0-9_]+):");
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(SNAPKEY_SOURCE_DIR) / folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = fs::relative(entry.path(), SNAPKEY_SOURCE_DIR).string();
    if (relative == "src/core/model/errors.cpp") continue;
    const std::string text = read_source_file(relative);
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
      ids.insert((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
    }
  }
  return ids;
}

TEST(ErrorCatalogue, HoldsEveryIdTheCodeReports) {
  const std::set<std::string> used = ids_in("src");
  ASSERT_GT(used.size(), 50u);  // the scan found the code
  EXPECT_TRUE(used.contains("E_OUTPUT"));
  std::set<std::string> missing;
  for (const std::string& id : used) {
    if (find_error(id) == nullptr) missing.insert(id);
  }
  EXPECT_THAT(missing, IsEmpty()) << "add them to src/core/model/errors.cpp";
}

TEST(ErrorCatalogue, HoldsNoIdTheCodeNeverReports) {
  const std::set<std::string> used = ids_in("src");
  std::set<std::string> stale;
  for (const ErrorInfo& error : error_catalogue()) {
    if (!used.contains(std::string(error.id))) stale.insert(std::string(error.id));
  }
  EXPECT_THAT(stale, IsEmpty());
}

TEST(ErrorCatalogue, EveryIdIsOnItsPage) {
  for (const ErrorInfo& error : error_catalogue()) {
    const std::string page = read_source_file("docs/" + std::string(error.page));
    ASSERT_FALSE(page.empty()) << error.page;
    EXPECT_NE(page.find("`" + std::string(error.id) + "`"), std::string::npos)
        << error.id << " is not in docs/" << error.page;
    EXPECT_FALSE(error.meaning.empty()) << error.id;
  }
}

TEST(ErrorCatalogue, CategoriesDecideWhatKindOfFailureItIs) {
  EXPECT_EQ(category_of(Error{"E_USAGE", "", {}}), ErrorCategory::usage);
  EXPECT_EQ(category_of(Error{"E_YAML", "", {}}), ErrorCategory::input);
  EXPECT_EQ(category_of(Error{"E_INTERNAL", "", {}}), ErrorCategory::internal);
  EXPECT_EQ(category_of(Error{"E_NOT_CATALOGUED", "", {}}), ErrorCategory::internal);
  EXPECT_EQ(find_error("E_NOT_CATALOGUED"), nullptr);
  ASSERT_NE(find_error("E_FILE"), nullptr);
  EXPECT_EQ(find_error("E_FILE")->page, "inputs.md");
  EXPECT_EQ(to_string(ErrorCategory::internal), "internal");
}

Result<int> parse_digit(char c) {
  if (c < '0' || c > '9') return Error{"E_SCENARIO_VALUE", std::string("not a digit: ") + c, {}};
  return c - '0';
}

Status check_even(int n) {
  if (n % 2 != 0) return Error{"E_SCENARIO_VALUE", "odd", {}};
  return Ok{};
}

Result<int> twice_even(char c) {
  SNAPKEY_ASSIGN_OR_RETURN(const int n, parse_digit(c));
  SNAPKEY_RETURN_IF_ERROR(check_even(n));
  int doubled = 0;
  SNAPKEY_ASSIGN_OR_RETURN(doubled, parse_digit(static_cast<char>('0' + n / 2)));
  return doubled * 4;
}

TEST(ErrorPropagation, MacrosReturnTheFirstErrorOrGoOn) {
  EXPECT_EQ(twice_even('4').value(), 8);
  EXPECT_EQ(twice_even('x').error().message, "not a digit: x");
  EXPECT_EQ(twice_even('3').error().message, "odd");
}

TEST(ErrorPropagation, WithContextPrefixesTheMessage) {
  Error error{"E_DATE", "expected a date YYYY-MM-DD, found 'x'", {"f.yaml", 1, 2, ""}};
  const Error with = std::move(error).with_context("--as-of");
  EXPECT_EQ(with.message, "--as-of: expected a date YYYY-MM-DD, found 'x'");
  EXPECT_EQ(with.id, "E_DATE");
  EXPECT_EQ(with.location.line, 1);
}

TEST(ErrorBoundary, AnExceptionBecomesAnInternalError) {
  const Result<int> thrown = io::detail::guarded(
      "the plan p.json", []() -> Result<int> { throw std::runtime_error("boom"); });
  ASSERT_FALSE(thrown);
  EXPECT_EQ(thrown.error().id, "E_INTERNAL");
  EXPECT_EQ(thrown.error().message, "could not read the plan p.json: boom");
  EXPECT_EQ(category_of(thrown.error()), ErrorCategory::internal);
  const Status memory = io::detail::guarded("t.yaml", []() -> Status { throw std::bad_alloc(); });
  EXPECT_EQ(memory.error().message, "out of memory while reading t.yaml");
  EXPECT_EQ(io::detail::guarded("x", []() -> Result<int> { return 7; }).value(), 7);
}

}  // namespace
}  // namespace snapkey::testing
