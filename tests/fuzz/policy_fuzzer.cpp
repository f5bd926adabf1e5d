// Policy YAML (io::read_policy), then check() under the policy read: of the predictions of a fixed
// estate that has a finding of most checks, and of a second prediction set with none.
#include "pipeline.hpp"
#include "snapkey/io/policy.hpp"
#include "snapkey/io/scenario.hpp"

namespace {

// Two accounts, two Regions, a copy on the AWS managed key, a cross-account copy that fails, a
// disabled key, a resource no plan backs up and an unencrypted one (snapkey check finds JOB_FAILS,
// UNENCRYPTED, AWS_MANAGED_COPY_KEY, NOT_PROTECTED and both RESTS_ON_* in it).
constexpr std::string_view kEstate = R"(as_of: 2026-01-15
accounts:
  "111111111111": {organization: o-a1b2c3d4e5}
  "222222222222": {organization: o-a1b2c3d4e5}
keys:
  app:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-2222-3333-4444-555555555555
    aliases: [alias/app]
  old:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/22222222-2222-3333-4444-555555555555
    state: Disabled
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: app
    tags: {backup: daily}
  legacy:
    arn: arn:aws:rds:ap-northeast-1:111111111111:db:legacy
    type: rds-instance
    key: none
  forgotten:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:forgotten
    type: aurora
    key: old
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default
  virginia:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
  b-vault:
    arn: arn:aws:backup:us-east-1:222222222222:backup-vault:b
plans:
  daily:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-plan:daily
    resources: [orders, legacy]
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia, b-vault]
)";

const snapkey::Predictions& estate() {
  static const snapkey::Predictions predictions = [] {
    auto model = snapkey::Model::build(*snapkey::io::read_scenario(kEstate, "estate.yaml"));
    return snapkey::predict(*model, {});
  }();
  return predictions;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto policy = snapkey::io::read_policy(snapkey::fuzz::text_of(data, size), "policy.yaml");
  if (!policy) {
    snapkey::fuzz::require(!policy.error().id.empty(), "a policy error has an id");
    return 0;
  }
  // The reader promises a policy that passes validate().
  snapkey::fuzz::require(snapkey::validate(*policy).ok(), "a policy read passes validate()");
  snapkey::fuzz::check_and_render(estate(), *policy, {}, snapkey::fuzz::Sarif::yes);
  snapkey::fuzz::check_and_render(snapkey::Predictions{}, *policy, {}, snapkey::fuzz::Sarif::no);
  return 0;
}
