// Reads a Terraform configuration directory: evaluate it, write it as the plan that would create
// it, read that plan with the plan reader's Builder, and point every location back at the source.
#include <fmt/format.h>

#include "io/detail/guard.hpp"
#include "io/terraform/build.hpp"
#include "io/terraform/source/emit.hpp"
#include "io/terraform/source/evaluation.hpp"
#include "io/terraform/source/reader.hpp"
#include "io/terraform/source/suppressions.hpp"
#include "snapkey/io/terraform.hpp"

namespace snapkey::io {
namespace {

// The configuration in `directory`, on disk, or given as `files` when they are not null.
Result<ModelInput> read_configuration(const std::string& directory,
                                      const std::vector<detail::SourceFile>* files,
                                      const TerraformOptions& options) {
  return detail::guarded(
      fmt::format("the Terraform configuration {}", directory), [&]() -> Result<ModelInput> {
        terraform::source::Configuration configuration =
            files ? terraform::source::Configuration(directory, *files)
                  : terraform::source::Configuration(directory);
        SNAPKEY_ASSIGN_OR_RETURN(auto place, terraform::environment_of(directory, options));
        terraform::source::Evaluation evaluation(configuration, options, place);
        SNAPKEY_RETURN_IF_ERROR(evaluation.run());
        const terraform::source::Emitted emitted =
            terraform::source::emit_plan(evaluation, directory);
        auto read = [&]() -> Result<ModelInput> {
          SNAPKEY_ASSIGN_OR_RETURN(
              auto doc, detail::parse_json(simdjson::padded_string(emitted.json), directory));
          SNAPKEY_ASSIGN_OR_RETURN(auto plan, terraform::PlanFile::read(std::move(doc)));
          SNAPKEY_RETURN_IF_ERROR(plan->locate(terraform::read_types(), place));
          terraform::Builder builder(*plan);
          return builder.build();
        }();
        if (!read) {
          Error error = read.error();
          emitted.relocate(error.location);
          return error;
        }
        emitted.relocate(*read);
        SNAPKEY_ASSIGN_OR_RETURN(read->suppressions,
                                 terraform::source::input_suppressions(evaluation, *read));
        return read;
      });
}

}  // namespace

Result<ModelInput> read_terraform_source(const std::string& directory,
                                         const TerraformOptions& options) {
  return read_configuration(directory, nullptr, options);
}

Result<ModelInput> terraform::source::read_texts(const std::string& directory,
                                                 const std::vector<detail::SourceFile>& files,
                                                 const TerraformOptions& options) {
  return read_configuration(directory, &files, options);
}

}  // namespace snapkey::io
