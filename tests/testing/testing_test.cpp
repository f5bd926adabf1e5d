// Tests for snapkey/testing.hpp, the matchers users write their own backup-design tests with:
// every matcher matches and mismatches, and what it says (description, negation, explanation,
// and the whole message of a failed EXPECT_THAT) is pinned, since that text is the product.
#include "snapkey/testing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/io/scenario.hpp"

namespace snapkey {
namespace {

using testing::DecidedBy;
using testing::Design;
using testing::EncryptedWith;
using testing::Fails;
using testing::HasFinding;
using testing::HasNoFindings;
using ::testing::HasSubstr;
using testing::HasWarning;
using testing::IsIndeterminate;
using testing::IsUnsupported;
using testing::Lookup;
using ::testing::Not;
using testing::Unencrypted;

const std::string kSource = SNAPKEY_SOURCE_DIR;

// What a matcher says it matches, and what its negation says.
template <typename T, typename M>
std::string describe(const M& matcher) {
  return ::testing::DescribeMatcher<T>(matcher);
}
template <typename T, typename M>
std::string describe_negation(const M& matcher) {
  return ::testing::DescribeMatcher<T>(matcher, true);
}
// What a matcher says about `value`.
template <typename M, typename T>
std::string explain(const M& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, value, &listener);
  return listener.str();
}
// The message of the one non-fatal failure `body` reports ("" if none).
std::string failure_of(const std::function<void()>& body) {
  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    body();
  }
  return failures.size() == 1 ? failures.GetTestPartResult(0).message() : "";
}

// ---------------------------------------------------------------------------------------------
// Recovery points, built by hand so that every text the matchers print is pinned here.

Prediction base(std::string id, Operation operation, const char* region, const char* account) {
  Prediction p;
  p.id = std::move(id);
  p.operation = operation;
  p.resource = "aurora";
  p.resource_arn = "arn:aws:rds:ap-northeast-1:111111111111:cluster:test-aurora";
  p.region = Region{region};
  p.account = AccountId{account};
  return p;
}

// The article's surprise: the copy into N. Virginia's Default vault gets aws/rds (R9).
Prediction default_vault_copy() {
  Prediction p = base("aurora@virginia-default", Operation::copy, "us-east-1", "111111111111");
  p.outcome = Outcome::encrypted;
  Key key;
  key.name = "alias/aws/rds";
  key.region = Region{"us-east-1"};
  key.account = AccountId{"111111111111"};
  key.aliases = {"alias/aws/rds"};
  key.manager = KeyManager::aws;
  key.implicit = true;
  p.key = key;
  p.rules = {"R6", "R2", "R8", "R9"};
  p.warnings = {"DOC_CONFLICT", "KEY_ARN_NOT_KNOWN", "MRK_REPLICA_NOT_USED",
                "REPORTED_ARN_UNKNOWN"};
  p.message = "encrypted with alias/aws/rds of us-east-1, not the vault's aws/backup";
  return p;
}

const std::string kReplicaArn =
    "arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef";

// The article's fix: the copy into a vault keyed with the replica.
Prediction replica_vault_copy() {
  Prediction p = base("aurora@test-backup-vault", Operation::copy, "us-east-1", "111111111111");
  p.outcome = Outcome::encrypted;
  Key key;
  key.name = "test-key-multi-virginia";
  key.arn = kReplicaArn;
  key.region = Region{"us-east-1"};
  key.account = AccountId{"111111111111"};
  key.aliases = {"alias/test-key-multi-virginia"};
  key.multi_region = MultiRegion::replica;
  p.key = key;
  p.rules = {"R6", "R2", "R8", "R7"};
  p.message = "encrypted with the destination vault's key, alias/test-key-multi-virginia";
  return p;
}

Prediction failing_copy() {
  Prediction p = base("aurora@dr", Operation::copy, "us-east-1", "222222222222");
  p.outcome = Outcome::fails;
  p.rules = {"R6", "R12"};
  p.message =
      "the source is encrypted with an AWS managed key, which cannot be shared with another "
      "account";
  p.aws_error = "Given key ID is not accessible";
  return p;
}

Prediction unencrypted_backup() {
  Prediction p = base("aurora@tokyo-default", Operation::backup, "ap-northeast-1", "111111111111");
  p.outcome = Outcome::unencrypted;
  p.rules = {"R1", "R3"};
  p.message = "unencrypted: the cluster is not encrypted";
  return p;
}

Prediction unsupported_copy() {
  Prediction p = base("aurora@tokyo-default/native-copy@cn-north-1", Operation::native_copy,
                      "cn-north-1", "111111111111");
  p.outcome = Outcome::unsupported;
  p.rules = {"R11"};
  p.message = "copies cannot cross from partition aws to aws-cn";
  return p;
}

Prediction indeterminate_copy() {
  Prediction p = base("aurora@planned", Operation::copy, "us-east-1", "111111111111");
  p.outcome = Outcome::indeterminate;
  p.rules = {"R6"};
  p.message = "the destination vault's key is not known";
  p.unknowns = {"the key of vault planned (known after apply)"};
  return p;
}

