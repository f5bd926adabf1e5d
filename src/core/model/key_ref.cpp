#include "snapkey/key_ref.hpp"

#include <fmt/format.h>

#include <utility>

namespace snapkey {

std::string KeyRef::scoped() const {
  return fmt::format("{}|{}|{}", account.value, region.name, id);
}

KeyRef parse_key_ref(std::string_view ref, const AccountId& account, const Region& region) {
  KeyRef out{KeyRefKind::other, std::string(ref), account, region};
  if (ref.starts_with("arn:")) {
    Result<Arn> arn = parse_arn(ref);
    if (!arn || arn->service != "kms") return out;
    if (arn->resource.starts_with("key/")) {
      out.kind = KeyRefKind::key_arn;
    } else if (arn->resource.starts_with("alias/")) {
      // arn:...:kms:REGION:ACCOUNT:alias/NAME names the alias in the ARN's place.
      out.kind = KeyRefKind::alias;
      out.id = arn->resource;
      out.account = AccountId{arn->account};
      out.region = Region{arn->region};
    }
  } else if (ref.starts_with("alias/")) {
    out.kind = KeyRefKind::alias;
  } else if (is_key_id(ref)) {
    out.kind = KeyRefKind::key_id;
  }
  return out;
}

std::optional<std::size_t> KeyResolver::add_alias(const AccountId& account, const Region& region,
                                                  std::string_view alias, std::size_t key) {
  const KeyRef ref{KeyRefKind::alias, std::string(alias), account, region};
  const auto [it, inserted] = aliases_.emplace(ref.scoped(), key);
  if (inserted) return std::nullopt;
  return it->second;
}

void KeyResolver::add_key_id(const AccountId& account, const Region& region,
                             std::string_view key_id, std::size_t key) {
  key_ids_.emplace(KeyRef{KeyRefKind::key_id, std::string(key_id), account, region}.scoped(), key);
}

std::optional<std::size_t> KeyResolver::at(const std::map<std::string, std::size_t>& map,
                                           const std::string& scoped) {
  const auto it = map.find(scoped);
  return it == map.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace snapkey
