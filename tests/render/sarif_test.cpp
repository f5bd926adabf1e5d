// `snapkey check --format sarif` (render::render_findings_sarif) and io::locate_lines, which turns
// the JSON readers' JSON Pointers into the lines SARIF viewers need. The output is parsed back
// with simdjson and every field asserted exactly; tests/sarif/ validates whole logs against the
// official SARIF 2.1.0 schema.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "snapkey/check.hpp"
#include "snapkey/io/inputs.hpp"
#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/tables.hpp"
#include "snapkey/rules.hpp"
#include "snapkey/version.hpp"

namespace snapkey::render {
namespace {

namespace fs = std::filesystem;

// A rendered log, parsed back, with look-ups by JSON Pointer.
class Log {
 public:
  explicit Log(const std::string& text) : text_(text) {
    const simdjson::error_code error = parser_.parse(text_).get(root_);
    EXPECT_EQ(error, simdjson::SUCCESS) << "not JSON:\n" << text;
  }

  bool has(std::string_view pointer) const {
    return root_.at_pointer(pointer).error() == simdjson::SUCCESS;
  }
  std::string str(std::string_view pointer) const {
    std::string_view value;
    const simdjson::error_code error = root_.at_pointer(pointer).get_string().get(value);
    EXPECT_EQ(error, simdjson::SUCCESS) << "no string at " << pointer;
    return std::string(value);
  }
  std::int64_t num(std::string_view pointer) const {
    std::int64_t value = -1;
    const simdjson::error_code error = root_.at_pointer(pointer).get_int64().get(value);
    EXPECT_EQ(error, simdjson::SUCCESS) << "no integer at " << pointer;
    return value;
  }
  std::size_t size(std::string_view pointer) const {
    simdjson::dom::element element;
    if (root_.at_pointer(pointer).get(element) != simdjson::SUCCESS) return 0;
    if (element.is_array()) return element.get_array().size();
    if (element.is_object()) return element.get_object().size();
    return 0;
  }
  // The field names of the object at `pointer`, in order, joined with ",".
  std::string keys(std::string_view pointer) const {
    std::string out;
    simdjson::dom::object object;
    if (root_.at_pointer(pointer).get_object().get(object) != simdjson::SUCCESS) return "?";
    for (const auto field : object) out += (out.empty() ? "" : ",") + std::string(field.key);
    return out;
  }