const std::string kDefaultVaultCopy =
    "which is aurora@virginia-default, a copy in us-east-1 (account 111111111111): encrypted "
    "with alias/aws/rds (ARN not known, AWS managed); decided by R6, R2, R8, R9: \"encrypted "
    "with alias/aws/rds of us-east-1, not the vault's aws/backup\"; warnings: DOC_CONFLICT, "
    "KEY_ARN_NOT_KNOWN, MRK_REPLICA_NOT_USED, REPORTED_ARN_UNKNOWN";
const std::string kReplicaVaultCopy =
    "which is aurora@test-backup-vault, a copy in us-east-1 (account 111111111111): encrypted "
    "with alias/test-key-multi-virginia (" +
    kReplicaArn +
    ", customer managed); decided by R6, R2, R8, R7: \"encrypted with the destination vault's "
    "key, alias/test-key-multi-virginia\"";
const std::string kFailingCopy =
    "which is aurora@dr, a copy in us-east-1 (account 222222222222): fails; decided by R6, R12: "
    "\"the source is encrypted with an AWS managed key, which cannot be shared with another "
    "account\"; AWS error: \"Given key ID is not accessible\"";

// ---------------------------------------------------------------------------------------------
// EncryptedWith

TEST(EncryptedWith, MatchesTheKeyByAliasAndSaysWhatItIs) {
  const auto matcher = EncryptedWith("alias/aws/rds");
  EXPECT_THAT(default_vault_copy(), matcher);
  EXPECT_EQ(describe<const Prediction&>(matcher), "is encrypted with the key alias/aws/rds");
  EXPECT_EQ(describe_negation<const Prediction&>(matcher),
            "is not encrypted with the key alias/aws/rds");
  EXPECT_EQ(explain(matcher, default_vault_copy()), kDefaultVaultCopy);
}

TEST(EncryptedWith, MismatchExplainsTheWholePrediction) {
  const auto matcher = EncryptedWith("alias/test-key-multi-virginia");
  EXPECT_THAT(default_vault_copy(), Not(matcher));
  EXPECT_EQ(explain(matcher, default_vault_copy()), kDefaultVaultCopy);
  EXPECT_THAT(failing_copy(), Not(matcher));  // no key at all
  EXPECT_EQ(explain(matcher, failing_copy()), kFailingCopy);
}

TEST(EncryptedWith, TakesEveryFormOfKeyReference) {
  const Prediction p = replica_vault_copy();
  EXPECT_THAT(p, EncryptedWith("alias/test-key-multi-virginia"));
  EXPECT_THAT(p, EncryptedWith("arn:aws:kms:us-east-1:111111111111:alias/test-key-multi-virginia"));
  EXPECT_THAT(p, EncryptedWith(kReplicaArn));
  EXPECT_THAT(p, EncryptedWith("mrk-0123456789abcdef0123456789abcdef"));
  EXPECT_THAT(p, EncryptedWith("test-key-multi-virginia"));  // the name in the model
  // The same alias in another Region or account is another key.
  EXPECT_THAT(
      p,
      Not(EncryptedWith("arn:aws:kms:ap-northeast-1:111111111111:alias/test-key-multi-virginia")));
  EXPECT_THAT(
      p, Not(EncryptedWith("arn:aws:kms:us-east-1:222222222222:alias/test-key-multi-virginia")));
  EXPECT_THAT(p, Not(EncryptedWith("alias/test-key-multi")));
  EXPECT_THAT(p, Not(EncryptedWith("")));
}

TEST(EncryptedWith, AnImplicitAwsManagedKeyMatchesItsAliasInItsRegionOnly) {
  const Prediction p = default_vault_copy();
  EXPECT_THAT(p, EncryptedWith("arn:aws:kms:us-east-1:111111111111:alias/aws/rds"));
  EXPECT_THAT(p, Not(EncryptedWith("arn:aws:kms:ap-northeast-1:111111111111:alias/aws/rds")));
  EXPECT_THAT(p, Not(EncryptedWith("alias/aws/backup")));
}

TEST(EncryptedWith, KeyManager) {
  const auto customer = EncryptedWith(KeyManager::customer);
  EXPECT_THAT(replica_vault_copy(), customer);
  EXPECT_THAT(default_vault_copy(), Not(customer));
  EXPECT_THAT(default_vault_copy(), EncryptedWith(KeyManager::aws));
  EXPECT_EQ(describe<const Prediction&>(customer), "is encrypted with a customer managed key");
  EXPECT_EQ(describe_negation<const Prediction&>(customer),
            "is not encrypted with a customer managed key");
  EXPECT_EQ(describe<const Prediction&>(EncryptedWith(KeyManager::aws)),
            "is encrypted with an AWS managed key");
  EXPECT_EQ(describe<const Prediction&>(EncryptedWith(KeyManager::aws_owned)),
            "is encrypted with an AWS owned key");
  EXPECT_EQ(describe<const Prediction&>(EncryptedWith(KeyManager::unknown)),
            "is encrypted with a key whose manager is not known");
  EXPECT_EQ(explain(customer, default_vault_copy()), kDefaultVaultCopy);
}

