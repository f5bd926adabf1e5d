// Evaluating template values (io/cloudformation/eval.hpp): values, the dispatch of intrinsic
// functions, Ref (parameters, pseudo parameters, resources) and Fn::GetAtt. The other functions
// are in io/cloudformation/functions.cpp, io/cloudformation/conditions.cpp and
// io/cloudformation/exports.cpp.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
#include "io/cloudformation/eval.hpp"
#include "common/strings.hpp"
#include "io/detail/depth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace snapkey::io::cloudformation {
namespace {

// Resources whose name is given by a property, and from which CloudFormation builds their ARN:
// Ref and Fn::GetAtt of these are known before the stack exists.
struct NamedType {
  std::string_view type;
  std::string_view name_property;
  bool lowercase;  // RDS keeps identifiers in lower case
  std::string_view service;
  std::string_view arn_prefix;
  std::string_view arn_attribute;
  std::string_view name_attribute;
};

constexpr std::array<NamedType, 7> kNamedTypes = {{
    {"AWS::RDS::DBCluster", "DBClusterIdentifier", true, "rds", "cluster:", "DBClusterArn", ""},
    {"AWS::RDS::DBInstance", "DBInstanceIdentifier", true, "rds", "db:", "DBInstanceArn", ""},
    {"AWS::DocDB::DBCluster", "DBClusterIdentifier", true, "rds", "cluster:", "", ""},
    {"AWS::Neptune::DBCluster", "DBClusterIdentifier", true, "rds", "cluster:", "", ""},
    {"AWS::Backup::BackupVault", "BackupVaultName", false, "backup",
     "backup-vault:", "BackupVaultArn", "BackupVaultName"},
    {"AWS::Backup::LogicallyAirGappedBackupVault", "BackupVaultName", false, "backup",
     "backup-vault:", "BackupVaultArn", "BackupVaultName"},
    {"AWS::KMS::Alias", "AliasName", false, "", "", "", ""},
}};

const NamedType* named_type(std::string_view type) {
  for (const NamedType& named : kNamedTypes) {
    if (named.type == type) return &named;
  }
  return nullptr;
}

bool is_list_parameter(std::string_view type) {
  return type == "CommaDelimitedList" || type.starts_with("List<") ||
         type.starts_with("AWS::SSM::Parameter::Value<List<") ||
         type.starts_with("AWS::SSM::Parameter::Value<CommaDelimitedList");
}

Value list_of(const std::string& text, const Location& where) {
  Value list;
  list.kind = Value::Kind::list;
  list.location = where;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    list.items.push_back(Value::literal(text.substr(start, comma - start), where));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return list;
}

}  // namespace

Error value_error(std::string message, const Location& where) {
  return Error{"E_CFN_VALUE", std::move(message), where};
}

// Appends `value`'s text to `out`, joining adjacent literal pieces.
void append_text(std::vector<Piece>& out, const std::vector<Piece>& pieces) {
  for (const Piece& piece : pieces) {
    if (!piece.symbol && !out.empty() && !out.back().symbol) {
      out.back().text += piece.text;
    } else if (piece.symbol || !piece.text.empty()) {
      out.push_back(piece);
    }
  }
}

Value text_of(std::vector<Piece> pieces, Location where) {
  Value value;
  value.kind = Value::Kind::text;
  value.location = std::move(where);
  append_text(value.pieces, pieces);
  return value;
}

// --- Value ------------------------------------------------------------------------------------

Value Value::literal(std::string text, Location where) {
  return text_of({Piece{std::move(text), std::nullopt}}, std::move(where));
}

Value Value::unknown(std::string reason, Location where) {
  Value value;
  value.kind = Kind::unknown;
  value.reason = std::move(reason);
  value.location = std::move(where);
  return value;
}

Value Value::of_symbol(Symbol symbol, Location where) {
  return text_of({Piece{"", std::move(symbol)}}, std::move(where));
}

bool Value::is_literal() const {
  return is_text() && std::none_of(pieces.begin(), pieces.end(),
                                   [](const Piece& piece) { return piece.symbol.has_value(); });
}

std::string Value::text() const {
  std::string out;
  for (const Piece& piece : pieces) {
    if (!piece.symbol) {
      out += piece.text;
    } else if (piece.symbol->attribute.empty()) {
      out += fmt::format("${{{}}}", piece.symbol->logical_id);
    } else {
      out += fmt::format("${{{}.{}}}", piece.symbol->logical_id, piece.symbol->attribute);
    }
  }
  return out;
}