 private:
  simdjson::padded_string text_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
};

Finding make_finding(std::string_view check, Severity severity, std::string subject) {
  Finding f;
  f.check = std::string(check);
  f.severity = severity;
  f.subject = std::move(subject);
  f.message = "The copy lands on aws/rds.";
  f.fix = "Point the copy at vault dr.";
  return f;
}

// One AWS_MANAGED_COPY_KEY finding located in a scenario file, like the article's scenario 1.
Findings one_finding() {
  Findings findings;
  findings.checks_run = {std::string(kJobFails), std::string(kAwsManagedCopyKey)};
  findings.recovery_points = 3;
  findings.resources = 1;
  Finding f = make_finding(kAwsManagedCopyKey, Severity::error, "orders@Default");
  f.recovery_point = "orders@Default";
  f.resource = "orders";
  f.resource_arn = "arn:aws:rds:us-east-1:111111111111:cluster:orders";
  f.vault = "Default";
  f.vault_arn = "arn:aws:backup:us-east-1:111111111111:backup-vault:Default";
  f.region = Region{"us-east-1"};
  f.account = AccountId{"111111111111"};
  f.rules = {"R6", "R9"};
  f.location = Location{"examples/article/1-mrk-default-vault.yaml", 12, 5, ""};
  findings.findings.push_back(f);
  return findings;
}

constexpr std::string_view kResult = "/runs/0/results/0";
constexpr std::string_view kLocation = "/runs/0/results/0/locations/0";

std::string at(std::string_view base, std::string_view rest) {
  return std::string(base) + std::string(rest);
}

// ---------------------------------------------------------------------------------------------
// The log and the tool

TEST(Sarif, IsOneRunOfSnapkeyWithTheSchemaAndVersion) {
  const Log log(render_findings_sarif(one_finding()));
  EXPECT_EQ(log.keys(""), "$schema,version,runs");
  EXPECT_EQ(log.str("/$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log.str("/version"), "2.1.0");
  EXPECT_EQ(log.size("/runs"), 1U);
  EXPECT_EQ(log.keys("/runs/0"), "tool,originalUriBaseIds,columnKind,results,properties");
  EXPECT_EQ(log.keys("/runs/0/tool/driver"), "name,semanticVersion,rules");
  EXPECT_EQ(log.str("/runs/0/tool/driver/name"), "snapkey");
  EXPECT_EQ(log.str("/runs/0/tool/driver/semanticVersion"), snapkey::version());
  EXPECT_EQ(log.str("/runs/0/columnKind"), "unicodeCodePoints");
}

TEST(Sarif, RunPropertiesCountWhatWasChecked) {
  const Log log(render_findings_sarif(one_finding()));
  EXPECT_EQ(log.keys("/runs/0/properties"), "checksRun,recoveryPoints,resources");
  EXPECT_EQ(log.size("/runs/0/properties/checksRun"), 2U);
  EXPECT_EQ(log.str("/runs/0/properties/checksRun/1"), "AWS_MANAGED_COPY_KEY");
  EXPECT_EQ(log.num("/runs/0/properties/recoveryPoints"), 3);
  EXPECT_EQ(log.num("/runs/0/properties/resources"), 1);
}

TEST(Sarif, EndsWithANewlineAndIsTheSameEveryTime) {
  const std::string first = render_findings_sarif(one_finding());
  EXPECT_EQ(first.back(), '\n');
  EXPECT_EQ(render_findings_sarif(one_finding()), first);
  // Nothing from the clock or the machine: the text has no date and no host.
  EXPECT_EQ(first.find("Time"), std::string::npos);
  EXPECT_EQ(first.find("invocations"), std::string::npos);
}

TEST(Sarif, NoFindingsIsAValidRunWithEveryCheckThatRanAsARule) {
  Findings findings;
  findings.checks_run = {std::string(kJobFails), std::string(kUnencrypted)};
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.size("/runs/0/results"), 0U);
  EXPECT_TRUE(log.has("/runs/0/results"));  // present and empty: the scan ran and found nothing
  EXPECT_EQ(log.size("/runs/0/tool/driver/rules"), 2U);
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/1/id"), "UNENCRYPTED");
  EXPECT_FALSE(log.has("/runs/0/originalUriBaseIds"));  // no relative path to resolve
}

// ---------------------------------------------------------------------------------------------
// Rules

TEST(SarifRules, AreTheChecksThatRanAndTheChecksWithFindingsInTableOrder) {
  Findings findings;
  findings.checks_run = {std::string(kUnencrypted), std::string(kIndeterminate)};
  findings.findings.push_back(make_finding(kMrkReplicaUnused, Severity::warning, "a@b"));
  findings.findings.push_back(make_finding(kJobFails, Severity::error, "c@d"));
  const Log log(render_findings_sarif(findings));
  ASSERT_EQ(log.size("/runs/0/tool/driver/rules"), 4U);
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/0/id"), "JOB_FAILS");
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/1/id"), "UNENCRYPTED");
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/2/id"), "MRK_REPLICA_UNUSED");
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/3/id"), "INDETERMINATE");
  // Each result points at its rule by index.
  EXPECT_EQ(log.str("/runs/0/results/0/ruleId"), "MRK_REPLICA_UNUSED");
  EXPECT_EQ(log.num("/runs/0/results/0/ruleIndex"), 2);
  EXPECT_EQ(log.str("/runs/0/results/1/ruleId"), "JOB_FAILS");
  EXPECT_EQ(log.num("/runs/0/results/1/ruleIndex"), 0);
}

TEST(SarifRules, CarryTheCheckTable) {
  const Log log(render_findings_sarif(one_finding()));
  const std::string rule = "/runs/0/tool/driver/rules/1";
  const CheckInfo& check = *find_check(kAwsManagedCopyKey);
  EXPECT_EQ(log.keys(rule),
            "id,name,shortDescription,fullDescription,help,defaultConfiguration,properties");
  EXPECT_EQ(log.str(rule + "/id"), "AWS_MANAGED_COPY_KEY");
  EXPECT_EQ(log.str(rule + "/name"), "AwsManagedCopyKey");
  EXPECT_EQ(log.str(rule + "/shortDescription/text"), check.title);
  EXPECT_EQ(log.str(rule + "/fullDescription/text"), check.rationale);
  EXPECT_EQ(log.str(rule + "/defaultConfiguration/level"), "error");
  EXPECT_EQ(log.size(rule + "/properties/tags"), 3U);
  EXPECT_EQ(log.str(rule + "/properties/tags/0"), "aws-backup");
  EXPECT_EQ(log.str(rule + "/properties/tags/1"), "backup");
  EXPECT_EQ(log.str(rule + "/properties/tags/2"), "kms");
}

TEST(SarifRules, HelpIsTheFixAndTheRulesWithTheirSources) {
  const Log log(render_findings_sarif(one_finding()));
  const CheckInfo& check = *find_check(kAwsManagedCopyKey);
  std::string text = fmt::format("Fix: {}\n\nRules (docs/rules.md):", check.fix);
  std::string markdown = fmt::format("**Fix:** {}\n\n**Rules** (docs/rules.md):\n", check.fix);
  for (const std::string_view id : check.rules) {
    const Rule& rule = *find_rule(id);
    text += fmt::format("\n- {} {}", id, rule.title);
    markdown += fmt::format("\n- **{}** {}", id, rule.title);
    for (const std::string_view source : rule.sources) {
      text += fmt::format("\n  source: {}", source);
      markdown += source.starts_with("https://") ? fmt::format(" [source]({})", source)
                                                 : fmt::format(" (source: {})", source);
    }
  }
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/1/help/text"), text);
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/1/help/markdown"), markdown);
  // R9 is among them, with a link to AWS's documentation.
  EXPECT_NE(text.find("\n- R9 "), std::string::npos);
  EXPECT_NE(markdown.find("[source](https://docs.aws.amazon.com/"), std::string::npos);
}

TEST(SarifRules, DefaultLevelIsTheChecksSeverityAndInfoIsANote) {
  Findings findings;
  findings.checks_run = {std::string(kKeyNotEnabled), std::string(kMrkReplicaUnused),
                         std::string(kRestsOnDocConflict)};
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/0/id"), "MRK_REPLICA_UNUSED");
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/1/id"), "KEY_NOT_ENABLED");
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/0/defaultConfiguration/level"), "warning");
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/1/defaultConfiguration/level"), "error");
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/2/defaultConfiguration/level"), "note");
}

TEST(SarifRules, AnIdTheTableDoesNotKnowGetsABareRuleAfterTheOthers) {
  Findings findings;
  findings.findings.push_back(make_finding("FROM_A_PLUGIN", Severity::warning, "x"));
  findings.findings.push_back(make_finding(kJobFails, Severity::error, "y"));
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/0/id"), "JOB_FAILS");
  EXPECT_EQ(log.keys("/runs/0/tool/driver/rules/1"), "id,name");
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/1/name"), "FromAPlugin");
  EXPECT_EQ(log.num("/runs/0/results/0/ruleIndex"), 1);
}

// ---------------------------------------------------------------------------------------------
// Results

TEST(SarifResults, HaveRuleLevelMessageWithTheFixLocationFingerprintAndProperties) {
  const Log log(render_findings_sarif(one_finding()));
  EXPECT_EQ(log.keys(kResult),
            "ruleId,ruleIndex,level,message,locations,partialFingerprints,properties");
  EXPECT_EQ(log.str(at(kResult, "/ruleId")), "AWS_MANAGED_COPY_KEY");
  EXPECT_EQ(log.num(at(kResult, "/ruleIndex")), 1);
  EXPECT_EQ(log.str(at(kResult, "/level")), "error");
  EXPECT_EQ(log.keys(at(kResult, "/message")), "text");
  EXPECT_EQ(log.str(at(kResult, "/message/text")),
            "The copy lands on aws/rds. Fix: Point the copy at vault dr.");
  EXPECT_EQ(log.keys(at(kResult, "/partialFingerprints")), "snapkey/v1");
  EXPECT_EQ(log.str(at(kResult, "/partialFingerprints/snapkey~1v1")),
            "AWS_MANAGED_COPY_KEY:orders@Default");
}

TEST(SarifResults, PropertiesNameWhatTheFindingIsAbout) {
  const Log log(render_findings_sarif(one_finding()));
  const std::string p = at(kResult, "/properties");
  EXPECT_EQ(log.keys(p),
            "subject,recoveryPoint,resource,resourceArn,vault,vaultArn,region,"
            "account,rules");
  EXPECT_EQ(log.str(p + "/subject"), "orders@Default");
  EXPECT_EQ(log.str(p + "/recoveryPoint"), "orders@Default");
  EXPECT_EQ(log.str(p + "/resource"), "orders");
  EXPECT_EQ(log.str(p + "/resourceArn"), "arn:aws:rds:us-east-1:111111111111:cluster:orders");
  EXPECT_EQ(log.str(p + "/vault"), "Default");
  EXPECT_EQ(log.str(p + "/vaultArn"), "arn:aws:backup:us-east-1:111111111111:backup-vault:Default");
  EXPECT_EQ(log.str(p + "/region"), "us-east-1");
  EXPECT_EQ(log.str(p + "/account"), "111111111111");
  EXPECT_EQ(log.str(p + "/rules/1"), "R9");
}

TEST(SarifResults, LevelIsTheFindingsSeverityWhichThePolicyMayHaveChanged) {
  Findings findings;
  findings.findings.push_back(make_finding(kIndeterminate, Severity::error, "a"));
  findings.findings.push_back(make_finding(kJobFails, Severity::warning, "b"));
  findings.findings.push_back(make_finding(kUnusedSuppression, Severity::info, "suppression 1"));
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.str("/runs/0/results/0/level"), "error");
  EXPECT_EQ(log.str("/runs/0/results/1/level"), "warning");
  EXPECT_EQ(log.str("/runs/0/results/2/level"), "note");
  // The rule keeps the check's own default.
  EXPECT_EQ(log.str("/runs/0/tool/driver/rules/1/defaultConfiguration/level"), "warning");
}

TEST(SarifResults, MessageWithoutAFixIsTheMessageAlone) {
  Findings findings;
  Finding f = make_finding(kRestsOnInferredRule, Severity::info, "a@b");
  f.fix.clear();
  findings.findings.push_back(f);
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.str("/runs/0/results/0/message/text"), "The copy lands on aws/rds.");
}

TEST(SarifResults, TextFromTheInputIsEscaped) {
  Findings findings;
  Finding f = make_finding(kJobFails, Severity::error, "vault \"q\"\n\\");
  f.message = "Tab\there, quote \" and é.";
  findings.findings.push_back(f);
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.str("/runs/0/results/0/message/text"),
            "Tab\there, quote \" and é. Fix: Point the copy at vault dr.");
  EXPECT_EQ(log.str("/runs/0/results/0/properties/subject"), "vault \"q\"\n\\");
}

