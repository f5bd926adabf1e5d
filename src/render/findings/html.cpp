// The HTML report of `snapkey check`: one self-contained page (no script, no file or network
// fetch): the diagram of the predictions when the caller drew one, then the findings grouped as
// in the text report, each with its fix.
#include <fmt/format.h>

#include "render/findings/summary.hpp"
#include "render/text/xml.hpp"
#include "snapkey/render/findings.hpp"

namespace snapkey::render {
namespace {

using detail::xml_attribute;
using detail::xml_text;

constexpr std::string_view kStyle = R"(
body { font: 15px/1.5 system-ui, sans-serif; color: #212529; margin: 2rem auto; max-width: 72rem;
       padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #dee2e6; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.4rem; }
code { font: 0.9em ui-monospace, monospace; }
.summary { color: #495057; }
.finding { border-left: 4px solid #adb5bd; padding: 0.3rem 0 0.3rem 1rem; margin: 0.8rem 0; }
.error .finding { border-color: #c92a2a; }
.warning .finding { border-color: #f08c00; }
.info .finding { border-color: #1c7ed6; }
.suppressed .finding { border-color: #ced4da; color: #495057; }
.subject { font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.3rem 0; }
dt { color: #868e96; }
dd { margin: 0; }
.diagram { overflow-x: auto; }
.diagram svg { max-width: 100%; height: auto; }
)";

void add_row(std::string& out, std::string_view label, std::string_view text) {
  if (text.empty()) return;
  fmt::format_to(std::back_inserter(out), "<dt>{}</dt><dd>{}</dd>\n", label, xml_text(text));
}

std::string finding_html(const Finding& f, bool with_check) {
  std::string out = "<div class=\"finding\">\n<p class=\"subject\">";
  if (with_check) out += fmt::format("{} <code>{}</code>: ", to_string(f.severity), f.check);
  out += xml_text(f.subject) + "</p>\n<p>" + xml_text(f.message) + "</p>\n<dl>\n";
  add_row(out, "where", detail::where_text(f));
  if (f.suppressed_by) {
    add_row(out, "reason", detail::suppression_text(*f.suppressed_by));
    add_row(out, "by", detail::location_text(f.suppressed_by->location));
  } else {
    add_row(out, "fix", f.fix);
    add_row(out, "rules", fmt::format("{}", fmt::join(f.rules, ", ")));
  }
  return out + "</dl>\n</div>\n";
}

std::string section(const Findings& findings, Severity severity) {
  std::string out;
  for (const std::string& check : detail::checks_at(findings, severity)) {
    fmt::format_to(std::back_inserter(out), "<h3 id=\"{}\"><code>{}</code> {}</h3>\n",
                   xml_attribute(check), xml_text(check), xml_text(detail::title_of(check)));
    for (const Finding* f : detail::unsuppressed(findings, severity, check)) {
      out += finding_html(*f, false);
    }
  }
  if (out.empty()) return out;
  return fmt::format("<section class=\"{}\">\n<h2>{}</h2>\n{}</section>\n", to_string(severity),
                     detail::section_title(severity), out);
}

std::string suppressed_section(const Findings& findings) {
  std::string out;
  for (const Finding& f : findings.findings) {
    if (f.suppressed_by) out += finding_html(f, true);
  }
  if (out.empty()) return out;
  return "<section class=\"suppressed\">\n<h2>Suppressed</h2>\n" + out + "</section>\n";
}

// Graphviz's SVG without its XML declaration and doctype, which cannot stand inside HTML.
std::string diagram_section(std::string_view svg) {
  std::string out = "<section class=\"diagram\">\n<h2>Diagram</h2>\n";
  const std::size_t at = svg.find("<svg");
  if (at == std::string_view::npos) {
    return out +
           "<p>Not drawn: Graphviz's <code>dot</code> is not installed. <code>snapkey graph "
           "--format mermaid</code> prints the diagram as a Mermaid flowchart.</p>\n</section>\n";
  }
  return out + std::string(svg.substr(at)) + "</section>\n";
}

}  // namespace

std::string render_findings_html(const Findings& findings, std::string_view diagram_svg) {
  const std::string counts = detail::counts_text(detail::tally(findings));
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>snapkey check: {}</title>\n<style>{}</style>\n</head>\n<body>\n"
      "<h1>snapkey check</h1>\n<p class=\"summary\">{} in {}</p>\n",
      xml_text(counts), kStyle, xml_text(counts), xml_text(detail::scope_text(findings)));
  for (const Severity severity : detail::kSeveritiesHighestFirst)
    out += section(findings, severity);
  out += suppressed_section(findings);
  out += diagram_section(diagram_svg);
  const std::string checks = findings.checks_run.empty()
                                 ? "none"
                                 : fmt::format("{}", fmt::join(findings.checks_run, ", "));
  return out + fmt::format(
                   "<footer><p class=\"summary\">Checks run: {}</p></footer>\n</body>\n"
                   "</html>\n",
                   xml_text(checks));
}

}  // namespace snapkey::render
