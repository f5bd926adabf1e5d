// What the findings renderers share: counts, their wording, and the order of the report's
// sections. Private to snapkey::io.
#ifndef SNAPKEY_SRC_RENDER_FINDINGS_SUMMARY_HPP
#define SNAPKEY_SRC_RENDER_FINDINGS_SUMMARY_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/check.hpp"

namespace snapkey::render::detail {

// The severities, highest first: the order of a report's sections.
inline constexpr Severity kSeveritiesHighestFirst[] = {Severity::error, Severity::warning,
                                                       Severity::info};

// A section's title: "Errors", "Warnings", "Info".
std::string_view section_title(Severity severity);

// Findings counted: unsuppressed ones by severity, suppressed ones apart.
struct Tally {
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t info = 0;
  std::size_t suppressed = 0;

  std::size_t of(Severity severity) const;
  std::size_t unsuppressed() const { return error + warning + info; }
};
Tally tally(const Findings& findings);

// "1 error", "2 warnings", "3 info" (info has no plural).
std::string count_text(std::size_t count, Severity severity);
// "1 recovery point", "2 resources": `count` and `noun`, with an "s" unless count is 1.
std::string plural(std::size_t count, std::string_view noun);
// "1 error, 0 warnings, 2 info (1 suppressed)", or "no findings" / "no findings (1 suppressed)"
// when nothing unsuppressed is left.
std::string counts_text(const Tally& tally);
// "2 recovery points and 1 resource"
std::string scope_text(const Findings& findings);

// The unsuppressed findings of one severity and one check, in report order.
std::vector<const Finding*> unsuppressed(const Findings& findings, Severity severity,
                                         std::string_view check);
// The checks that have findings (unsuppressed) at `severity`, in table order.
std::vector<std::string> checks_at(const Findings& findings, Severity severity);
// A check's place in check_table() (an unknown id: after every known one).
std::size_t table_index(std::string_view check);
// The check's title, or "" for an id the table does not know.
std::string_view title_of(std::string_view check);
// Where to look: the place in the input, followed by the Terraform address or logical id in
// parentheses when the place does not already say it ("" when neither is known).
// "file:line:column", with " (#/json/pointer)" for a JSON input whose pointer was turned into a
// line; "file#/pointer" where no line is known.
std::string location_text(const Location& location);
std::string where_text(const Finding& finding);
// "reason (expires 2026-06-30)" or "reason (no expiry)".
std::string suppression_text(const Suppression& suppression);

}  // namespace snapkey::render::detail

#endif  // SNAPKEY_SRC_RENDER_FINDINGS_SUMMARY_HPP
