// The GoogleMock matchers of snapkey::testing: what a recovery point is encrypted with
// (EncryptedWith, Unencrypted, Fails, IsUnsupported, IsIndeterminate, DecidedBy, HasWarning) and
// which findings a design raises (HasNoFindings, HasFinding). A failing matcher says what the
// prediction actually is (docs/testing.md).
#ifndef SNAPKEY_TESTING_MATCHERS_HPP
#define SNAPKEY_TESTING_MATCHERS_HPP

#include <gmock/gmock.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "snapkey/check.hpp"
#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/result.hpp"
#include "snapkey/testing/design.hpp"

namespace snapkey::testing {

// ---------------------------------------------------------------------------------------------
// Implementation details of the matchers.
namespace detail {

inline const Prediction* prediction_of(const Prediction& prediction) { return &prediction; }
inline const Prediction* prediction_of(const Prediction* prediction) { return prediction; }
inline const Prediction* prediction_of(const Lookup& lookup) { return lookup.get(); }
inline std::string missing_of(const Prediction*) { return "which is a null pointer"; }
inline std::string missing_of(const Lookup& lookup) { return lookup.missing(); }
inline std::string missing_of(const Prediction&) { return ""; }

template <typename T>
std::string describe_matcher(const ::testing::Matcher<T>& matcher, bool negated = false) {
  std::ostringstream os;
  if (negated) {
    matcher.DescribeNegationTo(&os);
  } else {
    matcher.DescribeTo(&os);
  }
  return os.str();
}

// One test on a prediction; the matchers below differ only in it.
struct PredictionTest {
  virtual ~PredictionTest() = default;
  virtual bool matches(const Prediction& prediction) const = 0;
  virtual std::string describe(bool negated) const = 0;
};

// The matcher of every prediction test: takes a Prediction, a pointer to one or a Lookup, and
// explains with the whole prediction (or why there is none).
class PredictionMatcher {
 public:
  explicit PredictionMatcher(std::shared_ptr<const PredictionTest> test) : test_(std::move(test)) {}

  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    const Prediction* prediction = prediction_of(value);
    if (prediction == nullptr) {
      *listener << missing_of(value);
      return false;
    }
    *listener << "which is " << describe_prediction(*prediction);
    return test_->matches(*prediction);
  }
  void DescribeTo(std::ostream* os) const { *os << test_->describe(false); }
  void DescribeNegationTo(std::ostream* os) const { *os << test_->describe(true); }

 private:
  std::shared_ptr<const PredictionTest> test_;
};

template <typename Test, typename... Args>
::testing::PolymorphicMatcher<PredictionMatcher> make_prediction_matcher(Args&&... args) {
  return ::testing::MakePolymorphicMatcher(
      PredictionMatcher(std::make_shared<const Test>(std::forward<Args>(args)...)));
}

class EncryptedWithTest : public PredictionTest {
 public:
  EncryptedWithTest(::testing::Matcher<const Key&> key, std::string what)
      : key_(std::move(key)), what_(std::move(what)) {}
  bool matches(const Prediction& p) const override {
    return p.outcome == Outcome::encrypted && p.key && key_.Matches(*p.key);
  }
  std::string describe(bool negated) const override {
    return (negated ? "is not encrypted with " : "is encrypted with ") + what_;
  }

 private:
  ::testing::Matcher<const Key&> key_;
  std::string what_;
};

// An outcome, and optionally a matcher on the texts that say why: the message, the AWS error
// and (indeterminate outcomes) each unknown.
class OutcomeTest : public PredictionTest {
 public:
  OutcomeTest(Outcome outcome, std::string verb,
              std::optional<::testing::Matcher<const std::string&>> text)
      : outcome_(outcome), verb_(std::move(verb)), text_(std::move(text)) {}
  bool matches(const Prediction& p) const override {
    if (p.outcome != outcome_) return false;
    if (!text_) return true;
    std::vector<std::string> texts{p.message};
    if (p.aws_error) texts.push_back(*p.aws_error);
    texts.insert(texts.end(), p.unknowns.begin(), p.unknowns.end());
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return text_->Matches(t); });
  }
  std::string describe(bool negated) const override {
    std::string text = (negated ? "is not " : "is ") + verb_;
    if (text_) {
      text += outcome_ == Outcome::indeterminate ? ", with a message or unknown that "
                                                 : ", with a message or AWS error that ";
      text += describe_matcher(*text_);
    }
    return text;
  }

 private:
  Outcome outcome_;
  std::string verb_;
  std::optional<::testing::Matcher<const std::string&>> text_;
};

// `list` (Prediction::rules or ::warnings) holds `id`.
class ListHoldsTest : public PredictionTest {
 public:
  ListHoldsTest(std::vector<std::string> Prediction::*list, std::string id, std::string does,
                std::string does_not, std::string note)
      : list_(list),
        id_(std::move(id)),
        does_(std::move(does)),
        does_not_(std::move(does_not)),
        note_(std::move(note)) {}
  bool matches(const Prediction& p) const override {
    const std::vector<std::string>& list = p.*list_;
    return std::find(list.begin(), list.end(), id_) != list.end();
  }
  std::string describe(bool negated) const override {
    return (negated ? does_not_ : does_) + " " + id_ + note_;
  }