TEST(SarifResults, FingerprintsOfFindingsWithTheSameCheckAndSubjectAreNumbered) {
  Findings findings;
  findings.findings.push_back(make_finding(kNoCrossRegionCopy, Severity::error, "orders"));
  findings.findings.push_back(make_finding(kNoCrossRegionCopy, Severity::error, "orders"));
  findings.findings.push_back(make_finding(kNoCrossRegionCopy, Severity::error, "billing"));
  findings.findings.push_back(make_finding(kNoCrossRegionCopy, Severity::error, "orders"));
  const Log log(render_findings_sarif(findings));
  const auto print = [&](int i) {
    return log.str(fmt::format("/runs/0/results/{}/partialFingerprints/snapkey~1v1", i));
  };
  EXPECT_EQ(print(0), "NO_CROSS_REGION_COPY:orders");
  EXPECT_EQ(print(1), "NO_CROSS_REGION_COPY:orders#2");
  EXPECT_EQ(print(2), "NO_CROSS_REGION_COPY:billing");
  EXPECT_EQ(print(3), "NO_CROSS_REGION_COPY:orders#3");
}

TEST(SarifResults, FingerprintIgnoresLinesAndWording) {
  Findings moved = one_finding();
  moved.findings[0].location.line = 40;
  moved.findings[0].message = "Reworded.";
  const Log before(render_findings_sarif(one_finding()));
  const Log after(render_findings_sarif(moved));
  EXPECT_EQ(after.str(at(kResult, "/partialFingerprints/snapkey~1v1")),
            before.str(at(kResult, "/partialFingerprints/snapkey~1v1")));
}

