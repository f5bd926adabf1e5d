// HCL's JSON syntax: blocks by the schema, labels as nested objects, arrays of blocks, "//"
// comments, strings as templates or (where the schema says) as expressions, places, and every
// error with its place and what was expected.
#include "io/hcl/json_syntax.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/hcl/eval.hpp"

namespace snapkey::io::hcl {
namespace {

// resource "T" "N" { rule { ... } provider = REF }, variable "N", locals.
const JsonSchema& schema() {
  static const JsonSchema out{
      [](JsonSchema::Enclosing enclosing, std::string_view name) -> std::optional<std::size_t> {
        if (enclosing.empty()) {
          if (name == "resource") return 2;
          if (name == "variable") return 1;
          return 0;
        }
        if (name == "rule") return 0;
        return std::nullopt;
      },
      [](JsonSchema::Enclosing enclosing, std::string_view name) {
        return enclosing.size() == 1 && name == "provider";
      }};
  return out;
}

std::string error_of(const std::string& text) {
  auto file = parse_json(text, "main.tf.json", schema());
  if (file) return "parsed";
  return file.error().to_string();
}

// Evaluates an expression with no references.
class NoReferences : public Context {
 public:
  Result<Resolution> reference(const std::string&, const std::vector<Step>&,
                               const Expression& where) override {
    return Error{"E_TERRAFORM_REFERENCE", "no " + where.source, {}};
  }
};

std::string json_of(const Expression& expression) {
  NoReferences none;
  Evaluator evaluator(none, "main.tf.json");
  auto value = evaluator.evaluate(expression);
  if (!value) return "error " + value.error().message;
  return value->to_json();
}

TEST(HclJsonSyntax, BlocksLabelsAttributesAndPlaces) {
  auto file = parse_json(
      "{\n"
      "  \"resource\": {\n"
      "    \"aws_backup_plan\": {\n"
      "      \"daily\": {\n"
      "        \"name\": \"daily\",\n"
      "        \"rule\": {\"rule_name\": \"r\"}\n"
      "      }\n"
      "    }\n"
      "  }\n"
      "}\n",
      "main.tf.json", schema());
  ASSERT_TRUE(file) << file.error().to_string();
  ASSERT_EQ(file->body.blocks.size(), 1u);
  const Block& block = file->body.blocks[0];
  EXPECT_EQ(block.type, "resource");
  EXPECT_EQ(block.labels, (std::vector<std::string>{"aws_backup_plan", "daily"}));
  // A block is where its last label is.
  EXPECT_EQ(block.at.line, 4);
  EXPECT_EQ(block.at.column, 7);
  const Attribute* name = block.body.attribute("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->at.line, 5);
  EXPECT_EQ(name->at.column, 9);
  EXPECT_EQ(name->value->at.column, 17);
  ASSERT_EQ(block.body.blocks_of("rule").size(), 1u);
  EXPECT_EQ(block.body.blocks_of("rule")[0]->at.line, 6);
  EXPECT_EQ(block.body.attribute("rule"), nullptr);
}

TEST(HclJsonSyntax, AnArrayGivesOneBlockPerElementAtItsPlace) {
  auto file = parse_json(
      "{\"resource\": {\"p\": {\"n\": {\"rule\": [\n  {\"a\": 1},\n  {\"a\": 2}\n]}}},\n"
      " \"variable\": [{\"x\": {}}, {\"y\": {}}]}",
      "main.tf.json", schema());
  ASSERT_TRUE(file) << file.error().to_string();
  ASSERT_EQ(file->body.blocks.size(), 3u);
  const auto rules = file->body.blocks[0].body.blocks_of("rule");
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0]->at.line, 2);
  EXPECT_EQ(rules[1]->at.line, 3);
  EXPECT_EQ(rules[1]->at.column, 3);
  EXPECT_EQ(json_of(*rules[1]->body.attribute("a")->value), "2");
  EXPECT_EQ(file->body.blocks[1].labels, std::vector<std::string>{"x"});
  EXPECT_EQ(file->body.blocks[2].labels, std::vector<std::string>{"y"});
}

TEST(HclJsonSyntax, CommentPropertiesAreSkippedWhateverTheirValue) {
  auto file = parse_json(
      R"({"//": {"metadata": {"version": "0.20.0"}},
          "resource": {"//": "labels", "t": {"n": {"//": ["x"], "a": "b"}}}})",
      "cdk.tf.json", schema());
  ASSERT_TRUE(file) << file.error().to_string();
  ASSERT_EQ(file->body.blocks.size(), 1u);
  EXPECT_EQ(file->body.blocks[0].labels, (std::vector<std::string>{"t", "n"}));
  ASSERT_EQ(file->body.blocks[0].body.attributes.size(), 1u);
  EXPECT_EQ(file->body.blocks[0].body.attributes[0].name, "a");
}

