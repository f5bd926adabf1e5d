// Renderers: pure functions from predictions and the rule table to text. The only code that
// knows about colours, columns, Markdown or JSON syntax.
//
//   std::string json = snapkey::io::render_json(predictions);
#ifndef SNAPKEY_IO_RENDER_HPP
#define SNAPKEY_IO_RENDER_HPP

#include <string>

#include "snapkey/io/inputs.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/verify.hpp"

namespace snapkey::io {

struct RenderOptions {
  bool color = false;  // ANSI colours (the CLI turns them on only on a terminal without NO_COLOR)
};

// A table of every recovery point, readable in 80 columns.
std::string render_table(const Predictions& predictions, const RenderOptions& options);
// The "snapkey/prediction/v1" JSON document (docs/json-output.md).
std::string render_json(const Predictions& predictions);
// The same, with the files of unknown kind that reading a directory skipped ("skipped", the last
// field, only when there are any).
std::string render_json(const Predictions& predictions, const std::vector<SkippedInput>& skipped);
// A Markdown table, for pull-request comments and docs.
std::string render_markdown(const Predictions& predictions);
// The steps that led to one recovery point's outcome, each with its rule and source, and what to
// change to get a different key.
std::string render_explanation(const Prediction& prediction, const RenderOptions& options);

// The report of `snapkey verify`: a block per observation (agreement, what AWS reported, what
// snapkey predicted, the rules, why) and a summary line, readable in 80 columns.
std::string render_verify_table(const VerifyReport& report, const RenderOptions& options);
// The "snapkey/verify/v1" JSON document (docs/verify.md).
std::string render_verify_json(const VerifyReport& report);
std::string render_verify_json(const VerifyReport& report,
                               const std::vector<SkippedInput>& skipped);
// A Markdown table of the observations, disagreements first explained below it.
std::string render_verify_markdown(const VerifyReport& report);

// The rule table as text, as Markdown (docs/rules.md) or as JSON.
std::string render_rules_table();
std::string render_rules_markdown();
std::string render_rules_json();

// The error catalogue (snapkey/errors.hpp) as text, as Markdown (docs/errors.md) or as JSON.
std::string render_errors_table();
std::string render_errors_markdown();
std::string render_errors_json();

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_RENDER_HPP