TEST(EncryptedWith, AnyKeyMatcher) {
  const auto virginia =
      EncryptedWith(::testing::Property("alias", &Key::alias, ::testing::EndsWith("-virginia")));
  EXPECT_THAT(replica_vault_copy(), virginia);
  EXPECT_THAT(default_vault_copy(), Not(virginia));
  EXPECT_THAT(unencrypted_backup(), Not(virginia));
  EXPECT_EQ(describe<const Prediction&>(virginia),
            "is encrypted with a key that is an object whose property `alias` ends with "
            "\"-virginia\"");
}

// ---------------------------------------------------------------------------------------------
// Outcomes

TEST(Unencrypted, MatchesOnlyTheUnencryptedOutcome) {
  EXPECT_THAT(unencrypted_backup(), Unencrypted());
  EXPECT_THAT(default_vault_copy(), Not(Unencrypted()));
  EXPECT_EQ(describe<const Prediction&>(Unencrypted()), "is unencrypted");
  EXPECT_EQ(describe_negation<const Prediction&>(Unencrypted()), "is not unencrypted");
  EXPECT_EQ(explain(Unencrypted(), unencrypted_backup()),
            "which is aurora@tokyo-default, a backup in ap-northeast-1 (account 111111111111): "
            "unencrypted; decided by R1, R3: \"unencrypted: the cluster is not encrypted\"");
}

TEST(Fails, MatchesTheFailedOutcome) {
  EXPECT_THAT(failing_copy(), Fails());
  EXPECT_THAT(default_vault_copy(), Not(Fails()));
  EXPECT_EQ(describe<const Prediction&>(Fails()), "is predicted to fail");
  EXPECT_EQ(describe_negation<const Prediction&>(Fails()), "is not predicted to fail");
  EXPECT_EQ(explain(Fails(), default_vault_copy()), kDefaultVaultCopy);
  EXPECT_EQ(explain(Fails(), failing_copy()), kFailingCopy);
}

TEST(Fails, MatchesTheMessageOrTheAwsError) {
  EXPECT_THAT(failing_copy(), Fails(HasSubstr("not accessible")));       // the AWS error
  EXPECT_THAT(failing_copy(), Fails(HasSubstr("AWS managed key")));      // the message
  EXPECT_THAT(failing_copy(), Fails("Given key ID is not accessible"));  // exact text
  EXPECT_THAT(failing_copy(), Not(Fails(HasSubstr("vault access policy"))));
  EXPECT_THAT(default_vault_copy(), Not(Fails(HasSubstr("not"))));
  EXPECT_EQ(describe<const Prediction&>(Fails(HasSubstr("not accessible"))),
            "is predicted to fail, with a message or AWS error that has substring \"not "
            "accessible\"");
  EXPECT_EQ(describe_negation<const Prediction&>(Fails(HasSubstr("not accessible"))),
            "is not predicted to fail, with a message or AWS error that has substring \"not "
            "accessible\"");
  EXPECT_EQ(explain(Fails(HasSubstr("vault access policy")), failing_copy()), kFailingCopy);
}

TEST(IsUnsupported, MatchesTheUnsupportedOutcome) {
  EXPECT_THAT(unsupported_copy(), IsUnsupported());
  EXPECT_THAT(unsupported_copy(), IsUnsupported(HasSubstr("partition")));
  EXPECT_THAT(unsupported_copy(), Not(IsUnsupported(HasSubstr("opt-in"))));
  EXPECT_THAT(failing_copy(), Not(IsUnsupported()));
  EXPECT_EQ(describe<const Prediction&>(IsUnsupported()), "is unsupported");
  EXPECT_EQ(describe_negation<const Prediction&>(IsUnsupported()), "is not unsupported");
  EXPECT_EQ(explain(IsUnsupported(), unsupported_copy()),
            "which is aurora@tokyo-default/native-copy@cn-north-1, a native copy in cn-north-1 "
            "(account 111111111111): unsupported; decided by R11: \"copies cannot cross from "
            "partition aws to aws-cn\"");
}

TEST(IsIndeterminate, MatchesTheIndeterminateOutcomeAndItsUnknowns) {
  EXPECT_THAT(indeterminate_copy(), IsIndeterminate());
  EXPECT_THAT(indeterminate_copy(), IsIndeterminate(HasSubstr("known after apply")));
  EXPECT_THAT(indeterminate_copy(), Not(IsIndeterminate(HasSubstr("aws/rds"))));
  EXPECT_THAT(replica_vault_copy(), Not(IsIndeterminate()));
  EXPECT_EQ(describe<const Prediction&>(IsIndeterminate(HasSubstr("apply"))),
            "is indeterminate, with a message or unknown that has substring \"apply\"");
  EXPECT_EQ(explain(IsIndeterminate(), indeterminate_copy()),
            "which is aurora@planned, a copy in us-east-1 (account 111111111111): "
            "indeterminate; decided by R6: \"the destination vault's key is not known\"; not "
            "known: the key of vault planned (known after apply)");
}