std::vector<Symbol> Value::symbols() const {
  std::vector<Symbol> out;
  for (const Piece& piece : pieces) {
    if (piece.symbol) out.push_back(*piece.symbol);
  }
  return out;
}

const Value* Value::find(std::string_view key) const {
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

std::string_view Value::kind_name() const {
  switch (kind) {
    case Kind::text:
      return "a string";
    case Kind::list:
      return "a list";
    case Kind::map:
      return "a map";
    case Kind::unknown:
      return "an unknown value";
    case Kind::absent:
      break;
  }
  return "nothing";
}

// --- Stack ------------------------------------------------------------------------------------

const Node* Stack::resource(std::string_view logical_id) const {
  const Node* resources = section("Resources");
  return resources == nullptr ? nullptr : resources->find(logical_id);
}

std::string Stack::type_of(std::string_view logical_id) const {
  const Node* node = resource(logical_id);
  const Node* type = node == nullptr ? nullptr : node->find("Type");
  return type != nullptr && type->is_scalar() ? type->text : std::string();
}

// --- Evaluator --------------------------------------------------------------------------------

Evaluator::Evaluator(const std::vector<Stack>& stacks,
                     const std::map<std::string, std::string>& parameters)
    : stacks_(stacks), parameters_(parameters) {}

Status Evaluator::enter(const std::string& key, const std::string& what, const Location& where) {
  const auto seen = std::find_if(active_.begin(), active_.end(),
                                 [&](const auto& entry) { return entry.first == key; });
  if (seen != active_.end()) {
    std::string chain;
    for (auto it = seen; it != active_.end(); ++it) chain += it->second + " needs ";
    return value_error(fmt::format("circular reference: {}{}", chain, what), where);
  }
  // A chain of references (a condition of a condition of ...) is followed recursively.
  if (active_.size() >= detail::kMaxDepth) {
    return detail::too_deep(fmt::format("the references that {} needs", active_.front().second),
                            where);
  }
  active_.emplace_back(key, what);
  return Ok{};
}

Result<Value> Evaluator::eval(std::size_t stack, const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      return Value{};
    case Node::Kind::scalar:
      if (node.text.find("{{resolve:") != std::string::npos) {
        return Value::unknown(
            fmt::format("'{}' is a dynamic reference, resolved only when the stack is deployed",
                        node.text),
            node.location);
      }
      return Value::literal(node.text, node.location);
    case Node::Kind::list: {
      Value list;
      list.kind = Value::Kind::list;
      list.location = node.location;
      for (const Node& item : node.items) {
        auto value = eval(stack, item);
        if (!value) return value;
        if (!value->is_absent()) list.items.push_back(std::move(value).value());
      }
      return list;
    }
    case Node::Kind::map:
      break;
  }
  return eval_map(stack, node);
}

Result<Value> Evaluator::eval_map(std::size_t stack, const Node& node) {
  if (node.members.size() == 1) {
    const Member& only = node.members.front();
    if (only.key == "Ref" || only.key.starts_with("Fn::")) {
      return function(stack, only.key, only.value, node.location);
    }
  }
  Value map;
  map.kind = Value::Kind::map;
  map.location = node.location;
  for (const Member& member : node.members) {
    auto value = eval(stack, member.value);
    if (!value) return value;
    if (!value->is_absent()) map.members.push_back(Field{member.key, std::move(value).value()});
  }
  return map;
}

Result<Value> Evaluator::function(std::size_t stack, const std::string& name, const Node& arg,
                                  const Location& where) {
  if (name == "Ref") return ref(stack, arg, where);
  if (name == "Fn::GetAtt") return get_att(stack, arg, where);
  if (name == "Fn::Sub") return sub(stack, arg, where);
  if (name == "Fn::Join") return join(stack, arg, where);
  if (name == "Fn::Select") return select(stack, arg, where);
  if (name == "Fn::Split") return split(stack, arg, where);
  if (name == "Fn::If") return if_(stack, arg, where);
  if (name == "Fn::FindInMap") return find_in_map(stack, arg, where);
  if (name == "Fn::ImportValue") return import_value(stack, arg, where);
  if (name == "Fn::GetStackOutput") return get_stack_output(stack, arg, where);
  if (name == "Fn::Base64") return base64(stack, arg, where);
  if (name == "Fn::GetAZs") {
    return Value::unknown("Fn::GetAZs lists Availability Zones, which are not known offline",
                          where);
  }
  if (name == "Fn::Equals" || name == "Fn::Not" || name == "Fn::And" || name == "Fn::Or") {
    Node call;
    call.kind = Node::Kind::map;
    call.location = where;
    call.members.push_back({name, where, arg});
    auto truth = condition_of(stack, call);
    if (!truth) return truth.error();
    if (truth->truth == Truth::unknown) return Value::unknown(truth->reason, where);
    return Value::literal(truth->truth == Truth::yes ? "true" : "false", where);
  }
  return Value::unknown(fmt::format("{} is not a function snapkey evaluates", name), where);
}

