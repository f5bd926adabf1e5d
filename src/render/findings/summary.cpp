#include "render/findings/summary.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace snapkey::render::detail {
std::size_t table_index(std::string_view check) {
  const std::span<const CheckInfo> table = check_table();
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table[i].id == check) return i;
  }
  return table.size();
}

std::size_t Tally::of(Severity severity) const {
  switch (severity) {
    case Severity::error:
      return error;
    case Severity::warning:
      return warning;
    case Severity::info:
      break;
  }
  return info;
}

std::string_view section_title(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "Errors";
    case Severity::warning:
      return "Warnings";
    case Severity::info:
      break;
  }
  return "Info";
}

Tally tally(const Findings& findings) {
  Tally out;
  for (const Finding& f : findings.findings) {
    if (f.suppressed_by) {
      ++out.suppressed;
      continue;
    }
    switch (f.severity) {
      case Severity::error:
        ++out.error;
        break;
      case Severity::warning:
        ++out.warning;
        break;
      case Severity::info:
        ++out.info;
        break;
    }
  }
  return out;
}

std::string count_text(std::size_t count, Severity severity) {
  if (severity == Severity::info) return fmt::format("{} info", count);
  return plural(count, to_string(severity));
}

std::string plural(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::string counts_text(const Tally& tally) {
  std::string out = tally.unsuppressed() == 0
                        ? std::string("no findings")
                        : fmt::format("{}, {}, {}", count_text(tally.error, Severity::error),
                                      count_text(tally.warning, Severity::warning),
                                      count_text(tally.info, Severity::info));
  if (tally.unsuppressed() > 0 || tally.suppressed > 0) {
    out += fmt::format(" ({} suppressed)", tally.suppressed);
  }
  return out;
}

std::string scope_text(const Findings& findings) {
  return fmt::format("{} and {}", plural(findings.recovery_points, "recovery point"),
                     plural(findings.resources, "resource"));
}

std::vector<const Finding*> unsuppressed(const Findings& findings, Severity severity,
                                         std::string_view check) {
  std::vector<const Finding*> out;
  for (const Finding& f : findings.findings) {
    if (!f.suppressed_by && f.severity == severity && f.check == check) out.push_back(&f);
  }
  return out;
}

std::vector<std::string> checks_at(const Findings& findings, Severity severity) {
  std::vector<std::string> out;
  for (const Finding& f : findings.findings) {
    if (f.suppressed_by || f.severity != severity) continue;
    if (std::find(out.begin(), out.end(), f.check) == out.end()) out.push_back(f.check);
  }
  std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    const std::size_t ia = table_index(a);
    const std::size_t ib = table_index(b);
    return ia != ib ? ia < ib : a < b;
  });
  return out;
}

std::string_view title_of(std::string_view check) {
  const CheckInfo* info = find_check(check);
  return info ? info->title : std::string_view();
}

std::string location_text(const Location& location) {
  // A JSON input's line (found from the pointer for people and editors) and its JSON Pointer
  // (what the reader recorded, for programs): both, so the docs of either hold.
  if (location.line > 0 && location.pointer.starts_with('/')) {
    return fmt::format("{} (#{})", location.to_string(), location.pointer);
  }
  return location.to_string();
}

std::string where_text(const Finding& f) {
  std::string where = location_text(f.location);
  if (f.address && where.find(*f.address) == std::string::npos) {
    where = where.empty() ? *f.address : fmt::format("{} ({})", where, *f.address);
  }
  return where;
}

std::string suppression_text(const Suppression& suppression) {
  if (!suppression.expires) return fmt::format("{} (no expiry)", suppression.reason);
  return fmt::format("{} (expires {})", suppression.reason, suppression.expires->to_string());
}

}  // namespace snapkey::render::detail
