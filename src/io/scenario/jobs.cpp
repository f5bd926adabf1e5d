// The `jobs:` section of a scenario: copy, native copy and restore jobs.
#include "io/scenario/reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "snapkey/arn.hpp"

namespace snapkey::io::scenario {

Result<Job> Reader::job(const YAML::Node& item, int number) const {
  Job job;
  job.location = at(item.Mark());
  const std::string subject = fmt::format("job #{}", number);
  const std::string expected = fmt::format("a map with one of {}", fmt::join(kJobKinds, ", "));
  if (!item.IsMap()) return type_error(expected, subject, item, job.location);
  SNAPKEY_ASSIGN_OR_RETURN(Fields kinds, fields(item, kJobKinds, fmt::format("in {}", subject)));
  if (kinds.empty()) {
    return error(
        kMissingError,
        fmt::format("{} is empty; expected one of {}", subject, fmt::join(kJobKinds, ", ")),
        job.location);
  }
  if (kinds.size() > 1) {
    return error(kKeyError,
                 fmt::format("{} has both '{}' and '{}'; each job is exactly one of {}", subject,
                             (kinds)[0].name, (kinds)[1].name, fmt::join(kJobKinds, ", ")),
                 at((kinds)[1].key.Mark()));
  }
  const Field& kind = kinds.front();
  std::span<const std::string_view> known;
  std::string_view shape;
  if (kind.name == "copy") {
    job.kind = JobKind::copy;
    known = kCopyFields;
    shape = "a map with from and to";
  } else if (kind.name == "native_copy") {
    job.kind = JobKind::native_copy;
    known = kNativeCopyFields;
    shape = "a map with from, and optionally region, account and key";
  } else {
    job.kind = JobKind::restore;
    known = kRestoreFields;
    shape = "a map with from, and optionally key and account";
  }
  const std::string owner = fmt::format("{} job #{}", kind.name, number);
  if (!kind.value.IsMap()) return type_error(shape, kind);
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields,
                           this->fields(kind.value, known, fmt::format("in {}", owner)));

  const Field* from = find(fields, "from");
  if (!from) return missing(owner, "from", "a recovery point like RESOURCE@VAULT", job.location);
  const Field* to = find(fields, "to");
  if (job.kind == JobKind::copy && !to) {
    return missing(owner, "to", "a vault name or ARN", job.location);
  }

  SNAPKEY_ASSIGN_OR_RETURN(std::string from_text,
                           text(*from, "a recovery point like RESOURCE@VAULT"));
  Result<RecoveryPointRef> ref = parse_recovery_point_ref(from_text);
  if (!ref) return relocated(ref.error(), at(*from));
  job.from = std::move(*ref);
  if (to) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string vault, reference(*to, "a vault name or ARN"));
    job.to = std::move(vault);
  }
  if (const Field* field = find(fields, "region")) {
    Result<std::string> name = text(*field, "a Region name");
    if (!name) return name.error();
    Result<Region> region = parse_region(*name);
    if (!region) return relocated(region.error(), at(*field));
    job.region = region->name;
  }
  if (const Field* field = find(fields, "account")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string id_text, text(*field, "an account id"));
    Result<AccountId> id = parse_account_id(id_text);
    if (!id) return relocated(id.error(), at(*field));
    job.account = id->value;
  }
  if (const Field* field = find(fields, "key")) {
    Result<std::string> key = reference(*field, "a key name, key ARN, key id or alias");
    if (!key) return key.error();
    job.key = std::move(*key);
  }
  return job;
}

Status Reader::jobs(const Field& field, std::vector<Job>& out) const {
  if (field.value.IsNull()) return Ok{};
  if (!field.value.IsSequence()) return type_error("a list of jobs", field);
  int number = 0;
  for (const YAML::Node& item : field.value) {
    SNAPKEY_ASSIGN_OR_RETURN(Job job, this->job(item, ++number));
    out.push_back(std::move(job));
  }
  return Ok{};
}

}  // namespace snapkey::io::scenario
