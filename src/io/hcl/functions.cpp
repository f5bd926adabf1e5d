// Terraform's built-in functions, as far as backup and key configurations use them.
#include "io/hcl/functions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string_view>
#include <vector>

#include "snapkey/arn.hpp"  // closest_match

namespace snapkey::io::hcl {
namespace {

// A function's arguments, all known (unless the function takes unknowns), and how to fail.
struct Call {
  const Expression& at;
  const Evaluator& evaluator;
  std::vector<Value> args;

  Error fail(std::string message) const { return evaluator.error(at, std::move(message)); }
  Error wrong(std::size_t i, std::string_view expected) const {
    return fail(fmt::format("expected {} as argument {} of {}(), found {}", expected, i + 1,
                            at.name, args[i].describe()));
  }
  Result<std::string> text(std::size_t i) const {
    auto out = args[i].to_text();
    if (!out) return wrong(i, "a string");
    return *out;
  }
  Result<const std::vector<Value>*> list(std::size_t i) const {
    if (!args[i].is_list()) return wrong(i, "a list");
    return &args[i].items();
  }
  Result<const std::map<std::string, Value>*> map(std::size_t i) const {
    if (!args[i].is_object()) return wrong(i, "a map or an object");
    return &args[i].fields();
  }
  Result<double> number(std::size_t i) const {
    auto out = convert(args[i], "number");
    if (!out || out->is_null()) return wrong(i, "a number");
    return out->as_number();
  }
};

using Body = std::function<Result<Value>(const Call&)>;

struct Function {
  std::size_t min_args;
  std::size_t max_args;  // SIZE_MAX: any number
  bool takes_unknown;    // the function itself decides what an unknown argument means
  Body body;
};

constexpr std::size_t kAny = SIZE_MAX;

// format's verbs: %s %d %f %v %q %t %%, with no width or flags (the ones naming code uses).
Result<Value> format(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto spec, c.text(0));
  std::string out;
  std::size_t next = 1;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != '%') {
      out += spec[i];
      continue;
    }
    if (++i == spec.size()) return c.fail("expected a verb after % in format()'s first argument");
    const char verb = spec[i];
    if (verb == '%') {
      out += '%';
      continue;
    }
    if (next >= c.args.size()) {
      return c.fail(fmt::format("expected an argument for %{} in format(), found none", verb));
    }
    const Value& arg = c.args[next++];
    if (verb == 'q') {
      SNAPKEY_ASSIGN_OR_RETURN(auto s, c.text(next - 1));
      out += Value::string(s).to_json();
    } else if (verb == 'v' && !arg.to_text()) {
      out += arg.to_json();
    } else if (verb == 'd') {
      SNAPKEY_ASSIGN_OR_RETURN(auto n, c.number(next - 1));
      out += fmt::format("{}", static_cast<long long>(n));
    } else {
      SNAPKEY_ASSIGN_OR_RETURN(auto s, c.text(next - 1));
      out += s;
    }
  }
  return Value::string(std::move(out));
}

Result<Value> join(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto separator, c.text(0));
  std::string out;
  bool first = true;
  for (std::size_t i = 1; i < c.args.size(); ++i) {
    SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(i));
    for (const Value& item : *items) {
      auto text = item.to_text();
      if (!text) return c.fail(fmt::format("expected strings to join, found {}", item.describe()));
      out += (first ? "" : separator) + *text;
      first = false;
    }
  }
  return Value::string(std::move(out));
}

Result<Value> concat(const Call& c) {
  std::vector<Value> out;
  for (std::size_t i = 0; i < c.args.size(); ++i) {
    SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(i));
    out.insert(out.end(), items->begin(), items->end());
  }
  return Value::list(std::move(out));
}

Result<Value> merge(const Call& c) {
  std::map<std::string, Value> out;
  for (std::size_t i = 0; i < c.args.size(); ++i) {
    if (c.args[i].is_null()) continue;
    SNAPKEY_ASSIGN_OR_RETURN(auto fields, c.map(i));
    for (const auto& [name, value] : *fields) out[name] = value;
  }
  return Value::object(std::move(out));
}