// ---------------------------------------------------------------------------------------------
// Rules and warnings

TEST(DecidedBy, MatchesAnyRuleThatDecided) {
  EXPECT_THAT(default_vault_copy(), DecidedBy("R9"));
  EXPECT_THAT(default_vault_copy(), DecidedBy("R8"));
  EXPECT_THAT(replica_vault_copy(), Not(DecidedBy("R9")));
  EXPECT_EQ(describe<const Prediction&>(DecidedBy("R9")), "is decided by rule R9");
  EXPECT_EQ(describe_negation<const Prediction&>(DecidedBy("R9")), "is not decided by rule R9");
  EXPECT_EQ(explain(DecidedBy("R7"), default_vault_copy()), kDefaultVaultCopy);
}

TEST(DecidedBy, SaysWhenTheRuleIdIsNotOne) {
  EXPECT_THAT(default_vault_copy(), Not(DecidedBy("R99")));
  EXPECT_EQ(describe<const Prediction&>(DecidedBy("R99")),
            "is decided by rule R99 (R99 is not a snapkey rule id)");
}

TEST(HasWarning, MatchesAWarningId) {
  EXPECT_THAT(default_vault_copy(), HasWarning("DOC_CONFLICT"));
  EXPECT_THAT(default_vault_copy(), HasWarning(std::string(kReplicaNotUsed)));
  EXPECT_THAT(replica_vault_copy(), Not(HasWarning("DOC_CONFLICT")));
  EXPECT_EQ(describe<const Prediction&>(HasWarning("DOC_CONFLICT")),
            "carries the warning DOC_CONFLICT");
  EXPECT_EQ(describe_negation<const Prediction&>(HasWarning("DOC_CONFLICT")),
            "does not carry the warning DOC_CONFLICT");
  EXPECT_EQ(describe<const Prediction&>(HasWarning("DOC_CONFLICTS")),
            "carries the warning DOC_CONFLICTS (DOC_CONFLICTS is not a snapkey warning id)");
  EXPECT_EQ(explain(HasWarning("DOC_CONFLICT"), replica_vault_copy()), kReplicaVaultCopy);
}

// ---------------------------------------------------------------------------------------------
// What the matchers take: a Prediction, a pointer to one, a Lookup.

TEST(PredictionMatchers, TakePointersAndContainersOfThem) {
  const Prediction copy = default_vault_copy();
  const Prediction* pointer = &copy;
  EXPECT_THAT(pointer, EncryptedWith("alias/aws/rds"));
  const Prediction* null = nullptr;
  EXPECT_THAT(null, Not(EncryptedWith("alias/aws/rds")));
  EXPECT_EQ(explain(EncryptedWith("alias/aws/rds"), null), "which is a null pointer");
  const Prediction replica = replica_vault_copy();
  const std::vector<const Prediction*> both{&copy, &replica};
  EXPECT_THAT(both, ::testing::Each(EncryptedWith(::testing::_)));
  EXPECT_THAT(both, ::testing::Contains(EncryptedWith(KeyManager::aws)));
  const std::vector<Prediction> values{copy, replica};
  EXPECT_THAT(values, ::testing::ElementsAre(DecidedBy("R9"), DecidedBy("R7")));
}

TEST(PredictionMatchers, ExplainAMissingLookup) {
  const Lookup none(nullptr, "copy of aurora into us-west-2", "there is no copy of aurora...");
  EXPECT_THAT(none, Not(EncryptedWith("alias/aws/rds")));
  EXPECT_THAT(none, Not(Fails()));
  EXPECT_EQ(explain(Fails(), none), "there is no copy of aurora...");
  const Prediction copy = default_vault_copy();
  const Lookup found(&copy, "copy of aurora into us-east-1", "");
  EXPECT_THAT(found, EncryptedWith("alias/aws/rds"));
  EXPECT_EQ(explain(EncryptedWith("alias/aws/rds"), found), kDefaultVaultCopy);
}

TEST(PredictionMatchers, FailedExpectationPrintsWhatThePredictionIs) {
  const Prediction copy = default_vault_copy();
  const Lookup found(&copy, "copy of aurora into us-east-1", "");
  EXPECT_EQ(failure_of([&] { EXPECT_THAT(found, EncryptedWith("alias/test-key-multi-virginia")); }),
            "Value of: found\n"
            "Expected: is encrypted with the key alias/test-key-multi-virginia\n"
            "  Actual: copy of aurora into us-east-1 (of type "
            "snapkey::testing::Lookup), " +
                kDefaultVaultCopy);
}

// ---------------------------------------------------------------------------------------------
// key_matches and the descriptions

