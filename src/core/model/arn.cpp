#include "snapkey/arn.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <utility>

namespace snapkey {
namespace {

struct RegionInfo {
  std::string_view name;
  std::string_view partition;
  bool opt_in;
};

// Every Region AWS has announced, with its partition and whether accounts must opt in to it.
// Sorted by name. A new Region is added here, and only here.
constexpr std::array kRegions = {
    RegionInfo{"af-south-1", "aws", true},
    RegionInfo{"ap-east-1", "aws", true},
    RegionInfo{"ap-east-2", "aws", true},
    RegionInfo{"ap-northeast-1", "aws", false},
    RegionInfo{"ap-northeast-2", "aws", false},
    RegionInfo{"ap-northeast-3", "aws", false},
    RegionInfo{"ap-south-1", "aws", false},
    RegionInfo{"ap-south-2", "aws", true},
    RegionInfo{"ap-southeast-1", "aws", false},
    RegionInfo{"ap-southeast-2", "aws", false},
    RegionInfo{"ap-southeast-3", "aws", true},
    RegionInfo{"ap-southeast-4", "aws", true},
    RegionInfo{"ap-southeast-5", "aws", true},
    RegionInfo{"ap-southeast-6", "aws", true},
    RegionInfo{"ap-southeast-7", "aws", true},
    RegionInfo{"ca-central-1", "aws", false},
    RegionInfo{"ca-west-1", "aws", true},
    RegionInfo{"cn-north-1", "aws-cn", false},
    RegionInfo{"cn-northwest-1", "aws-cn", false},
    RegionInfo{"eu-central-1", "aws", false},
    RegionInfo{"eu-central-2", "aws", true},
    RegionInfo{"eu-isoe-west-1", "aws-iso-e", false},
    RegionInfo{"eu-north-1", "aws", false},
    RegionInfo{"eu-south-1", "aws", true},
    RegionInfo{"eu-south-2", "aws", true},
    RegionInfo{"eu-west-1", "aws", false},
    RegionInfo{"eu-west-2", "aws", false},
    RegionInfo{"eu-west-3", "aws", false},
    RegionInfo{"eusc-de-east-1", "aws-eusc", false},
    RegionInfo{"il-central-1", "aws", true},
    RegionInfo{"me-central-1", "aws", true},
    RegionInfo{"me-south-1", "aws", true},
    RegionInfo{"mx-central-1", "aws", true},
    RegionInfo{"sa-east-1", "aws", false},
    RegionInfo{"us-east-1", "aws", false},
    RegionInfo{"us-east-2", "aws", false},
    RegionInfo{"us-gov-east-1", "aws-us-gov", false},
    RegionInfo{"us-gov-west-1", "aws-us-gov", false},
    RegionInfo{"us-iso-east-1", "aws-iso", false},
    RegionInfo{"us-iso-west-1", "aws-iso", false},
    RegionInfo{"us-isob-east-1", "aws-iso-b", false},
    RegionInfo{"us-isof-east-1", "aws-iso-f", false},
    RegionInfo{"us-isof-south-1", "aws-iso-f", false},
    RegionInfo{"us-west-1", "aws", false},
    RegionInfo{"us-west-2", "aws", false},
};

const RegionInfo* find_region(std::string_view name) {
  const auto* it =
      std::lower_bound(kRegions.begin(), kRegions.end(), name,
                       [](const RegionInfo& r, std::string_view n) { return r.name < n; });
  return it != kRegions.end() && it->name == name ? &*it : nullptr;
}

bool is_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// Insertions, deletions, substitutions and swaps of two neighbouring letters, each 1 (optimal
// string alignment): "kye" is one from "key", where plain Levenshtein put "type" as near.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

Error arn_error(std::string_view text, std::string_view why) {
  return {
      "E_ARN",
      fmt::format("expected an ARN arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, found '{}' ({})",
                  text, why),
      {}};
}

}  // namespace

Result<AccountId> parse_account_id(std::string_view text) {
  if (text.size() != 12 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Error{
        "E_ACCOUNT_ID", fmt::format("expected a 12-digit account id, found '{}'", text), {}};
  }
  return AccountId{std::string(text)};
}

Result<Region> parse_region(std::string_view text) {
  if (find_region(text) != nullptr) return Region{std::string(text)};
  std::string message = fmt::format("expected an AWS Region such as us-east-1, found '{}'", text);
  if (const std::string hint = closest_match(text, known_regions()); !hint.empty()) {
    message += fmt::format("; did you mean '{}'?", hint);
  }
  return Error{"E_REGION", std::move(message), {}};
}

std::string_view partition_of(const Region& region) {
  const RegionInfo* info = find_region(region.name);
  return info != nullptr ? info->partition : "aws";
}

bool is_opt_in(const Region& region) {
  const RegionInfo* info = find_region(region.name);
  return info != nullptr && info->opt_in;
}

const std::vector<std::string_view>& known_regions() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const RegionInfo& r : kRegions) out.push_back(r.name);
    return out;
  }();
  return names;
}