// lookup(map, key[, default]): an unknown member stays itself (and keeps its origin).
Result<Value> lookup(const Call& c) {
  if (c.args[0].is_unknown()) return Value::unknown(c.args[0].why());
  if (c.args[1].is_unknown()) return Value::unknown(c.args[1].why());
  SNAPKEY_ASSIGN_OR_RETURN(auto fields, c.map(0));
  SNAPKEY_ASSIGN_OR_RETURN(auto key, c.text(1));
  if (auto it = fields->find(key); it != fields->end()) return it->second;
  if (c.args.size() == 3) return c.args[2];
  return c.fail(
      fmt::format("expected the key \"{}\" in lookup()'s map, found none (and no "
                  "default)",
                  key));
}

// coalesce: the first argument that is neither null nor ""; an unknown before it makes the
// answer unknown.
Result<Value> coalesce(const Call& c) {
  for (const Value& arg : c.args) {
    if (arg.is_unknown()) return arg;
    if (arg.is_null() || (arg.is_string() && arg.as_string().empty())) continue;
    return arg;
  }
  return c.fail("expected at least one argument of coalesce() that is not null or \"\"");
}

Result<Value> coalescelist(const Call& c) {
  for (const Value& arg : c.args) {
    if (arg.is_unknown()) return arg;
    if (arg.is_list() && !arg.items().empty()) return arg;
  }
  return Value::list({});
}

// tostring, tolist ...: the value converted; an unknown stays itself.
Body conversion(std::string type) {
  return [type](const Call& c) -> Result<Value> {
    const Value& arg = c.args[0];
    if (arg.is_unknown()) return arg;
    if (type == "list" || type == "set") {
      if (!arg.is_list()) return c.wrong(0, "a list, set or tuple");
      return type == "set" ? Value::set(arg.items()) : Value::list(arg.items());
    }
    if (type == "map") {
      if (!arg.is_object()) return c.wrong(0, "a map or an object");
      return Value::object(arg.fields());
    }
    auto out = convert(arg, type);
    if (!out) return c.wrong(0, fmt::format("a value that converts to {}", type));
    return *out;
  };
}

Result<Value> length(const Call& c) {
  const Value& arg = c.args[0];
  if (arg.is_list()) return Value::number(static_cast<double>(arg.items().size()));
  if (arg.is_object()) return Value::number(static_cast<double>(arg.fields().size()));
  SNAPKEY_ASSIGN_OR_RETURN(auto text, c.text(0));
  return Value::number(static_cast<double>(text.size()));
}

Result<Value> element(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  SNAPKEY_ASSIGN_OR_RETURN(auto n, c.number(1));
  if (items->empty()) return c.fail("expected a list that is not empty in element()");
  return (*items)[static_cast<std::size_t>(n) % items->size()];
}

Result<Value> keys(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto fields, c.map(0));
  std::vector<Value> out;
  for (const auto& [name, value] : *fields) out.push_back(Value::string(name));
  return Value::list(std::move(out));
}

Result<Value> values(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto fields, c.map(0));
  std::vector<Value> out;
  for (const auto& [name, value] : *fields) out.push_back(value);
  return Value::list(std::move(out));
}

Result<Value> contains(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  const Value wanted = c.args[1].without_origin();
  return Value::boolean(std::any_of(items->begin(), items->end(), [&](const Value& item) {
    return item.without_origin() == wanted;
  }));
}

Result<Value> distinct(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  std::vector<Value> out;
  for (const Value& item : *items) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  }
  return Value::list(std::move(out));
}

void flatten_into(const Value& value, std::vector<Value>& out) {
  if (!value.is_list()) {
    out.push_back(value);
    return;
  }
  for (const Value& item : value.items()) flatten_into(item, out);
}