 private:
  std::vector<std::string> Prediction::*list_;
  std::string id_;
  std::string does_;
  std::string does_not_;
  std::string note_;
};

inline const Findings* findings_of(const Findings& findings) { return &findings; }
inline const Findings* findings_of(const Design& design) { return &design.findings(); }
inline const Findings* findings_of(const Result<Design>& design) {
  return design ? &design->findings() : nullptr;
}
inline std::string not_loaded(const Result<Design>& design) {
  return design ? "" : "which did not load: " + design.error().to_string();
}
inline std::string not_loaded(const Findings&) { return ""; }
inline std::string not_loaded(const Design&) { return ""; }

// The findings, one a line, each indented under the explanation.
inline std::string list_findings(const std::vector<const Finding*>& findings) {
  std::string text;
  for (const Finding* finding : findings) text += "\n  " + describe_finding(*finding);
  return text;
}

class NoFindingsMatcher {
 public:
  explicit NoFindingsMatcher(Severity threshold) : threshold_(threshold) {}

  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    const Findings* findings = findings_of(value);
    if (findings == nullptr) {
      *listener << not_loaded(value);
      return false;
    }
    std::vector<const Finding*> failing;
    std::size_t below = 0;
    std::size_t suppressed = 0;
    for (const Finding& finding : findings->findings) {
      if (finding.suppressed_by) {
        ++suppressed;
      } else if (finding.severity < threshold_) {
        ++below;
      } else {
        failing.push_back(&finding);
      }
    }
    std::vector<std::string> others;
    if (below > 0) others.push_back(count(below, "finding") + " below " + level());
    if (suppressed > 0) others.push_back(std::to_string(suppressed) + " suppressed");
    std::string aside;
    for (const std::string& other : others) aside += (aside.empty() ? " (" : ", ") + other;
    if (!aside.empty()) aside += ")";
    if (failing.empty()) {
      *listener << "which has no findings" << scope() << aside;
      return true;
    }
    *listener << "which has " << count(failing.size(), "finding") << scope() << aside << ":"
              << list_findings(failing);
    return false;
  }
  void DescribeTo(std::ostream* os) const { *os << "has no findings" << scope(); }
  void DescribeNegationTo(std::ostream* os) const { *os << "has findings" << scope(); }

 private:
  std::string level() const { return std::string(to_string(threshold_)); }
  std::string scope() const {
    return threshold_ == Severity::info ? "" : " at " + level() + " or above";
  }
  Severity threshold_;
};

class HasFindingMatcher {
 public:
  HasFindingMatcher(std::string check,
                    std::optional<::testing::Matcher<const std::string&>> subject)
      : check_(std::move(check)), subject_(std::move(subject)) {}

  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    const Findings* findings = findings_of(value);
    if (findings == nullptr) {
      *listener << not_loaded(value);
      return false;
    }
    std::vector<const Finding*> all;
    for (const Finding& finding : findings->findings) {
      if (finding.check == check_ && !finding.suppressed_by &&
          (!subject_ || subject_->Matches(finding.subject))) {
        *listener << "which has " << describe_finding(finding);
        return true;
      }
      all.push_back(&finding);
    }
    if (all.empty()) {
      *listener << "which has no findings" << note();
    } else {
      *listener << "which has " << count(all.size(), "finding") << note() << ":"
                << list_findings(all);
    }
    return false;
  }
  void DescribeTo(std::ostream* os) const { *os << "has an " << what() << note(); }
  void DescribeNegationTo(std::ostream* os) const { *os << "has no " << what() << note(); }

 private:
  std::string what() const {
    std::string text = "unsuppressed " + check_ + " finding";
    if (subject_) text += " whose subject " + describe_matcher(*subject_);
    return text;
  }
  // A typo in a check id would make every HasFinding fail and every Not(HasFinding) pass.
  std::string note() const {
    if (find_check(check_) != nullptr) return "";
    std::vector<std::string_view> ids;
    for (const CheckInfo& info : check_table()) ids.push_back(info.id);
    const std::string suggestion = closest_match(check_, ids);
    return " (" + check_ + " is not a snapkey check id" +
           (suggestion.empty() ? "" : "; did you mean " + suggestion + "?") + ")";
  }
  std::string check_;
  std::optional<::testing::Matcher<const std::string&>> subject_;
};

