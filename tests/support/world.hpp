// A small fluent builder of models for engine tests: every test states only the facts it needs.
#ifndef SNAPKEY_TESTS_WORLD_HPP
#define SNAPKEY_TESTS_WORLD_HPP

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::testing {

inline constexpr const char* kA = "111111111111";
inline constexpr const char* kB = "222222222222";
inline constexpr const char* kTokyo = "ap-northeast-1";
inline constexpr const char* kVirginia = "us-east-1";
inline constexpr const char* kMrkId = "mrk-0123456789abcdef0123456789abcdef";

inline std::string key_arn(const std::string& region, const std::string& account,
                           const std::string& id) {
  return "arn:aws:kms:" + region + ":" + account + ":key/" + id;
}
inline std::string cluster_arn(const std::string& region, const std::string& account,
                               const std::string& name) {
  return "arn:aws:rds:" + region + ":" + account + ":cluster:" + name;
}
inline std::string vault_arn(const std::string& region, const std::string& account,
                             const std::string& name) {
  return "arn:aws:backup:" + region + ":" + account + ":backup-vault:" + name;
}

class World {
 public:
  // A customer managed key; `id` defaults to a UUID made from the name's length.
  Key& key(const std::string& name, const std::string& region, const std::string& account = kA,
           std::string id = "") {
    if (id.empty())
      id = "1234abcd-12ab-34cd-56ef-" +
           std::string(12 - std::to_string(in.keys.size()).size(), '0') +
           std::to_string(in.keys.size());
    Key k;
    k.name = name;
    k.arn = key_arn(region, account, id);
    k.aliases = {"alias/" + name};
    in.keys.push_back(k);
    return in.keys.back();
  }
  Key& mrk(const std::string& name, const std::string& region, MultiRegion role,
           const std::string& account = kA) {
    Key& k = key(name, region, account, kMrkId);
    k.multi_region = role;
    return k;
  }
  Resource& resource(const std::string& name, const std::string& key,
                     ResourceType type = ResourceType::aurora, const std::string& region = kTokyo,
                     const std::string& account = kA) {
    Resource r;
    r.name = name;
    r.arn = type == ResourceType::rds_instance
                ? "arn:aws:rds:" + region + ":" + account + ":db:" + name
                : cluster_arn(region, account, name);
    r.type = type;
    r.key = key;
    in.resources.push_back(r);
    return in.resources.back();
  }
  Vault& vault(const std::string& name, const std::string& region, const std::string& key = "",
               const std::string& account = kA, const std::string& vault_name = "") {
    Vault v;
    v.name = name;
    v.arn = vault_arn(region, account, vault_name.empty() ? name : vault_name);
    v.key = key;
    in.vaults.push_back(v);
    return in.vaults.back();
  }
  Plan& plan(const std::string& name, const std::string& vault, std::vector<std::string> resources,
             std::vector<std::string> copy_to = {}) {
    Plan p;
    p.name = name;
    PlanRule rule;
    rule.name = name + "-rule";
    rule.vault = vault;
    rule.copy_to = std::move(copy_to);
    p.rules.push_back(std::move(rule));
    p.resources = std::move(resources);
    in.plans.push_back(p);
    return in.plans.back();
  }
  Job& job(JobKind kind, const std::string& from) {
    Job j;
    j.kind = kind;
    j.from = *parse_recovery_point_ref(from);
    in.jobs.push_back(j);
    return in.jobs.back();
  }
  Account& account(const std::string& id) {
    Account a;
    a.id = AccountId{id};
    in.accounts.push_back(a);
    return in.accounts.back();
  }

  Result<Model> build() const { return Model::build(in); }

  // Builds and predicts; a model error fails the test.
  Predictions predict(std::optional<Date> as_of = std::nullopt) const {
    auto model = build();
    if (!model) {
      ADD_FAILURE() << model.error().to_string();
      return {};
    }
    return snapkey::predict(*model, Options{as_of});
  }

  ModelInput in;
};

// The prediction with `id`; fails the test when there is none.
inline Prediction rp(const Predictions& predictions, const std::string& id) {
  const Prediction* p = predictions.find(id);
  if (p == nullptr) {
    std::string ids;
    for (const Prediction& q : predictions.recovery_points) ids += " " + q.id;
    ADD_FAILURE() << "no recovery point " << id << "; have:" << ids;
    return {};
  }
  return *p;
}

}  // namespace snapkey::testing

#endif  // SNAPKEY_TESTS_WORLD_HPP