Result<Value> flatten(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  std::vector<Value> out;
  for (const Value& item : *items) flatten_into(item, out);
  return Value::list(std::move(out));
}

Result<Value> compact(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  std::vector<Value> out;
  for (const Value& item : *items) {
    if (!item.is_null() && !(item.is_string() && item.as_string().empty())) out.push_back(item);
  }
  return Value::list(std::move(out));
}

Body text_function(std::function<std::string(std::string)> f) {
  return [f](const Call& c) -> Result<Value> {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, c.text(0));
    return Value::string(f(std::move(text)));
  };
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::toupper(ch); });
  return s;
}

std::string trimspace(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// replace(string, substring, replacement); a /regular expression/ is not evaluated.
Result<Value> replace(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto text, c.text(0));
  SNAPKEY_ASSIGN_OR_RETURN(auto from, c.text(1));
  SNAPKEY_ASSIGN_OR_RETURN(auto to, c.text(2));
  if (from.size() > 1 && from.front() == '/' && from.back() == '/') {
    return Value::unknown(
        fmt::format("replace() with the regular expression {} at {} is not "
                    "evaluated",
                    from, c.evaluator.location(c.at).to_string()));
  }
  if (from.empty()) return Value::string(text);
  std::string out;
  std::size_t start = 0;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, start)) {
    out += text.substr(start, at - start) + to;
    start = at + from.size();
  }
  return Value::string(out + text.substr(start));
}

Result<Value> split(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto separator, c.text(0));
  SNAPKEY_ASSIGN_OR_RETURN(auto text, c.text(1));
  std::vector<Value> out;
  if (separator.empty()) return c.fail("expected a separator that is not empty in split()");
  std::size_t start = 0;
  for (std::size_t at = text.find(separator);; at = text.find(separator, start)) {
    out.push_back(Value::string(text.substr(start, at - start)));
    if (at == std::string::npos) break;
    start = at + separator.size();
  }
  return Value::list(std::move(out));
}

Body affix(bool prefix, bool test) {
  return [prefix, test](const Call& c) -> Result<Value> {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, c.text(0));
    SNAPKEY_ASSIGN_OR_RETURN(auto part, c.text(1));
    const bool has = prefix ? text.starts_with(part) : text.ends_with(part);
    if (test) return Value::boolean(has);
    if (!has) return Value::string(text);
    return Value::string(prefix ? text.substr(part.size())
                                : text.substr(0, text.size() - part.size()));
  };
}

Result<Value> substr(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto text, c.text(0));
  SNAPKEY_ASSIGN_OR_RETURN(auto offset, c.number(1));
  SNAPKEY_ASSIGN_OR_RETURN(auto length, c.number(2));
  const auto start = static_cast<std::size_t>(std::max(0.0, offset));
  if (start >= text.size()) return Value::string("");
  const std::size_t count = length < 0 ? std::string::npos : static_cast<std::size_t>(length);
  return Value::string(text.substr(start, count));
}

Result<Value> zipmap(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto names, c.list(0));
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(1));
  if (names->size() != items->size()) {
    return c.fail("expected as many keys as values in zipmap()");
  }
  std::map<std::string, Value> out;
  for (std::size_t i = 0; i < names->size(); ++i) {
    auto name = (*names)[i].to_text();
    if (!name) return c.fail("expected strings as zipmap()'s keys");
    out[*name] = (*items)[i];
  }
  return Value::object(std::move(out));
}

Result<Value> one(const Call& c) {
  if (c.args[0].is_null()) return Value::null();
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  if (items->size() > 1) return c.fail("expected a list of no or one element in one()");
  return items->empty() ? Value::null() : items->front();
}

