// CloudFormation templates (cloudformation::read_templates: read_cloudformation_templates on
// texts), then the whole pipeline. Built twice: fuzz_cloudformation_json keeps only the inputs
// the reader parses as JSON (the first character that is not white space is '{'),
// fuzz_cloudformation_yaml only the others, so that each one's corpus and dictionary stay on its
// syntax; the build gives SNAPKEY_FUZZ_JSON. A NUL byte starts a second template, a stack of the
// same account in another Region (Fn::GetStackOutput between them). The stacks are named and
// placed as examples/cloudformation's: ireland (eu-west-1) and frankfurt (eu-central-1).
#include <string>
#include <vector>

#include "io/cloudformation/reader.hpp"
#include "pipeline.hpp"

#ifndef SNAPKEY_FUZZ_JSON
#error "the build defines SNAPKEY_FUZZ_JSON (1: JSON templates, 0: YAML templates)"
#endif

namespace {

bool looks_like_json(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> texts =
      snapkey::fuzz::files_of(snapkey::fuzz::text_of(data, size), 2);
  if (looks_like_json(texts.front()) != static_cast<bool>(SNAPKEY_FUZZ_JSON)) return -1;
  const char* extension = SNAPKEY_FUZZ_JSON ? ".json" : ".yaml";
  std::vector<snapkey::io::cloudformation::TemplateSource> sources;
  sources.push_back({std::string("ireland") + extension, std::string(texts.front())});
  snapkey::io::CloudFormationOptions options;
  options.region = "eu-west-1";
  options.account = "111111111111";
  if (texts.size() > 1) {
    sources.push_back({std::string("frankfurt") + extension, std::string(texts[1])});
    options.stacks["frankfurt" + std::string(extension)] = "eu-central-1";
  }
  snapkey::fuzz::run_pipeline(snapkey::io::cloudformation::read_templates(sources, options));
  return 0;
}