// --- Ref, parameters and pseudo parameters ----------------------------------------------------

Result<Value> Evaluator::ref(std::size_t stack, const Node& arg, const Location& where) {
  if (!arg.is_scalar() || arg.text.empty()) {
    return value_error(
        fmt::format("Ref expects the name of a parameter or a resource, found {}", arg.kind_name()),
        where);
  }
  return ref_name(stack, arg.text, where);
}

Result<Value> Evaluator::ref_name(std::size_t stack, const std::string& name,
                                  const Location& where) {
  if (name.starts_with("AWS::")) return pseudo(stack, name, where);
  const Stack& s = stacks_[stack];
  if (const Node* parameters = s.section("Parameters")) {
    if (const Node* declaration = parameters->find(name)) {
      return parameter(name, *declaration, where);
    }
  }
  if (s.resource(name) != nullptr) return resource_ref(stack, name, where);
  return value_error(
      fmt::format("Ref names '{}', which is neither a parameter nor a resource of {}", name,
                  s.file),
      where);
}

Result<Value> Evaluator::parameter(const std::string& name, const Node& declaration,
                                   const Location& where) {
  const Node* type_node = declaration.find("Type");
  const std::string type = type_node != nullptr && type_node->is_scalar() ? type_node->text : "";
  std::optional<std::string> text;
  if (const auto given = parameters_.find(name); given != parameters_.end()) {
    text = given->second;
  } else if (const Node* fallback = declaration.find("Default");
             fallback != nullptr && fallback->is_scalar()) {
    if (type.starts_with("AWS::SSM::Parameter::Value<")) {
      return Value::unknown(
          fmt::format("parameter {} is read from the SSM parameter '{}' when the stack is "
                      "deployed (give --parameter {}=VALUE)",
                      name, fallback->text, name),
          where);
    }
    text = fallback->text;
  }
  if (!text) {
    return Value::unknown(
        fmt::format("parameter {} has no value (give --parameter {}=VALUE, or a Default)", name,
                    name),
        where);
  }
  if (is_list_parameter(type)) return list_of(*text, where);
  return Value::literal(*text, where);
}

