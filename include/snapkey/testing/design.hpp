// The loader of snapkey::testing: a design's inputs and policy read, predicted and checked once,
// and questions about its recovery points (Design::backup, copy, native_copy) whose answers the
// matchers of snapkey/testing/matchers.hpp test. Header-only, like the matchers (docs/testing.md).
#ifndef SNAPKEY_TESTING_DESIGN_HPP
#define SNAPKEY_TESTING_DESIGN_HPP

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "snapkey/arn.hpp"
#include "snapkey/check.hpp"
#include "snapkey/io/inputs.hpp"
#include "snapkey/io/policy.hpp"
#include "snapkey/model.hpp"
#include "snapkey/policy.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/result.hpp"
#include "snapkey/rules.hpp"

// Everything here is spelled ::testing:: when it means GoogleTest: inside snapkey::testing a bare
// `testing::` would name this namespace.
namespace snapkey::testing {

// What Design::load does besides reading: the date whose AWS behaviour to predict, the date
// suppressions expire against, and the options of the CloudFormation reader.
struct LoadOptions {
  std::optional<Date> as_of;  // nullopt: the inputs' as_of, else the newest rule (Options)
  std::optional<Date> today;  // nullopt: suppressions never expire (CheckOptions)
  io::InputOptions inputs;    // CloudFormation stacks, Region, account and parameters
};

// What Design::find, backup, copy and native_copy found: exactly one recovery point, or nothing
// and why (none, or several that the question does not tell apart) with what the design has
// instead. Every matcher below takes a Lookup as it takes a Prediction, and explains a miss, so
// `EXPECT_THAT(design.copy("aurora", "us-east-1"), EncryptedWith(...))` never crashes on a
// missing copy. It points into its Design: keep the Design alive while you use it.
class Lookup {
 public:
  Lookup(const Prediction* prediction, std::string query, std::string missing)
      : prediction_(prediction), query_(std::move(query)), missing_(std::move(missing)) {}

  explicit operator bool() const { return prediction_ != nullptr; }
  const Prediction* get() const { return prediction_; }
  // Preconditions: *this is true.
  const Prediction& operator*() const { return *prediction_; }
  const Prediction* operator->() const { return prediction_; }

  // The question: "copy of aurora into us-east-1".
  const std::string& query() const { return query_; }
  // "" when found; else why not, and the recovery points the design has instead.
  const std::string& missing() const { return missing_; }

 private:
  const Prediction* prediction_ = nullptr;
  std::string query_;
  std::string missing_;
};

// A backup design under test: its predictions and the findings the checks raise on them under a
// policy. A value: copy it into fixtures freely.
class Design {
 public:
  Design() = default;

  // Reads the inputs (files or directories, any mix of formats, as `snapkey check` does), builds
  // the model, predicts and checks under `policy`. Errors: those of validate(policy),
  // io::read_inputs and Model::build, each with its file and place.
  static Result<Design> load(const std::vector<std::string>& paths, const Policy& policy = {},
                             const LoadOptions& options = {});
  // The same, with the policy read from a YAML policy file (io::read_policy_file):
  // Design::load({"design.yaml"}, "backup-policy.yaml"). A template only so that
  // Design::load(paths, {}, options) still means the default policy.
  template <typename Path>
  requires std::is_convertible_v<const Path&, std::string>
  static Result<Design> load(const std::vector<std::string>& paths, const Path& policy_file,
                             const LoadOptions& options = {}) {
    const Result<Policy> policy = io::read_policy_file(std::string(policy_file));
    if (!policy) return policy.error();
    return load(paths, *policy, options);
  }
  // For designs built in C++ (ModelInput -> Model::build -> predict). Checks `predictions` under
  // `policy`; call validate(policy) first if the policy may be wrong.
  static Design from(Predictions predictions, Policy policy = {}, const CheckOptions& options = {});

  const Predictions& predictions() const { return predictions_; }
  const Findings& findings() const { return findings_; }
  const Policy& policy() const { return policy_; }