// ---------------------------------------------------------------------------------------------
// Locations

TEST(SarifLocations, RelativeFileIsAUriAgainstSrcRootWithLineAndColumn) {
  const Log log(render_findings_sarif(one_finding()));
  EXPECT_EQ(log.size(at(kResult, "/locations")), 1U);
  EXPECT_EQ(log.keys(kLocation), "physicalLocation");
  const std::string physical = at(kLocation, "/physicalLocation");
  EXPECT_EQ(log.keys(physical), "artifactLocation,region");
  EXPECT_EQ(log.str(physical + "/artifactLocation/uri"),
            "examples/article/1-mrk-default-vault.yaml");
  EXPECT_EQ(log.str(physical + "/artifactLocation/uriBaseId"), "%SRCROOT%");
  EXPECT_EQ(log.keys(physical + "/region"), "startLine,startColumn");
  EXPECT_EQ(log.num(physical + "/region/startLine"), 12);
  EXPECT_EQ(log.num(physical + "/region/startColumn"), 5);
  EXPECT_EQ(log.str("/runs/0/originalUriBaseIds/%SRCROOT%/description/text"),
            "The directory snapkey check ran in: input paths given as relative are relative to "
            "it.");
}

TEST(SarifLocations, LeadingDotSlashIsDroppedAndOddCharactersArePercentEncoded) {
  Findings findings = one_finding();
  findings.findings[0].location.file = "././plans/my plan#1 (é).json";
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.str(at(kLocation, "/physicalLocation/artifactLocation/uri")),
            "plans/my%20plan%231%20%28%C3%A9%29.json");
}