TEST(KeyMatches, EveryReferenceForm) {
  Key key = *replica_vault_copy().key;
  EXPECT_TRUE(testing::key_matches(key, "test-key-multi-virginia"));
  EXPECT_TRUE(testing::key_matches(key, kReplicaArn));
  EXPECT_TRUE(testing::key_matches(key, "mrk-0123456789abcdef0123456789abcdef"));
  EXPECT_TRUE(testing::key_matches(key, "alias/test-key-multi-virginia"));
  EXPECT_TRUE(testing::key_matches(
      key, "arn:aws:kms:us-east-1:111111111111:alias/test-key-multi-virginia"));
  EXPECT_FALSE(testing::key_matches(key, "arn:aws:kms:us-east-1:111111111111:alias/other"));
  EXPECT_FALSE(testing::key_matches(key, "arn:aws:rds:us-east-1:111111111111:alias/x"));
  EXPECT_FALSE(testing::key_matches(key, "not an arn"));
  EXPECT_FALSE(testing::key_matches(key, ""));
  key.arn = "";  // a key id is only known from the ARN
  EXPECT_FALSE(testing::key_matches(key, ""));
}

TEST(DescribeKey, NamesAliasArnManagerAndAStateThatIsNotEnabled) {
  Key key = *replica_vault_copy().key;
  EXPECT_EQ(testing::describe_key(key),
            "alias/test-key-multi-virginia (" + kReplicaArn + ", customer managed)");
  key.state = KeyState::pending_deletion;
  EXPECT_EQ(testing::describe_key(key), "alias/test-key-multi-virginia (" + kReplicaArn +
                                            ", customer managed, PendingDeletion)");
  key.aliases.clear();
  key.manager = KeyManager::unknown;
  key.state = KeyState::enabled;
  EXPECT_EQ(testing::describe_key(key), kReplicaArn + " (manager not known)");
  EXPECT_EQ(testing::describe_key(*default_vault_copy().key),
            "alias/aws/rds (ARN not known, AWS managed)");
}

// ---------------------------------------------------------------------------------------------
// Findings, built by hand

Finding finding(std::string check, Severity severity, std::string subject) {
  Finding f;
  f.check = std::move(check);
  f.severity = severity;
  f.subject = std::move(subject);
  f.message = "the message";
  f.fix = "the fix.";
  return f;
}

Suppression accepted() {
  Suppression suppression;
  suppression.check = "AWS_MANAGED_COPY_KEY";
  suppression.reason = "DR copies move to a CMK in Q3";
  return suppression;
}

Findings default_vault_findings() {
  Findings findings;
  findings.findings = {finding("AWS_MANAGED_COPY_KEY", Severity::error, "aurora@virginia-default"),
                       finding("MRK_REPLICA_UNUSED", Severity::warning, "aurora@virginia-default"),
                       finding("RESTS_ON_DOC_CONFLICT", Severity::info, "aurora@virginia-default")};
  return findings;
}

TEST(HasNoFindings, MatchesNoUnsuppressedFinding) {
  EXPECT_THAT(Findings{}, HasNoFindings());
  EXPECT_EQ(explain(HasNoFindings(), Findings{}), "which has no findings");
  EXPECT_EQ(describe<const Findings&>(HasNoFindings()), "has no findings");
  EXPECT_EQ(describe_negation<const Findings&>(HasNoFindings()), "has findings");
}

TEST(HasNoFindings, MismatchListsTheFindings) {
  EXPECT_THAT(default_vault_findings(), Not(HasNoFindings()));
  EXPECT_EQ(explain(HasNoFindings(), default_vault_findings()),
            "which has 3 findings:\n"
            "  error AWS_MANAGED_COPY_KEY aurora@virginia-default: the message Fix: the fix.\n"
            "  warning MRK_REPLICA_UNUSED aurora@virginia-default: the message Fix: the fix.\n"
            "  info RESTS_ON_DOC_CONFLICT aurora@virginia-default: the message Fix: the fix.");
}

TEST(HasNoFindings, ThresholdIgnoresLowerSeverities) {
  Findings findings = default_vault_findings();
  findings.findings.erase(findings.findings.begin());  // no error left
  const auto matcher = HasNoFindings(Severity::error);
  EXPECT_THAT(findings, matcher);
  EXPECT_EQ(describe<const Findings&>(matcher), "has no findings at error or above");
  EXPECT_EQ(describe_negation<const Findings&>(matcher), "has findings at error or above");
  EXPECT_EQ(explain(matcher, findings),
            "which has no findings at error or above (2 findings "
            "below error)");
  EXPECT_THAT(findings, Not(HasNoFindings(Severity::warning)));
  EXPECT_EQ(explain(HasNoFindings(Severity::warning), findings),
            "which has 1 finding at warning or above (1 finding below warning):\n"
            "  warning MRK_REPLICA_UNUSED aurora@virginia-default: the message Fix: the fix.");
}

TEST(HasNoFindings, SuppressedFindingsNeverCount) {
  Findings findings;
  findings.findings = {finding("AWS_MANAGED_COPY_KEY", Severity::error, "aurora@virginia-default")};
  findings.findings[0].suppressed_by = accepted();
  EXPECT_THAT(findings, HasNoFindings());
  EXPECT_EQ(explain(HasNoFindings(), findings), "which has no findings (1 suppressed)");
}

