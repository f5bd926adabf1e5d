// What every reader's fuzz target does with what it read: the rest of `snapkey check`, `predict`
// and `verify` in memory, so that whatever a reader lets through is fuzzed all the way down.
//
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
//     snapkey::fuzz::run_pipeline(snapkey::io::read_scenario(text_of(data, size), "s.yaml"));
//     return 0;
//   }
#ifndef SNAPKEY_TESTS_FUZZ_PIPELINE_HPP
#define SNAPKEY_TESTS_FUZZ_PIPELINE_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "snapkey/check.hpp"
#include "snapkey/model.hpp"
#include "snapkey/policy.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/verify.hpp"

namespace snapkey::fuzz {

// The fuzz bytes as the text a reader reads.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The fuzz text split at NUL bytes into at most `most` files (the last one keeps any further NUL):
// JSON and YAML never hold a raw NUL, so a NUL is free to separate files, and a target can read
// several files together (a plan and its selection, two stacks and their exports).
inline std::vector<std::string_view> files_of(std::string_view text, std::size_t most) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < most) {
    const std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) break;
    out.push_back(text.substr(0, nul));
    text.remove_prefix(nul + 1);
  }
  out.push_back(text);
  return out;
}

// Stops the run (libFuzzer reports it as a crash, with the input) when `holds` is false, saying
// which promise `what` broke: an error always has an id, the engine's invariants.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "snapkey fuzz: invariant violated: %s\n", what);
  __builtin_trap();
}

// The same for two texts that must be equal; prints the first line where they differ.
inline void require_equal(std::string_view a, std::string_view b, const char* what) {
  if (a == b) return;
  std::size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
  const std::size_t line = a.rfind('\n', at) == std::string_view::npos ? 0 : a.rfind('\n', at) + 1;
  std::fprintf(stderr, "snapkey fuzz: at byte %zu:\n--- %.*s\n+++ %.*s\n", at,
               static_cast<int>(std::min<std::size_t>(a.size() - line, 160)), a.data() + line,
               static_cast<int>(std::min<std::size_t>(b.size() - std::min(line, b.size()), 160)),
               b.data() + std::min(line, b.size()));
  require(false, what);
}

// The date suppressions expire against: fixed, as the library never reads the clock.
inline constexpr Date kToday{2026, 3, 1};

// Every check on, every requirement asked for: the checks that a default policy leaves off run
// too.
inline Policy strict_policy() {
  Policy policy;
  for (const CheckInfo& info : check_table()) policy.checks[std::string(info.id)].enabled = true;
  policy.require_cross_region_copy = true;
  policy.require_cross_account_copy = true;
  policy.copy_regions = {Region{"us-west-2"}};
  policy.copy_accounts = {AccountId{"222222222222"}};
  policy.copy_key_manager = KeyManager::customer;
  policy.allowed_keys = {"alias/backup-*", "arn:aws:kms:*"};
  return policy;
}

enum class Sarif { no, yes };

// Checks the predictions under `policy` and renders the findings as JSON, and as SARIF when asked
// (SARIF carries the whole rule table: the slowest renderer by far, run once a run).
inline void check_and_render(const Predictions& predictions, Policy policy,
                             const std::vector<InputSuppression>& suppressions, Sarif sarif) {
  add_input_suppressions(policy, suppressions);
  const Findings findings = check(predictions, policy, {.today = kToday});
  for (const Finding& finding : findings.findings) {
    require(!finding.check.empty(), "a finding names its check");
  }
  (void)render::render_findings_json(findings);
  if (sarif == Sarif::yes) (void)render::render_findings_sarif(findings);
}

// Model::build, predict, check (default and strict policy), verify, and their JSON renderings
// (SARIF for the default policy's findings).
// A reader's error ends the run: it must carry an id.
inline void run_pipeline(Result<ModelInput> input) {
  if (!input) {
    require(!input.error().id.empty(), "a reader's error has an id");
    return;
  }
  const std::vector<InputSuppression> suppressions = input->suppressions;
  Result<Model> model = Model::build(std::move(*input));
  if (!model) {
    require(!model.error().id.empty(), "a Model::build error has an id");
    return;
  }
  const Predictions predictions = predict(*model, {});
  (void)render::render_json(predictions);
  check_and_render(predictions, Policy{}, suppressions, Sarif::yes);
  check_and_render(predictions, strict_policy(), suppressions, Sarif::no);
  (void)render::render_verify_json(verify(*model, predictions));
}

}  // namespace snapkey::fuzz

#endif  // SNAPKEY_TESTS_FUZZ_PIPELINE_HPP
