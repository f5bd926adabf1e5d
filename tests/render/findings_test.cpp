// The findings renderers of `snapkey check` (text, JSON, Markdown, JUnit), the XML escaping and
// the check table renderers, on hand-built findings: no engine, no scenario files.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "render/text/text.hpp"
#include "render/text/xml.hpp"
#include "snapkey/io/inputs.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/tables.hpp"
#include "support/source_files.hpp"

namespace snapkey::render {
namespace {

using snapkey::testing::fenced_example;
using snapkey::testing::read_source_file;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// "job_fails", "r9": the anchors of docs/checks.md and docs/rules.md.
std::string lower(std::string_view id) {
  std::string out(id);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The contents of a file of the source tree ("" when it cannot be read).
// The article's copy into the Default vault of N. Virginia: alias/aws/rds.
Finding aws_managed_copy_key() {
  Finding f;
  f.check = "AWS_MANAGED_COPY_KEY";
  f.severity = Severity::error;
  f.subject = "aurora@virginia-default";
  f.recovery_point = "aurora@virginia-default";
  f.resource = "aurora";
  f.resource_arn = "arn:aws:rds:ap-northeast-1:111111111111:cluster:aurora";
  f.vault = "virginia-default";
  f.vault_arn = "arn:aws:backup:us-east-1:111111111111:backup-vault:Default";
  f.region = {"us-east-1"};
  f.account = {"111111111111"};
  f.message =
      "The copy aurora@virginia-default is encrypted with alias/aws/rds, an AWS managed key.";
  f.fix =
      "Create a vault in us-east-1 (account 111111111111) keyed with the replica "
      "alias/test-key-multi-virginia and point the copy action of plan rule test-backup-rule at "
      "it.";
  f.rules = {"R6", "R9"};
  f.location = {"design.yaml", 31, 9, ""};
  return f;
}

// The same copy: the replica of the source key is not used.
Finding mrk_replica_unused() {
  Finding f = aws_managed_copy_key();
  f.check = "MRK_REPLICA_UNUSED";
  f.severity = Severity::warning;
  f.message =
      "The source key alias/test-key-multi has a replica in us-east-1, "
      "alias/test-key-multi-virginia; the copy does not use it.";
  f.fix = "Point the copy at a vault keyed with alias/test-key-multi-virginia.";
  f.rules = {"R7", "R8"};
  return f;
}

// A Terraform resource no plan selects.
Finding not_protected() {
  Finding f;
  f.check = "NOT_PROTECTED";
  f.severity = Severity::warning;
  f.subject = "orders";
  f.resource = "orders";
  f.resource_arn = "arn:aws:rds:us-east-1:111111111111:cluster:orders";
  f.region = {"us-east-1"};
  f.account = {"111111111111"};
  f.message = "No backup plan selects orders and no job copies it.";
  f.fix = "Add orders to a backup plan's selection.";
  f.location = {"plan.json", 0, 0, "/planned_values/root_module/resources/3"};
  f.address = "aws_rds_cluster.orders";
  return f;
}

Finding doc_conflict() {
  Finding f = aws_managed_copy_key();
  f.check = "RESTS_ON_DOC_CONFLICT";
  f.severity = Severity::info;
  f.message = "The prediction rests on R9, where AWS documentation and observation disagree.";
  f.fix = "Copy into a vault keyed with a customer managed key.";
  f.rules = {"R9"};
  return f;
}

Suppression accepted(std::string check) {
  Suppression s;
  s.check = std::move(check);
  s.resource = "aurora";
  s.reason = "the replica vault comes with the next release";
  s.expires = Date{2026, 6, 30};
  s.location = {"policy.yaml", 12, 5, ""};
  return s;
}

// Every kind of finding: an error, two warnings, an info, and a suppressed warning.
Findings mixed() {
  Findings f;
  Finding suppressed = mrk_replica_unused();
  suppressed.suppressed_by = accepted("MRK_REPLICA_UNUSED");
  f.findings = {aws_managed_copy_key(), not_protected(), doc_conflict(), suppressed};
  f.checks_run = {"JOB_FAILS", "AWS_MANAGED_COPY_KEY", "MRK_REPLICA_UNUSED", "NOT_PROTECTED",
                  "RESTS_ON_DOC_CONFLICT"};
  f.recovery_points = 2;
  f.resources = 2;
  return f;
}

Findings clean() {
  Findings f;
  f.checks_run = {"JOB_FAILS", "AWS_MANAGED_COPY_KEY"};
  f.recovery_points = 4;
  f.resources = 3;
  return f;
}

// ---------------------------------------------------------------------------------------------
// Text

TEST(ReportText, GroupsBySeverityThenCheckWithWhereAndFix) {
  EXPECT_EQ(render_findings_text(mixed(), {}), R"txt(ERRORS

AWS_MANAGED_COPY_KEY: A copy is encrypted with an AWS managed key instead of a
                      customer managed key

  aurora@virginia-default
    The copy aurora@virginia-default is encrypted with alias/aws/rds, an AWS
    managed key.
    where:  design.yaml:31:9
    fix:    Create a vault in us-east-1 (account 111111111111) keyed with the
            replica alias/test-key-multi-virginia and point the copy action of
            plan rule test-backup-rule at it.
    rules:  R6, R9

WARNINGS

NOT_PROTECTED: A resource is backed up by no plan or job

  orders
    No backup plan selects orders and no job copies it.
    where:  plan.json#/planned_values/root_module/resources/3
            (aws_rds_cluster.orders)
    fix:    Add orders to a backup plan's selection.

INFO

RESTS_ON_DOC_CONFLICT: A prediction rests on behaviour where AWS documentation
                       and observation disagree

  aurora@virginia-default
    The prediction rests on R9, where AWS documentation and observation
    disagree.
    where:  design.yaml:31:9
    fix:    Copy into a vault keyed with a customer managed key.
    rules:  R9

SUPPRESSED

  warning MRK_REPLICA_UNUSED: aurora@virginia-default
    The source key alias/test-key-multi has a replica in us-east-1,
    alias/test-key-multi-virginia; the copy does not use it.
    where:  design.yaml:31:9
    reason: the replica vault comes with the next release (expires 2026-06-30)
    by:     policy.yaml:12:5

1 error, 1 warning, 1 info (1 suppressed) in 2 recovery points and 2 resources;
checks run: JOB_FAILS, AWS_MANAGED_COPY_KEY, MRK_REPLICA_UNUSED, NOT_PROTECTED,
RESTS_ON_DOC_CONFLICT
)txt");
}

TEST(ReportText, CleanSaysNoFindings) {
  EXPECT_EQ(render_findings_text(clean(), {}),
            "no findings in 4 recovery points and 3 resources; checks run: JOB_FAILS,\n"
            "AWS_MANAGED_COPY_KEY\n");
}

TEST(ReportText, OnlySuppressedFindingsLeaveNoFindingsAndSaySo) {
  Findings f = clean();
  Finding suppressed = aws_managed_copy_key();
  suppressed.suppressed_by = accepted("AWS_MANAGED_COPY_KEY");
  suppressed.suppressed_by->expires.reset();
  suppressed.suppressed_by->location = {};
  f.findings = {suppressed};
  f.recovery_points = 1;
  f.resources = 1;
  EXPECT_EQ(render_findings_text(f, {}), R"txt(SUPPRESSED

  error AWS_MANAGED_COPY_KEY: aurora@virginia-default
    The copy aurora@virginia-default is encrypted with alias/aws/rds, an AWS
    managed key.
    where:  design.yaml:31:9
    reason: the replica vault comes with the next release (no expiry)

no findings (1 suppressed) in 1 recovery point and 1 resource; checks run:
JOB_FAILS, AWS_MANAGED_COPY_KEY
)txt");
}

TEST(ReportText, NamesTheAddressAloneWhenTheInputHasNoPlace) {
  Findings f = clean();
  Finding finding = not_protected();
  finding.location = {};
  f.findings = {finding};
  EXPECT_THAT(render_findings_text(f, {}), HasSubstr("\n    where:  aws_rds_cluster.orders\n"));
  // A place that already says the address does not repeat it.
  finding.location = {"plan.json", 0, 0, "aws_rds_cluster.orders"};
  f.findings = {finding};
  EXPECT_THAT(render_findings_text(f, {}),
              HasSubstr("\n    where:  plan.json#aws_rds_cluster.orders\n    fix:"));
}

TEST(ReportText, AJsonInputsPlaceIsItsLineAndItsPointer) {  // issue 9, item 11
  Findings f = clean();
  Finding finding = not_protected();
  finding.address.reset();
  finding.location = {"export.json", 12, 5, "/DBClusters/0"};
  f.findings = {finding};
  EXPECT_THAT(render_findings_text(f, {}),
              HasSubstr("\n    where:  export.json:12:5 (#/DBClusters/0)\n"));
  finding.location = {"export.json", 0, 0, "/DBClusters/0"};  // no line found: the pointer
  f.findings = {finding};
  EXPECT_THAT(render_findings_text(f, {}), HasSubstr("\n    where:  export.json#/DBClusters/0\n"));
}

TEST(ReportText, FitsIn80Columns) {
  for (const std::string& line : lines_of(render_findings_text(mixed(), {}))) {
    EXPECT_LE(detail::display_width(line), 80U) << line;
  }
}

TEST(ReportText, ColoursSeveritiesOnlyWhenAsked) {
  const std::string coloured = render_findings_text(mixed(), {.color = true});
  EXPECT_THAT(coloured, HasSubstr("\x1b[31mERRORS\x1b[0m\n"));
  EXPECT_THAT(coloured, HasSubstr("\x1b[33mWARNINGS\x1b[0m\n"));
  EXPECT_THAT(coloured, HasSubstr("\x1b[2mINFO\x1b[0m\n"));
  EXPECT_THAT(coloured, HasSubstr("\x1b[2mSUPPRESSED\x1b[0m\n"));
  EXPECT_THAT(coloured, HasSubstr("  \x1b[33mwarning\x1b[0m MRK_REPLICA_UNUSED: "));
  EXPECT_THAT(coloured, HasSubstr("\x1b[1mNOT_PROTECTED: A resource is backed up by no plan or "
                                  "job\x1b[0m\n"));
  EXPECT_THAT(render_findings_text(mixed(), {}), Not(HasSubstr("\x1b")));
}

// ---------------------------------------------------------------------------------------------
// JSON

TEST(ReportJson, EveryFieldOfEveryFinding) {
  EXPECT_EQ(render_findings_json(mixed()), R"txt({
  "schema": "snapkey/findings/v1",
  "summary": {
    "error": 1,
    "warning": 1,
    "info": 1,
    "suppressed": 1,
    "recovery_points": 2,
    "resources": 2,
    "checks_run": [
      "JOB_FAILS",
      "AWS_MANAGED_COPY_KEY",
      "MRK_REPLICA_UNUSED",
      "NOT_PROTECTED",
      "RESTS_ON_DOC_CONFLICT"
    ]
  },
  "findings": [
    {
      "check": "AWS_MANAGED_COPY_KEY",
      "severity": "error",
      "subject": "aurora@virginia-default",
      "recovery_point": "aurora@virginia-default",
      "resource": "aurora",
      "resource_arn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:aurora",
      "vault": "virginia-default",
      "vault_arn": "arn:aws:backup:us-east-1:111111111111:backup-vault:Default",
      "region": "us-east-1",
      "account": "111111111111",
      "message": "The copy aurora@virginia-default is encrypted with alias/aws/rds, an AWS managed key.",
      "fix": "Create a vault in us-east-1 (account 111111111111) keyed with the replica alias/test-key-multi-virginia and point the copy action of plan rule test-backup-rule at it.",
      "rules": [
        "R6",
        "R9"
      ],
      "location": {
        "file": "design.yaml",
        "line": 31,
        "column": 9,
        "pointer": null
      },
      "address": null,
      "suppressed": false,
      "suppressed_by": null
    },
    {
      "check": "NOT_PROTECTED",
      "severity": "warning",
      "subject": "orders",
      "recovery_point": null,
      "resource": "orders",
      "resource_arn": "arn:aws:rds:us-east-1:111111111111:cluster:orders",
      "vault": null,
      "vault_arn": null,
      "region": "us-east-1",
      "account": "111111111111",
      "message": "No backup plan selects orders and no job copies it.",
      "fix": "Add orders to a backup plan's selection.",
      "rules": [],
      "location": {
        "file": "plan.json",
        "line": null,
        "column": null,
        "pointer": "/planned_values/root_module/resources/3"
      },
      "address": "aws_rds_cluster.orders",
      "suppressed": false,
      "suppressed_by": null
    },
    {
      "check": "RESTS_ON_DOC_CONFLICT",
      "severity": "info",
      "subject": "aurora@virginia-default",
      "recovery_point": "aurora@virginia-default",
      "resource": "aurora",
      "resource_arn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:aurora",
      "vault": "virginia-default",
      "vault_arn": "arn:aws:backup:us-east-1:111111111111:backup-vault:Default",
      "region": "us-east-1",
      "account": "111111111111",
      "message": "The prediction rests on R9, where AWS documentation and observation disagree.",
      "fix": "Copy into a vault keyed with a customer managed key.",
      "rules": [
        "R9"
      ],
      "location": {
        "file": "design.yaml",
        "line": 31,
        "column": 9,
        "pointer": null
      },
      "address": null,
      "suppressed": false,
      "suppressed_by": null
    },
    {
      "check": "MRK_REPLICA_UNUSED",
      "severity": "warning",
      "subject": "aurora@virginia-default",
      "recovery_point": "aurora@virginia-default",
      "resource": "aurora",
      "resource_arn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:aurora",
      "vault": "virginia-default",
      "vault_arn": "arn:aws:backup:us-east-1:111111111111:backup-vault:Default",
      "region": "us-east-1",
      "account": "111111111111",
      "message": "The source key alias/test-key-multi has a replica in us-east-1, alias/test-key-multi-virginia; the copy does not use it.",
      "fix": "Point the copy at a vault keyed with alias/test-key-multi-virginia.",
      "rules": [
        "R7",
        "R8"
      ],
      "location": {
        "file": "design.yaml",
        "line": 31,
        "column": 9,
        "pointer": null
      },
      "address": null,
      "suppressed": true,
      "suppressed_by": {
        "check": "MRK_REPLICA_UNUSED",
        "recovery_point": null,
        "resource": "aurora",
        "vault": null,
        "region": null,
        "account": null,
        "reason": "the replica vault comes with the next release",
        "expires": "2026-06-30",
        "location": {
          "file": "policy.yaml",
          "line": 12,
          "column": 5,
          "pointer": null
        }
      }
    }
  ]
}
)txt");
}

TEST(ReportJson, CleanHasASummaryAndNoFindings) {
  EXPECT_EQ(render_findings_json(clean()), R"txt({
  "schema": "snapkey/findings/v1",
  "summary": {
    "error": 0,
    "warning": 0,
    "info": 0,
    "suppressed": 0,
    "recovery_points": 4,
    "resources": 3,
    "checks_run": [
      "JOB_FAILS",
      "AWS_MANAGED_COPY_KEY"
    ]
  },
  "findings": []
}
)txt");
}

// ---------------------------------------------------------------------------------------------
// Markdown

TEST(ReportMarkdown, VerdictTablesFixesAndSuppressedDetails) {
  EXPECT_EQ(render_findings_markdown(mixed()),
            R"txt(## snapkey check: ❌ 1 error, 1 warning, 1 info (1 suppressed)

### Errors

| Check | Subject | Message | Location |
|---|---|---|---|
| `AWS_MANAGED_COPY_KEY` | `aurora@virginia-default` | The copy aurora@virginia-default is encrypted with alias/aws/rds, an AWS managed key. | `design.yaml:31:9` |

### Warnings

| Check | Subject | Message | Location |
|---|---|---|---|
| `NOT_PROTECTED` | `orders` | No backup plan selects orders and no job copies it. | `plan.json#/planned_values/root_module/resources/3` `aws_rds_cluster.orders` |

### Info

| Check | Subject | Message | Location |
|---|---|---|---|
| `RESTS_ON_DOC_CONFLICT` | `aurora@virginia-default` | The prediction rests on R9, where AWS documentation and observation disagree. | `design.yaml:31:9` |

### How to fix

- `AWS_MANAGED_COPY_KEY` `aurora@virginia-default`: Create a vault in us-east-1 (account 111111111111) keyed with the replica alias/test-key-multi-virginia and point the copy action of plan rule test-backup-rule at it.
- `NOT_PROTECTED` `orders`: Add orders to a backup plan's selection.
- `RESTS_ON_DOC_CONFLICT` `aurora@virginia-default`: Copy into a vault keyed with a customer managed key.

<details>
<summary>1 finding suppressed by the policy</summary>

| Check | Subject | Severity | Reason | Expires | Suppression |
|---|---|---|---|---|---|
| `MRK_REPLICA_UNUSED` | `aurora@virginia-default` | warning | the replica vault comes with the next release | 2026-06-30 | `policy.yaml:12:5` |

</details>

Checked 2 recovery points and 2 resources; checks run: `JOB_FAILS`, `AWS_MANAGED_COPY_KEY`, `MRK_REPLICA_UNUSED`, `NOT_PROTECTED`, `RESTS_ON_DOC_CONFLICT`.
)txt");
}

TEST(ReportMarkdown, CleanIsAGreenVerdict) {
  EXPECT_EQ(render_findings_markdown(clean()), R"txt(## snapkey check: ✅ No findings

Checked 4 recovery points and 3 resources; checks run: `JOB_FAILS`, `AWS_MANAGED_COPY_KEY`.
)txt");
}

// The first line of a Markdown report.
std::string headline_of(const std::vector<Finding>& findings) {
  Findings f = clean();
  f.findings = findings;
  const std::string out = render_findings_markdown(f);
  return out.substr(0, out.find('\n'));
}

TEST(ReportMarkdown, VerdictFollowsTheHighestSeverity) {
  Finding suppressed = aws_managed_copy_key();
  suppressed.suppressed_by = accepted("AWS_MANAGED_COPY_KEY");
  EXPECT_EQ(headline_of({not_protected(), not_protected()}), "## snapkey check: ⚠️ 2 warnings");
  EXPECT_EQ(headline_of({doc_conflict()}), "## snapkey check: ✅ 1 info");
  EXPECT_EQ(headline_of({suppressed}), "## snapkey check: ✅ No findings (1 suppressed)");
  EXPECT_EQ(headline_of({aws_managed_copy_key(), suppressed}),
            "## snapkey check: ❌ 1 error (1 suppressed)");
}

TEST(ReportMarkdown, FindingsWithTheSameFixShareOneItem) {
  Findings f = clean();
  Finding doc = doc_conflict();
  doc.fix = aws_managed_copy_key().fix;
  f.findings = {aws_managed_copy_key(), not_protected(), doc};
  const std::string out = render_findings_markdown(f);
  EXPECT_THAT(out,
              HasSubstr("### How to fix\n\n"
                        "- `AWS_MANAGED_COPY_KEY` `aurora@virginia-default`, "
                        "`RESTS_ON_DOC_CONFLICT` `aurora@virginia-default`: Create a vault in "
                        "us-east-1 (account 111111111111) keyed with the replica "
                        "alias/test-key-multi-virginia and point the copy action of plan rule "
                        "test-backup-rule at it.\n"
                        "- `NOT_PROTECTED` `orders`: Add orders to a backup plan's selection.\n"
                        "\nChecked "));
}

TEST(ReportMarkdown, EscapesInputText) {
  Findings f = clean();
  Finding finding = not_protected();
  finding.subject = "a|b`c";
  finding.message = "*not* [bold](x) <img src=x> a|b & c_d\nnext";
  finding.fix = "use `key` <here>";
  f.findings = {finding};
  const std::string out = render_findings_markdown(f);
  EXPECT_THAT(out, HasSubstr("| `NOT_PROTECTED` | ``a\\|b`c`` | \\*not\\* \\[bold\\](x) \\<img "
                             "src=x\\> a\\|b \\& c\\_d next | "));
  EXPECT_THAT(out, HasSubstr("- `NOT_PROTECTED` ``a|b`c``: use \\`key\\` \\<here\\>\n"));
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

TEST(ReportJunit, SuitePerCheckFailurePerFindingSkippedPerSuppressed) {
  EXPECT_EQ(render_findings_junit(mixed()), R"txt(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="snapkey check" tests="5" failures="3" errors="0" skipped="1">
  <testsuite name="JOB_FAILS" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="snapkey.JOB_FAILS" name="no findings"/>
  </testsuite>
  <testsuite name="AWS_MANAGED_COPY_KEY" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="snapkey.AWS_MANAGED_COPY_KEY" name="aurora@virginia-default">
      <failure message="The copy aurora@virginia-default is encrypted with alias/aws/rds, an AWS managed key." type="error">The copy aurora@virginia-default is encrypted with alias/aws/rds, an AWS managed key.
where: design.yaml:31:9
fix: Create a vault in us-east-1 (account 111111111111) keyed with the replica alias/test-key-multi-virginia and point the copy action of plan rule test-backup-rule at it.
rules: R6, R9</failure>
    </testcase>
  </testsuite>
  <testsuite name="MRK_REPLICA_UNUSED" tests="1" failures="0" errors="0" skipped="1">
    <testcase classname="snapkey.MRK_REPLICA_UNUSED" name="aurora@virginia-default">
      <skipped message="suppressed: the replica vault comes with the next release (expires 2026-06-30)"/>
    </testcase>
  </testsuite>
  <testsuite name="NOT_PROTECTED" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="snapkey.NOT_PROTECTED" name="orders">
      <failure message="No backup plan selects orders and no job copies it." type="warning">No backup plan selects orders and no job copies it.
where: plan.json#/planned_values/root_module/resources/3 (aws_rds_cluster.orders)
fix: Add orders to a backup plan's selection.</failure>
    </testcase>
  </testsuite>
  <testsuite name="RESTS_ON_DOC_CONFLICT" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="snapkey.RESTS_ON_DOC_CONFLICT" name="aurora@virginia-default">
      <failure message="The prediction rests on R9, where AWS documentation and observation disagree." type="info">The prediction rests on R9, where AWS documentation and observation disagree.
where: design.yaml:31:9
fix: Copy into a vault keyed with a customer managed key.
rules: R9</failure>
    </testcase>
  </testsuite>
</testsuites>
)txt");
}

TEST(ReportJunit, CleanChecksPass) {
  EXPECT_EQ(render_findings_junit(clean()), R"txt(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="snapkey check" tests="2" failures="0" errors="0" skipped="0">
  <testsuite name="JOB_FAILS" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="snapkey.JOB_FAILS" name="no findings"/>
  </testsuite>
  <testsuite name="AWS_MANAGED_COPY_KEY" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="snapkey.AWS_MANAGED_COPY_KEY" name="no findings"/>
  </testsuite>
</testsuites>
)txt");
}

TEST(ReportJunit, AFindingOfACheckNotRunStillGetsItsSuite) {
  Findings f;
  f.findings = {not_protected()};
  EXPECT_EQ(render_findings_junit(f), R"txt(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="snapkey check" tests="1" failures="1" errors="0" skipped="0">
  <testsuite name="NOT_PROTECTED" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="snapkey.NOT_PROTECTED" name="orders">
      <failure message="No backup plan selects orders and no job copies it." type="warning">No backup plan selects orders and no job copies it.
where: plan.json#/planned_values/root_module/resources/3 (aws_rds_cluster.orders)
fix: Add orders to a backup plan's selection.</failure>
    </testcase>
  </testsuite>
</testsuites>
)txt");
}

TEST(ReportJunit, EscapesMarkupAndReplacesWhatXmlForbids) {
  Findings f;
  Finding finding = not_protected();
  finding.subject = "a\"b<c>&d";
  finding.message = "bell\x07 bad\xff end\r\n";
  finding.fix = "";
  finding.location = {};
  finding.address.reset();
  f.findings = {finding};
  f.checks_run = {"NOT_PROTECTED"};
  const std::string out = render_findings_junit(f);
  EXPECT_THAT(out, HasSubstr("<testcase classname=\"snapkey.NOT_PROTECTED\" "
                             "name=\"a&quot;b&lt;c&gt;&amp;d\">"));
  EXPECT_THAT(out, HasSubstr("<failure message=\"bell\uFFFD bad\uFFFD end&#13;&#10;\" "
                             "type=\"warning\">bell\uFFFD bad\uFFFD end&#13;\n</failure>"));
}

// ---------------------------------------------------------------------------------------------
// XML escaping

TEST(Xml, EscapesMarkupInTextAndAttributes) {
  EXPECT_EQ(detail::xml_text("a<b>&\"c'"), "a&lt;b&gt;&amp;\"c'");
  EXPECT_EQ(detail::xml_attribute("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c'");
}

TEST(Xml, KeepsLineBreaksInTextAndEncodesThemInAttributes) {
  EXPECT_EQ(detail::xml_text("a\tb\nc\rd"), "a\tb\nc&#13;d");
  EXPECT_EQ(detail::xml_attribute("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
}

TEST(Xml, ReplacesCharactersXmlForbidsAndInvalidUtf8) {
  // Control characters, U+FFFE, U+FFFF, a lone continuation byte, a truncated sequence, an
  // overlong form and an encoded surrogate.
  EXPECT_EQ(detail::xml_text(std::string("a\0b", 3)), "a\uFFFDb");
  EXPECT_EQ(detail::xml_text("\x01\x1f\x7f"), "\uFFFD\uFFFD\x7f");
  EXPECT_EQ(detail::xml_text("\xef\xbf\xbe\xef\xbf\xbf"), "\uFFFD\uFFFD");
  EXPECT_EQ(detail::xml_text("\x80"), "\uFFFD");
  EXPECT_EQ(detail::xml_text("\xe6\x9d"), "\uFFFD\uFFFD");
  EXPECT_EQ(detail::xml_text("\xc0\xaf"), "\uFFFD\uFFFD");
  EXPECT_EQ(detail::xml_text("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");
}

TEST(Xml, KeepsValidUtf8) {
  EXPECT_EQ(detail::xml_text("東京 \xf0\x9f\x94\x91 \xef\xbf\xbd"),
            "東京 \xf0\x9f\x94\x91 \xef\xbf\xbd");
}

// ---------------------------------------------------------------------------------------------
// The check table

TEST(RenderChecks, TableListsEveryCheckWithItsSeverityAndRules) {
  const std::string table = render_checks_table();
  for (const CheckInfo& check : check_table()) {
    EXPECT_THAT(table, HasSubstr(fmt::format("{}  {}, ", check.id, to_string(check.severity))));
    for (const std::string_view rule : check.rules) {
      EXPECT_THAT(table, HasSubstr(fmt::format("    rule: {} ", rule))) << check.id;
    }
  }
  EXPECT_EQ(table.rfind("JOB_FAILS  error, on by default\n    A backup, copy, native copy or "
                        "restore is predicted to fail\n",
                        0),
            0U);
  EXPECT_THAT(table, HasSubstr("\nNO_CROSS_REGION_COPY  error, off unless the policy asks for "
                               "it\n"));
  EXPECT_THAT(table, HasSubstr(fmt::format("    rule: R9 {}\n", find_rule("R9")->title)));
}

TEST(RenderChecks, JsonHasEveryCheckAndItsRulesSources) {
  const std::string json = render_checks_json();
  EXPECT_EQ(json.rfind("{\n  \"schema\": \"snapkey/checks/v1\",\n  \"checks\": [\n    {\n"
                       "      \"id\": \"JOB_FAILS\",\n      \"severity\": \"error\",\n"
                       "      \"on_by_default\": true,\n",
                       0),
            0U);
  for (const CheckInfo& check : check_table()) {
    EXPECT_THAT(json, HasSubstr(fmt::format("\"id\": \"{}\",", check.id)));
  }
  EXPECT_THAT(json, HasSubstr("\"id\": \"R9\",\n          \"title\": \"" +
                              std::string(find_rule("R9")->title) +
                              "\",\n          \"sources\": [\n"
                              "            \"" +
                              std::string(find_rule("R9")->sources[0]) + "\""));
}

TEST(RenderChecks, MarkdownLinksEveryRuleToDocsRulesMd) {
  const std::string markdown = render_checks_markdown();
  const std::string rules = read_source_file("docs/rules.md");
  for (const CheckInfo& check : check_table()) {
    EXPECT_THAT(markdown,
                HasSubstr(fmt::format("\n<a id=\"{}\"></a>\n## {}\n", lower(check.id), check.id)));
    for (const std::string_view rule : check.rules) {
      const std::string anchor = lower(rule);
      EXPECT_THAT(markdown, HasSubstr(fmt::format("  - [{}](rules.md#{}) ", rule, anchor)));
      EXPECT_THAT(rules, HasSubstr(fmt::format("<a id=\"{}\"></a>", anchor))) << rule;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// docs/check-output.md

TEST(DocsCheckOutput, DescribesEveryField) {
  const std::string docs = read_source_file("docs/check-output.md");
  for (const std::string_view field :
       {"schema",          "summary",        "error",      "warning",      "info",   "suppressed",
        "recovery_points", "resources",      "checks_run", "findings",     "check",  "severity",
        "subject",         "recovery_point", "resource",   "resource_arn", "vault",  "vault_arn",
        "region",          "account",        "message",    "fix",          "rules",  "location",
        "address",         "suppressed_by",  "file",       "line",         "column", "pointer",
        "reason",          "expires"}) {
    EXPECT_THAT(docs, HasSubstr(fmt::format("| `{}` |", field)));
  }
}

// examples/article/README.md, "Checking the design": the reports it shows are the article's check
// goldens (examples.cmake checks those), so the walk-through cannot drift from the tool.
TEST(DocsCheckOutput, ArticleWalkThroughShowsTheCheckGoldens) {
  const std::string readme = read_source_file("examples/article/README.md");
  for (const std::string_view example : {"1-mrk-default-vault", "4-replica-vault"}) {
    const std::string golden =
        read_source_file(fmt::format("examples/article/expected/{}.check.txt", example));
    ASSERT_FALSE(golden.empty()) << example;
    EXPECT_THAT(readme, HasSubstr(fmt::format("build/snapkey check examples/article/{}.yaml\n```\n"
                                              "\n```\n{}```\n",
                                              example, golden)))
        << "examples/article/README.md does not show expected/" << example
        << ".check.txt; paste the file into the block after the command.";
  }
}

}  // namespace
}  // namespace snapkey::render
