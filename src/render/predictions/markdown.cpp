// A GitHub-flavoured Markdown table of every recovery point, for pull-request comments and docs,
// followed by the messages of recovery points that are not encrypted as planned and by the
// warnings.
#include <fmt/format.h>

#include <map>
#include <set>

#include "render/text/text.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::code_span;
using detail::markdown_cell;

std::string key_cell(const Prediction& p) {
  if (!p.key) return "-";
  std::string out;
  const std::string alias = p.key->alias();
  if (!alias.empty()) out = code_span(alias) + " ";
  out += p.key->arn.empty() ? detail::key_arn_text(*p.key) : code_span(p.key->arn);
  return out;
}

std::string rules_cell(const Prediction& p) {
  return p.rules.empty() ? "-" : fmt::format("{}", fmt::join(p.rules, ", "));
}

}  // namespace

std::string render_markdown(const Predictions& predictions) {
  std::string out =
      "| Recovery point | Operation | Region | Account | Vault | Key | Outcome | Rules | "
      "Confidence |\n"
      "|---|---|---|---|---|---|---|---|---|\n";
  for (const Prediction& p : predictions.recovery_points) {
    const std::vector<std::string> cells = {
        code_span(p.id),
        std::string(to_string(p.operation)),
        p.region.name,
        p.account.value,
        p.vault ? code_span(*p.vault) : "-",
        key_cell(p),
        fmt::format("**{}**", to_string(p.outcome)),
        rules_cell(p),
        std::string(to_string(p.confidence)),
    };
    out += "|";
    for (const std::string& c : cells) out += fmt::format(" {} |", markdown_cell(c));
    out += '\n';
  }
  out += fmt::format("\n{}, predicted for AWS behaviour as of {}.\n",
                     detail::outcome_summary(predictions), predictions.as_of.to_string());

  // Why the others are not encrypted: the message of every failing or unknown outcome.
  std::string problems;
  for (const Prediction& p : predictions.recovery_points) {
    if (p.outcome == Outcome::encrypted || p.outcome == Outcome::unencrypted) continue;
    problems += fmt::format("- {} ({}): {}", code_span(p.id), to_string(p.outcome), p.message);
    if (p.aws_error) problems += fmt::format("; AWS reports: {}", code_span(*p.aws_error));
    problems += '\n';
  }
  if (!problems.empty()) out += "\n**Failures and unknowns**\n\n" + problems;

  // Warnings, one line per warning id (sorted), with the recovery points that carry it.
  std::map<std::string, std::vector<std::string>> warned;
  for (const Prediction& p : predictions.recovery_points) {
    for (const std::string& w : std::set<std::string>(p.warnings.begin(), p.warnings.end())) {
      warned[w].push_back(code_span(p.id));
    }
  }
  if (!warned.empty()) {
    out += "\n**Warnings**\n\n";
    for (const auto& [id, points] : warned) {
      const std::string_view text = describe_warning(id);
      out += fmt::format("- {} ({}){}{}\n", code_span(id), fmt::join(points, ", "),
                         text.empty() ? "" : ": ", text);
    }
  }
  return out;
}

}  // namespace snapkey::render
