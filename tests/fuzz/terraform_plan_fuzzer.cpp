// Terraform plan JSON (io::read_terraform_plan), then the whole pipeline. The plan is placed in a
// directory that does not exist, so that the reader finds no configuration next to it to point
// its locations at; the options give the Region and account that a plan without provider
// configuration leaves to the environment.
#include "pipeline.hpp"
#include "snapkey/io/terraform.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  snapkey::io::TerraformOptions options;
  options.region = "us-east-1";
  options.account = "111111111111";
  snapkey::fuzz::run_pipeline(snapkey::io::read_terraform_plan(
      snapkey::fuzz::text_of(data, size), "/nonexistent/snapkey-fuzz/plan.json", options));
  return 0;
}
