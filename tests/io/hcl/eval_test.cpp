// The HCL evaluator: each kind of expression, each function, and what stays unknown.
#include "io/hcl/eval.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/hcl/functions.hpp"

#include <fstream>
#include <iterator>

namespace snapkey::io::hcl {
namespace {

using ::testing::HasSubstr;

// var.NAME from a map; anything else is an unknown reference.
class Vars : public Context {
 public:
  std::map<std::string, Value> values;
  Result<Resolution> reference(const std::string& root, const std::vector<Step>& steps,
                               const Expression& where) override {
    if (root != "var" || steps.empty()) {
      return Error{"E_TERRAFORM_REFERENCE", "no " + where.source, {}};
    }
    auto it = values.find(steps[0].name);
    if (it == values.end()) return Error{"E_TERRAFORM_REFERENCE", "no " + where.source, {}};
    return Resolution{it->second, 1};
  }
};

Result<Value> eval(const std::string& text, Vars& vars) {
  auto file = parse("x = " + text + "\n", "t.tf");
  if (!file) return file.error();
  Evaluator evaluator(vars, "t.tf");
  return evaluator.evaluate(*file->body.attributes.at(0).value);
}

// The value's JSON, or "unknown: WHY", or "error ID: MESSAGE".
std::string json_of(const std::string& text, Vars vars = {}) {
  auto value = eval(text, vars);
  if (!value) return "error " + value.error().id + ": " + value.error().message;
  if (value->is_unknown()) return "unknown: " + value->why();
  return value->to_json();
}

Vars with_unknown() {
  Vars vars;
  vars.values["u"] = Value::unknown("var.u is not set");
  vars.values["region"] = Value::string("eu-west-1");
  vars.values["list"] = Value::list({Value::string("b"), Value::string("a"), Value::string("b")});
  vars.values["map"] = Value::object({{"k", Value::string("v")}});
  return vars;
}

TEST(HclEval, Literals) {
  EXPECT_EQ(json_of("null"), "null");
  EXPECT_EQ(json_of("true"), "true");
  EXPECT_EQ(json_of("35"), "35");
  EXPECT_EQ(json_of("1.5"), "1.5");
  EXPECT_EQ(json_of("\"a\\\"b\\n\""), "\"a\\\"b\\n\"");
  EXPECT_EQ(json_of("\"$${x}\""), "\"${x}\"");
  EXPECT_EQ(json_of("[1, \"a\"]"), "[1,\"a\"]");
  EXPECT_EQ(json_of("{ a = 1, \"b\" = 2 }"), "{\"a\":1,\"b\":2}");
}

TEST(HclEval, Templates) {
  const Vars vars = with_unknown();
  EXPECT_EQ(json_of("\"vault-${var.region}\"", vars), "\"vault-eu-west-1\"");
  EXPECT_EQ(json_of("\"${var.map}\"", vars), "{\"k\":\"v\"}");  // alone: the value itself
  EXPECT_EQ(json_of("\"a-${var.u}\"", vars), "unknown: var.u is not set");
  EXPECT_EQ(json_of("\"%{if true}x%{endif}\"", vars).substr(0, 8), "unknown:");
}

TEST(HclEval, Heredoc) {
  EXPECT_EQ(json_of("<<EOT\nline ${1 + 1}\nEOT"), "\"line 2\\n\"");
  EXPECT_EQ(json_of("<<-EOT\n    a\n      b\n    EOT"), "\"a\\n  b\\n\"");
}

TEST(HclEval, OperatorsAndConditionals) {
  const Vars vars = with_unknown();
  EXPECT_EQ(json_of("1 + 2 * 3"), "7");
  EXPECT_EQ(json_of("-(4 - 6)"), "2");
  EXPECT_EQ(json_of("5 % 3 == 2 && !false"), "true");
  EXPECT_EQ(json_of("\"a\" != \"b\" || var.u", vars), "true");
  EXPECT_EQ(json_of("var.region == \"eu-west-1\" ? \"yes\" : \"no\"", vars), "\"yes\"");
  EXPECT_EQ(json_of("var.u ? 1 : 2", vars), "unknown: var.u is not set");
  // Only the branch taken is evaluated.
  EXPECT_EQ(json_of("true ? 1 : var.nothing", vars), "1");
  EXPECT_EQ(json_of("1 / 0"),
            "error E_TERRAFORM_EXPRESSION: expected a divisor other than 0 in 1 / 0");
  EXPECT_THAT(json_of("1 + \"a\""), HasSubstr("expected numbers on both sides of '+'"));
}

TEST(HclEval, IndexAttributeAndSplat) {
  const Vars vars = with_unknown();
  EXPECT_EQ(json_of("var.list[1]", vars), "\"a\"");
  EXPECT_EQ(json_of("var.map.k", vars), "\"v\"");
  EXPECT_EQ(json_of("var.map[\"k\"]", vars), "\"v\"");
  EXPECT_THAT(json_of("var.list[3]", vars), HasSubstr("expected an index below 3"));
  EXPECT_THAT(json_of("var.map.nope", vars), HasSubstr("expected an attribute 'nope'"));
  EXPECT_EQ(json_of("[{a = 1}, {a = 2}][*].a"), "[1,2]");
  EXPECT_EQ(json_of("[{a = 1}, {a = 2}].*.a"), "[1,2]");
  EXPECT_EQ(json_of("var.u.arn", vars), "unknown: var.u is not set");
}

TEST(HclEval, ForExpressions) {
  const Vars vars = with_unknown();
  EXPECT_EQ(json_of("[for s in var.list : upper(s)]", vars), "[\"B\",\"A\",\"B\"]");
  EXPECT_EQ(json_of("[for i, s in var.list : i if s == \"b\"]", vars), "[0,2]");
  EXPECT_EQ(json_of("{for k, v in var.map : v => k}", vars), "{\"v\":\"k\"}");
  EXPECT_EQ(json_of("{for s in var.list : s => s...}", vars),
            "{\"a\":[\"a\"],\"b\":[\"b\",\"b\"]}");
  EXPECT_EQ(json_of("[for s in var.u : s]", vars), "unknown: var.u is not set");
  EXPECT_THAT(json_of("{for s in var.list : s => s}", vars), HasSubstr("expected each key once"));
}

TEST(HclEval, Functions) {
  const Vars vars = with_unknown();
  EXPECT_EQ(json_of("format(\"%s-%d-%%\", \"a\", 3)"), "\"a-3-%\"");
  EXPECT_EQ(json_of("join(\",\", var.list)", vars), "\"b,a,b\"");
  EXPECT_EQ(json_of("concat([1], [2, 3])"), "[1,2,3]");
  EXPECT_EQ(json_of("merge({a = 1}, {a = 2, b = 3})"), "{\"a\":2,\"b\":3}");
  EXPECT_EQ(json_of("lookup(var.map, \"k\", \"d\")", vars), "\"v\"");
  EXPECT_EQ(json_of("lookup(var.map, \"x\", \"d\")", vars), "\"d\"");
  EXPECT_EQ(json_of("jsonencode({Version = \"2012-10-17\", n = [1]})"),
            "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"n\\\":[1]}\"");
  EXPECT_EQ(json_of("toset(var.list)", vars), "[\"a\",\"b\"]");
  EXPECT_EQ(json_of("tolist(toset([\"b\", \"a\"]))"), "[\"a\",\"b\"]");
  EXPECT_EQ(json_of("coalesce(null, \"\", \"x\")"), "\"x\"");
  EXPECT_EQ(json_of("length(var.list)", vars), "3");
  EXPECT_EQ(json_of("element(var.list, 4)", vars), "\"a\"");
  EXPECT_EQ(json_of("keys(var.map)", vars), "[\"k\"]");
  EXPECT_EQ(json_of("contains(var.list, \"a\")", vars), "true");
  EXPECT_EQ(json_of("flatten([[1], [2, [3]]])"), "[1,2,3]");
  EXPECT_EQ(json_of("replace(\"a-b-c\", \"-\", \"_\")"), "\"a_b_c\"");
  EXPECT_EQ(json_of("split(\",\", \"a,b\")"), "[\"a\",\"b\"]");
  EXPECT_EQ(json_of("trimprefix(\"alias/x\", \"alias/\")"), "\"x\"");
  EXPECT_EQ(json_of("substr(\"eu-west-1\", 0, 2)"), "\"eu\"");
  EXPECT_EQ(json_of("zipmap([\"a\"], [1])"), "{\"a\":1}");
  EXPECT_EQ(json_of("one([5])"), "5");
  EXPECT_EQ(json_of("range(3)"), "[0,1,2]");
  EXPECT_EQ(json_of("concat(var.list...)", vars).substr(0, 5), "error");
  EXPECT_EQ(json_of("max(1, 2)"),
            "unknown: max() at t.tf:1:5 is a function snapkey does not evaluate");
  EXPECT_THAT(json_of("join(\",\")"), HasSubstr("expected 2 arguments in join(\",\"), found 1"));
  // A function the language does not have is an error, as in Terraform; a provider's own is
  // not evaluated.
  EXPECT_EQ(json_of("lenght([1])"),
            "error E_TERRAFORM_EXPRESSION: expected a function of the Terraform language, found "
            "lenght(), which it does not have; did you mean length()?");
  EXPECT_EQ(json_of("provider::aws::arn_parse(\"x\")"),
            "unknown: provider::aws::arn_parse() at t.tf:1:5 is a function snapkey does not "
            "evaluate");
}

TEST(HclEval, TryAndCan) {
  const Vars vars = with_unknown();
  EXPECT_EQ(json_of("try(var.map.nope, \"fallback\")", vars), "\"fallback\"");
  EXPECT_EQ(json_of("can(var.map.nope)", vars), "false");
  EXPECT_EQ(json_of("can(var.map.k)", vars), "true");
  EXPECT_THAT(json_of("try(var.u, \"x\")", vars), HasSubstr("depends on what is known only later"));
  EXPECT_THAT(json_of("try(var.map.a, var.map.b)", vars),
              HasSubstr("expected one argument of try() to succeed"));
}

TEST(HclEval, FunctionsListedForTheDocs) {
  const std::vector<std::string> names = Functions::names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_THAT(names, ::testing::IsSupersetOf({"coalesce", "concat", "format", "join", "jsonencode",
                                              "lookup", "merge", "tolist", "toset", "try"}));
}

// docs/terraform-input.md lists the functions evaluated: each of them, in `name`.
TEST(HclEval, TheDocsListEveryFunction) {
  std::ifstream file(std::string(SNAPKEY_SOURCE_DIR) + "/docs/terraform-input.md");
  const std::string docs((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  for (const std::string& name : Functions::names()) {
    EXPECT_NE(docs.find("`" + name + "`"), std::string::npos) << name;
  }
}

TEST(HclEval, Convert) {
  EXPECT_EQ(convert(Value::string("35"), "number")->to_json(), "35");
  EXPECT_EQ(convert(Value::string("true"), "bool")->to_json(), "true");
  EXPECT_EQ(convert(Value::number(3), "string")->to_json(), "\"3\"");
  EXPECT_FALSE(convert(Value::string("x"), "number"));
  EXPECT_EQ(
      convert(Value::list({Value::string("b"), Value::string("a")}), "set(string)")->to_json(),
      "[\"a\",\"b\"]");
}

}  // namespace
}  // namespace snapkey::io::hcl
