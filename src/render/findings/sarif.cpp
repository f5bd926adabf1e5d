// `snapkey check --format sarif`: a SARIF 2.1.0 log for code-scanning dashboards (GitHub code
// scanning, Azure DevOps, SonarQube...). docs/sarif.md says what each field holds; the tests
// validate it against the official OASIS schema (tests/sarif/). No timestamps, no invocation
// details: the same findings give the same bytes, so a log can be committed or diffed.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/text/text.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/tables.hpp"
#include "snapkey/rules.hpp"
#include "snapkey/version.hpp"

namespace snapkey::render {
namespace {

using detail::Json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
// The base of every relative input path: the directory snapkey ran in (for GitHub code scanning,
// the repository's root).
constexpr std::string_view kSrcRoot = "%SRCROOT%";
// The key of the one partial fingerprint: bump the version if its value ever changes meaning.
constexpr std::string_view kFingerprintKey = "snapkey/v1";
// Every rule's tags: what dashboards filter on.
constexpr std::string_view kTags[] = {"aws-backup", "backup", "kms"};

// SARIF's name for a severity: info is a "note".
std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      break;
  }
  return "note";
}

// "AWS_MANAGED_COPY_KEY" -> "AwsManagedCopyKey": SARIF's reportingDescriptor.name, a readable
// identifier (the id itself stays the stable one).
std::string rule_name(std::string_view id) {
  std::string out;
  bool word_start = true;
  for (const char c : id) {
    if (c == '_') {
      word_start = true;
      continue;
    }
    const bool upper = c >= 'A' && c <= 'Z';
    out += word_start || !upper ? c : static_cast<char>(c - 'A' + 'a');
    word_start = false;
  }
  return out;
}

// A check's place in check_table(); an id the table does not know comes after every known one.
std::size_t table_position(std::string_view id) {
  const auto table = check_table();
  const auto it = std::find_if(table.begin(), table.end(),
                               [&](const CheckInfo& check) { return check.id == id; });
  return static_cast<std::size_t>(it - table.begin());
}

// The run's rules: every check that ran and every check with a finding, in table order (unknown
// ids last, by id).
std::vector<std::string> rule_ids(const Findings& findings) {
  std::set<std::string> ids(findings.checks_run.begin(), findings.checks_run.end());
  for (const Finding& finding : findings.findings) ids.insert(finding.check);
  std::vector<std::string> out(ids.begin(), ids.end());
  std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return table_position(a) < table_position(b);
  });
  return out;
}

bool is_url(std::string_view source) {
  return source.starts_with("https://") || source.starts_with("http://");
}

// The help of a check: its fix, then the rules it rests on with their sources, as plain text and
// as Markdown (with the sources as links).
Json rule_help(const CheckInfo& check) {
  std::string text = fmt::format("Fix: {}", check.fix);
  std::string markdown = fmt::format("**Fix:** {}", check.fix);
  if (!check.rules.empty()) {
    text += "\n\nRules (docs/rules.md):";
    markdown += "\n\n**Rules** (docs/rules.md):\n";
  }
  for (const std::string_view id : check.rules) {
    const Rule* rule = find_rule(id);
    text += fmt::format("\n- {}", id);
    markdown += fmt::format("\n- **{}**", id);
    if (rule == nullptr) continue;
    text += fmt::format(" {}", rule->title);
    markdown += fmt::format(" {}", rule->title);
    for (const std::string_view source : rule->sources) {
      text += fmt::format("\n  source: {}", source);
      markdown += is_url(source) ? fmt::format(" [source]({})", source)
                                 : fmt::format(" (source: {})", source);
    }
  }
  return Json::Object{{"text", text}, {"markdown", markdown}};
}

Json tags() {
  Json::Array out;
  for (const std::string_view tag : kTags) out.emplace_back(tag);
  return out;
}