TEST(SarifLocations, AbsoluteFileIsAFileUriWithoutBase) {
  Findings findings = one_finding();
  findings.findings[0].location.file = "/tmp/my plans/plan.json";
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.keys(at(kLocation, "/physicalLocation/artifactLocation")), "uri");
  EXPECT_EQ(log.str(at(kLocation, "/physicalLocation/artifactLocation/uri")),
            "file:///tmp/my%20plans/plan.json");
  EXPECT_FALSE(log.has("/runs/0/originalUriBaseIds"));
}

TEST(SarifLocations, LineWithoutColumnAndNoLineAtAll) {
  Findings findings = one_finding();
  findings.findings[0].location.column = 0;
  EXPECT_EQ(Log(render_findings_sarif(findings)).keys(at(kLocation, "/physicalLocation/region")),
            "startLine");
  findings.findings[0].location.line = 0;
  EXPECT_EQ(Log(render_findings_sarif(findings)).keys(at(kLocation, "/physicalLocation")),
            "artifactLocation");
}

TEST(SarifLocations, TerraformAddressIsALogicalResourceBesideTheLine) {
  Findings findings = one_finding();
  findings.findings[0].location = Location{"plan.json", 120, 7, "/resource_changes/4"};
  findings.findings[0].address = "module.backup.aws_backup_plan.main";
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.keys(kLocation), "physicalLocation,logicalLocations");
  EXPECT_EQ(log.num(at(kLocation, "/physicalLocation/region/startLine")), 120);
  // The pointer became a line: it is not repeated as a logical location.
  EXPECT_EQ(log.size(at(kLocation, "/logicalLocations")), 1U);
  EXPECT_EQ(log.keys(at(kLocation, "/logicalLocations/0")), "fullyQualifiedName,kind");
  EXPECT_EQ(log.str(at(kLocation, "/logicalLocations/0/fullyQualifiedName")),
            "module.backup.aws_backup_plan.main");
  EXPECT_EQ(log.str(at(kLocation, "/logicalLocations/0/kind")), "resource");
}

TEST(SarifLocations, JsonPointerWithoutALineIsALogicalValue) {
  Findings findings = one_finding();
  findings.findings[0].location = Location{"export/rds.json", 0, 0, "/DBClusters/0"};
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.keys(at(kLocation, "/physicalLocation")), "artifactLocation");
  EXPECT_EQ(log.str(at(kLocation, "/logicalLocations/0/fullyQualifiedName")), "/DBClusters/0");
  EXPECT_EQ(log.str(at(kLocation, "/logicalLocations/0/kind")), "value");
}

TEST(SarifLocations, LogicalIdInThePointerIsALogicalResourceOnceOnly) {
  Findings findings = one_finding();
  findings.findings[0].location = Location{"ireland.yaml", 30, 3, "BackupPlan"};
  findings.findings[0].address = "BackupPlan";
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.size(at(kLocation, "/logicalLocations")), 1U);  // SARIF wants them unique
  EXPECT_EQ(log.str(at(kLocation, "/logicalLocations/0/fullyQualifiedName")), "BackupPlan");

  findings.findings[0].address = "Stack/BackupPlan";
  const Log two(render_findings_sarif(findings));
  EXPECT_EQ(two.size(at(kLocation, "/logicalLocations")), 2U);
  EXPECT_EQ(two.str(at(kLocation, "/logicalLocations/1/fullyQualifiedName")), "BackupPlan");
  EXPECT_EQ(two.str(at(kLocation, "/logicalLocations/1/kind")), "resource");
}

TEST(SarifLocations, AddressWithoutFileIsALogicalLocationAlone) {
  Findings findings = one_finding();
  findings.findings[0].location = Location{};
  findings.findings[0].address = "aws_rds_cluster.orders";
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.keys(kLocation), "logicalLocations");
}