Result<Value> range(const Call& c) {
  double start = 0;
  double end = 0;
  double step = 1;
  if (c.args.size() == 1) {
    SNAPKEY_ASSIGN_OR_RETURN(end, c.number(0));
  } else {
    SNAPKEY_ASSIGN_OR_RETURN(start, c.number(0));
    SNAPKEY_ASSIGN_OR_RETURN(end, c.number(1));
    if (c.args.size() == 3) {
      SNAPKEY_ASSIGN_OR_RETURN(step, c.number(2));
    }
  }
  if (step == 0) return c.fail("expected a step other than 0 in range()");
  std::vector<Value> out;
  for (double x = start; (step > 0 ? x < end : x > end) && out.size() < 1024; x += step) {
    out.push_back(Value::number(x));
  }
  return Value::list(std::move(out));
}

Result<Value> slice(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  SNAPKEY_ASSIGN_OR_RETURN(auto from, c.number(1));
  SNAPKEY_ASSIGN_OR_RETURN(auto to, c.number(2));
  if (from < 0 || to < from || to > static_cast<double>(items->size())) {
    return c.fail(fmt::format("expected 0 <= start <= end <= {} in slice()", items->size()));
  }
  return Value::list(std::vector<Value>(items->begin() + static_cast<long>(from),
                                        items->begin() + static_cast<long>(to)));
}

Result<Value> sort(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  std::vector<std::string> texts;
  for (const Value& item : *items) {
    auto text = item.to_text();
    if (!text) return c.fail("expected strings in sort()'s list");
    texts.push_back(*text);
  }
  std::sort(texts.begin(), texts.end());
  std::vector<Value> out;
  for (std::string& text : texts) out.push_back(Value::string(std::move(text)));
  return Value::list(std::move(out));
}

Result<Value> reverse(const Call& c) {
  SNAPKEY_ASSIGN_OR_RETURN(auto items, c.list(0));
  return Value::list(std::vector<Value>(items->rbegin(), items->rend()));
}

Result<Value> formatlist(const Call& c) {
  std::size_t count = 0;
  for (const Value& arg : c.args) {
    if (arg.is_list()) count = std::max(count, arg.items().size());
  }
  std::vector<Value> out;
  for (std::size_t i = 0; i < count; ++i) {
    Call each{c.at, c.evaluator, {}};
    for (const Value& arg : c.args) each.args.push_back(arg.is_list() ? arg.items()[i] : arg);
    SNAPKEY_ASSIGN_OR_RETURN(auto item, format(each));
    out.push_back(std::move(item));
  }
  return Value::list(std::move(out));
}

Result<Value> jsonencode(const Call& c) { return Value::string(c.args[0].to_json()); }

const std::map<std::string, Function, std::less<>>& table() {
  static const std::map<std::string, Function, std::less<>> functions = {
      {"coalesce", {1, kAny, true, coalesce}},
      {"coalescelist", {1, kAny, true, coalescelist}},
      {"compact", {1, 1, false, compact}},
      {"concat", {0, kAny, false, concat}},
      {"contains", {2, 2, false, contains}},
      {"distinct", {1, 1, false, distinct}},
      {"element", {2, 2, false, element}},
      {"endswith", {2, 2, false, affix(false, true)}},
      {"flatten", {1, 1, false, flatten}},
      {"format", {1, kAny, false, format}},
      {"formatlist", {1, kAny, false, formatlist}},
      {"join", {2, kAny, false, join}},
      {"jsonencode", {1, 1, false, jsonencode}},
      {"keys", {1, 1, false, keys}},
      {"length", {1, 1, false, length}},
      {"lookup", {2, 3, true, lookup}},
      {"lower", {1, 1, false, text_function(lower)}},
      {"merge", {0, kAny, false, merge}},
      {"one", {1, 1, false, one}},
      {"range", {1, 3, false, range}},
      {"replace", {3, 3, false, replace}},
      {"reverse", {1, 1, false, reverse}},
      {"slice", {3, 3, false, slice}},
      {"sort", {1, 1, false, sort}},
      {"split", {2, 2, false, split}},
      {"startswith", {2, 2, false, affix(true, true)}},
      {"substr", {3, 3, false, substr}},
      {"tobool", {1, 1, true, conversion("bool")}},
      {"tolist", {1, 1, true, conversion("list")}},
      {"tomap", {1, 1, true, conversion("map")}},
      {"tonumber", {1, 1, true, conversion("number")}},
      {"toset", {1, 1, true, conversion("set")}},
      {"tostring", {1, 1, true, conversion("string")}},
      {"trimprefix", {2, 2, false, affix(true, false)}},
      {"trimspace", {1, 1, false, text_function(trimspace)}},
      {"trimsuffix", {2, 2, false, affix(false, false)}},
      {"upper", {1, 1, false, text_function(upper)}},
      {"values", {1, 1, false, values}},
      {"zipmap", {2, 2, false, zipmap}},
  };
  return functions;
}

}  // namespace

