// The renderers' JSON writer (src/render/text/text.hpp): numbers, next to the strings, booleans and
// nulls tests/render/predictions_test.cpp covers.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <type_traits>

#include "render/text/text.hpp"

namespace snapkey::render {
namespace {

using detail::Json;

TEST(JsonNumber, WritesWholeNumbersOfEveryIntegerType) {
  EXPECT_EQ(Json(42).dump(), "42");
  EXPECT_EQ(Json(-7).dump(), "-7");
  EXPECT_EQ(Json(0).dump(), "0");
  EXPECT_EQ(Json(std::size_t{3}).dump(), "3");
  EXPECT_EQ(Json(short{12}).dump(), "12");
  EXPECT_EQ(Json(std::uint8_t{255}).dump(), "255");
  EXPECT_EQ(Json(std::numeric_limits<std::int64_t>::max()).dump(), "9223372036854775807");
  EXPECT_EQ(Json(std::numeric_limits<std::int64_t>::min()).dump(), "-9223372036854775808");
}

TEST(JsonNumber, BooleansStringsAndNullKeepTheirOwnKinds) {
  EXPECT_EQ(Json(true).dump(), "true");
  EXPECT_EQ(Json(false).dump(), "false");
  EXPECT_EQ(Json("1").dump(), "\"1\"");
  EXPECT_EQ(Json(nullptr).dump(), "null");
  EXPECT_EQ(Json().dump(), "null");
}

TEST(JsonNumber, NumbersInContainers) {
  const Json value = Json::Object{{"line", 12}, {"columns", Json::Array{1, 2}}, {"ok", true}};
  EXPECT_EQ(value.dump(),
            "{\n"
            "  \"line\": 12,\n"
            "  \"columns\": [\n"
            "    1,\n"
            "    2\n"
            "  ],\n"
            "  \"ok\": true\n"
            "}");
}

// The overloads stay unambiguous: each of these compiles to exactly one constructor.
static_assert(std::is_constructible_v<Json, int>);
static_assert(std::is_constructible_v<Json, long long>);
static_assert(std::is_constructible_v<Json, unsigned>);
static_assert(std::is_constructible_v<Json, bool>);
static_assert(std::is_constructible_v<Json, const char*>);
static_assert(std::is_constructible_v<Json, std::nullptr_t>);

}  // namespace
}  // namespace snapkey::render
