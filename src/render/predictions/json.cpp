// The "snapkey/prediction/v1" document (docs/json-output.md). Field names and order are a
// contract: change them only with a new schema version.
#include "render/text/text.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

using detail::Json;

Json key_json(const std::optional<Key>& key) {
  if (!key) return Json();
  return Json::Object{
      {"arn", Json::string_or_null(key->arn)},
      {"alias", Json::string_or_null(key->alias())},
      {"manager", to_string(key->manager)},
      {"multi_region", to_string(key->multi_region)},
      {"region", key->region.name},
      {"account", key->account.value},
      {"state", to_string(key->state)},
      {"address", Json::string_or_null(key->address)},
  };
}

Json step_json(const Step& step) {
  Json::Array facts;
  for (const Fact& fact : step.facts) {
    facts.emplace_back(Json::Object{{"name", fact.name}, {"value", fact.value}});
  }
  return Json::Object{
      {"rule", step.rule},
      {"confidence", to_string(step.confidence)},
      {"text", step.text},
      {"facts", std::move(facts)},
  };
}

Json prediction_json(const Prediction& p) {
  Json::Array steps;
  for (const Step& step : p.steps) steps.push_back(step_json(step));
  return Json::Object{
      // The fields up to "message" are the contract of the original issue.
      {"id", p.id},
      {"operation", to_string(p.operation)},
      {"parent", p.parent},
      {"resource", p.resource},
      {"resource_arn", p.resource_arn},
      {"resource_type", to_string(p.resource_type)},
      {"plan", p.plan},
      {"rule", p.plan_rule},
      {"vault", p.vault},
      {"vault_arn", p.vault_arn},
      {"region", Json::string_or_null(p.region.name)},
      {"account", Json::string_or_null(p.account.value)},
      {"recovery_point_arn", p.recovery_point_arn},
      {"continuous", p.continuous},
      {"outcome", to_string(p.outcome)},
      {"key", key_json(p.key)},
      {"rules", Json::strings(p.rules)},
      {"confidence", to_string(p.confidence)},
      {"warnings", Json::strings(p.warnings)},
      {"message", p.message},
      // Additions.
      {"aws_error", p.aws_error},
      {"unknowns", Json::strings(p.unknowns)},
      {"steps", std::move(steps)},
      {"advice", Json::strings(p.advice)},
      {"resource_address", p.resource_address},
      {"vault_address", p.vault_address},
  };
}

}  // namespace

std::string render_json(const Predictions& predictions) { return render_json(predictions, {}); }

std::string render_json(const Predictions& predictions, const std::vector<SkippedInput>& skipped) {
  Json::Array points;
  points.reserve(predictions.recovery_points.size());
  for (const Prediction& p : predictions.recovery_points) points.push_back(prediction_json(p));
  Json::Object document = {
      {"schema", "snapkey/prediction/v1"},
      {"as_of", predictions.as_of.to_string()},
      {"recovery_points", std::move(points)},
  };
  detail::add_skipped(document, skipped);
  return Json(std::move(document)).dump() + "\n";
}

}  // namespace snapkey::render
