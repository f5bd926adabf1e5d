#include "cli/commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>

#include "cli/graphviz.hpp"
#include "common/strings.hpp"
#include "snapkey/check.hpp"
#include "snapkey/io/inputs.hpp"
#include "snapkey/io/policy.hpp"
#include "snapkey/io/scenario.hpp"
#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/graph.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"
#include "snapkey/verify.hpp"

namespace snapkey::cli {
namespace {

// "FILE=REGION[:ACCOUNT]" split at the last '=' (a Region has none), "NAME=VALUE" at the first
// (a value may hold one).
std::pair<std::string, std::string> split_stack(const std::string& value) {
  const std::size_t at = value.rfind('=');
  if (at == std::string::npos) return {value, ""};
  return {value.substr(0, at), value.substr(at + 1)};
}

std::pair<std::string, std::string> split_parameter(const std::string& value) {
  const std::size_t at = value.find('=');
  if (at == std::string::npos) return {value, ""};
  return {value.substr(0, at), value.substr(at + 1)};
}

Error usage_error(std::string message) { return Error{"E_USAGE", std::move(message), {}}; }

Result<io::InputOptions> input_options(const InputArgs& args) {
  io::InputOptions options;
  options.region = args.region;
  options.account = args.account;
  for (const std::string& value : args.stacks) {
    auto [file, place] = split_stack(value);
    if (!options.cloudformation.stacks.emplace(file, place).second) {
      return usage_error(fmt::format("--stack gives '{}' twice; give each template once", file));
    }
  }
  for (const std::string& value : args.terraform_plans) {
    auto [file, place] = split_stack(value);
    if (!options.terraform.plans.emplace(file, place).second) {
      return usage_error(
          fmt::format("--terraform-plan gives '{}' twice; give each plan once", file));
    }
  }
  options.terraform.variables = args.variables;
  options.terraform.variable_files = args.variable_files;
  options.terraform.source_dir = args.terraform_source;
  for (const std::string& value : args.parameters) {
    auto [name, text] = split_parameter(value);
    if (!options.cloudformation.parameters.emplace(name, text).second) {
      return usage_error(
          fmt::format("--parameter gives '{}' twice; give each parameter once", name));
    }
  }
  return options;
}

Result<Options> predict_options(const std::optional<std::string>& as_of_text) {
  Options options;
  if (as_of_text) {
    Result<Date> as_of = parse_date(*as_of_text);
    if (!as_of) return Error(as_of.error()).with_context("--as-of");
    options.as_of = *as_of;
  }
  return options;
}

// The model and its predictions: the common front half of every command that reads inputs.
struct Loaded {
  Model model;
  Predictions predictions;
  std::vector<io::SkippedInput> skipped;       // files of unknown kind skipped in directories
  std::vector<InputSuppression> suppressions;  // written in the inputs: for check
};

// How many input errors a run prints; the rest are counted.
constexpr std::size_t kMaxErrors = 20;

// Every error of the inputs as the one Error main.cpp prints: the first, then each other on a
// line of its own (as Error::to_string() prints it), at most kMaxErrors in all, then "... and N
// more errors". One error prints exactly as it always has.
Error all_errors(const std::vector<Error>& errors) {
  Error first = errors.front();
  const std::size_t shown = std::min(errors.size(), kMaxErrors);
  for (std::size_t i = 1; i < shown; ++i) first.message += "\n" + errors[i].to_string();
  if (const std::size_t more = errors.size() - shown; more > 0) {
    first.message += fmt::format("\n... and {} more {}", more, more == 1 ? "error" : "errors");
  }
  return first;
}

// The notice on standard error for each file skipped (nothing is skipped silently).
void print_skipped(const std::vector<io::SkippedInput>& skipped) {
  for (const io::SkippedInput& file : skipped) {
    // An E_ id is what the file would be named alone; an I_ id a choice, which says itself why.
    const std::string notice =
        fmt::format("{}: notice: skipped{}: {}\n", file.file,
                    file.id.starts_with("E_") ? ", of no kind snapkey reads" : "", file.reason);
    std::fputs(detail::terminal_safe(notice, false).c_str(), stderr);
  }
}

Result<Loaded> load(const InputArgs& args) {
  SNAPKEY_ASSIGN_OR_RETURN(Options options, predict_options(args.as_of));
  SNAPKEY_ASSIGN_OR_RETURN(io::InputOptions input_options, cli::input_options(args));
  io::InputReport read = io::read_inputs_report(args.paths, input_options);
  print_skipped(read.skipped);
  if (!read.errors.empty()) return all_errors(read.errors);
  std::vector<InputSuppression> suppressions = std::move(read.input->suppressions);
  SNAPKEY_ASSIGN_OR_RETURN(Model model, Model::build(std::move(*read.input)));
  Predictions predictions = snapkey::predict(model, options);
  return Loaded{std::move(model), std::move(predictions), std::move(read.skipped),
                std::move(suppressions)};
}

// The date suppressions expire against: --today, else the clock's.
Result<Date> check_date(const std::optional<std::string>& today_text) {
  if (!today_text) return today_utc();
  Result<Date> today = parse_date(*today_text);
  if (!today) return Error(today.error()).with_context("--today");
  return today;
}

Result<Policy> load_policy(const std::optional<std::string>& path) {
  if (!path) return Policy{};
  return io::read_policy_file(*path);
}

// The diagram of the HTML report: "" (the page says it was not drawn) without Graphviz.
std::string diagram_svg(const Loaded& loaded) {
  Result<std::string> svg =
      run_graphviz(render::render_graph_dot(loaded.model, loaded.predictions), "svg");
  return svg ? std::move(svg).value() : std::string();
}

std::string render(const Findings& findings, const CheckArgs& args, const Loaded& loaded) {
  switch (args.format) {
    case CheckFormat::json:
      return render::render_findings_json(findings, loaded.skipped);
    case CheckFormat::html:
      return render::render_findings_html(findings, diagram_svg(loaded));
    case CheckFormat::sarif:
      return render::render_findings_sarif(findings);
    case CheckFormat::junit:
      return render::render_findings_junit(findings);
    case CheckFormat::markdown:
      return render::render_findings_markdown(findings);
    case CheckFormat::text:
      break;
  }
  return render::render_findings_text(findings, {.color = args.color});
}

}  // namespace

std::string check_stack(const std::string& value) {
  const std::size_t at = value.rfind('=');
  if (at == std::string::npos || at == 0 || at + 1 == value.size()) {
    return fmt::format("expected FILE=REGION or FILE=REGION:ACCOUNT, found '{}'", value);
  }
  const std::string place = value.substr(at + 1);
  const std::size_t colon = place.find(':');
  Result<Region> region = parse_region(place.substr(0, colon));
  if (!region) return region.error().message;
  if (colon != std::string::npos) {
    Result<AccountId> account = parse_account_id(place.substr(colon + 1));
    if (!account) return account.error().message;
  }
  return "";
}

std::string check_parameter(const std::string& value) {
  const std::size_t at = value.find('=');
  if (at == std::string::npos || at == 0) {
    return fmt::format("expected NAME=VALUE, found '{}'", value);
  }
  return "";
}

Result<std::string> predict(const PredictArgs& args) {
  SNAPKEY_ASSIGN_OR_RETURN(Loaded loaded, load(args.input));
  const Predictions& predictions = loaded.predictions;
  switch (args.format) {
    case Format::json:
      return render::render_json(predictions, loaded.skipped);
    case Format::markdown:
      return render::render_markdown(predictions);
    case Format::table:
      break;
  }
  return render::render_table(predictions, {.color = args.color});
}

Result<std::string> graph(const GraphArgs& args) {
  SNAPKEY_ASSIGN_OR_RETURN(Loaded loaded, load(args.input));
  if (args.format == GraphFormat::mermaid) {
    return render::render_graph_mermaid(loaded.model, loaded.predictions);
  }
  std::string dot = render::render_graph_dot(loaded.model, loaded.predictions);
  if (args.format == GraphFormat::dot) return dot;
  return run_graphviz(dot, "svg");
}

Result<std::string> explain(const ExplainArgs& args) {
  SNAPKEY_ASSIGN_OR_RETURN(Loaded loaded, load(args.input));
  const Predictions& predictions = loaded.predictions;
  if (const Prediction* p = predictions.find(args.recovery_point)) {
    return render::render_explanation(*p, {.color = args.color});
  }
  std::vector<std::string_view> ids;
  for (const Prediction& p : predictions.recovery_points) ids.push_back(p.id);
  std::string message = fmt::format("no recovery point '{}'", args.recovery_point);
  const std::string suggestion = closest_match(args.recovery_point, ids);
  if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
  const bool one = args.input.paths.size() == 1;
  if (ids.empty()) {
    message +=
        one ? "; the scenario makes no recovery points" : "; the inputs make no recovery points";
  } else {
    message += fmt::format("; {}: {}", one ? "the scenario makes" : "the inputs make",
                           fmt::join(ids, ", "));
  }
  Location where;
  if (one) where.file = args.input.paths.front();
  return Error{"E_UNKNOWN_RECOVERY_POINT", std::move(message), std::move(where)};
}

Result<VerifyOutput> verify(const VerifyArgs& args) {
  SNAPKEY_ASSIGN_OR_RETURN(Loaded loaded, load(args.input));
  const VerifyReport report = snapkey::verify(loaded.model, loaded.predictions);
  VerifyOutput out;
  out.disagrees = report.disagreements() > 0;
  switch (args.format) {
    case Format::json:
      out.text = render::render_verify_json(report, loaded.skipped);
      break;
    case Format::markdown:
      out.text = render::render_verify_markdown(report);
      break;
    case Format::table:
      out.text = render::render_verify_table(report, {.color = args.color});
      break;
  }
  return out;
}

namespace {

// The three renderings of a table snapkey documents itself with, by format.
struct TableRenderers {
  std::string (*table)();
  std::string (*markdown)();
  std::string (*json)();
};

std::string render_as(Format format, const TableRenderers& renderers) {
  switch (format) {
    case Format::json:
      return renderers.json();
    case Format::markdown:
      return renderers.markdown();
    case Format::table:
      break;
  }
  return renderers.table();
}

}  // namespace

std::string rules(const RulesArgs& args) {
  return render_as(args.format, {render::render_rules_table, render::render_rules_markdown,
                                 render::render_rules_json});
}

std::string checks(const ChecksArgs& args) {
  return render_as(args.format, {render::render_checks_table, render::render_checks_markdown,
                                 render::render_checks_json});
}

std::string errors(const ErrorsArgs& args) {
  return render_as(args.format, {render::render_errors_table, render::render_errors_markdown,
                                 render::render_errors_json});
}

Result<CheckOutput> check(const CheckArgs& args) {
  // read -> build -> predict (load) -> check -> locate -> render. The cheap arguments first, so
  // that a typo in them does not wait for the inputs to be read.
  SNAPKEY_ASSIGN_OR_RETURN(const Date today, check_date(args.today));
  SNAPKEY_ASSIGN_OR_RETURN(Policy policy, load_policy(args.policy));
  SNAPKEY_ASSIGN_OR_RETURN(Loaded loaded, load(args.input));
  add_input_suppressions(policy, loaded.suppressions);
  SNAPKEY_RETURN_IF_ERROR(validate(policy));
  Findings findings = snapkey::check(loaded.predictions, policy, {.today = today});
  // Lines where the input has only JSON Pointers: editors and SARIF viewers jump to lines.
  io::locate_lines(findings);
  CheckOutput out;
  out.fails = args.fail_on && findings.fails(*args.fail_on);
  out.text = render(findings, args, loaded);
  return out;
}

Result<std::string> export_scenario(const ExportScenarioArgs& args) {
  // load()'s front half: the model is written, not predicted.
  SNAPKEY_ASSIGN_OR_RETURN(io::InputOptions input_options, cli::input_options(args.input));
  io::InputReport read = io::read_inputs_report(args.input.paths, input_options);
  print_skipped(read.skipped);
  if (!read.errors.empty()) return all_errors(read.errors);
  const std::size_t suppressions = read.input->suppressions.size();
  SNAPKEY_ASSIGN_OR_RETURN(Model model, Model::build(std::move(*read.input)));
  return io::write_scenario(model, {.inputs = args.input.paths, .suppressions = suppressions});
}

Date today_utc() {
  using namespace std::chrono;
  const year_month_day date{floor<days>(system_clock::now())};
  return Date{static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
              static_cast<int>(static_cast<unsigned>(date.day()))};
}

}  // namespace snapkey::cli
