// Scenario YAML (io::read_scenario), then the whole pipeline.
#include "pipeline.hpp"
#include "snapkey/io/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  snapkey::fuzz::run_pipeline(
      snapkey::io::read_scenario(snapkey::fuzz::text_of(data, size), "scenario.yaml"));
  return 0;
}
