// The terminal table: one block of two or three lines a recovery point, readable in 80 columns.
//
//   RECOVERY POINT            OPERATION  OUTCOME    RULE  KEY
//   aurora@tokyo-default      backup     encrypted  R2    alias/test-key-multi
//     ap-northeast-1  account 111111111111  vault tokyo-default
//     arn:aws:kms:ap-northeast-1:111111111111:key/mrk-...
//
// A Terraform address or CloudFormation logical id follows the vault's name, the resource's
// after it: "vault dr (module.dr.aws_backup_vault.dr["us-east-1"])  resource aws_rds_cluster.a".
//
// The key comes last so that a long alias runs off the end of its own line and never pushes
// another column out of place. The id column takes what is left of 80 columns; an id wider than
// that (a native copy's or a restore's, typically) gets a line of its own and the row goes on,
// aligned, on the next line. Nothing is truncated.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "render/text/text.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::display_width;
using detail::pad_right;
using detail::paint;

constexpr std::size_t kScreen = 80;
constexpr std::size_t kGap = 2;
constexpr std::size_t kMinIdWidth = 20;

std::string key_cell(const Prediction& p) {
  if (!p.key) return "-";
  if (!p.key->alias().empty()) return p.key->alias();
  return p.key->manager == KeyManager::aws_owned ? std::string(kAwsOwnedKey) : "-";
}

// The line under the first: what the table cannot fit in columns.
std::string detail_line(const Prediction& p) {
  if (p.outcome == Outcome::encrypted && p.key) return detail::key_arn_text(*p.key);
  if (p.outcome == Outcome::fails || p.outcome == Outcome::unsupported ||
      p.outcome == Outcome::indeterminate) {
    return p.message;
  }
  return "";
}

// The second line of a block: Region, account and vault, then the Terraform addresses or
// CloudFormation logical ids of the vault and the resource when the input gave them. A part that
// would pass column 80 starts a new line, indented: the vault's name stays on the second line.
std::string place_lines(const Prediction& p) {
  struct Part {
    std::string_view separator;
    std::string text;
  };
  std::vector<Part> parts = {{"", p.region.name},
                             {"  ", fmt::format("account {}", p.account.value)},
                             {"  ", fmt::format("vault {}", p.vault.value_or("-"))}};
  if (p.vault_address) parts.push_back({" ", fmt::format("({})", *p.vault_address)});
  if (p.resource_address) parts.push_back({"  ", fmt::format("resource {}", *p.resource_address)});
  std::string out = "  ";
  std::size_t column = out.size();
  for (const Part& part : parts) {
    const std::size_t width = display_width(part.text);
    if (column > 2 && column + part.separator.size() + width > kScreen) {
      out += "\n    ";
      column = 4;
    } else {
      out += part.separator;
      column += part.separator.size();
    }
    out += part.text;
    column += width;
  }
  return out + '\n';
}

// The warnings that deserve a look; KEY_ARN_NOT_KNOWN is already said by "(ARN not known)".
std::string warnings_line(const Prediction& p) {
  std::vector<std::string_view> shown;
  for (const std::string& warning : p.warnings) {
    if (warning != kKeyArnNotKnown) shown.push_back(warning);
  }
  return shown.empty() ? "" : fmt::format("warnings: {}", fmt::join(shown, ", "));
}

}  // namespace

std::string render_table(const Predictions& predictions, const RenderOptions& options) {
  const std::vector<Prediction>& points = predictions.recovery_points;
  const std::array<std::string_view, 5> headers = {"RECOVERY POINT", "OPERATION", "OUTCOME", "RULE",
                                                   "KEY"};
  // Widths of the middle columns, from content.
  std::size_t operation_width = headers[1].size();
  std::size_t outcome_width = headers[2].size();
  std::size_t rule_width = headers[3].size();
  std::size_t key_width = headers[4].size();
  std::size_t id_width = headers[0].size();
  for (const Prediction& p : points) {
    operation_width = std::max(operation_width, to_string(p.operation).size());
    outcome_width = std::max(outcome_width, to_string(p.outcome).size());
    rule_width = std::max(rule_width, display_width(detail::deciding_rule(p)));
    key_width = std::max(key_width, display_width(key_cell(p)));
    id_width = std::max(id_width, display_width(p.id));
  }
  // The id column gets what is left of 80 columns, but never less than kMinIdWidth.
  const std::size_t others = operation_width + outcome_width + rule_width + key_width + 4 * kGap;
  const std::size_t room = kScreen > others ? kScreen - others : 0;
  id_width = std::min(id_width, std::max({room, kMinIdWidth, headers[0].size()}));

  const std::string gap(kGap, ' ');
  // A cell padded to its column, then the gap before the next.
  const auto cell = [&](std::string_view text, std::size_t width) {
    return pad_right(text, width) + gap;
  };

  std::string out;
  out +=
      paint(fmt::format("{}{}{}{}{}", cell(headers[0], id_width), cell(headers[1], operation_width),
                        cell(headers[2], outcome_width), cell(headers[3], rule_width), headers[4]),
            detail::Color::bold, options.color);
  out += '\n';
  for (const Prediction& p : points) {
    out += '\n';
    if (display_width(p.id) > id_width) {
      // Too long for its column: the id gets a line of its own, the other columns stay aligned.
      out += p.id;
      out += '\n';
      out += std::string(id_width, ' ') + gap;
    } else {
      out += cell(p.id, id_width);
    }
    out += cell(to_string(p.operation), operation_width);
    // Padding goes outside the colour codes so that columns stay aligned.
    const std::string_view outcome = to_string(p.outcome);
    out += paint(outcome, detail::color_of(p.outcome), options.color);
    out += std::string(outcome_width - outcome.size(), ' ') + gap;
    out += cell(detail::deciding_rule(p), rule_width);
    out += key_cell(p);
    out += '\n';
    out += place_lines(p);
    const std::string extra = detail_line(p);
    if (!extra.empty()) out += detail::hang("  ", 2, extra, kScreen, 2);
    if (const std::string warnings = warnings_line(p); !warnings.empty()) {
      std::string lines = detail::hang("  ", 2, warnings, kScreen, 2);
      lines.pop_back();  // the colour codes go around the text, not the line break
      out += paint(lines, detail::Color::yellow, options.color) + '\n';
    }
  }
  if (!points.empty()) out += '\n';
  out += detail::outcome_summary(predictions);
  out += fmt::format("\nAWS behaviour as of {}\n", predictions.as_of.to_string());
  return out;
}

}  // namespace snapkey::render
