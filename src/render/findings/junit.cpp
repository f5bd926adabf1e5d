// The JUnit XML report of `snapkey check`, in the schema Jenkins, GitLab and most CI servers read:
//
//   <testsuites name="snapkey check" tests="3" failures="1" errors="0" skipped="1">
//     <testsuite name="JOB_FAILS" tests="1" failures="0" errors="0" skipped="0">
//       <testcase classname="snapkey.JOB_FAILS" name="no findings"/>
//     </testsuite>
//     <testsuite name="AWS_MANAGED_COPY_KEY" tests="1" failures="1" errors="0" skipped="0">
//       <testcase classname="snapkey.AWS_MANAGED_COPY_KEY" name="aurora@virginia-default">
//         <failure message="The copy ..." type="error">The copy ...
//   where: ...
//   fix: ...</failure>
//       </testcase>
//     </testsuite>
//     ...
//
// A test suite per check that ran; a failing test case per unsuppressed finding, whatever its
// severity (`type` says it: the report has no threshold, --fail-on decides the exit code); a
// skipped one per suppressed finding; a passing "no findings" case for a check without any.
// No timestamps, host names or durations: the same findings give the same bytes.
#include <fmt/format.h>

#include <algorithm>

#include "render/findings/summary.hpp"
#include "render/text/xml.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::xml_attribute;
using detail::xml_text;

// The checks to report, one suite each: those that ran, and any other a finding names (so no
// finding goes unreported), in table order.
std::vector<std::string> suites_of(const Findings& findings) {
  std::vector<std::string> out = findings.checks_run;
  for (const Finding& f : findings.findings) {
    if (std::find(out.begin(), out.end(), f.check) == out.end()) out.push_back(f.check);
  }
  std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    const std::size_t ia = detail::table_index(a);
    const std::size_t ib = detail::table_index(b);
    return ia != ib ? ia < ib : a < b;
  });
  return out;
}

// The failure's text: the message, then where, the fix and the rules, a line each.
std::string details(const Finding& f) {
  std::string out = f.message;
  const std::string where = detail::where_text(f);
  if (!where.empty()) out += fmt::format("\nwhere: {}", where);
  if (!f.fix.empty()) out += fmt::format("\nfix: {}", f.fix);
  if (!f.rules.empty()) out += fmt::format("\nrules: {}", fmt::join(f.rules, ", "));
  return out;
}

std::string testcase(const Finding& f) {
  std::string out = fmt::format("    <testcase classname=\"snapkey.{}\" name=\"{}\">\n",
                                xml_attribute(f.check), xml_attribute(f.subject));
  if (f.suppressed_by) {
    out += fmt::format("      <skipped message=\"suppressed: {}\"/>\n",
                       xml_attribute(detail::suppression_text(*f.suppressed_by)));
  } else {
    out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                       xml_attribute(f.message), to_string(f.severity), xml_text(details(f)));
  }
  return out + "    </testcase>\n";
}

struct Counts {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t skipped = 0;
};

std::string counts_attributes(const Counts& c) {
  return fmt::format("tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\"", c.tests,
                     c.failures, c.skipped);
}

}  // namespace

std::string render_findings_junit(const Findings& findings) {
  std::string suites;
  Counts total;
  for (const std::string& check : suites_of(findings)) {
    std::string cases;
    Counts counts;
    for (const Finding& f : findings.findings) {
      if (f.check != check) continue;
      cases += testcase(f);
      ++counts.tests;
      ++(f.suppressed_by ? counts.skipped : counts.failures);
    }
    if (counts.tests == 0) {
      cases = fmt::format("    <testcase classname=\"snapkey.{}\" name=\"no findings\"/>\n",
                          xml_attribute(check));
      counts.tests = 1;
    }
    suites += fmt::format("  <testsuite name=\"{}\" {}>\n{}  </testsuite>\n", xml_attribute(check),
                          counts_attributes(counts), cases);
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.skipped += counts.skipped;
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"snapkey check\" {}>\n{}</testsuites>\n",
      counts_attributes(total), suites);
}

}  // namespace snapkey::render