TEST(HasFinding, MatchesACheckId) {
  const auto matcher = HasFinding("AWS_MANAGED_COPY_KEY");
  EXPECT_THAT(default_vault_findings(), matcher);
  EXPECT_THAT(Findings{}, Not(matcher));
  EXPECT_EQ(describe<const Findings&>(matcher), "has an unsuppressed AWS_MANAGED_COPY_KEY finding");
  EXPECT_EQ(describe_negation<const Findings&>(matcher),
            "has no unsuppressed AWS_MANAGED_COPY_KEY finding");
  EXPECT_EQ(explain(matcher, default_vault_findings()),
            "which has error AWS_MANAGED_COPY_KEY aurora@virginia-default: the message Fix: the "
            "fix.");
  EXPECT_EQ(explain(matcher, Findings{}), "which has no findings");
}

TEST(HasFinding, MatchesTheSubject) {
  EXPECT_THAT(default_vault_findings(),
              HasFinding("MRK_REPLICA_UNUSED", "aurora@virginia-default"));
  EXPECT_THAT(default_vault_findings(), HasFinding("MRK_REPLICA_UNUSED", HasSubstr("@virginia")));
  const auto other = HasFinding("MRK_REPLICA_UNUSED", "orders@dr");
  EXPECT_THAT(default_vault_findings(), Not(other));
  EXPECT_EQ(describe<const Findings&>(other),
            "has an unsuppressed MRK_REPLICA_UNUSED finding whose subject is equal to "
            "\"orders@dr\"");
  EXPECT_EQ(explain(other, default_vault_findings()),
            "which has 3 findings:\n"
            "  error AWS_MANAGED_COPY_KEY aurora@virginia-default: the message Fix: the fix.\n"
            "  warning MRK_REPLICA_UNUSED aurora@virginia-default: the message Fix: the fix.\n"
            "  info RESTS_ON_DOC_CONFLICT aurora@virginia-default: the message Fix: the fix.");
}

TEST(HasFinding, ASuppressedFindingIsListedButDoesNotMatch) {
  Findings findings;
  findings.findings = {finding("AWS_MANAGED_COPY_KEY", Severity::error, "aurora@virginia-default")};
  findings.findings[0].suppressed_by = accepted();
  EXPECT_THAT(findings, Not(HasFinding("AWS_MANAGED_COPY_KEY")));
  EXPECT_EQ(explain(HasFinding("AWS_MANAGED_COPY_KEY"), findings),
            "which has 1 finding:\n"
            "  error AWS_MANAGED_COPY_KEY aurora@virginia-default: the message Fix: the fix. "
            "[suppressed: DR copies move to a CMK in Q3]");
}

TEST(HasFinding, SaysWhenTheCheckIdIsNotOne) {
  EXPECT_EQ(describe<const Findings&>(HasFinding("AWS_MANAGED_COPY_KEYS")),
            "has an unsuppressed AWS_MANAGED_COPY_KEYS finding (AWS_MANAGED_COPY_KEYS is not a "
            "snapkey check id; did you mean AWS_MANAGED_COPY_KEY?)");
  EXPECT_EQ(explain(HasFinding("NOPE"), Findings{}),
            "which has no findings (NOPE is not a snapkey check id)");
}

TEST(FindingMatchers, ExplainADesignThatDidNotLoad) {
  Location missing;
  missing.file = "missing.yaml";
  const Result<Design> bad = Error{"E_FILE", "cannot read file", missing};
  EXPECT_THAT(bad, Not(HasNoFindings()));
  EXPECT_THAT(bad, Not(HasFinding("JOB_FAILS")));
  EXPECT_EQ(explain(HasNoFindings(), bad),
            "which did not load: missing.yaml: error E_FILE: cannot read file");
  EXPECT_EQ(failure_of([&] { EXPECT_THAT(bad, HasNoFindings()); }),
            "Value of: bad\n"
            "Expected: has no findings\n"
            "  Actual: an error: missing.yaml: error E_FILE: cannot read file, which did not "
            "load: missing.yaml: error E_FILE: cannot read file");
}

// ---------------------------------------------------------------------------------------------
// Printing

TEST(PrintTo, NamesTheQuestion) {
  EXPECT_EQ(::testing::PrintToString(Lookup(nullptr, "copy of aurora into us-west-2", "...")),
            "copy of aurora into us-west-2");
}

// ---------------------------------------------------------------------------------------------
// Design: loading, and finding recovery points in it

const std::string kArticle = kSource + "/examples/article/";

// orders is copied into two vaults of N. Virginia; unprotected is backed up by nothing.
constexpr std::string_view kTwoCopies = R"(
keys:
  app-key:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab
    alias: alias/app-key
  dr-key:
    arn: arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001
    alias: alias/dr-key
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: app-key
  unprotected:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:unprotected
    type: aurora
    key: app-key
vaults:
  primary:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary
  dr:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:dr
    key: dr-key
  virginia-default:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
plans:
  daily:
    rules:
      - name: daily
        vault: primary
        copy_to: [dr, virginia-default]
    resources: [orders]
)";

