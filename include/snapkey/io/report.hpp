// Renderers for `snapkey check`: findings as a text report, JSON, SARIF 2.1.0 (code-scanning
// dashboards), JUnit XML (CI test reports) and Markdown (pull-request comments), and the check
// table itself (docs/checks.md). Pure functions, like those of render.hpp.
//
//   std::string sarif = snapkey::io::render_findings_sarif(findings);
#ifndef SNAPKEY_IO_REPORT_HPP
#define SNAPKEY_IO_REPORT_HPP

#include <string>

#include "snapkey/check.hpp"
#include "snapkey/io/render.hpp"

namespace snapkey::io {

// Findings grouped by severity, then check, each with its message, place in the input and fix;
// suppressed findings listed last with their reasons; a summary line. Readable in 80 columns.
std::string render_findings_text(const Findings& findings, const RenderOptions& options);
// The "snapkey/findings/v1" JSON document (docs/check-output.md).
std::string render_findings_json(const Findings& findings);
// The same, with the files of unknown kind a directory held ("skipped", as render_json's).
std::string render_findings_json(const Findings& findings,
                                 const std::vector<SkippedInput>& skipped);
// A SARIF 2.1.0 log: one run, the checks as rules, a result per finding located in its input
// file (line where known, Terraform address as a logical location), suppressions as SARIF
// suppressions with their justification.
std::string render_findings_sarif(const Findings& findings);
// JUnit XML: a test suite per check that ran, a failing test case per finding, a passing one for
// a check without findings, and a skipped one per suppressed finding.
std::string render_findings_junit(const Findings& findings);
// A Markdown report for a pull-request comment: a summary, a table per severity, the fixes.
std::string render_findings_markdown(const Findings& findings);

// Fills in the line and column of findings located by a JSON Pointer in a JSON file (an AWS CLI
// export, a JSON template or plan), by reading that file once: SARIF viewers need lines. A
// location it cannot resolve is left as it is. The only function here that reads files.
void locate_lines(Findings& findings);

// The check table as text, as Markdown (docs/checks.md) or as JSON.
std::string render_checks_table();
std::string render_checks_markdown();
std::string render_checks_json();

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_REPORT_HPP
