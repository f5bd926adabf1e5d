// Private to snapkey::io: merging two descriptions of the same thing (io::combine). Facts that
// both descriptions know must be equal; a fact one of them leaves unknown is taken from the
// other; lists of grants (aliases, shared_with, allows_copy_from) and of selected resources
// unite. Anything else is an E_CONFLICT that names both places and the field.
#ifndef SNAPKEY_SRC_IO_INPUTS_MERGE_HPP
#define SNAPKEY_SRC_IO_INPUTS_MERGE_HPP

#include <functional>
#include <string>

#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// What references mean, across every input: the same canonical text for two references that
// name the same key, vault or resource ("key#3", "vault#1"...), so that a key's name, its ARN
// and its alias compare equal. A reference that names nothing known stays as it is written.
struct References {
  std::function<std::string(const std::string& ref, const AccountId&, const Region&)> key;
  std::function<std::string(const std::string& ref)> vault;
  std::function<std::string(const std::string& ref)> resource;
  // A hint for a conflict between two canonical key references ("" for none): a key known only
  // by its ARN may well be the AWS managed key the other input names by its alias.
  std::function<std::string(const std::string& a, const std::string& b)> key_hint;
};

// Each merges `from` (described later) into `into` (described first). `into` keeps its name,
// location and address (an address it lacks is taken from `from`).
Status merge(Key& into, const Key& from, const References& refs);
Status merge(Resource& into, const Resource& from, const References& refs);
Status merge(Vault& into, const Vault& from, const References& refs);
Status merge(Plan& into, const Plan& from, const References& refs);
Status merge(Account& into, const Account& from);

// How messages name a place: its Location::to_string(), or "an input with no file name".
std::string place_text(const Location& location);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_INPUTS_MERGE_HPP
