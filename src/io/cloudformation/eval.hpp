// Private to snapkey::io: evaluating CloudFormation intrinsic functions offline, within and
// across the templates read together.
//
// A value is known (text, a list, a map), absent (AWS::NoValue), unknown (with the reason, e.g.
// "parameter KeyArn has no value"), or known only in part: text may hold symbols, each standing
// for the physical id or an attribute of a resource that does not exist yet (a KMS key's ARN, a
// plan's id). The readers of resource types turn a symbol into a reference to the thing the
// resource becomes in the model.
//
//   cloudformation::Evaluator eval(stacks, options.parameters);
//   SNAPKEY_RETURN_IF_ERROR(eval.index_exports());
//   auto value = eval.eval(stack, *property);   // E_CFN_VALUE
#ifndef SNAPKEY_SRC_IO_CLOUDFORMATION_EVAL_HPP
#define SNAPKEY_SRC_IO_CLOUDFORMATION_EVAL_HPP

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "io/cloudformation/template.hpp"
#include "snapkey/arn.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io::cloudformation {

// The physical id (attribute "") or an attribute of resource `logical_id` of template `stack`.
struct Symbol {
  std::size_t stack = 0;
  std::string logical_id;
  std::string attribute;
  friend bool operator==(const Symbol&, const Symbol&) = default;
};

// A piece of text: literal, or a symbol.
struct Piece {
  std::string text;
  std::optional<Symbol> symbol;
};

struct Field;

struct Value {
  enum class Kind { absent, text, list, map, unknown };
  Kind kind = Kind::absent;
  std::vector<Piece> pieces;   // text
  std::vector<Value> items;    // list
  std::vector<Field> members;  // map
  std::string reason;          // unknown: why, as a clause
  Location location;           // where the value is written

  static Value literal(std::string text, Location where);
  static Value unknown(std::string reason, Location where);
  static Value of_symbol(Symbol symbol, Location where);

  bool is_absent() const { return kind == Kind::absent; }
  bool is_unknown() const { return kind == Kind::unknown; }
  bool is_text() const { return kind == Kind::text; }
  // Text with no symbol in it.
  bool is_literal() const;
  // The text of a literal (symbols are written ${Id.Attribute}).
  std::string text() const;
  // The symbols in a text, in order.
  std::vector<Symbol> symbols() const;
  // The member `key` of a map, or nullptr (also when this is not a map).
  const Value* find(std::string_view key) const;
  // "a string", "a list", "a map", "nothing" or "an unknown value", for messages.
  std::string_view kind_name() const;
};

// A member of a map value.
struct Field {
  std::string key;
  Value value;
};

enum class Truth { no, yes, unknown };
struct Condition {
  Truth truth = Truth::unknown;
  std::string reason;  // unknown: why
};

// One template and the stack it is deployed as.
struct Stack {
  std::string file;  // the path given
  std::string name;  // AWS::StackName: the file name without .json/.yaml/.yml/.template
  Region region;
  AccountId account;
  Node root;

  const Node* section(std::string_view name) const { return root.find(name); }
  const Node* resource(std::string_view logical_id) const;
  // The resource's Type ("" when it has none).
  std::string type_of(std::string_view logical_id) const;
};

// The name a resource is created with: its name property, or the stand-in snapkey uses when the
// template does not give it (CloudFormation then generates one) or gives it as an unknown value.
struct PhysicalName {
  std::string name;
  bool generated = false;
  std::string reason;  // generated: why
};

class Evaluator {
 public:
  // `parameters`: --parameter values, for every template that declares them.
  Evaluator(const std::vector<Stack>& stacks, const std::map<std::string, std::string>& parameters);

  // Evaluates every Export name. Errors: E_CFN_DUPLICATE_EXPORT (two templates of one account
  // and Region export the same name), E_CFN_VALUE.
  Status index_exports();

  // Evaluates a value of template `stack`. Errors: E_CFN_VALUE (a malformed function, a Ref or
  // Fn::GetAtt of nothing, a circular reference).
  Result<Value> eval(std::size_t stack, const Node& node);
  // A condition of the Conditions section. Errors: E_CFN_VALUE.
  Result<Condition> condition(std::size_t stack, const std::string& name, const Location& where);
  // The name of a vault, DB cluster or instance. Errors: E_CFN_VALUE.
  Result<PhysicalName> physical_name(std::size_t stack, const std::string& logical_id);

  const std::vector<Stack>& stacks() const { return stacks_; }

 private:
  struct Export {
    std::size_t stack;
    std::string output;
    Location location;
  };

  Result<Value> eval_map(std::size_t stack, const Node& node);
  Result<Value> function(std::size_t stack, const std::string& name, const Node& arg,
                         const Location& where);
  Result<Value> ref(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> ref_name(std::size_t stack, const std::string& name, const Location& where);
  Result<Value> parameter(const std::string& name, const Node& declaration, const Location& where);
  Result<Value> pseudo(std::size_t stack, const std::string& name, const Location& where);
  Result<Value> resource_ref(std::size_t stack, const std::string& id, const Location& where);
  Result<Value> get_att(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> attribute(std::size_t stack, const std::string& id, const std::string& attribute,
                          const Location& where);
  Result<Value> sub(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> join(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> select(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> split(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> if_(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> find_in_map(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> import_value(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> get_stack_output(std::size_t stack, const Node& arg, const Location& where);
  Result<Value> output_value(std::size_t stack, const std::string& output, const Location& where);
  Result<Value> base64(std::size_t stack, const Node& arg, const Location& where);
  Result<Condition> condition_of(std::size_t stack, const Node& node);
  Result<Condition> equals(std::size_t stack, const Node& arg, const Location& where);
  // A literal string argument (unknown: nullopt and `reason` set).
  Result<std::optional<std::string>> literal_arg(std::size_t stack, const Node& node,
                                                 std::string_view what, std::string& reason);

  // Guards against circular references: `key` names what is being evaluated.
  Status enter(const std::string& key, const std::string& what, const Location& where);
  void leave() { active_.pop_back(); }

  const std::vector<Stack>& stacks_;
  const std::map<std::string, std::string>& parameters_;
  // (account, Region, export name) -> the output that exports it.
  std::map<std::tuple<std::string, std::string, std::string>, Export> exports_;
  std::map<std::pair<std::size_t, std::string>, Condition> conditions_;
  std::map<std::pair<std::size_t, std::string>, PhysicalName> names_;
  std::vector<std::pair<std::string, std::string>> active_;  // (key, description)
};

// For the files of the evaluator: an E_CFN_VALUE error; text made of pieces (adjacent literal
// pieces joined); `pieces` appended to `out`.
Error value_error(std::string message, const Location& where);
Value text_of(std::vector<Piece> pieces, Location where);
void append_text(std::vector<Piece>& out, const std::vector<Piece>& pieces);

// Splits "${...}" placeholders out of an Fn::Sub string: literal text and variable names
// alternate, starting with literal text. Errors: E_CFN_VALUE (an unterminated "${").
Result<std::vector<std::string>> split_sub(const std::string& text, const Location& where);

}  // namespace snapkey::io::cloudformation

#endif  // SNAPKEY_SRC_IO_CLOUDFORMATION_EVAL_HPP