Design two_copies() {
  Result<ModelInput> input = io::read_scenario(kTwoCopies, "two-copies.yaml");
  EXPECT_TRUE(input.ok()) << input.error().to_string();
  Result<Model> model = Model::build(std::move(input).value());
  EXPECT_TRUE(model.ok()) << model.error().to_string();
  return Design::from(predict(*model, {}));
}

TEST(Design, LoadPredictsAndChecks) {
  const Result<Design> design = Design::load({kArticle + "1-mrk-default-vault.yaml"});
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_EQ(design->predictions().recovery_points.size(), 2u);
  EXPECT_EQ(design->findings().recovery_points, 2u);
  EXPECT_EQ(design->policy().file, "");
  EXPECT_THAT(design->copy("aurora", "us-east-1"), EncryptedWith("alias/aws/rds"));
  EXPECT_THAT(*design, HasFinding("AWS_MANAGED_COPY_KEY", "aurora@virginia-default"));
  EXPECT_THAT(design, HasFinding("AWS_MANAGED_COPY_KEY"));  // the Result itself
  EXPECT_EQ(::testing::PrintToString(*design),
            "a design of 2 recovery points of 1 resource, with 3 findings");
}

TEST(Design, LoadTakesAsOf) {
  testing::LoadOptions options;
  options.as_of = *parse_date("2024-01-01");
  const Result<Design> design = Design::load({kArticle + "1-mrk-default-vault.yaml"}, {}, options);
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_EQ(design->predictions().as_of.to_string(), "2024-01-01");
}

TEST(Design, SuppressionsExpireAgainstToday) {
  Policy policy;
  Suppression accepted;
  accepted.check = "AWS_MANAGED_COPY_KEY";
  accepted.reason = "until the DR vault exists";
  accepted.expires = *parse_date("2026-03-31");
  policy.suppressions = {accepted};
  const std::vector<std::string> paths{kArticle + "1-mrk-default-vault.yaml"};
  // Without a date, a suppression never expires (the library never reads the clock).
  EXPECT_THAT(Design::load(paths, policy), Not(HasFinding("AWS_MANAGED_COPY_KEY")));
  testing::LoadOptions options;
  options.today = *parse_date("2026-04-01");
  const Result<Design> expired = Design::load(paths, policy, options);
  EXPECT_THAT(expired, HasFinding("AWS_MANAGED_COPY_KEY", "aurora@virginia-default"));
  EXPECT_THAT(expired, HasFinding("EXPIRED_SUPPRESSION", "suppression 1"));
}

TEST(Design, LoadReportsTheInputError) {
  const Result<Design> design = Design::load({kSource + "/no/such/design.yaml"});
  ASSERT_FALSE(design.ok());
  EXPECT_EQ(design.error().to_string(),
            kSource + "/no/such/design.yaml: error E_FILE: cannot read '" + kSource +
                "/no/such/design.yaml': No such file or directory");
}

TEST(Design, LoadReportsAnInvalidPolicy) {
  Policy policy;
  policy.checks["AWS_MANAGED_COPY_KEYS"] = CheckSetting{};
  const Result<Design> design = Design::load({kArticle + "1-mrk-default-vault.yaml"}, policy);
  ASSERT_FALSE(design.ok());
  EXPECT_EQ(design.error().id, "E_POLICY_CHECK");
}

TEST(Design, LoadReportsAPolicyFileError) {
  const Result<Design> design =
      Design::load({kArticle + "1-mrk-default-vault.yaml"}, kSource + "/no/such/policy.yaml");
  ASSERT_FALSE(design.ok());
  EXPECT_EQ(design.error().to_string(),
            kSource + "/no/such/policy.yaml: error E_FILE: cannot read '" + kSource +
                "/no/such/policy.yaml': No such file or directory");
}

TEST(Design, FindById) {
  const Design design = two_copies();
  const Lookup found = design.find("orders@dr");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, "orders@dr");
  EXPECT_EQ(found.query(), "recovery point orders@dr");
  EXPECT_EQ(found.missing(), "");
  const Lookup none = design.find("orders@nowhere");
  EXPECT_FALSE(none);
  EXPECT_EQ(none.missing(),
            "the design has no recovery point orders@nowhere; it has: orders@primary (backup in "
            "ap-northeast-1, account 111111111111), orders@dr (copy in us-east-1, account "
            "111111111111), orders@virginia-default (copy in us-east-1, account 111111111111)");
}

TEST(Design, Backup) {
  const Design design = two_copies();
  EXPECT_THAT(design.backup("orders"), EncryptedWith("alias/app-key"));
  EXPECT_THAT(design.backup("arn:aws:rds:ap-northeast-1:111111111111:cluster:orders"),
              EncryptedWith("alias/app-key"));
  EXPECT_THAT(design.backup("orders", "primary"), EncryptedWith("alias/app-key"));
  EXPECT_THAT(design.backup("orders",
                            "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:"
                            "primary"),
              EncryptedWith("alias/app-key"));
  const Lookup none = design.backup("orders", "dr");
  EXPECT_FALSE(none);
  EXPECT_EQ(none.query(), "backup of orders into dr");
  EXPECT_EQ(none.missing(),
            "there is no backup of orders into dr; the recovery points of orders are: "
            "orders@primary (backup in ap-northeast-1, account 111111111111), orders@dr (copy in "
            "us-east-1, account 111111111111), orders@virginia-default (copy in us-east-1, "
            "account 111111111111)");
}