std::vector<std::string> Functions::names() {
  std::vector<std::string> out = {"can", "try"};
  for (const auto& [name, function] : table()) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<Value>> Functions::arguments(const Expression& e) {
  std::vector<Value> out;
  for (std::size_t i = 0; i < e.parts.size(); ++i) {
    SNAPKEY_ASSIGN_OR_RETURN(auto value, evaluator_.evaluate(*e.parts[i]));
    if (e.expand && i + 1 == e.parts.size()) {
      if (value.is_unknown()) return std::vector<Value>{value};
      if (!value.is_list()) {
        return evaluator_.error(*e.parts[i], fmt::format("expected a list before ... in {}, "
                                                         "found {}",
                                                         e.source, value.describe()));
      }
      out.insert(out.end(), value.items().begin(), value.items().end());
    } else {
      out.push_back(std::move(value));
    }
  }
  return out;
}

// try(a, b, ...): the first argument that evaluates without an error; can(a): whether it does.
// An unknown argument makes the answer unknown: whether it would fail is not known yet.
Result<Value> Functions::try_call(const Expression& e, bool can) {
  if (e.parts.empty() || (can && e.parts.size() != 1)) {
    return evaluator_.error(e, fmt::format("expected {} argument{} in {}", can ? "one" : "some",
                                           can ? "" : "s", e.source));
  }
  std::optional<Error> last;
  for (const ExpressionPtr& part : e.parts) {
    auto value = evaluator_.evaluate(*part);
    if (!value) {
      last = value.error();
      if (can) return Value::boolean(false);
      continue;
    }
    if (const Value* unknown = value->first_unknown()) {
      return Value::unknown(fmt::format("{} at {} depends on what is known only later: {}",
                                        e.source, evaluator_.location(e).to_string(),
                                        unknown->why()));
    }
    return can ? Value::boolean(true) : *value;
  }
  return evaluator_.error(e, fmt::format("expected one argument of try() to succeed, found "
                                         "none: {}",
                                         last->message));
}

namespace {

// Every built-in function of Terraform 1.x and OpenTofu, whether snapkey evaluates it or not: a
// call to any other is an error in both ("Call to unknown function").
const std::vector<std::string_view>& language_functions() {
  static const std::vector<std::string_view> names = {"abs",
                                                      "abspath",
                                                      "alltrue",
                                                      "anytrue",
                                                      "base64decode",
                                                      "base64encode",
                                                      "base64gunzip",
                                                      "base64gzip",
                                                      "base64sha256",
                                                      "base64sha512",
                                                      "basename",
                                                      "bcrypt",
                                                      "can",
                                                      "ceil",
                                                      "chomp",
                                                      "chunklist",
                                                      "cidrcontains",
                                                      "cidrhost",
                                                      "cidrnetmask",
                                                      "cidrsubnet",
                                                      "cidrsubnets",
                                                      "coalesce",
                                                      "coalescelist",
                                                      "compact",
                                                      "concat",
                                                      "contains",
                                                      "csvdecode",
                                                      "dirname",
                                                      "distinct",
                                                      "element",
                                                      "endswith",
                                                      "ephemeralasnull",
                                                      "file",
                                                      "filebase64",
                                                      "filebase64sha256",
                                                      "filebase64sha512",
                                                      "fileexists",
                                                      "filemd5",
                                                      "fileset",
                                                      "filesha1",
                                                      "filesha256",
                                                      "filesha512",
                                                      "flatten",
                                                      "floor",
                                                      "format",
                                                      "formatdate",
                                                      "formatlist",
                                                      "indent",
                                                      "index",
                                                      "issensitive",
                                                      "join",
                                                      "jsondecode",
                                                      "jsonencode",
                                                      "keys",
                                                      "length",
                                                      "log",
                                                      "lookup",
                                                      "lower",
                                                      "matchkeys",
                                                      "max",
                                                      "md5",
                                                      "merge",
                                                      "min",
                                                      "nonsensitive",
                                                      "one",
                                                      "parseint",
                                                      "pathexpand",
                                                      "plantimestamp",
                                                      "pow",
                                                      "range",
                                                      "regex",
                                                      "regexall",
                                                      "replace",
                                                      "reverse",
                                                      "rsadecrypt",
                                                      "sensitive",
                                                      "setintersection",
                                                      "setproduct",
                                                      "setsubtract",
                                                      "setunion",
                                                      "sha1",
                                                      "sha256",
                                                      "sha512",
                                                      "signum",
                                                      "slice",
                                                      "sort",
                                                      "split",
                                                      "startswith",
                                                      "strcontains",
                                                      "strrev",
                                                      "substr",
                                                      "sum",
                                                      "templatefile",
                                                      "templatestring",
                                                      "textdecodebase64",
                                                      "textencodebase64",
                                                      "timeadd",
                                                      "timecmp",
                                                      "timestamp",
                                                      "title",
                                                      "tobool",
                                                      "tolist",
                                                      "tomap",
                                                      "tonumber",
                                                      "toset",
                                                      "tostring",
                                                      "transpose",
                                                      "trim",
                                                      "trimprefix",
                                                      "trimspace",
                                                      "trimsuffix",
                                                      "try",
                                                      "type",
                                                      "upper",
                                                      "urldecode",
                                                      "urlencode",
                                                      "uuid",
                                                      "uuidv5",
                                                      "values",
                                                      "yamldecode",
                                                      "yamlencode",
                                                      "zipmap"};
  return names;
}

}  // namespace

Result<Value> Functions::call(const Expression& e) {
  if (e.name == "try" || e.name == "can") return try_call(e, e.name == "can");
  const auto it = table().find(e.name);
  const std::vector<std::string_view>& known = language_functions();
  // provider::NAME::FUNCTION is a provider's own function (Terraform 1.8): not evaluated.
  if (it == table().end() && e.name.find("::") == std::string::npos &&
      std::find(known.begin(), known.end(), e.name) == known.end()) {
    const std::string suggestion = closest_match(e.name, known);
    return evaluator_.error(
        e, fmt::format("expected a function of the Terraform language, found {}(), which it does "
                       "not have{}",
                       e.name,
                       suggestion.empty() ? "" : fmt::format("; did you mean {}()?", suggestion)));
  }
  if (it == table().end()) {
    return Value::unknown(fmt::format("{}() at {} is a function snapkey does not evaluate", e.name,
                                      evaluator_.location(e).to_string()));
  }
  const Function& function = it->second;
  SNAPKEY_ASSIGN_OR_RETURN(auto args, arguments(e));
  if (args.size() < function.min_args || args.size() > function.max_args) {
    return evaluator_.error(e,
                            fmt::format("expected {} argument{} in {}, found {}", function.min_args,
                                        function.min_args == 1 ? "" : "s", e.source, args.size()));
  }
  if (!function.takes_unknown) {
    for (const Value& arg : args) {
      if (const Value* unknown = arg.first_unknown()) return Value::unknown(unknown->why());
    }
  }
  return function.body(Call{e, evaluator_, std::move(args)});
}

}  // namespace snapkey::io::hcl