TEST(SarifLocations, FindingWithNoPlaceHasNoLocations) {
  Findings findings = one_finding();
  findings.findings[0].location = Location{};
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.keys(kResult), "ruleId,ruleIndex,level,message,partialFingerprints,properties");
  EXPECT_FALSE(log.has("/runs/0/originalUriBaseIds"));
}

// ---------------------------------------------------------------------------------------------
// Suppressions

Suppression suppression() {
  Suppression s;
  s.check = std::string(kAwsManagedCopyKey);
  s.resource = "orders";
  s.reason = "DR copies move to the replica vault in Q3 (TICKET-42)";
  s.expires = Date{2026, 9, 30};
  s.location = Location{"policy.yaml", 14, 5, ""};
  return s;
}

TEST(SarifSuppressions, AreExternalAcceptedWithTheReasonAndWhereThePolicySaysIt) {
  Findings findings = one_finding();
  findings.findings[0].suppressed_by = suppression();
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.keys(kResult),
            "ruleId,ruleIndex,level,message,locations,partialFingerprints,"
            "suppressions,properties");
  const std::string s = at(kResult, "/suppressions/0");
  EXPECT_EQ(log.size(at(kResult, "/suppressions")), 1U);
  EXPECT_EQ(log.keys(s), "kind,status,justification,location,properties");
  EXPECT_EQ(log.str(s + "/kind"), "external");
  EXPECT_EQ(log.str(s + "/status"), "accepted");
  EXPECT_EQ(log.str(s + "/justification"), "DR copies move to the replica vault in Q3 (TICKET-42)");
  EXPECT_EQ(log.str(s + "/location/physicalLocation/artifactLocation/uri"), "policy.yaml");
  EXPECT_EQ(log.num(s + "/location/physicalLocation/region/startLine"), 14);
  EXPECT_EQ(log.str(s + "/properties/expires"), "2026-09-30");
  // The level stays the finding's: dashboards show it as suppressed, not as fixed.
  EXPECT_EQ(log.str(at(kResult, "/level")), "error");
}

TEST(SarifSuppressions, WithoutExpiryOrFileHaveJustTheReason) {
  Findings findings = one_finding();
  Suppression s = suppression();
  s.expires.reset();
  s.location = Location{};
  findings.findings[0].suppressed_by = s;
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.keys(at(kResult, "/suppressions/0")), "kind,status,justification");
}

TEST(SarifSuppressions, UnsuppressedFindingsHaveNone) {
  const Log log(render_findings_sarif(one_finding()));
  EXPECT_FALSE(log.has(at(kResult, "/suppressions")));
}

// ---------------------------------------------------------------------------------------------
// locate_lines