TEST(HclJsonSyntax, StringsAreTemplates) {
  auto file = parse_json(
      R"({"locals": {"plain": "a\"b", "whole": "${1 + 2}", "mixed": "x-${upper(\"y\")}-z",
          "escaped": "$${not} %%{this}", "lines": "a\n${\"b\"}\n",
          "directive": "%{ if true }yes%{ endif }"}})",
      "main.tf.json", schema());
  ASSERT_TRUE(file) << file.error().to_string();
  const Body& locals = file->body.blocks.at(0).body;
  const auto value_of = [&](const char* name) { return locals.attribute(name)->value; };
  EXPECT_EQ(value_of("plain")->kind, Expression::Kind::literal);
  EXPECT_EQ(json_of(*value_of("plain")), R"("a\"b")");
  // "${...}" alone is its expression, placed inside the string.
  EXPECT_EQ(value_of("whole")->kind, Expression::Kind::binary);
  EXPECT_EQ(value_of("whole")->at.column, 42);  // the 1 after "${
  EXPECT_EQ(json_of(*value_of("whole")), "3");
  EXPECT_EQ(value_of("mixed")->kind, Expression::Kind::template_string);
  EXPECT_EQ(value_of("mixed")->at.line, 1);
  EXPECT_EQ(json_of(*value_of("mixed")), R"("x-Y-z")");
  EXPECT_EQ(json_of(*value_of("escaped")), R"("${not} %{this}")");
  EXPECT_EQ(json_of(*value_of("lines")), R"("a\nb\n")");
  EXPECT_EQ(value_of("directive")->kind, Expression::Kind::template_string);
}

TEST(HclJsonSyntax, NumbersBooleansNullArraysAndObjects) {
  auto file = parse_json(
      R"({"locals": {"n": 1.5e2, "t": true, "z": null, "list": [1, "${2}"],
          "map": {"k": "v", "${\"dyn\"}": 2}}})",
      "main.tf.json", schema());
  ASSERT_TRUE(file) << file.error().to_string();
  const Body& locals = file->body.blocks.at(0).body;
  EXPECT_EQ(json_of(*locals.attribute("n")->value), "150");
  EXPECT_EQ(json_of(*locals.attribute("t")->value), "true");
  EXPECT_EQ(json_of(*locals.attribute("z")->value), "null");
  EXPECT_EQ(json_of(*locals.attribute("list")->value), "[1,2]");
  EXPECT_EQ(locals.attribute("list")->value->source, "[1, 2]");
  EXPECT_EQ(json_of(*locals.attribute("map")->value), R"({"dyn":2,"k":"v"})");
}

TEST(HclJsonSyntax, BareStringsAreExpressionsAsWritten) {
  auto file =
      parse_json(R"({"resource": {"t": {"n": {"provider": "aws.east", "other": "aws.east"}}}})",
                 "main.tf.json", schema());
  ASSERT_TRUE(file) << file.error().to_string();
  const Body& body = file->body.blocks.at(0).body;
  EXPECT_EQ(body.attribute("provider")->value->kind, Expression::Kind::get_attr);
  EXPECT_EQ(body.attribute("provider")->value->source, "aws.east");
  EXPECT_EQ(body.attribute("other")->value->kind, Expression::Kind::literal);
}

TEST(HclJsonSyntax, NotJsonSaysWhere) {
  EXPECT_THAT(error_of("{\"resource\": {\n  \"a\": \n}"),
              ::testing::StartsWith("main.tf.json: error E_JSON: not valid JSON at byte"));
  EXPECT_THAT(error_of("{\"resource\": {\n  \"a\": \n}"), ::testing::HasSubstr("(line 3"));
}

TEST(HclJsonSyntax, TheTopMustBeAnObject) {
  EXPECT_EQ(error_of("\n  [1]"),
            "main.tf.json:2:3: error E_HCL_SYNTAX: expected an object of blocks at the top of the "
            "file, found an array");
}

TEST(HclJsonSyntax, ABlockMustBeAnObject) {
  EXPECT_EQ(error_of(R"({"resource": {"a": {"b": "x"}}})"),
            "main.tf.json:1:26: error E_HCL_SYNTAX: expected an object for the body of the "
            "resource block \"a\" \"b\" (or an array of them), found a string");
  EXPECT_EQ(error_of(R"({"resource": {"a": 3}})"),
            "main.tf.json:1:20: error E_HCL_SYNTAX: expected an object of labels of the resource "
            "block \"a\" (or an array of them), found a number");
  EXPECT_EQ(error_of(R"({"resource": {"a": {"b": {"rule": [true]}}}})"),
            "main.tf.json:1:36: error E_HCL_SYNTAX: expected an object for the body of the rule "
            "block (or an array of them), found a boolean");
}

TEST(HclJsonSyntax, ABrokenTemplateSaysWhere) {
  EXPECT_EQ(error_of("{\"locals\": {\n  \"a\": \"x-${var.}\"}}"),
            "main.tf.json:2:8: error E_HCL_SYNTAX: expected a string template (text with ${...} "
            "and %{...} sequences), found \"x-${var.}\"");
  // A string that is one interpolation is parsed as that expression, so the error is exact.
  EXPECT_THAT(error_of("{\"locals\": {\n  \"a\": \"${1 +}\"}}"),
              ::testing::StartsWith("main.tf.json:2:"));
  EXPECT_THAT(error_of("{\"resource\": {\"t\": {\"n\": {\"provider\": \"aws.\"}}}}"),
              ::testing::StartsWith("main.tf.json:1:"));
}

// Found by fuzzing (tests/fuzz/corpus/terraform_json/regress-deep-template): a string's ${...} is
// native syntax, whose converter recursed once a level until the stack overflowed.
TEST(HclJsonSyntax, ATemplateNestedDeeperThanTheLimitIsAnError) {
  EXPECT_EQ(error_of(R"({"locals": {"a": "${)" + std::string(5000, '(') + "1" +
                     std::string(5000, ')') + R"(}"}})"),
            "main.tf.json:1:274: error E_INPUT_DEPTH: expected the HCL text's syntax tree "
            "nested at most 256 levels deep, found more");
}

}  // namespace
}  // namespace snapkey::io::hcl
