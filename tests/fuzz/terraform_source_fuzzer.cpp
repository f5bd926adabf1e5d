// Terraform source (terraform::source::read_texts: read_terraform_source on texts), then the
// whole pipeline. Built twice: fuzz_terraform_source reads the bytes as the native syntax
// (main.tf, through tree-sitter), fuzz_terraform_json as the JSON syntax (main.tf.json); the
// build gives SNAPKEY_FUZZ_FILE. A NUL byte starts another file: the second and third are the
// modules ./m1 and ./m2, which the first can call.
#include <string>
#include <vector>

#include "io/terraform/source/reader.hpp"
#include "pipeline.hpp"

#ifndef SNAPKEY_FUZZ_FILE
#error "the build defines SNAPKEY_FUZZ_FILE (main.tf or main.tf.json)"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> texts =
      snapkey::fuzz::files_of(snapkey::fuzz::text_of(data, size), 3);
  std::vector<snapkey::io::detail::SourceFile> files;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string dir = i == 0 ? "infra/" : "infra/m" + std::to_string(i) + "/";
    files.push_back({dir + SNAPKEY_FUZZ_FILE, texts[i]});
  }
  snapkey::io::TerraformOptions options;
  options.region = "us-east-1";
  options.account = "111111111111";
  snapkey::fuzz::run_pipeline(snapkey::io::terraform::source::read_texts("infra", files, options));
  return 0;
}
