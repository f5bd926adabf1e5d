// Identity value types: AWS account ids, Regions (with their partition and opt-in status), ARNs
// and KMS key ids. Each is parsed by a function that returns a Result with a precise error, and
// compares with <=>, so everything built from them sorts deterministically.
//
//   auto arn = snapkey::parse_arn("arn:aws:kms:us-east-1:111111111111:key/mrk-...");
//   if (arn) fmt::print("{} in {}\n", arn->resource, arn->region);
#ifndef SNAPKEY_ARN_HPP
#define SNAPKEY_ARN_HPP

#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey {

// A 12-digit AWS account id.
struct AccountId {
  std::string value;
  friend auto operator<=>(const AccountId&, const AccountId&) = default;
};
// Errors: E_ACCOUNT_ID.
Result<AccountId> parse_account_id(std::string_view text);

// A Region AWS has announced, e.g. "ap-northeast-1". Unknown names are rejected (with a
// suggestion), so a typo never turns into a silently different prediction.
struct Region {
  std::string name;
  friend auto operator<=>(const Region&, const Region&) = default;
};
// Errors: E_REGION.
Result<Region> parse_region(std::string_view text);
// "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f" or "aws-eusc".
std::string_view partition_of(const Region& region);
// Regions that an account must enable before use (af-south-1, ap-east-1, ...).
bool is_opt_in(const Region& region);
// Every known Region, sorted by name.
const std::vector<std::string_view>& known_regions();

// An AWS Organizations id: "o-" and lower-case letters or digits (o-a1b2c3d4e5).
bool is_organization_id(std::string_view text);

// arn:<partition>:<service>:<region>:<account>:<resource>. Region and account may be empty
// (global services); `resource` keeps everything after the fifth colon.
struct Arn {
  std::string partition;
  std::string service;
  std::string region;
  std::string account;
  std::string resource;

  std::string to_string() const;
  friend auto operator<=>(const Arn&, const Arn&) = default;
};
// Errors: E_ARN (malformed), E_REGION, E_ACCOUNT_ID, E_ARN_PARTITION (partition and Region
// disagree).
Result<Arn> parse_arn(std::string_view text);

// arn:...:kms:REGION:ACCOUNT:key/KEY-ID, with a key id after "key/" (not checked as a UUID: an
// ARN from an input is taken as KMS would print it).
bool is_kms_key_arn(const Arn& arn);
// arn:...:kms:REGION:ACCOUNT:alias/NAME.
bool is_kms_alias_arn(const Arn& arn);

// An ARN of a kind of resource snapkey knows, checked for its service and resource type, with its
// place as value types. One type per kind, so that a vault's ARN cannot stand where a key's is
// expected.
struct ResourceArn {
  Arn arn;
  Region region;
  AccountId account;
};
struct KeyArn : ResourceArn {};       // arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
struct DatabaseArn : ResourceArn {};  // arn:aws:rds:REGION:ACCOUNT:cluster:NAME or db:NAME
struct VaultArn : ResourceArn {};     // arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME
struct PlanArn : ResourceArn {};      // arn:aws:backup:REGION:ACCOUNT:backup-plan:ID

// Errors: those of parse_arn, and E_ARN_KIND for a well-formed ARN of another kind ("expected the
// ARN of a KMS key (arn:aws:kms:REGION:ACCOUNT:key/...), found '...'"). No location: the caller
// places the error at the value it read.
Result<KeyArn> parse_key_arn(std::string_view text);
Result<DatabaseArn> parse_database_arn(std::string_view text);
Result<VaultArn> parse_vault_arn(std::string_view text);
Result<PlanArn> parse_plan_arn(std::string_view text);

// A KMS key id: a UUID (single-Region key) or "mrk-" and 32 hex digits (multi-Region key).
bool is_key_id(std::string_view text);
bool is_multi_region_key_id(std::string_view text);

// The closest candidate by edit distance, or "" if none is close enough to suggest.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace snapkey

#endif  // SNAPKEY_ARN_HPP
