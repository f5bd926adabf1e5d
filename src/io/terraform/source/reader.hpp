// Private to snapkey::io: reading a Terraform configuration given as text, not from disk. The
// fuzz targets (tests/fuzz/) hand it the fuzzed bytes as a .tf or .tf.json file; tests may use it
// for configurations small enough to write inline.
//
//   auto input = terraform::source::read_texts("infra", {{"infra/main.tf", text}}, options);
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_READER_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_READER_HPP

#include <string>
#include <vector>

#include "io/detail/file.hpp"
#include "snapkey/io/terraform.hpp"

namespace snapkey::io::terraform::source {

// read_terraform_source of the root module `directory` whose configuration files (and its local
// modules' files, in the directories below it their paths name) are `files`. Nothing is read
// from disk but options.variable_files: no .terraform/modules, no terraform.tfvars or
// *.auto.tfvars. The same errors.
Result<ModelInput> read_texts(const std::string& directory,
                              const std::vector<detail::SourceFile>& files,
                              const TerraformOptions& options = {});

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_READER_HPP
