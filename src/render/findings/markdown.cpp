// The Markdown report of `snapkey check`, for a pull-request comment: a headline verdict, a table
// of findings per severity, the fixes as a list, and the suppressed findings folded away in a
// <details> block. GitHub-flavoured Markdown; every piece of input text is escaped, so a
// resource name cannot break the table or smuggle in a link or HTML.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "render/findings/summary.hpp"
#include "render/text/text.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::code_span;
using detail::markdown_cell;

// `text` as inline Markdown: every character that could start markup is backslash-escaped
// (CommonMark allows a backslash before any ASCII punctuation), line breaks become spaces. `|` is
// left to markdown_cell(), which escapes it in table cells.
std::string inline_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>#~&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// "## snapkey check: ❌ 1 error, 2 warnings" / "## snapkey check: ✅ No findings": the verdict a
// reviewer reads first. Only the severities present are counted.
std::string headline(const detail::Tally& tally) {
  std::vector<std::string> counts;
  for (const Severity severity : detail::kSeveritiesHighestFirst) {
    if (tally.of(severity) > 0) counts.push_back(detail::count_text(tally.of(severity), severity));
  }
  std::string_view mark = "✅";
  if (tally.error > 0) {
    mark = "❌";
  } else if (tally.warning > 0) {
    mark = "⚠️";
  }
  std::string text = counts.empty() ? "No findings" : fmt::format("{}", fmt::join(counts, ", "));
  if (tally.suppressed > 0) text += fmt::format(" ({} suppressed)", tally.suppressed);
  return fmt::format("## snapkey check: {} {}\n", mark, text);
}

std::string location_cell(const Finding& f) {
  std::vector<std::string> parts;
  if (const std::string where = detail::location_text(f.location); !where.empty()) {
    parts.push_back(code_span(where));
  }
  if (f.address) parts.push_back(code_span(*f.address));
  return parts.empty() ? "-" : fmt::format("{}", fmt::join(parts, " "));
}

std::string row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& cell : cells) out += fmt::format(" {} |", markdown_cell(cell));
  return out + '\n';
}

std::string table(const Findings& findings, Severity severity) {
  std::string out;
  for (const std::string& check : detail::checks_at(findings, severity)) {
    for (const Finding* f : detail::unsuppressed(findings, severity, check)) {
      out += row(
          {code_span(f->check), code_span(f->subject), inline_text(f->message), location_cell(*f)});
    }
  }
  if (out.empty()) return out;
  return fmt::format("\n### {}\n\n| Check | Subject | Message | Location |\n|---|---|---|---|\n",
                     detail::section_title(severity)) +
         out;
}

// The fixes, in report order; findings with the same fix (one vault change often clears several)
// share one item.
std::string fixes(const Findings& findings) {
  std::vector<std::pair<std::string, std::vector<std::string>>> items;  // fix, its findings
  for (const Severity severity : detail::kSeveritiesHighestFirst) {
    for (const std::string& check : detail::checks_at(findings, severity)) {
      for (const Finding* f : detail::unsuppressed(findings, severity, check)) {
        if (f->fix.empty()) continue;
        auto item = std::find_if(items.begin(), items.end(),
                                 [&](const auto& i) { return i.first == f->fix; });
        if (item == items.end()) item = items.insert(items.end(), {f->fix, {}});
        item->second.push_back(fmt::format("{} {}", code_span(f->check), code_span(f->subject)));
      }
    }
  }
  if (items.empty()) return "";
  std::string out = "\n### How to fix\n\n";
  for (const auto& [fix, which] : items) {
    out += fmt::format("- {}: {}\n", fmt::join(which, ", "), inline_text(fix));
  }
  return out;
}

std::string suppressed(const Findings& findings, std::size_t count) {
  if (count == 0) return "";
  std::string out = fmt::format(
      "\n<details>\n<summary>{} suppressed by the policy</summary>\n\n"
      "| Check | Subject | Severity | Reason | Expires | Suppression |\n"
      "|---|---|---|---|---|---|\n",
      detail::plural(count, "finding"));
  for (const Finding& f : findings.findings) {
    if (!f.suppressed_by) continue;
    const Suppression& s = *f.suppressed_by;
    const std::string where = detail::location_text(s.location);
    out += row({code_span(f.check), code_span(f.subject), std::string(to_string(f.severity)),
                inline_text(s.reason), s.expires ? s.expires->to_string() : "never",
                where.empty() ? "-" : code_span(where)});
  }
  return out + "\n</details>\n";
}

std::string footer(const Findings& findings) {
  std::vector<std::string> checks;
  for (const std::string& check : findings.checks_run) checks.push_back(code_span(check));
  return fmt::format("\nChecked {}; checks run: {}.\n", detail::scope_text(findings),
                     checks.empty() ? "none" : fmt::format("{}", fmt::join(checks, ", ")));
}

}  // namespace

std::string render_findings_markdown(const Findings& findings) {
  const detail::Tally tally = detail::tally(findings);
  std::string out = headline(tally);
  for (const Severity severity : detail::kSeveritiesHighestFirst) out += table(findings, severity);
  out += fixes(findings);
  out += suppressed(findings, tally.suppressed);
  return out + footer(findings);
}

}  // namespace snapkey::render
