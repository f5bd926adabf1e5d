// Writes a Model as one scenario file (docs/scenario-format.md, "Exporting what was read"): the
// reader's inverse, for snapkey export-scenario.
//
// Every fact the model holds that changes a prediction is written with the words and fields the
// reader knows (reader.hpp), so that reading the file back builds the same model: the same
// entries under the same names, with their addresses and the reasons of their unknowns. The
// locations are the one thing that changes: they become the lines of the new file. What the model
// holds and the format cannot say is named in the header comment. Every string goes through
// yaml-cpp's emitter; none is formatted by hand.
#include "io/scenario/writer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "io/scenario/reader.hpp"

namespace snapkey::io::scenario {

bool needs_quotes(std::string_view text) {
  if (text.empty()) return true;
  std::string lower;
  for (const char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // YAML 1.1's booleans and nulls, the merge and value keys, and the float words.
  static constexpr std::array<std::string_view, 14> kWords = {
      "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<", "=", ".inf", ".nan"};
  if (std::find(kWords.begin(), kWords.end(), lower) != kWords.end()) return true;
  // Numbers, dates and times (12, 0x1f, 1_000, 2026-11-28, 1:30, +1, -.5, .5).
  const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  if (digit(text[0])) return true;
  const bool sign_or_dot = text[0] == '+' || text[0] == '-' || text[0] == '.';
  return sign_or_dot && text.size() > 1 && (digit(text[1]) || text[1] == '.');
}

Writer::Writer(const Model& model) : model_(model) {
  out_.SetIndent(2);
  out_.SetBoolFormat(YAML::TrueFalseBool);
  out_.SetBoolFormat(YAML::LowerCase);
}

void Writer::string(std::string_view text) {
  if (needs_quotes(text)) out_ << YAML::DoubleQuoted;
  out_ << std::string(text);
}

void Writer::field(std::string_view name, std::string_view value) {
  out_ << YAML::Key << std::string(name) << YAML::Value;
  string(value);
}

void Writer::strings(std::string_view name, const std::vector<std::string>& list) {
  // [a, b] when it is short, one item a line when not (ARNs): yaml-cpp never wraps a line.
  constexpr std::size_t kFlowWidth = 72;
  std::size_t width = name.size() + 4;
  for (const std::string& item : list) width += item.size() + 2;
  out_ << YAML::Key << std::string(name) << YAML::Value;
  if (width <= kFlowWidth) out_ << YAML::Flow;
  out_ << YAML::BeginSeq;
  for (const std::string& item : list) string(item);
  out_ << YAML::EndSeq;
}

void Writer::reason(std::string_view name, const std::string& why) {
  if (!why.empty()) field(name, why);
}

std::string Writer::key_reference(const std::string& ref, const AccountId& account,
                                  const Region& region) const {
  if (ref != kNone && ref != kUnknown && ref != kDefault) return ref;
  const Key* key = model_.find_key(ref, account, region);
  if (key != nullptr && !key->arn.empty()) return key->arn;
  if (key != nullptr && !key->aliases.empty()) return key->aliases.front();
  return ref;  // a key named so with neither ARN nor alias: no reader makes one
}

std::string Writer::recovery_point(const RecoveryPointRef& ref) const {
  RecoveryPointRef written = ref;
  if (written.resource.find('@') != std::string::npos) {
    if (const Resource* resource = model_.find_resource(ref.resource)) {
      written.resource = resource->arn;
    }
  }
  if (written.vault.find('@') != std::string::npos) {
    if (const Vault* vault = model_.find_vault(ref.vault)) written.vault = vault->arn;
  }
  return written.to_string();
}

void Writer::header(const WriteScenarioOptions& options) {
  std::vector<std::string> lines;
  // The first line names the inputs; the notes after the second name what the model held and the
  // file cannot, so an export of the export has none of them.
  if (options.inputs.empty()) {
    lines.push_back("Exported by snapkey.");
    lines.push_back("A scenario (docs/scenario-format.md) that predicts what its model predicts.");
  } else {
    lines.push_back(fmt::format("Exported by snapkey from: {}", fmt::join(options.inputs, " ")));
    lines.push_back(
        "A scenario (docs/scenario-format.md) that predicts what those inputs predict.");
  }
  const auto& plans = model_.plans();
  if (std::any_of(plans.begin(), plans.end(),
                  [](const Plan& p) { return !p.selections.empty(); })) {
    lines.push_back(
        "Backup selections are written as the resources they assign (resources, "
        "resources_unknown).");
  }
  std::vector<std::string> left_out;
  const auto count = [&](std::size_t n, std::string_view one, std::string_view many) {
    if (n > 0) left_out.push_back(fmt::format("{} {}", n, n == 1 ? one : many));
  };
  count(model_.copy_jobs().size(), "observed copy job", "observed copy jobs");
  count(model_.observed_recovery_points().size(), "observed recovery point",
        "observed recovery points");
  count(options.suppressions, "suppression written in the inputs",
        "suppressions written in the inputs");
  if (!left_out.empty()) {
    lines.push_back(
        fmt::format("Not exported (no place in a scenario): {}.", fmt::join(left_out, ", ")));
  }
  out_ << YAML::Comment(fmt::format("{}", fmt::join(lines, "\n")));
}

void Writer::accounts() {
  if (model_.accounts().empty()) return;
  out_ << YAML::Key << "accounts" << YAML::Value << YAML::BeginMap;
  for (const Account& account : model_.accounts()) {
    out_ << YAML::Key;
    string(account.id.value);
    out_ << YAML::Value << YAML::Flow << YAML::BeginMap;
    if (account.organization) {
      field("organization", account.organization->empty() ? kNone : *account.organization);
    }
    if (!account.cross_account_backup) {
      out_ << YAML::Key << "cross_account_backup" << YAML::Value << false;
    }
    out_ << YAML::EndMap;
  }
  out_ << YAML::EndMap;
}

void Writer::jobs() {
  if (model_.jobs().empty()) return;
  out_ << YAML::Key << "jobs" << YAML::Value << YAML::BeginSeq;
  for (const Job& job : model_.jobs()) {
    out_ << YAML::BeginMap << YAML::Key << std::string(kJobKinds[static_cast<int>(job.kind)])
         << YAML::Value << YAML::Flow << YAML::BeginMap;
    field("from", recovery_point(job.from));
    if (!job.to.empty()) field("to", job.to);
    // In the order of the reader's field lists: native_copy region, account, key; restore key,
    // account.
    if (!job.region.empty()) field("region", job.region);
    if (job.kind == JobKind::native_copy && !job.account.empty()) field("account", job.account);
    if (!job.key.empty()) field("key", job.key);
    if (job.kind != JobKind::native_copy && !job.account.empty()) field("account", job.account);
    out_ << YAML::EndMap << YAML::EndMap;
  }
  out_ << YAML::EndSeq;
}

std::string Writer::write(const WriteScenarioOptions& options) {
  header(options);
  out_ << YAML::BeginMap;
  if (const std::optional<Date>& as_of = model_.as_of()) {
    out_ << YAML::Key << "as_of" << YAML::Value << as_of->to_string();  // a date, plain
  }
  accounts();
  keys();
  resources();
  vaults();
  plans();
  jobs();
  out_ << YAML::EndMap;
  std::string text = out_.c_str();
  text += '\n';
  return text;
}

}  // namespace snapkey::io::scenario

namespace snapkey::io {

std::string write_scenario(const Model& model, const WriteScenarioOptions& options) {
  return scenario::Writer(model).write(options);
}

}  // namespace snapkey::io
