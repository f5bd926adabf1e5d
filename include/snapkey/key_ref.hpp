// What a key reference means, in one place: the model (Model::build, Model::find_key) and the
// combining of inputs (io::combine) resolve references with the same KeyResolver.
//
//   KeyRef ref = parse_key_ref("alias/app", AccountId{"111111111111"}, Region{"us-east-1"});
//   // ref.kind == KeyRefKind::alias, ref.scoped() == "111111111111|us-east-1|alias/app"
#ifndef SNAPKEY_KEY_REF_HPP
#define SNAPKEY_KEY_REF_HPP

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "snapkey/arn.hpp"

namespace snapkey {

enum class KeyRefKind {
  key_arn,  // arn:...:kms:REGION:ACCOUNT:key/KEY-ID
  alias,    // alias/NAME, or its ARN arn:...:kms:REGION:ACCOUNT:alias/NAME
  key_id,   // a key id (UUID or mrk-...), in the place it is read in
  other,    // anything else: a name the input gave a key, or no key reference KMS would accept
};

// A key reference as KMS reads it. An alias or a key id means something only in an account and a
// Region: the ARN's for an alias ARN, else the place the reference is read in.
struct KeyRef {
  KeyRefKind kind = KeyRefKind::other;
  std::string id;  // the key ARN, the alias name, the key id, or the reference as written
  AccountId account;
  Region region;

  // "ACCOUNT|REGION|ID": how an alias or a key id is told apart from the same one elsewhere.
  std::string scoped() const;
};

// `ref` read in `account` and `region`. A malformed ARN or one of another service is `other`.
KeyRef parse_key_ref(std::string_view ref, const AccountId& account, const Region& region);

// Finds the key a reference names among keys numbered 0, 1, ... (a model's keys, or io::combine's
// groups of descriptions of one key). The resolver indexes aliases and key ids in their place;
// the caller looks names and key ARNs up, since it knows how it names its keys.
class KeyResolver {
 public:
  // Records that key `key` has `alias` in `account` and `region`. Returns the key that already
  // has it there, if any (and records nothing then).
  std::optional<std::size_t> add_alias(const AccountId& account, const Region& region,
                                       std::string_view alias, std::size_t key);
  void add_key_id(const AccountId& account, const Region& region, std::string_view key_id,
                  std::size_t key);

  // A name the caller knows comes first (a key may be named anything), then what the reference
  // says it is. `by_name` and `by_key_arn` take a std::string and return optional<size_t>.
  template <typename ByName, typename ByKeyArn>
  std::optional<std::size_t> find(std::string_view ref, const AccountId& account,
                                  const Region& region, const ByName& by_name,
                                  const ByKeyArn& by_key_arn) const {
    if (std::optional<std::size_t> named = by_name(std::string(ref))) return named;
    const KeyRef key = parse_key_ref(ref, account, region);
    switch (key.kind) {
      case KeyRefKind::key_arn:
        return by_key_arn(key.id);
      case KeyRefKind::alias:
        return at(aliases_, key.scoped());
      case KeyRefKind::key_id:
        return at(key_ids_, key.scoped());
      case KeyRefKind::other:
        break;
    }
    return std::nullopt;
  }

 private:
  static std::optional<std::size_t> at(const std::map<std::string, std::size_t>& map,
                                       const std::string& scoped);

  std::map<std::string, std::size_t> aliases_;  // by KeyRef::scoped()
  std::map<std::string, std::size_t> key_ids_;
};

}  // namespace snapkey

#endif  // SNAPKEY_KEY_REF_HPP
