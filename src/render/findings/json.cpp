// The "snapkey/findings/v1" document of `snapkey check --format json` (docs/check-output.md).
// Field names and order are a contract: change them only with a new schema version.
#include "render/findings/summary.hpp"
#include "render/text/text.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::Json;

Json pattern(const std::string& value) { return Json::string_or_null(value); }

// {file, line, column, pointer}, each null when unknown; null when nothing is known.
Json location_json(const Location& location) {
  if (location.file.empty() && location.line == 0 && location.pointer.empty()) return Json();
  return Json::Object{
      {"file", Json::string_or_null(location.file)},
      {"line", location.line > 0 ? Json(location.line) : Json()},
      {"column", location.column > 0 ? Json(location.column) : Json()},
      {"pointer", Json::string_or_null(location.pointer)},
  };
}

Json suppression_json(const std::optional<Suppression>& s) {
  if (!s) return Json();
  return Json::Object{
      {"check", s->check},
      {"recovery_point", pattern(s->recovery_point)},
      {"resource", pattern(s->resource)},
      {"vault", pattern(s->vault)},
      {"region", pattern(s->region)},
      {"account", pattern(s->account)},
      {"reason", s->reason},
      {"expires", s->expires ? Json(s->expires->to_string()) : Json()},
      {"location", location_json(s->location)},
  };
}

Json finding_json(const Finding& f) {
  return Json::Object{
      {"check", f.check},
      {"severity", to_string(f.severity)},
      {"subject", f.subject},
      {"recovery_point", f.recovery_point},
      {"resource", Json::string_or_null(f.resource)},
      {"resource_arn", Json::string_or_null(f.resource_arn)},
      {"vault", f.vault},
      {"vault_arn", f.vault_arn},
      {"region", Json::string_or_null(f.region.name)},
      {"account", Json::string_or_null(f.account.value)},
      {"message", f.message},
      {"fix", Json::string_or_null(f.fix)},
      {"rules", Json::strings(f.rules)},
      {"location", location_json(f.location)},
      {"address", f.address},
      {"suppressed", f.suppressed_by.has_value()},
      {"suppressed_by", suppression_json(f.suppressed_by)},
  };
}

}  // namespace

std::string render_findings_json(const Findings& findings) {
  return render_findings_json(findings, {});
}

std::string render_findings_json(const Findings& findings,
                                 const std::vector<SkippedInput>& skipped) {
  const detail::Tally tally = detail::tally(findings);
  Json::Array items;
  items.reserve(findings.findings.size());
  for (const Finding& f : findings.findings) items.push_back(finding_json(f));
  Json::Object document = {
      {"schema", "snapkey/findings/v1"},
      {"summary",
       Json::Object{
           {"error", Json(tally.error)},
           {"warning", Json(tally.warning)},
           {"info", Json(tally.info)},
           {"suppressed", Json(tally.suppressed)},
           {"recovery_points", Json(findings.recovery_points)},
           {"resources", Json(findings.resources)},
           {"checks_run", Json::strings(findings.checks_run)},
       }},
      {"findings", std::move(items)},
  };
  detail::add_skipped(document, skipped);
  return Json(std::move(document)).dump() + "\n";
}

}  // namespace snapkey::render