// A reportingDescriptor: everything the check table says about the check.
Json rule_json(std::string_view id) {
  const CheckInfo* check = find_check(id);
  if (check == nullptr) return Json::Object{{"id", id}, {"name", rule_name(id)}};
  return Json::Object{
      {"id", id},
      {"name", rule_name(id)},
      {"shortDescription", Json::Object{{"text", check->title}}},
      {"fullDescription", Json::Object{{"text", check->rationale}}},
      {"help", rule_help(*check)},
      {"defaultConfiguration", Json::Object{{"level", level(check->severity)}}},
      {"properties", Json::Object{{"tags", tags()}}},
  };
}

// RFC 3986 percent-encoding of a path: unreserved characters and "/" stay, every other byte
// (spaces, ":", "#", "%", non-ASCII UTF-8) becomes %XX. The result is a valid URI path.
std::string encode_path(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                      c == '~' || c == '/';
    out += keep ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

// The input file as given: an absolute path as a file:// URI, a relative one as a relative URI
// against %SRCROOT% (without a leading "./", which dashboards would not match to a file).
Json artifact_location(std::string_view file) {
  if (file.starts_with('/')) return Json::Object{{"uri", "file://" + encode_path(file)}};
  while (file.starts_with("./")) file.remove_prefix(2);
  return Json::Object{{"uri", encode_path(file)}, {"uriBaseId", kSrcRoot}};
}

// The file and, where known, the line and column.
Json physical_location(const Location& location) {
  Json::Object out{{"artifactLocation", artifact_location(location.file)}};
  if (location.line > 0) {
    Json::Object region{{"startLine", location.line}};
    if (location.column > 0) region.emplace_back("startColumn", location.column);
    out.emplace_back("region", std::move(region));
  }
  return out;
}

// What the file's line cannot say: the Terraform address or CloudFormation logical id, and a
// JSON Pointer that locate_lines could not turn into a line.
Json::Array logical_locations(const Finding& finding) {
  Json::Array out;
  std::vector<std::string> names;  // SARIF wants them unique
  const auto add = [&](const std::string& name, std::string_view kind) {
    if (name.empty() || std::find(names.begin(), names.end(), name) != names.end()) return;
    names.push_back(name);
    out.emplace_back(Json::Object{{"fullyQualifiedName", name}, {"kind", kind}});
  };
  if (finding.address) add(*finding.address, "resource");
  const Location& location = finding.location;
  if (!location.pointer.starts_with('/')) {
    add(location.pointer, "resource");
  } else if (location.line == 0) {
    add(location.pointer, "value");
  }
  return out;
}

// The result's one location, or nothing when the finding has no place in any input.
std::optional<Json> location_json(const Finding& finding) {
  Json::Object out;
  if (!finding.location.file.empty()) {
    out.emplace_back("physicalLocation", physical_location(finding.location));
  }
  Json::Array logical = logical_locations(finding);
  if (!logical.empty()) out.emplace_back("logicalLocations", std::move(logical));
  if (out.empty()) return std::nullopt;
  return Json(std::move(out));
}

Json suppression_json(const Suppression& suppression) {
  Json::Object out{{"kind", suppression.in_source ? "inSource" : "external"},
                   {"status", "accepted"},
                   {"justification", suppression.reason}};
  if (!suppression.location.file.empty()) {
    out.emplace_back("location",
                     Json::Object{{"physicalLocation", physical_location(suppression.location)}});
  }
  if (suppression.expires) {
    out.emplace_back("properties", Json::Object{{"expires", suppression.expires->to_string()}});
  }
  return out;
}

// The finding's facts for dashboards that show or filter on properties; empty ones left out.
Json result_properties(const Finding& finding) {
  Json::Object out;
  const auto add = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) out.emplace_back(std::string(name), value);
  };
  add("subject", finding.subject);
  if (finding.recovery_point) add("recoveryPoint", *finding.recovery_point);
  add("resource", finding.resource);
  add("resourceArn", finding.resource_arn);
  if (finding.vault) add("vault", *finding.vault);
  if (finding.vault_arn) add("vaultArn", *finding.vault_arn);
  add("region", finding.region.name);
  add("account", finding.account.value);
  if (!finding.rules.empty()) out.emplace_back("rules", Json::strings(finding.rules));
  return out;
}

