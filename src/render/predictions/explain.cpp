// `snapkey explain`: the steps that decided one recovery point, each with its rule, confidence,
// facts and source, then the result, the warnings and the advice.
//
//   aurora@virginia-default: copy, encrypted
//
//   Resource:   aurora, type aurora
//               arn:aws:rds:ap-northeast-1:111111111111:cluster:aurora
//   ...
//   1. [R6 documented] An AWS Backup copy has no key parameter: the destination
//      vault's key decides.
//      destination vault: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
//      source: https://docs.aws.amazon.com/...
//
// Prose (step texts, the message, warnings, advice) wraps at 80 columns; facts and sources do not
// (they are ARNs and URLs).
#include <fmt/format.h>

#include "render/text/text.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::Color;
using detail::paint;

constexpr std::size_t kScreen = 80;
constexpr std::size_t kLabelWidth = 12;

// "Label:" padded so that the values of a block line up; an empty label continues the field
// above. Values are not wrapped: they are ARNs and names.
void field(std::string& out, std::string_view label, std::string_view value) {
  out += fmt::format("{:<12}{}\n", label.empty() ? "" : fmt::format("{}:", label), value);
}

// A field whose value is prose, wrapped under itself.
void prose_field(std::string& out, std::string_view label, std::string_view value) {
  out += detail::hang(fmt::format("{:<12}", fmt::format("{}:", label)), kLabelWidth, value, kScreen,
                      kLabelWidth);
}

// "- text", wrapped under the text.
void bullet(std::string& out, std::string_view text) {
  out += detail::hang("- ", 2, text, kScreen, 2);
}

std::string key_text(const Key& key) {
  const std::string alias = key.alias();
  if (alias.empty() && key.manager == KeyManager::aws_owned)
    return "an AWS owned key (no ARN to see)";
  if (alias.empty()) return detail::key_arn_text(key);
  return fmt::format("{} {}", alias, detail::key_arn_text(key));
}

}  // namespace

std::string render_explanation(const Prediction& p, const RenderOptions& options) {
  const bool color = options.color;
  std::string out;
  out += fmt::format("{}: {}, {}\n\n", paint(p.id, Color::bold, color), to_string(p.operation),
                     paint(to_string(p.outcome), detail::color_of(p.outcome), color));

  field(out, "Resource", fmt::format("{}, type {}", p.resource, to_string(p.resource_type)));
  field(out, "", p.resource_arn);
  if (p.parent) field(out, "Made from", *p.parent);
  if (p.plan) {
    field(out, "Plan", p.plan_rule ? fmt::format("{}, rule {}", *p.plan, *p.plan_rule) : *p.plan);
  }
  if (p.vault_arn) {
    field(out, "Vault", *p.vault_arn);
  } else if (p.vault) {
    field(out, "Vault", *p.vault);
  }
  field(out, "Region", p.region.name);
  field(out, "Account", p.account.value);
  if (p.recovery_point_arn) field(out, "ARN", *p.recovery_point_arn);
  if (p.continuous) field(out, "Continuous", "yes (point-in-time recovery)");

  if (!p.steps.empty()) out += "\nSteps:\n";
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const Step& step = p.steps[i];
    const std::string number = fmt::format("{}. ", i + 1);
    const std::string indent(number.size(), ' ');
    const std::string tag = fmt::format("[{} {}] ", step.rule, to_string(step.confidence));
    const std::string painted_tag =
        fmt::format("[{} {}] ", paint(step.rule, Color::bold, color), to_string(step.confidence));
    out += detail::hang(number + painted_tag, number.size() + tag.size(), step.text, kScreen,
                        number.size());
    for (const Fact& fact : step.facts) {
      out += fmt::format("{}{}: {}\n", indent, fact.name, fact.value);
    }
    const Rule* rule = find_rule(step.rule);
    if (rule != nullptr && !rule->sources.empty()) {
      out += fmt::format("{}source: {}\n", indent, paint(rule->sources.front(), Color::dim, color));
    }
  }

  out += "\n";
  if (p.outcome == Outcome::encrypted && p.key) {
    field(out, "Result",
          fmt::format("{} with {}", paint("encrypted", Color::green, color), key_text(*p.key)));
  } else {
    field(out, "Result", paint(to_string(p.outcome), detail::color_of(p.outcome), color));
  }
  if (!p.message.empty()) prose_field(out, "Why", p.message);
  if (p.aws_error) prose_field(out, "AWS error", *p.aws_error);
  field(out, "Confidence", to_string(p.confidence));
  if (!p.rules.empty()) field(out, "Rules", fmt::format("{}", fmt::join(p.rules, ", ")));

  if (!p.unknowns.empty()) {
    out += "\nNot known:\n";
    for (const std::string& unknown : p.unknowns) bullet(out, unknown);
  }
  if (!p.warnings.empty()) {
    out += "\nWarnings:\n";
    for (const std::string& w : p.warnings) {
      const std::string_view text = describe_warning(w);
      const std::string lead = fmt::format("- {}{}", w, text.empty() ? "" : ": ");
      const std::string painted_lead =
          fmt::format("- {}{}", paint(w, Color::yellow, color), text.empty() ? "" : ": ");
      out += detail::hang(painted_lead, lead.size(), text, kScreen, 2);
    }
  }
  if (!p.advice.empty()) {
    out += p.outcome == Outcome::encrypted ? "\nTo get a different key:\n"
                                           : "\nTo change the outcome:\n";
    for (const std::string& line : p.advice) bullet(out, line);
  }
  return out;
}

}  // namespace snapkey::render