TEST(Design, CopyThatIsNotThere) {
  const Design design = two_copies();
  const Lookup none = design.copy("orders", "us-west-2");
  EXPECT_FALSE(none);
  EXPECT_EQ(::testing::PrintToString(none), "copy of orders into us-west-2");
  EXPECT_EQ(explain(EncryptedWith("alias/dr-key"), none),
            "there is no copy of orders into us-west-2; the recovery points of orders are: "
            "orders@primary (backup in ap-northeast-1, account 111111111111), orders@dr (copy in "
            "us-east-1, account 111111111111), orders@virginia-default (copy in us-east-1, "
            "account 111111111111)");
}

TEST(Design, SeveralCopiesIntoOneRegionAreNotGuessedBetween) {
  const Design design = two_copies();
  const Lookup several = design.copy("orders", "us-east-1");
  EXPECT_FALSE(several);
  EXPECT_EQ(several.missing(),
            "which copy of orders into us-east-1? there are 2 of them, orders@dr (copy in "
            "us-east-1, account 111111111111), orders@virginia-default (copy in us-east-1, "
            "account 111111111111); give the account, copy(resource, region, account), or the "
            "id, find(id)");
  // The account does not tell these two apart; the id does.
  EXPECT_FALSE(design.copy("orders", "us-east-1", "111111111111"));
  EXPECT_THAT(design.find("orders@dr"), EncryptedWith("alias/dr-key"));
  EXPECT_THAT(design.find("orders@virginia-default"), EncryptedWith("alias/aws/rds"));
}

TEST(Design, CopyOfAResourceNothingBacksUp) {
  const Design design = two_copies();
  EXPECT_EQ(design.copy("unprotected", "us-east-1").missing(),
            "there is no copy of unprotected into us-east-1: the design has no recovery point of "
            "unprotected: no plan or job backs it up");
}

TEST(Design, CopyOfAResourceThatIsNotThere) {
  const Design design = two_copies();
  EXPECT_EQ(design.copy("ordrs", "us-east-1").missing(),
            "there is no copy of ordrs into us-east-1: the design has no resource ordrs; did you "
            "mean orders? (its resources: orders, unprotected)");
}

TEST(Design, CopyIntoARegionThatIsNotOne) {
  const Design design = two_copies();
  const Lookup none = design.copy("orders", "us-est-1");
  EXPECT_THAT(none.query(), HasSubstr("copy of orders into us-est-1 ("));
  EXPECT_THAT(none.query(), HasSubstr("us-east-1"));  // parse_region's suggestion
}

TEST(Design, NativeCopyAndRecoveryPointsOf) {
  const Result<Design> design = Design::load({kArticle + "4-replica-vault.yaml"});
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  // The AWS Backup copy and the native copy both go to us-east-1; each accessor finds its own.
  EXPECT_THAT(design->copy("aurora", "us-east-1"), DecidedBy("R7"));
  EXPECT_THAT(design->native_copy("aurora", "us-east-1"), DecidedBy("R32"));
  EXPECT_THAT(design->native_copy("aurora", "us-east-1", "111111111111"), DecidedBy("R32"));
  EXPECT_FALSE(design->native_copy("aurora-single", "us-east-1"));
  EXPECT_THAT(design->recovery_points_of("aurora"),
              ::testing::ElementsAre(DecidedBy("R2"), DecidedBy("R7"), DecidedBy("R32")));
  EXPECT_THAT(design->recovery_points_of("nothing"), ::testing::IsEmpty());
}

TEST(Design, FromChecksUnderThePolicy) {
  Policy policy;
  policy.checks[std::string(kAwsManagedCopyKey)].enabled = false;
  const Design design = two_copies();
  EXPECT_THAT(design, HasFinding("AWS_MANAGED_COPY_KEY", "orders@virginia-default"));
  const Design relaxed = Design::from(design.predictions(), policy);
  EXPECT_THAT(relaxed, Not(HasFinding("AWS_MANAGED_COPY_KEY")));
  EXPECT_EQ(relaxed.policy().checks.size(), 1u);
}

TEST(Design, ArticleDefaultVaultFailsAndReplicaVaultPasses) {
  const Result<Design> default_vault = Design::load({kArticle + "1-mrk-default-vault.yaml"});
  EXPECT_THAT(default_vault, Not(HasNoFindings(Severity::error)));
  const Result<Design> replica_vault = Design::load({kArticle + "4-replica-vault.yaml"});
  EXPECT_THAT(replica_vault, HasNoFindings(Severity::warning));
}

}  // namespace
}  // namespace snapkey
