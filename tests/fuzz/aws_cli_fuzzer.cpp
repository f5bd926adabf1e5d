// Saved AWS CLI output (aws_cli::read_sources, the reader of read_aws_cli_export on texts), then
// the whole pipeline.
//
// One target for every kind of output: the reader tells a file's kind from its top-level keys,
// not from anything the caller says, so a target per kind would only fix the first key, which the
// dictionary gives the fuzzer anyway. What one target adds is several files in one run, as an
// export is: up to four, separated by NUL bytes, so that what the reader does between files
// (merging the same thing described twice, E_AWS_CLI_CONFLICT, a selection's plan in another
// file, E_AWS_CLI_REF) is fuzzed too. The first byte is the folder layout the files are in:
// outputs without ARNs (describe-organization, get-key-policy...) take their account and Region
// from ACCOUNT/REGION/ folders. Its value modulo 4 (so '0' to '3' too, which keeps the seeds
// readable): 0 no such folder, 1 111111111111/, 2 111111111111/ap-northeast-1/, 3 that and
// 222222222222/us-east-1/ in turn (the accounts and Regions of examples/aws-cli).
#include <array>
#include <string>
#include <vector>

#include "io/aws_cli/reader.hpp"
#include "pipeline.hpp"

namespace {

// The folder of file `index` in `layout`.
std::string folder_of(std::uint8_t layout, std::size_t index) {
  static constexpr std::array<const char*, 4> kFolders = {"export/", "export/111111111111/",
                                                          "export/111111111111/ap-northeast-1/",
                                                          "export/222222222222/us-east-1/"};
  switch (layout % 4) {
    case 0:
      return kFolders[0];
    case 1:
      return kFolders[1];
    case 2:
      return kFolders[2];
    default:  // account A in one Region and account B in another, in turn
      return kFolders[2 + index % 2];
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t layout = data[0];
  const std::vector<std::string_view> texts =
      snapkey::fuzz::files_of(snapkey::fuzz::text_of(data + 1, size - 1), 4);
  std::vector<snapkey::io::detail::SourceFile> files;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    files.push_back({folder_of(layout, i) + std::to_string(i) + ".json", texts[i]});
  }
  snapkey::fuzz::run_pipeline(snapkey::io::aws_cli::read_sources(files));
  return 0;
}
