// The AWS CLI reader on files already read: read_inputs hands it the texts that detection read,
// so that each file is read from disk once. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_AWS_CLI_READER_HPP
#define SNAPKEY_SRC_IO_AWS_CLI_READER_HPP

#include <vector>

#include "io/detail/file.hpp"
#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io::aws_cli {

// read_aws_cli_export of `files`, in this order (sorted by folder, as the walker finds them).
Result<ModelInput> read_sources(const std::vector<detail::SourceFile>& files);

}  // namespace snapkey::io::aws_cli

#endif  // SNAPKEY_SRC_IO_AWS_CLI_READER_HPP
