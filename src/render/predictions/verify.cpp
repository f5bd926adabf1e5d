// The report of `snapkey verify` as a terminal table, the "snapkey/verify/v1" JSON document and
// a Markdown table (docs/verify.md).
//
//   AGREEMENT      OBSERVED
//
//   disagree       copy job 9c1e (orders from primary to dr): COMPLETED, key
//                  arn:aws:kms:us-east-1:111111111111:key/...
//     predicted    orders@dr: encrypted with alias/app-key-replica (arn:...)
//     rules        R6, R7
//     reason       AWS used ..., snapkey predicted ...
//     input        tests/data/verify/copy-jobs.json#/CopyJobs/1
//
//   1 agree, 1 disagree, 0 not predicted
#include <fmt/format.h>

#include "render/text/text.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::Json;

constexpr std::size_t kScreen = 80;
constexpr std::size_t kLabelWidth = 15;  // "not-predicted" and two spaces

detail::Color color_of(Agreement agreement) {
  switch (agreement) {
    case Agreement::agree:
      return detail::Color::green;
    case Agreement::disagree:
      return detail::Color::red;
    case Agreement::not_predicted:
      break;
  }
  return detail::Color::yellow;
}

std::string rules_text(const Verification& v) {
  return v.rules.empty() ? "-" : fmt::format("{}", fmt::join(v.rules, ", "));
}

// "2 agree, 1 disagree, 0 not predicted"
std::string summary(const VerifyReport& report) {
  return fmt::format("{} agree, {} disagree, {} not predicted", report.count(Agreement::agree),
                     report.count(Agreement::disagree), report.count(Agreement::not_predicted));
}

constexpr std::string_view kNothingToVerify =
    "Nothing to verify: none of the inputs reports a copy job or a recovery point. Give snapkey "
    "verify the saved output of aws backup list-copy-jobs, describe-copy-job or "
    "list-recovery-points-by-backup-vault along with the configuration.";

// One labelled line of a block, wrapped under its text.
std::string labelled(std::string_view label, std::string_view text) {
  return detail::hang(detail::pad_right(fmt::format("  {}", label), kLabelWidth), kLabelWidth, text,
                      kScreen, kLabelWidth);
}

}  // namespace

std::string render_verify_table(const VerifyReport& report, const RenderOptions& options) {
  std::string out = detail::paint("AGREEMENT      OBSERVED", detail::Color::bold, options.color);
  out += '\n';
  for (const Verification& v : report.verifications) {
    out += '\n';
    const std::string_view agreement = to_string(v.agreement);
    const std::string lead = detail::paint(agreement, color_of(v.agreement), options.color) +
                             std::string(kLabelWidth - agreement.size(), ' ');
    out += detail::hang(lead, kLabelWidth, v.observed, kScreen, kLabelWidth);
    out += labelled("predicted",
                    v.prediction_id ? fmt::format("{}: {}", *v.prediction_id, v.predicted) : "-");
    out += labelled("rules", rules_text(v));
    out += labelled("reason", v.reason);
    const std::string where = v.location.to_string();
    if (!where.empty()) out += labelled("input", where);
  }
  if (report.verifications.empty())
    out += '\n' + detail::wrap(kNothingToVerify, kScreen, "") + '\n';
  out += fmt::format("\n{}\nAWS behaviour as of {}\n", summary(report), report.as_of.to_string());
  return out;
}

std::string render_verify_json(const VerifyReport& report) {
  return render_verify_json(report, {});
}

std::string render_verify_json(const VerifyReport& report,
                               const std::vector<SkippedInput>& skipped) {
  Json::Array verifications;
  for (const Verification& v : report.verifications) {
    verifications.emplace_back(Json::Object{
        {"agreement", to_string(v.agreement)},
        {"observed", v.observed},
        {"location", Json::string_or_null(v.location.to_string())},
        {"prediction", v.prediction_id},
        {"predicted", Json::string_or_null(v.predicted)},
        {"rules", Json::strings(v.rules)},
        {"reason", v.reason},
    });
  }
  Json::Object document = {
      {"schema", "snapkey/verify/v1"},
      {"as_of", report.as_of.to_string()},
      {"summary", summary(report)},
      {"disagrees", report.disagreements() > 0},
      {"verifications", std::move(verifications)},
  };
  detail::add_skipped(document, skipped);
  return Json(std::move(document)).dump() + "\n";
}

std::string render_verify_markdown(const VerifyReport& report) {
  using detail::markdown_cell;
  std::string out =
      "| Agreement | Observed | Predicted | Rules | Reason |\n"
      "|---|---|---|---|---|\n";
  for (const Verification& v : report.verifications) {
    const std::string predicted =
        v.prediction_id ? fmt::format("{}: {}", detail::code_span(*v.prediction_id), v.predicted)
                        : std::string("-");
    const std::vector<std::string> cells = {fmt::format("**{}**", to_string(v.agreement)),
                                            v.observed, predicted, rules_text(v), v.reason};
    out += "|";
    for (const std::string& cell : cells) out += fmt::format(" {} |", markdown_cell(cell));
    out += '\n';
  }
  if (report.verifications.empty()) out += fmt::format("\n{}\n", kNothingToVerify);
  out += fmt::format("\n{}, predicted for AWS behaviour as of {}.\n", summary(report),
                     report.as_of.to_string());
  return out;
}

}  // namespace snapkey::render