std::string Arn::to_string() const {
  return fmt::format("arn:{}:{}:{}:{}:{}", partition, service, region, account, resource);
}

Result<Arn> parse_arn(std::string_view text) {
  std::array<std::string_view, 5> parts;
  std::string_view rest = text;
  for (std::string_view& part : parts) {
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos) return arn_error(text, "too few ':'-separated fields");
    part = rest.substr(0, colon);
    rest.remove_prefix(colon + 1);
  }
  if (parts[0] != "arn") return arn_error(text, "it does not start with 'arn:'");
  if (parts[1].empty() || parts[2].empty() || rest.empty()) {
    return arn_error(text, "the partition, service and resource must not be empty");
  }
  Arn arn{std::string(parts[1]), std::string(parts[2]), std::string(parts[3]),
          std::string(parts[4]), std::string(rest)};
  if (!arn.region.empty()) {
    auto region = parse_region(arn.region);
    if (!region) return region.error();
    if (partition_of(*region) != arn.partition) {
      return Error{"E_ARN_PARTITION",
                   fmt::format("ARN '{}' names partition '{}', but Region {} is in partition '{}'",
                               text, arn.partition, arn.region, partition_of(*region)),
                   {}};
    }
  }
  if (!arn.account.empty()) {
    SNAPKEY_RETURN_IF_ERROR(parse_account_id(arn.account));
  }
  return arn;
}

bool is_multi_region_key_id(std::string_view text) {
  return text.size() == 36 && text.starts_with("mrk-") && is_hex(text.substr(4));
}

namespace {

// What one kind of ARN is: its service and the prefixes of its resource part.
struct ArnKind {
  std::string_view what;  // "a KMS key", for messages
  std::string_view service;
  std::initializer_list<std::string_view> prefixes;
};

Result<ResourceArn> parse_resource_arn(std::string_view text, const ArnKind& kind) {
  SNAPKEY_ASSIGN_OR_RETURN(Arn arn, parse_arn(text));
  const bool kind_ok =
      arn.service == kind.service && !arn.region.empty() && !arn.account.empty() &&
      std::any_of(kind.prefixes.begin(), kind.prefixes.end(), [&](std::string_view prefix) {
        return arn.resource.starts_with(prefix) && arn.resource.size() > prefix.size();
      });
  if (!kind_ok) {
    return Error{"E_ARN_KIND",
                 fmt::format("expected the ARN of {} (arn:aws:{}:REGION:ACCOUNT:{}...), found '{}'",
                             kind.what, kind.service, *kind.prefixes.begin(), text),
                 {}};
  }
  Region region{arn.region};
  AccountId account{arn.account};
  return ResourceArn{std::move(arn), std::move(region), std::move(account)};
}

template <typename T>
Result<T> parse_typed(std::string_view text, const ArnKind& kind) {
  SNAPKEY_ASSIGN_OR_RETURN(ResourceArn arn, parse_resource_arn(text, kind));
  return T{std::move(arn)};
}

}  // namespace

Result<KeyArn> parse_key_arn(std::string_view text) {
  return parse_typed<KeyArn>(text, {"a KMS key", "kms", {"key/"}});
}

Result<DatabaseArn> parse_database_arn(std::string_view text) {
  return parse_typed<DatabaseArn>(text,
                                  {"an RDS DB cluster or instance", "rds", {"cluster:", "db:"}});
}

Result<VaultArn> parse_vault_arn(std::string_view text) {
  return parse_typed<VaultArn>(text, {"a backup vault", "backup", {"backup-vault:"}});
}

Result<PlanArn> parse_plan_arn(std::string_view text) {
  return parse_typed<PlanArn>(text, {"a backup plan", "backup", {"backup-plan:"}});
}

bool is_organization_id(std::string_view text) {
  if (!text.starts_with("o-") || text.size() == 2) return false;
  return std::all_of(text.begin() + 2, text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

bool is_kms_key_arn(const Arn& arn) {
  return arn.service == "kms" && arn.resource.starts_with("key/") && arn.resource.size() > 4;
}

bool is_kms_alias_arn(const Arn& arn) {
  return arn.service == "kms" && arn.resource.starts_with("alias/") && arn.resource.size() > 6;
}

bool is_key_id(std::string_view text) {
  if (is_multi_region_key_id(text)) return true;
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return std::string(best);
}

}  // namespace snapkey
