// Reads a scenario, predicts, and prints one line per recovery point: the smallest useful
// program on top of the C++ API.
#include <snapkey/io/scenario.hpp>
#include <snapkey/predict.hpp>
#include <snapkey/version.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: consumer SCENARIO.yaml\n");
    return 2;
  }
  snapkey::Result<snapkey::ModelInput> input = snapkey::io::read_scenario_file(argv[1]);
  if (!input) {
    std::fprintf(stderr, "%s\n", input.error().to_string().c_str());
    return 2;
  }
  snapkey::Result<snapkey::Model> model = snapkey::Model::build(std::move(input).value());
  if (!model) {
    std::fprintf(stderr, "%s\n", model.error().to_string().c_str());
    return 2;
  }
  const snapkey::Predictions predictions = snapkey::predict(*model, {});
  std::printf("snapkey %s, AWS behaviour as of %s\n", snapkey::version(),
              predictions.as_of.to_string().c_str());
  for (const snapkey::Prediction& rp : predictions.recovery_points) {
    const std::string key = rp.key ? rp.key->display_name() : "-";
    std::printf("%s %s %s %s\n", rp.id.c_str(), std::string(snapkey::to_string(rp.outcome)).c_str(),
                key.c_str(), rp.rules.empty() ? "" : rp.rules.back().c_str());
  }
  return 0;
}
