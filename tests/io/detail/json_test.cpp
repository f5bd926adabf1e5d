// The JSON layer of snapkey::io: parsing with simdjson, JSON Pointers, precise errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "io/detail/json.hpp"

namespace snapkey::io::detail {
namespace {

std::unique_ptr<JsonDocument> parse(std::string_view text) {
  auto doc = parse_json(simdjson::padded_string(text), "t.json");
  EXPECT_TRUE(doc) << (doc ? "" : doc.error().to_string());
  return doc ? std::move(doc).value() : nullptr;
}

TEST(Json, WalksWithPointers) {
  auto doc = parse(R"({"DBClusters": [{"DBClusterArn": "arn:x", "a/b": {"c~d": true}}]})");
  const JsonValue cluster = doc->root()["DBClusters"].items().at(0);
  EXPECT_EQ(cluster.pointer(), "/DBClusters/0");
  EXPECT_EQ(*cluster.required_string("DBClusterArn"), "arn:x");
  EXPECT_EQ(cluster["a/b"]["c~d"].pointer(), "/DBClusters/0/a~1b/c~0d");
  EXPECT_EQ(*cluster["a/b"].optional_bool("c~d"), std::optional<bool>(true));
  EXPECT_TRUE(cluster["nothing"]["deeper"].is_missing());
  EXPECT_THAT(cluster.keys(), ::testing::ElementsAre("DBClusterArn", "a/b"));
}

TEST(Json, TypeErrorsNameThePointer) {
  auto doc = parse(R"({"KeyMetadata": {"Arn": 42, "MultiRegion": "yes", "Aliases": ["a", 1]}})");
  const JsonValue meta = doc->root()["KeyMetadata"];
  auto arn = meta.required_string("Arn");
  ASSERT_FALSE(arn);
  EXPECT_EQ(arn.error().id, "E_JSON_TYPE");
  EXPECT_EQ(arn.error().to_string(),
            "t.json#/KeyMetadata/Arn: error E_JSON_TYPE: expected a string at /KeyMetadata/Arn, "
            "found a number");
  EXPECT_EQ(meta.optional_bool("MultiRegion").error().message,
            "expected true or false at /KeyMetadata/MultiRegion, found a string");
  EXPECT_EQ(meta.string_list("Aliases").error().message,
            "expected a string at /KeyMetadata/Aliases/1, found a number");
  auto missing = meta.required_string("KeyId");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().id, "E_JSON_MISSING");
  EXPECT_EQ(missing.error().message, "expected a string at /KeyMetadata/KeyId, found nothing");
}

TEST(Json, SyntaxErrorGivesByteOffsetAndLine) {
  // The second comma of "2,," is byte 15 (0-based), column 14 of line 2.
  auto doc = parse_json(simdjson::padded_string(std::string_view("{\n  \"a\": [1, 2,, 3]\n}")),
                        "bad.json");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().id, "E_JSON");
  EXPECT_EQ(doc.error().location.file, "bad.json");
  EXPECT_THAT(doc.error().message,
              ::testing::StartsWith("not valid JSON at byte 15 (line 2, column 14): "));
}

// The message of parsing `text` as bad.json.
std::string json_error(std::string_view text) {
  auto doc = parse_json(simdjson::padded_string(text), "bad.json");
  return doc ? std::string("ok") : doc.error().to_string();
}

// simdjson's first pass fails on these, before any position is known: the byte is still found.
TEST(Json, SyntaxErrorsOfTheFirstPassHaveTheirByte) {
  // A file cut short inside a string: where that string opens.
  EXPECT_EQ(json_error("{\n  \"Aliases\": [{\"AliasName\": \"alias/a"),
            "bad.json: error E_JSON: not valid JSON at byte 30 (line 2, column 29): A string is "
            "opened, but never closed.");
  // The Latin-1 e of "caf\xe9", byte 10.
  EXPECT_EQ(json_error("{\"a\": \"caf\xe9\"}"),
            "bad.json: error E_JSON: not valid JSON at byte 10 (line 1, column 11): The input is "
            "not valid UTF-8");
  // Cut short after a key: the end of the text.
  EXPECT_EQ(json_error("{\"a\":"),
            "bad.json: error E_JSON: not valid JSON at byte 5 (line 1, column 6): The JSON "
            "document has an improper structure: missing or superfluous commas, braces, missing "
            "keys, etc.");
}

// JSON allows a name twice in an object, but readers disagree on which counts: neither is taken.
TEST(Json, AMemberGivenTwiceIsAnError) {
  EXPECT_EQ(
      json_error(R"({"DBClusters": [{"StorageEncrypted": false, "StorageEncrypted": true}]})"),
      "bad.json#/DBClusters/0/StorageEncrypted: error E_JSON: member 'StorageEncrypted' is "
      "given twice in the object at /DBClusters/0; keep one (JSON readers disagree on which "
      "of the two counts)");
  EXPECT_EQ(json_error(R"({"a/b": 1, "a/b": 2})"),
            "bad.json#/a~1b: error E_JSON: member 'a/b' is given twice in the object at /; keep "
            "one (JSON readers disagree on which of the two counts)");
  // The same name in two objects is two members.
  EXPECT_EQ(json_error(R"([{"a": 1}, {"a": 2}])"), "ok");
}

TEST(Json, MissingFileIsAnError) {
  auto doc = read_json_file("/nonexistent/snapkey.json");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().id, "E_FILE");
  EXPECT_EQ(doc.error().message, "cannot read /nonexistent/snapkey.json: no such file");
}

// Found by fuzzing (tests/fuzz/corpus/cloudformation_json/regress-deep-json): simdjson stops at
// 1,024 levels, but the walk that finds where recursed to the end, and 100,000 levels overflowed
// the stack. It stops where the DOM parser did, which is where the error is.
TEST(Json, NestingDeeperThanSimdjsonReadsIsAnErrorAtItsPlace) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto doc = parse_json(simdjson::padded_string(deep), "deep.json");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().to_string(),
            "deep.json: error E_JSON: not valid JSON at byte 1024 (line 1, column 1025): The JSON "
            "document was too deep (too many nested objects and arrays)");
}

}  // namespace
}  // namespace snapkey::io::detail