  // The recovery point with this id ("aurora@virginia-default").
  Lookup find(std::string_view id) const;
  // The backup of `resource` (its name or ARN) [into `vault`, its name or ARN].
  Lookup backup(std::string_view resource, std::string_view vault = "") const;
  // The AWS Backup copy of `resource` into `region` [and `account`]: copies made by plan copy
  // actions and copy jobs, chained copies included; native RDS copies are native_copy's.
  Lookup copy(std::string_view resource, std::string_view region,
              std::string_view account = "") const;
  // The native RDS copy (CopyDBClusterSnapshot / CopyDBSnapshot) of `resource` into `region`.
  Lookup native_copy(std::string_view resource, std::string_view region,
                     std::string_view account = "") const;
  // Every recovery point of `resource` (name or ARN), in the predictions' order: for
  // `EXPECT_THAT(design.recovery_points_of("aurora"), Each(EncryptedWith(...)))`.
  std::vector<const Prediction*> recovery_points_of(std::string_view resource) const;

 private:
  Lookup pick(std::string_view resource, std::string query, std::string_view hint,
              const std::function<bool(const Prediction&)>& wanted) const;

  Predictions predictions_;
  Policy policy_;
  Findings findings_;
};

// GoogleTest prints values with PrintTo, found by argument-dependent lookup: the "Actual:" line of
// a failed assertion then names the design or the question, rather than dumping bytes. Only this
// header's own types: the core types print through the operator<< declared beside them
// (predict.hpp, check.hpp), which every test file that prints one sees; a PrintTo here would make
// two files print them differently (an ODR violation).
// "a design of 7 recovery points of 3 resources, with 1 finding"
inline void PrintTo(const Design& design, std::ostream* os);
inline void PrintTo(const Lookup& lookup, std::ostream* os);
inline void PrintTo(const Result<Design>& design, std::ostream* os);

// ---------------------------------------------------------------------------------------------
// Text the matchers explain with. Public because it is useful in a test's own messages.

// "alias/aws/rds (ARN not known, AWS managed)", with the key state when it is not Enabled.
inline std::string describe_key(const Key& key);
// One line that says everything a failed expectation needs: "aurora@virginia-default, a copy in
// us-east-1 (account 111111111111): encrypted with alias/aws/rds (ARN not known, AWS managed);
// decided by R6, R2, R8, R9: \"...\"; warnings: DOC_CONFLICT, ..."
inline std::string describe_prediction(const Prediction& prediction);
// "error AWS_MANAGED_COPY_KEY aurora@virginia-default: MESSAGE Fix: FIX" (+ " [suppressed: ...]")
inline std::string describe_finding(const Finding& finding);

// True when `reference` names `key`: its name in the model, key ARN, key id, an alias name or
// an alias ARN (in the key's Region and account).
inline bool key_matches(const Key& key, std::string_view reference);

// ---------------------------------------------------------------------------------------------
// Implementation.

namespace detail {

// "1 finding" / "2 findings"
inline std::string count(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

inline std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

inline std::string_view article_and_operation(Operation operation) {
  switch (operation) {
    case Operation::backup:
      return "a backup";
    case Operation::copy:
      return "a copy";
    case Operation::native_copy:
      return "a native copy";
    case Operation::restore:
      return "a restore";
  }
  return "a recovery point";
}

inline std::string_view manager_words(KeyManager manager) {
  switch (manager) {
    case KeyManager::customer:
      return "customer managed";
    case KeyManager::aws:
      return "AWS managed";
    case KeyManager::aws_owned:
      return "AWS owned";
    case KeyManager::unknown:
      return "manager not known";
  }
  return "manager not known";
}

// "aurora@tokyo-default (backup in ap-northeast-1, account 111111111111)"
inline std::string place(const Prediction& p) {
  std::string operation(to_string(p.operation));
  std::replace(operation.begin(), operation.end(), '-', ' ');
  return p.id + " (" + operation + " in " + p.region.name + ", account " + p.account.value + ")";
}

inline bool resource_is(const Prediction& p, std::string_view resource) {
  return p.resource == resource || p.resource_arn == resource;
}

// "aurora@tokyo-default (backup in ...), aurora@virginia-default (copy in ...)"
inline std::string list_places(const std::vector<const Prediction*>& predictions) {
  std::vector<std::string> places;
  for (const Prediction* p : predictions) places.push_back(place(*p));
  return join(places, ", ");
}

// Why a resource has no recovery point: no plan selects it, or the design has no such resource.
inline std::string no_recovery_point(const Predictions& predictions, std::string_view resource) {
  std::vector<std::string_view> names;
  for (const Resource& r : predictions.resources) {
    if (r.name == resource || r.arn == resource) {
      return "the design has no recovery point of " + r.name + ": no plan or job backs it up";
    }
    names.push_back(r.name);
  }
  std::string text = "the design has no resource " + std::string(resource);
  const std::string suggestion = closest_match(resource, names);
  if (!suggestion.empty()) text += "; did you mean " + suggestion + "?";
  std::vector<std::string> all(names.begin(), names.end());
  text += all.empty() ? " (it has no resources)" : " (its resources: " + join(all, ", ") + ")";
  return text;
}

// A test for Design::pick: a recovery point made by `operation` in `region` [and `account`].
inline std::function<bool(const Prediction&)> made_in(Operation operation, std::string_view region,
                                                      std::string_view account) {
  return [=](const Prediction& p) {
    return p.operation == operation && p.region.name == region &&
           (account.empty() || p.account.value == account);
  };
}

// " (not a Region: ...)" when `region` is not one, since a typo there can only ever miss.
inline std::string region_note(std::string_view region) {
  const Result<Region> parsed = parse_region(region);
  return parsed ? "" : " (" + parsed.error().message + ")";
}

}  // namespace detail

inline Result<Design> Design::load(const std::vector<std::string>& paths, const Policy& policy,
                                   const LoadOptions& options) {
  const Status valid = validate(policy);
  if (!valid) return valid.error();
  Result<ModelInput> input = io::read_inputs(paths, options.inputs);
  if (!input) return input.error();
  Result<Model> model = Model::build(std::move(input).value());
  if (!model) return model.error();
  return from(predict(*model, Options{options.as_of}), policy, CheckOptions{options.today});
}

inline Design Design::from(Predictions predictions, Policy policy, const CheckOptions& options) {
  Design design;
  design.findings_ = check(predictions, policy, options);
  design.predictions_ = std::move(predictions);
  design.policy_ = std::move(policy);
  return design;
}

inline Lookup Design::find(std::string_view id) const {
  std::string query = "recovery point " + std::string(id);
  if (const Prediction* p = predictions_.find(id)) return Lookup(p, std::move(query), "");
  std::vector<const Prediction*> all;
  for (const Prediction& p : predictions_.recovery_points) all.push_back(&p);
  std::string missing = "the design has no recovery point " + std::string(id);
  missing += all.empty() ? "; it has none" : "; it has: " + detail::list_places(all);
  return Lookup(nullptr, std::move(query), std::move(missing));
}

inline Lookup Design::backup(std::string_view resource, std::string_view vault) const {
  std::string query = "backup of " + std::string(resource);
  if (!vault.empty()) query += " into " + std::string(vault);
  return pick(resource, std::move(query), "give the vault: backup(resource, vault)",
              [&](const Prediction& p) {
                return p.operation == Operation::backup &&
                       (vault.empty() || p.vault == vault || p.vault_arn == vault);
              });
}

inline Lookup Design::copy(std::string_view resource, std::string_view region,
                           std::string_view account) const {
  std::string query = "copy of " + std::string(resource) + " into " + std::string(region);
  if (!account.empty()) query += " (account " + std::string(account) + ")";
  query += detail::region_note(region);
  return pick(resource, std::move(query),
              "give the account, copy(resource, region, account), or the id, find(id)",
              detail::made_in(Operation::copy, region, account));
}

inline Lookup Design::native_copy(std::string_view resource, std::string_view region,
                                  std::string_view account) const {
  std::string query = "native copy of " + std::string(resource) + " into " + std::string(region);
  if (!account.empty()) query += " (account " + std::string(account) + ")";
  query += detail::region_note(region);
  return pick(resource, std::move(query),
              "give the account, native_copy(resource, region, account), or the id, find(id)",
              detail::made_in(Operation::native_copy, region, account));
}

inline std::vector<const Prediction*> Design::recovery_points_of(std::string_view resource) const {
  std::vector<const Prediction*> found;
  for (const Prediction& p : predictions_.recovery_points) {
    if (detail::resource_is(p, resource)) found.push_back(&p);
  }
  return found;
}

// The one recovery point of `resource` that `wanted` accepts; else why not.
inline Lookup Design::pick(std::string_view resource, std::string query, std::string_view hint,
                           const std::function<bool(const Prediction&)>& wanted) const {
  const std::vector<const Prediction*> of_resource = recovery_points_of(resource);
  if (of_resource.empty()) {
    std::string missing =
        "there is no " + query + ": " + detail::no_recovery_point(predictions_, resource);
    return Lookup(nullptr, std::move(query), std::move(missing));
  }
  std::vector<const Prediction*> found;
  for (const Prediction* p : of_resource) {
    if (wanted(*p)) found.push_back(p);
  }
  if (found.size() == 1) return Lookup(found.front(), std::move(query), "");
  std::string missing;
  if (found.empty()) {
    missing = "there is no " + query + "; the recovery points of " + std::string(resource) +
              " are: " + detail::list_places(of_resource);
  } else {
    missing = "there are " + std::to_string(found.size()) + " of them, " +
              detail::list_places(found) + "; " + std::string(hint);
    missing = "which " + query + "? " + missing;
  }
  return Lookup(nullptr, std::move(query), std::move(missing));
}

inline std::string describe_key(const Key& key) {
  std::string text = key.display_name() + " (";
  if (key.arn.empty()) {
    text += "ARN not known, ";
  } else if (key.arn != key.display_name()) {
    text += key.arn + ", ";
  }
  text += detail::manager_words(key.manager);
  if (key.state != KeyState::enabled) text += ", " + std::string(to_string(key.state));
  return text + ")";
}

inline std::string describe_prediction(const Prediction& p) {
  std::string text = p.id + ", " + std::string(detail::article_and_operation(p.operation)) +
                     " in " + p.region.name + " (account " + p.account.value + "): ";
  text += std::string(to_string(p.outcome));
  if (p.outcome == Outcome::encrypted && p.key) text += " with " + describe_key(*p.key);
  if (!p.rules.empty()) text += "; decided by " + detail::join(p.rules, ", ");
  if (!p.message.empty()) text += ": \"" + p.message + "\"";
  if (p.aws_error) text += "; AWS error: \"" + *p.aws_error + "\"";
  if (!p.unknowns.empty()) text += "; not known: " + detail::join(p.unknowns, "; ");
  if (!p.warnings.empty()) text += "; warnings: " + detail::join(p.warnings, ", ");
  return text;
}

inline std::string describe_finding(const Finding& f) {
  std::string text =
      std::string(to_string(f.severity)) + " " + f.check + " " + f.subject + ": " + f.message;
  if (!f.fix.empty()) text += " Fix: " + f.fix;
  if (f.suppressed_by) text += " [suppressed: " + f.suppressed_by->reason + "]";
  return text;
}

inline bool key_matches(const Key& key, std::string_view reference) {
  if (reference.empty()) return false;
  if (reference == key.name || reference == key.arn) return true;
  if (!key.arn.empty() && reference == key.key_id()) return true;
  const auto has_alias = [&](std::string_view alias) {
    return std::find(key.aliases.begin(), key.aliases.end(), alias) != key.aliases.end();
  };
  if (has_alias(reference)) return true;
  // An alias ARN names an alias in one Region and account: arn:aws:kms:REGION:ACCOUNT:alias/NAME.
  const Result<Arn> arn = parse_arn(reference);
  return arn && arn->service == "kms" && arn->resource.starts_with("alias/") &&
         arn->region == key.region.name && arn->account == key.account.value &&
         has_alias(arn->resource);
}

inline void PrintTo(const Design& design, std::ostream* os) {
  const Predictions& p = design.predictions();
  *os << "a design of " << detail::count(p.recovery_points.size(), "recovery point") << " of "
      << detail::count(p.resources.size(), "resource") << ", with "
      << detail::count(design.findings().findings.size(), "finding");
}

// The question only: the matchers' explanation says what was found.
inline void PrintTo(const Lookup& lookup, std::ostream* os) { *os << lookup.query(); }

inline void PrintTo(const Result<Design>& design, std::ostream* os) {
  if (design) {
    PrintTo(*design, os);
  } else {
    *os << "an error: " << design.error().to_string();
  }
}

}  // namespace snapkey::testing

#endif  // SNAPKEY_TESTING_DESIGN_HPP