// A matcher of one outcome, with or without a matcher of its message or AWS error text.
inline auto outcome_is(Outcome outcome, std::string what) {
  return make_prediction_matcher<OutcomeTest>(outcome, std::move(what), std::nullopt);
}
template <typename M>
auto outcome_is(Outcome outcome, std::string what, M&& text) {
  return make_prediction_matcher<OutcomeTest>(
      outcome, std::move(what),
      ::testing::SafeMatcherCast<const std::string&>(std::forward<M>(text)));
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Matchers on a recovery point: a Prediction, a const Prediction* or a Lookup (Design::copy...).
// A missing recovery point never matches, so Not(...) of any of them matches it.

// Encrypted, with the key `reference` names: an alias ("alias/aws/rds"), an alias ARN, a key
// ARN, a key id, or the key's name in the model (see key_matches).
inline auto EncryptedWith(std::string reference) {
  struct Names : ::testing::MatcherInterface<const Key&> {
    explicit Names(std::string r) : reference(std::move(r)) {}
    bool MatchAndExplain(const Key& key, ::testing::MatchResultListener*) const override {
      return key_matches(key, reference);
    }
    void DescribeTo(std::ostream* os) const override { *os << "the key " << reference; }
    std::string reference;
  };
  std::string what = "the key " + reference;
  return detail::make_prediction_matcher<detail::EncryptedWithTest>(
      ::testing::MakeMatcher(new Names(std::move(reference))), std::move(what));
}
// Encrypted with a key of this manager: EncryptedWith(KeyManager::customer).
inline auto EncryptedWith(KeyManager manager) {
  std::string what = manager == KeyManager::customer    ? "a customer managed key"
                     : manager == KeyManager::aws       ? "an AWS managed key"
                     : manager == KeyManager::aws_owned ? "an AWS owned key"
                                                        : "a key whose manager is not known";
  return detail::make_prediction_matcher<detail::EncryptedWithTest>(
      ::testing::Field(&Key::manager, manager), std::move(what));
}
// Encrypted with a key the matcher accepts:
// EncryptedWith(Field(&Key::multi_region, MultiRegion::replica)).
inline auto EncryptedWith(::testing::Matcher<const Key&> key) {
  std::string what = "a key that " + detail::describe_matcher(key);
  return detail::make_prediction_matcher<detail::EncryptedWithTest>(std::move(key),
                                                                    std::move(what));
}

// The recovery point is predicted to be made, but not encrypted.
inline auto Unencrypted() { return detail::outcome_is(Outcome::unencrypted, "unencrypted"); }

// Predicted to fail (the job fails, or the backup cannot be made).
inline auto Fails() { return detail::outcome_is(Outcome::fails, "predicted to fail"); }
// Predicted to fail, with a message or AWS error text that `text` matches:
// Fails(HasSubstr("not accessible")).
template <typename M>
auto Fails(M&& text) {
  return detail::outcome_is(Outcome::fails, "predicted to fail", std::forward<M>(text));
}

// Unsupported: resource type, partition, opt-in Region or feature date.
inline auto IsUnsupported() { return detail::outcome_is(Outcome::unsupported, "unsupported"); }
template <typename M>
auto IsUnsupported(M&& text) {
  return detail::outcome_is(Outcome::unsupported, "unsupported", std::forward<M>(text));
}

// Indeterminate: the inputs do not say enough (a Terraform unknown, a key nobody exported).
inline auto IsIndeterminate() {
  return detail::outcome_is(Outcome::indeterminate, "indeterminate");
}
// ... with a message or one of the unknowns that `text` matches.
template <typename M>
auto IsIndeterminate(M&& text) {
  return detail::outcome_is(Outcome::indeterminate, "indeterminate", std::forward<M>(text));
}

// One of the rules that decided the outcome is `rule` ("R9": the aws/rds fallback).
inline auto DecidedBy(std::string rule) {
  std::string note = find_rule(rule) == nullptr ? " (" + rule + " is not a snapkey rule id)" : "";
  return detail::make_prediction_matcher<detail::ListHoldsTest>(
      &Prediction::rules, std::move(rule), "is decided by rule", "is not decided by rule",
      std::move(note));
}

// The prediction carries the warning `id` ("DOC_CONFLICT", "MRK_REPLICA_NOT_USED", ...).
inline auto HasWarning(std::string id) {
  std::string note =
      describe_warning(id).empty() ? " (" + id + " is not a snapkey warning id)" : "";
  return detail::make_prediction_matcher<detail::ListHoldsTest>(
      &Prediction::warnings, std::move(id), "carries the warning", "does not carry the warning",
      std::move(note));
}

// ---------------------------------------------------------------------------------------------
// Matchers on findings: a Design, a Result<Design> (a load error is explained) or Findings.
// Suppressed findings never count, as they never fail `snapkey check`.

// No unsuppressed finding at `threshold` or above (default: none at all).
inline auto HasNoFindings(Severity threshold = Severity::info) {
  return ::testing::MakePolymorphicMatcher(detail::NoFindingsMatcher(threshold));
}

// An unsuppressed finding of check `check` ("AWS_MANAGED_COPY_KEY").
inline auto HasFinding(std::string check) {
  return ::testing::MakePolymorphicMatcher(
      detail::HasFindingMatcher(std::move(check), std::nullopt));
}
// ... whose subject (a recovery point id, a resource name or "suppression N") `subject`
// matches: HasFinding("AWS_MANAGED_COPY_KEY", "aurora@virginia-default").
template <typename M>
auto HasFinding(std::string check, M&& subject) {
  return ::testing::MakePolymorphicMatcher(detail::HasFindingMatcher(
      std::move(check), ::testing::SafeMatcherCast<const std::string&>(std::forward<M>(subject))));
}

}  // namespace snapkey::testing

#endif  // SNAPKEY_TESTING_MATCHERS_HPP
