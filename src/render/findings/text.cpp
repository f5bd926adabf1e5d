// The text report of `snapkey check`, for people at a terminal (80 columns):
//
//   ERRORS
//
//   AWS_MANAGED_COPY_KEY: A copy is encrypted with an AWS managed key
//
//     aurora@virginia-default
//       The copy in us-east-1 is encrypted with alias/aws/rds, ...
//       where:  examples/article/1-mrk-default-vault.yaml:33:9
//       fix:    Create a vault in us-east-1 ... and point the copy action of plan
//               rule test-backup-rule at it.
//       rules:  R9, U-1
//
//   SUPPRESSED
//
//     warning MRK_REPLICA_UNUSED: aurora@virginia-default
//       ...
//       reason: the replica vault comes with the next release (expires 2026-06-30)
//       by:     policy.yaml:12:5
//
//   1 error, 0 warnings, 0 info (1 suppressed) in 2 recovery points and 1 resource;
//   checks run: JOB_FAILS, UNSUPPORTED, ...
#include <fmt/format.h>

#include "render/findings/summary.hpp"
#include "render/text/text.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::Color;
using detail::paint;

constexpr std::size_t kScreen = 80;
constexpr std::size_t kBody = 4;    // a finding's lines
constexpr std::size_t kLabel = 12;  // where its labelled lines' text starts: "    reason: "

Color color_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return Color::red;
    case Severity::warning:
      return Color::yellow;
    case Severity::info:
      break;
  }
  return Color::dim;
}

std::string_view heading(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "ERRORS";
    case Severity::warning:
      return "WARNINGS";
    case Severity::info:
      break;
  }
  return "INFO";
}

// "    fix:   text", wrapped under the text.
std::string labelled(std::string_view label, std::string_view text) {
  const std::string lead =
      detail::pad_right(fmt::format("{}{}:", std::string(kBody, ' '), label), kLabel);
  return detail::hang(lead, kLabel, text, kScreen, kLabel);
}

// The lines under a finding's heading line: what is wrong and where; what to do about it unless
// the finding is suppressed.
std::string body(const Finding& f) {
  std::string out = detail::wrap(f.message, kScreen, std::string(kBody, ' ')) + '\n';
  const std::string where = detail::where_text(f);
  if (!where.empty()) out += labelled("where", where);
  if (f.suppressed_by) return out;
  if (!f.fix.empty()) out += labelled("fix", f.fix);
  if (!f.rules.empty()) out += labelled("rules", fmt::format("{}", fmt::join(f.rules, ", ")));
  return out;
}

std::string section(const Findings& findings, Severity severity, const RenderOptions& options) {
  std::string out;
  for (const std::string& check : detail::checks_at(findings, severity)) {
    // "CHECK_ID: title", the title's lines under its first word.
    const std::string_view title = detail::title_of(check);
    const std::string line = title.empty() ? check + '\n'
                                           : detail::hang(check + ": ", check.size() + 2, title,
                                                          kScreen, check.size() + 2);
    out += '\n' + paint(line.substr(0, line.size() - 1), Color::bold, options.color) + '\n';
    for (const Finding* f : detail::unsuppressed(findings, severity, check)) {
      out += '\n' + detail::wrap(f->subject, kScreen, "  ") + '\n' + body(*f);
    }
  }
  if (out.empty()) return out;
  return '\n' + paint(heading(severity), color_of(severity), options.color) + '\n' + out;
}

std::string suppressed_section(const Findings& findings, const RenderOptions& options) {
  std::string out;
  for (const Finding& f : findings.findings) {
    if (!f.suppressed_by) continue;
    const std::string_view severity = to_string(f.severity);
    const std::string lead = "  " + paint(severity, color_of(f.severity), options.color) + ' ';
    out += '\n' + detail::hang(lead, 3 + severity.size(), fmt::format("{}: {}", f.check, f.subject),
                               kScreen, kBody);
    out += body(f);
    out += labelled("reason", detail::suppression_text(*f.suppressed_by));
    const std::string by = detail::location_text(f.suppressed_by->location);
    if (!by.empty()) out += labelled("by", by);
  }
  if (out.empty()) return out;
  return '\n' + paint("SUPPRESSED", Color::dim, options.color) + '\n' + out;
}

std::string summary(const Findings& findings) {
  const std::string checks = findings.checks_run.empty()
                                 ? "none"
                                 : fmt::format("{}", fmt::join(findings.checks_run, ", "));
  return detail::wrap(
             fmt::format("{} in {}; checks run: {}", detail::counts_text(detail::tally(findings)),
                         detail::scope_text(findings), checks),
             kScreen, "") +
         '\n';
}

}  // namespace

std::string render_findings_text(const Findings& findings, const RenderOptions& options) {
  std::string out;
  for (const Severity severity : detail::kSeveritiesHighestFirst) {
    out += section(findings, severity, options);
  }
  out += suppressed_section(findings, options);
  if (!out.empty()) out += '\n';
  // Drop the blank line the first section starts with: the report starts with its first heading.
  if (!out.empty() && out.front() == '\n') out.erase(0, 1);
  return out + summary(findings);
}

}  // namespace snapkey::render
