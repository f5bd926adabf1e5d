#include "cli/commands.hpp"

#include <fmt/format.h>

#include <string_view>
#include <utility>

#include "snapkey/io/render.hpp"
#include "snapkey/io/scenario.hpp"
#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::cli {
namespace {

// Reads, combines and predicts: the common front half of `predict` and `explain`.
Result<Predictions> load(const std::vector<std::string>& files,
                         const std::optional<std::string>& as_of_text) {
  Options options;
  if (as_of_text) {
    Result<Date> as_of = parse_date(*as_of_text);
    if (!as_of) {
      Error error = as_of.error();
      error.message = fmt::format("--as-of: {}", error.message);
      return error;
    }
    options.as_of = *as_of;
  }
  std::vector<ModelInput> inputs;
  inputs.reserve(files.size());
  for (const std::string& file : files) {
    Result<ModelInput> input = io::read_scenario_file(file);
    if (!input) return input.error();
    inputs.push_back(std::move(input).value());
  }
  Result<ModelInput> combined = io::combine(std::move(inputs));
  if (!combined) return combined.error();
  Result<Model> model = Model::build(std::move(combined).value());
  if (!model) return model.error();
  return snapkey::predict(*model, options);
}

}  // namespace

Result<std::string> predict(const PredictArgs& args) {
  Result<Predictions> predictions = load(args.files, args.as_of);
  if (!predictions) return predictions.error();
  switch (args.format) {
    case Format::json:
      return io::render_json(*predictions);
    case Format::markdown:
      return io::render_markdown(*predictions);
    case Format::table:
      break;
  }
  return io::render_table(*predictions, {.color = args.color});
}

Result<std::string> explain(const ExplainArgs& args) {
  Result<Predictions> predictions = load({args.file}, args.as_of);
  if (!predictions) return predictions.error();
  if (const Prediction* p = predictions->find(args.recovery_point)) {
    return io::render_explanation(*p, {.color = args.color});
  }
  std::vector<std::string_view> ids;
  for (const Prediction& p : predictions->recovery_points) ids.push_back(p.id);
  std::string message = fmt::format("no recovery point '{}'", args.recovery_point);
  const std::string suggestion = closest_match(args.recovery_point, ids);
  if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
  if (ids.empty()) {
    message += "; the scenario makes no recovery points";
  } else {
    message += fmt::format("; the scenario makes: {}", fmt::join(ids, ", "));
  }
  Location where;
  where.file = args.file;
  return Error{"E_UNKNOWN_RECOVERY_POINT", std::move(message), std::move(where)};
}

std::string rules(const RulesArgs& args) {
  switch (args.format) {
    case Format::json:
      return io::render_rules_json();
    case Format::markdown:
      return io::render_rules_markdown();
    case Format::table:
      break;
  }
  return io::render_rules_table();
}

}  // namespace snapkey::cli