class LocateLines : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ =
        fs::temp_directory_path() / fmt::format("snapkey-sarif-{}-{}", ::getpid(), info->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string write(const std::string& name, std::string_view text) {
    const fs::path path = root_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  // Findings located at `pointers` in `file`, lines unknown.
  static Findings at_pointers(const std::string& file, const std::vector<std::string>& pointers) {
    Findings findings;
    for (const std::string& pointer : pointers) {
      Finding f = make_finding(kJobFails, Severity::error, pointer);
      f.location = Location{file, 0, 0, pointer};
      findings.findings.push_back(f);
    }
    return findings;
  }

  fs::path root_;
};

constexpr std::string_view kExport =
    "{\n"
    "  \"BackupPlans\": [\n"
    "    {\"Name\": \"daily\", \"Rules\": [\n"
    "      {\"RuleName\": \"dr\"},\n"
    "      {\"RuleName\": \"copy\"}\n"
    "    ]}\n"
    "  ],\n"
    "  \"a/b\": {\"c~d\": true},\n"
    "  \"Tags\": {\"é\": \"x\", \"k\": 5}\n"
    "}\n";

TEST_F(LocateLines, FillsInLineAndColumnOfEveryPointer) {
  const std::string file = write("export.json", kExport);
  Findings findings = at_pointers(
      file, {"/BackupPlans/0", "/BackupPlans/0/Rules/1", "/BackupPlans/0/Rules/1/RuleName",
             "/BackupPlans", "/a~1b/c~0d", "/Tags/k", "/BackupPlans/0/Name"});
  io::locate_lines(findings);
  const auto place = [&](int i) {
    const Location& l = findings.findings[static_cast<std::size_t>(i)].location;
    return fmt::format("{}:{}", l.line, l.column);
  };
  EXPECT_EQ(place(0), "3:5");
  EXPECT_EQ(place(1), "5:7");
  EXPECT_EQ(place(2), "5:20");
  EXPECT_EQ(place(3), "2:18");
  EXPECT_EQ(place(4), "8:18");  // "a/b" and "c~d", escaped in the pointer as ~1 and ~0
  EXPECT_EQ(place(5), "9:27");  // columns count characters: "é" is one
  EXPECT_EQ(place(6), "3:14");
  // The pointer and file stay: the line is added, nothing replaced.
  EXPECT_EQ(findings.findings[1].location.pointer, "/BackupPlans/0/Rules/1");
  EXPECT_EQ(findings.findings[1].location.file, file);
}

TEST_F(LocateLines, RootIsWhereTheDocumentStarts) {
  const std::string file = write("root.json", "\n\n  {\"a\": 1}\n");
  Findings findings = at_pointers(file, {"/"});
  io::locate_lines(findings);
  EXPECT_EQ(findings.findings[0].location.line, 3);
  EXPECT_EQ(findings.findings[0].location.column, 3);
}

TEST_F(LocateLines, CrLfLinesCountOnce) {
  const std::string file = write("crlf.json", "{\r\n  \"a\": {\r\n    \"b\": 1\r\n  }\r\n}\r\n");
  Findings findings = at_pointers(file, {"/a/b", "/a"});
  io::locate_lines(findings);
  EXPECT_EQ(findings.findings[0].location.line, 3);
  EXPECT_EQ(findings.findings[0].location.column, 10);
  EXPECT_EQ(findings.findings[1].location.line, 2);
  EXPECT_EQ(findings.findings[1].location.column, 8);
}

TEST_F(LocateLines, LeavesWhatItCannotResolveAsItWas) {
  const std::string json = write("export.json", kExport);
  const std::string broken = write("broken.json", "{\"a\": [1, 2,, 3]}");
  const std::string yaml = write("template.yaml", "a:\n  b: 1\n");
  Findings findings = at_pointers(json, {"/BackupPlans/7", "/Nope", "/BackupPlans/x"});
  findings.findings.push_back(at_pointers(broken, {"/b"}).findings[0]);
  findings.findings.push_back(at_pointers(yaml, {"/a/b"}).findings[0]);
  findings.findings.push_back(at_pointers((root_ / "missing.json").string(), {"/a"}).findings[0]);
  const Findings before = findings;
  io::locate_lines(findings);
  ASSERT_EQ(findings.findings.size(), before.findings.size());
  for (std::size_t i = 0; i < findings.findings.size(); ++i) {
    EXPECT_EQ(findings.findings[i].location, before.findings[i].location) << i;
  }
}

TEST_F(LocateLines, TouchesOnlyJsonPointersWithoutALine) {
  const std::string file = write("export.json", kExport);
  Findings findings = at_pointers(file, {"/BackupPlans/0"});
  findings.findings[0].location.line = 40;  // a reader already knew the line
  findings.findings.push_back(at_pointers(file, {"BackupPlan"}).findings[0]);    // a logical id
  findings.findings.push_back(at_pointers("", {"/BackupPlans/0"}).findings[0]);  // no file
  const Findings before = findings;
  io::locate_lines(findings);
  EXPECT_EQ(findings.findings[0].location, before.findings[0].location);
  EXPECT_EQ(findings.findings[1].location, before.findings[1].location);
  EXPECT_EQ(findings.findings[2].location, before.findings[2].location);
}

TEST_F(LocateLines, SuppressionLocationsToo) {
  const std::string file = write("export.json", kExport);
  Findings findings = at_pointers(file, {"/Tags"});
  Suppression s;
  s.location = Location{file, 0, 0, "/a~1b"};
  findings.findings[0].suppressed_by = s;
  io::locate_lines(findings);
  EXPECT_EQ(findings.findings[0].location.line, 9);
  EXPECT_EQ(findings.findings[0].suppressed_by->location.line, 8);
  EXPECT_EQ(findings.findings[0].suppressed_by->location.column, 10);
}

TEST_F(LocateLines, SeveralFilesAndManyFindingsPerFile) {
  const std::string one = write("one.json", kExport);
  const std::string two = write("two.json", "[\n  0,\n  1,\n  2\n]\n");
  Findings findings;
  for (int round = 0; round < 50; ++round) {
    for (const auto& f : at_pointers(two, {"/2", "/0"}).findings) findings.findings.push_back(f);
    for (const auto& f : at_pointers(one, {"/Tags/k"}).findings) findings.findings.push_back(f);
  }
  io::locate_lines(findings);
  for (std::size_t i = 0; i < findings.findings.size(); i += 3) {
    EXPECT_EQ(findings.findings[i].location.line, 4);
    EXPECT_EQ(findings.findings[i + 1].location.line, 2);
    EXPECT_EQ(findings.findings[i + 2].location.line, 9);
  }
}

// A real AWS CLI export: `aws backup get-backup-plan` output as the CLI prints it.
TEST(LocateLinesExample, AwsCliBackupPlanRulesAndCopyActions) {
  const std::string file = std::string(SNAPKEY_SOURCE_DIR) +
                           "/examples/aws-cli/export/111111111111/us-east-1/backup/"
                           "get-backup-plan/e5f7a9b1-3c4d-4e6f-a8b0-2c4e6a8c0e1f.json";
  Findings findings;
  for (const char* pointer : {"/BackupPlan/Rules/0", "/BackupPlan/Rules/0/CopyActions/0",
                              "/BackupPlan/Rules/0/RuleName", "/BackupPlanArn"}) {
    Finding f = make_finding(kAwsManagedCopyKey, Severity::error, pointer);
    f.location = Location{file, 0, 0, pointer};
    findings.findings.push_back(f);
  }
  io::locate_lines(findings);
  EXPECT_EQ(findings.findings[0].location.to_string(), file + ":5:13");
  EXPECT_EQ(findings.findings[1].location.to_string(), file + ":17:21");
  EXPECT_EQ(findings.findings[2].location.to_string(), file + ":6:29");
  EXPECT_EQ(findings.findings[3].location.to_string(), file + ":30:22");

  // And in the SARIF log, as a region.
  const Log log(render_findings_sarif(findings));
  EXPECT_EQ(log.num("/runs/0/results/1/locations/0/physicalLocation/region/startLine"), 17);
  EXPECT_EQ(log.num("/runs/0/results/1/locations/0/physicalLocation/region/startColumn"), 21);
  EXPECT_FALSE(log.has("/runs/0/results/1/locations/0/logicalLocations"));
}

// The whole way, as `snapkey check --format sarif` goes: the AWS CLI reader locates the plan
// rule by JSON Pointer, locate_lines finds its line, the log shows it as a region.
TEST(SarifEndToEnd, AwsCliExportFindingsGetLinesInTheExportFiles) {
  const std::string dir = std::string(SNAPKEY_SOURCE_DIR) + "/examples/aws-cli/export";
  Result<ModelInput> input = io::read_inputs({dir}, {});
  ASSERT_TRUE(input.ok()) << input.error().to_string();
  Result<Model> model = Model::build(std::move(input).value());
  ASSERT_TRUE(model.ok()) << model.error().to_string();
  Findings findings = check(predict(*model, Options{}), Policy{});
  const auto billing =
      std::find_if(findings.findings.begin(), findings.findings.end(),
                   [](const Finding& f) { return f.subject == "billing@central"; });
  ASSERT_NE(billing, findings.findings.end());
  const std::string plan =
      "/111111111111/ap-northeast-1/backup/get-backup-plan/"
      "a9c1e3f5-7b2d-4f6a-8c0e-1d3f5b7a9c2e.json";
  EXPECT_EQ(billing->location, (Location{dir + plan, 0, 0, "/BackupPlan/Rules/0"}));

  io::locate_lines(findings);
  EXPECT_EQ(billing->location, (Location{dir + plan, 5, 13, "/BackupPlan/Rules/0"}));
  for (const Finding& f : findings.findings) EXPECT_GT(f.location.line, 0) << f.subject;

  const Log log(render_findings_sarif(findings));
  const std::string result = fmt::format(
      "/runs/0/results/{}", static_cast<std::size_t>(billing - findings.findings.begin()));
  EXPECT_EQ(log.str(result + "/ruleId"), "JOB_FAILS");
  const std::string uri = log.str(result + "/locations/0/physicalLocation/artifactLocation/uri");
  EXPECT_TRUE(uri.starts_with("file:///")) << uri;  // an absolute path: a file URI
  EXPECT_TRUE(uri.ends_with("/examples/aws-cli/export" + plan)) << uri;
  EXPECT_EQ(log.num(result + "/locations/0/physicalLocation/region/startLine"), 5);
  EXPECT_EQ(log.num(result + "/locations/0/physicalLocation/region/startColumn"), 13);
}

}  // namespace
}  // namespace snapkey::render
