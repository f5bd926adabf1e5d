// Renderers for `snapkey check`: findings as a text report, JSON, SARIF 2.1.0 (code-scanning
// dashboards), JUnit XML (CI test reports), Markdown (pull-request comments) and HTML (a page to
// look at). Pure functions; the lines of JSON Pointer locations are filled in before, by
// io::locate_lines.
//
//   std::string sarif = snapkey::render::render_findings_sarif(findings);
#ifndef SNAPKEY_RENDER_FINDINGS_HPP
#define SNAPKEY_RENDER_FINDINGS_HPP

#include <string>
#include <string_view>
#include <vector>

#include "snapkey/check.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/skipped_input.hpp"

namespace snapkey::render {

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
// One self-contained HTML page (no script, nothing fetched): the findings grouped as in the text
// report, each with its fix, and `diagram_svg` (render_graph_dot drawn by Graphviz) inline; ""
// for a page that says the diagram was not drawn.
std::string render_findings_html(const Findings& findings, std::string_view diagram_svg);

}  // namespace snapkey::render

#endif  // SNAPKEY_RENDER_FINDINGS_HPP
