// HCL native syntax: the tree the evaluator walks, and every malformed-HCL error with its place
// and what was expected.
#include "io/hcl/syntax.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace snapkey::io::hcl {
namespace {

std::string error_of(const std::string& text) {
  auto file = parse(text, "main.tf");
  if (file) return "parsed";
  return file.error().to_string();
}

TEST(HclSyntax, BlocksAttributesAndPlaces) {
  auto file = parse(
      "# a vault\nresource \"aws_backup_vault\" \"v\" {\n  name = \"x\"\n  rule {\n    a = 1\n  "
      "}\n}\n",
      "main.tf");
  ASSERT_TRUE(file) << file.error().to_string();
  ASSERT_EQ(file->body.blocks.size(), 1u);
  const Block& block = file->body.blocks[0];
  EXPECT_EQ(block.type, "resource");
  EXPECT_EQ(block.labels, (std::vector<std::string>{"aws_backup_vault", "v"}));
  EXPECT_EQ(block.at.line, 2);
  EXPECT_EQ(block.at.column, 1);
  ASSERT_NE(block.body.attribute("name"), nullptr);
  EXPECT_EQ(block.body.attribute("name")->at.line, 3);
  EXPECT_EQ(block.body.attribute("name")->at.column, 3);
  ASSERT_EQ(block.body.blocks_of("rule").size(), 1u);
  EXPECT_EQ(block.body.blocks_of("rule")[0]->at.line, 4);
  ASSERT_EQ(file->comments.size(), 1u);
  EXPECT_EQ(file->comments[0].text, "# a vault");
  EXPECT_EQ(file->comments[0].at.line, 1);
}

TEST(HclSyntax, ExpressionSourceAndPlace) {
  auto file = parse("x = var.a[0].b\n", "main.tf");
  ASSERT_TRUE(file);
  const Expression& e = *file->body.attributes[0].value;
  EXPECT_EQ(e.kind, Expression::Kind::get_attr);
  EXPECT_EQ(e.source, "var.a[0].b");
  EXPECT_EQ(e.at.column, 5);
}

TEST(HclSyntax, ParseExpressionAlone) {
  auto e = parse_expression("\"${var.x}-y\"", "main.tf.json", Position{3, 10});
  ASSERT_TRUE(e) << e.error().to_string();
  EXPECT_EQ((*e)->kind, Expression::Kind::template_string);
  EXPECT_EQ((*e)->at.line, 3);
  EXPECT_EQ((*e)->at.column, 10);
}

TEST(HclSyntax, MissingClosingBrace) {
  EXPECT_EQ(error_of("resource \"a\" \"b\" {\n  name = \"x\"\n"),
            "main.tf:2:13: error E_HCL_SYNTAX: expected '}' to close the block that starts at line "
            "1, found the end of the file");
}

TEST(HclSyntax, MissingValue) {
  EXPECT_EQ(error_of("name =\n"),
            "main.tf:1:7: error E_HCL_SYNTAX: expected a value here, found the end of the file");
}

TEST(HclSyntax, UnterminatedString) {
  EXPECT_EQ(error_of("a = 1\nname = \"x\n"),
            "main.tf:2:10: error E_HCL_SYNTAX: expected the closing \" of the string here, found "
            "the end of the file");
}

// Terraform reads UTF-8 only, and tree-sitter would take a NUL as it is.
TEST(HclSyntax, BytesThatAreNotText) {
  EXPECT_EQ(error_of("a = 1\nname = \"caf\xe9\"\n"),
            "main.tf:2:12: error E_HCL_SYNTAX: expected UTF-8 text, found the byte 0xE9, which is "
            "not valid UTF-8 here; save the file as UTF-8");
  EXPECT_EQ(error_of(std::string("name = \"a\0b\"\n", 13)),
            "main.tf:1:10: error E_HCL_SYNTAX: expected text, found the control character U+0000 "
            "(NUL)");
}

TEST(HclSyntax, StrayToken) {
  EXPECT_EQ(error_of("a = 1\n}\n"),
            "main.tf:2:1: error E_HCL_SYNTAX: expected an argument (NAME = VALUE) or a block (TYPE "
            "\"LABEL\" { ... }) here, found '}'");
}

TEST(HclSyntax, BlockWithoutBrace) {
  EXPECT_EQ(error_of("resource \"a\" \"b\"\n  name = 1\n"),
            "main.tf:1:10: error E_HCL_SYNTAX: expected '=', '{', a name or a string here, found "
            "'\"a\" \"b\"'");
}

TEST(HclSyntax, AttributeWithoutEquals) {
  // HCL reads `name "x"` as a block's labels: the brace that would open it is missing.
  EXPECT_EQ(error_of("resource \"a\" \"b\" {\n  name \"x\"\n}\n"),
            "main.tf:2:11: error E_HCL_SYNTAX: expected '{' here, found '}'");
}

// Found by fuzzing (tests/fuzz/corpus/terraform_source/regress-deep-parens): converting the tree
// recursed once a level, and 5,000 parentheses overflowed the stack. The tree's depth is checked
// first, without recursion.
TEST(HclSyntax, NestingDeeperThanTheLimitIsAnError) {
  const std::string deep = "a = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  EXPECT_EQ(error_of(deep),
            "main.tf:1:258: error E_INPUT_DEPTH: expected the HCL text's syntax tree nested at "
            "most 256 levels deep, found more");
  EXPECT_EQ(error_of("a = " + std::string(5000, '[') + std::string(5000, ']') + "\n"),
            "main.tf:1:89: error E_INPUT_DEPTH: expected the HCL text's syntax tree nested at "
            "most 256 levels deep, found more");
  // Unclosed, the parser recovers into a flat tree: a syntax error, found without recursing deep.
  EXPECT_THAT(error_of("a = " + std::string(5000, '(') + "\n"),
              ::testing::HasSubstr("error E_HCL_SYNTAX"));
  // What configurations nest is far inside it: 20 levels of an object in a list in parentheses.
  std::string objects = "a = ";
  for (int i = 0; i < 20; ++i) objects += "{ b = [(";
  objects += "1";
  for (int i = 0; i < 20; ++i) objects += ")] }";
  EXPECT_EQ(error_of(objects + "\n"), "parsed");
}

}  // namespace
}  // namespace snapkey::io::hcl
