// Renderers of predictions and verify reports: pure functions to text. With findings.hpp and
// tables.hpp, the only code that knows about colours, columns, Markdown or JSON syntax.
//
//   std::string json = snapkey::render::render_json(predictions);
#ifndef SNAPKEY_RENDER_PREDICTIONS_HPP
#define SNAPKEY_RENDER_PREDICTIONS_HPP

#include <string>
#include <vector>

#include "snapkey/predict.hpp"
#include "snapkey/skipped_input.hpp"
#include "snapkey/verify.hpp"

namespace snapkey::render {

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

}  // namespace snapkey::render

#endif  // SNAPKEY_RENDER_PREDICTIONS_HPP