Result<Value> Evaluator::pseudo(std::size_t stack, const std::string& name, const Location& where) {
  const Stack& s = stacks_[stack];
  const std::string_view partition = partition_of(s.region);
  if (name == "AWS::Region") return Value::literal(s.region.name, where);
  if (name == "AWS::AccountId") return Value::literal(s.account.value, where);
  if (name == "AWS::Partition") return Value::literal(std::string(partition), where);
  if (name == "AWS::StackName") return Value::literal(s.name, where);
  if (name == "AWS::NoValue") return Value{};
  if (name == "AWS::URLSuffix") {
    return Value::literal(partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com", where);
  }
  if (name == "AWS::StackId" || name == "AWS::NotificationARNs") {
    return Value::unknown(fmt::format("{} is known only when the stack is deployed", name), where);
  }
  return value_error(fmt::format("Ref names '{}', which is not a pseudo parameter (AWS::Region, "
                                 "AWS::AccountId, AWS::Partition, AWS::StackName, "
                                 "AWS::URLSuffix, AWS::NoValue...)",
                                 name),
                     where);
}

Result<PhysicalName> Evaluator::physical_name(std::size_t stack, const std::string& logical_id) {
  const auto memo = names_.find({stack, logical_id});
  if (memo != names_.end()) return memo->second;
  const Stack& s = stacks_[stack];
  const NamedType* named = named_type(s.type_of(logical_id));
  PhysicalName out;
  out.generated = true;
  out.name = logical_id;
  if (named == nullptr) return out;
  const Node* properties = s.resource(logical_id)->find("Properties");
  const Node* property = properties == nullptr ? nullptr : properties->find(named->name_property);
  if (property == nullptr) {
    out.reason = fmt::format("{} gives no {}", logical_id, named->name_property);
  } else {
    const std::string what = fmt::format("{} of {}", named->name_property, logical_id);
    if (Status s2 = enter(fmt::format("name {} {}", stack, logical_id), what, property->location);
        !s2) {
      return s2.error();
    }
    auto value = eval(stack, *property);
    leave();
    if (!value) return value.error();
    if (value->is_literal() && !value->text().empty()) {
      out.name = named->lowercase ? snapkey::detail::ascii_lower(value->text()) : value->text();
      out.generated = false;
    } else if (value->is_unknown()) {
      out.reason = fmt::format("its {} is not known: {}", named->name_property, value->reason);
    } else {
      out.reason = fmt::format("its {} is not a string known before the stack is deployed",
                               named->name_property);
    }
  }
  names_.emplace(std::make_pair(stack, logical_id), out);
  return out;
}

Result<Value> Evaluator::resource_ref(std::size_t stack, const std::string& id,
                                      const Location& where) {
  const std::string type = stacks_[stack].type_of(id);
  if (named_type(type) == nullptr) return Value::of_symbol(Symbol{stack, id, ""}, where);
  auto name = physical_name(stack, id);
  if (!name) return name.error();
  if (type == "AWS::KMS::Alias" && name->generated) {
    return Value::unknown(fmt::format("the name of alias {} is not known: {}", id, name->reason),
                          where);
  }
  // A name CloudFormation generates is known only once the stack is deployed: a reference to
  // the resource, never a made-up name that could match a real one.
  if (name->generated) return Value::of_symbol(Symbol{stack, id, ""}, where);
  return Value::literal(name->name, where);
}

// --- Fn::GetAtt --------------------------------------------------------------------------------

Result<Value> Evaluator::get_att(std::size_t stack, const Node& arg, const Location& where) {
  const bool shaped = arg.is_list() && arg.items.size() == 2 && arg.items[0].is_scalar();
  if (!shaped) {
    return value_error(
        fmt::format("Fn::GetAtt expects [resource, attribute] or \"resource.attribute\", found {}",
                    arg.kind_name()),
        where);
  }
  std::string reason;
  SNAPKEY_ASSIGN_OR_RETURN(auto attribute_name,
                           literal_arg(stack, arg.items[1], "the attribute of Fn::GetAtt", reason));
  if (!attribute_name) return Value::unknown(reason, where);
  return attribute(stack, arg.items[0].text, *attribute_name, where);
}

Result<Value> Evaluator::attribute(std::size_t stack, const std::string& id,
                                   const std::string& attribute, const Location& where) {
  const Stack& s = stacks_[stack];
  if (s.resource(id) == nullptr) {
    return value_error(
        fmt::format("Fn::GetAtt names resource '{}', which {} does not define", id, s.file), where);
  }
  const NamedType* named = named_type(s.type_of(id));
  if (named == nullptr ||
      (attribute != named->arn_attribute && attribute != named->name_attribute)) {
    return Value::of_symbol(Symbol{stack, id, attribute}, where);
  }
  auto name = physical_name(stack, id);
  if (!name) return name.error();
  if (name->generated) return Value::of_symbol(Symbol{stack, id, attribute}, where);
  if (attribute == named->name_attribute) return Value::literal(name->name, where);
  return Value::literal(fmt::format("arn:{}:{}:{}:{}:{}{}", partition_of(s.region), named->service,
                                    s.region.name, s.account.value, named->arn_prefix, name->name),
                        where);
}

Result<std::optional<std::string>> Evaluator::literal_arg(std::size_t stack, const Node& node,
                                                          std::string_view what,
                                                          std::string& reason) {
  SNAPKEY_ASSIGN_OR_RETURN(auto value, eval(stack, node));
  if (value.is_unknown()) {
    reason = value.reason;
    return std::optional<std::string>();
  }
  if (!value.is_text()) {
    return value_error(fmt::format("expected a string for {}, found {}", what, value.kind_name()),
                       node.location);
  }
  if (!value.is_literal()) {
    reason = fmt::format("{} is '{}', known only when the stack is deployed", what, value.text());
    return std::optional<std::string>();
  }
  return std::optional<std::string>(value.text());
}

}  // namespace snapkey::io::cloudformation