std::string message_text(const Finding& finding) {
  if (finding.fix.empty()) return finding.message;
  return fmt::format("{} Fix: {}", finding.message, finding.fix);
}

Json result_json(const Finding& finding, std::size_t rule_index, const std::string& fingerprint) {
  Json::Object out{
      {"ruleId", finding.check},
      {"ruleIndex", rule_index},
      {"level", level(finding.severity)},
      {"message", Json::Object{{"text", message_text(finding)}}},
  };
  if (std::optional<Json> location = location_json(finding)) {
    out.emplace_back("locations", Json::Array{std::move(*location)});
  }
  out.emplace_back("partialFingerprints",
                   Json::Object{{std::string(kFingerprintKey), fingerprint}});
  if (finding.suppressed_by) {
    out.emplace_back("suppressions", Json::Array{suppression_json(*finding.suppressed_by)});
  }
  out.emplace_back("properties", result_properties(finding));
  return out;
}

// "AWS_MANAGED_COPY_KEY:orders@Default": what the finding is about, free of line numbers and
// wording, so a dashboard tracks it across runs while the input around it changes. Findings
// that share check and subject are told apart by their order: "#2", "#3"...
std::vector<std::string> fingerprints(const Findings& findings) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (const Finding& finding : findings.findings) {
    std::string fingerprint = fmt::format("{}:{}", finding.check, finding.subject);
    const int n = ++seen[fingerprint];
    if (n > 1) fingerprint += fmt::format("#{}", n);
    out.push_back(std::move(fingerprint));
  }
  return out;
}

bool has_relative_file(const Findings& findings) {
  const auto relative = [](const Location& location) {
    return !location.file.empty() && !location.file.starts_with('/');
  };
  return std::any_of(findings.findings.begin(), findings.findings.end(), [&](const Finding& f) {
    return relative(f.location) || (f.suppressed_by && relative(f.suppressed_by->location));
  });
}

Json run_json(const Findings& findings) {
  const std::vector<std::string> ids = rule_ids(findings);
  Json::Array rules;
  for (const std::string& id : ids) rules.push_back(rule_json(id));

  const std::vector<std::string> prints = fingerprints(findings);
  Json::Array results;
  for (std::size_t i = 0; i < findings.findings.size(); ++i) {
    const Finding& finding = findings.findings[i];
    const auto rule = std::find(ids.begin(), ids.end(), finding.check);
    results.push_back(
        result_json(finding, static_cast<std::size_t>(rule - ids.begin()), prints[i]));
  }

  Json::Object run{
      {"tool", Json::Object{{"driver", Json::Object{{"name", "snapkey"},
                                                    {"semanticVersion", snapkey::version()},
                                                    {"rules", std::move(rules)}}}}},
  };
  if (has_relative_file(findings)) {
    run.emplace_back(
        "originalUriBaseIds",
        Json::Object{
            {std::string(kSrcRoot),
             Json::Object{
                 {"description", Json::Object{{"text",
                                               "The directory snapkey check ran in: input "
                                               "paths given as relative are relative to it."}}}}}});
  }
  run.emplace_back("columnKind", "unicodeCodePoints");
  run.emplace_back("results", std::move(results));
  run.emplace_back("properties", Json::Object{{"checksRun", Json::strings(findings.checks_run)},
                                              {"recoveryPoints", findings.recovery_points},
                                              {"resources", findings.resources}});
  return run;
}

}  // namespace

std::string render_findings_sarif(const Findings& findings) {
  const Json log = Json::Object{
      {"$schema", kSchema},
      {"version", "2.1.0"},
      {"runs", Json::Array{run_json(findings)}},
  };
  return log.dump() + "\n";
}

}  // namespace snapkey::render
