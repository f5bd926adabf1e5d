// combine(): several scenario files (or other inputs) make one model input.

#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fmt/format.h"
#include "snapkey/io/scenario.hpp"

namespace snapkey::io {
namespace {

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// The file an input came from: the file of its first located fact ("" when it has none).
std::string file_of(const ModelInput& input) {
  std::string file;
  auto look = [&](const auto& facts) {
    for (const auto& fact : facts) {
      if (!file.empty()) return;
      file = fact.location.file;
    }
  };
  look(input.accounts);
  look(input.keys);
  look(input.resources);
  look(input.vaults);
  look(input.plans);
  look(input.jobs);
  return file;
}

// How messages name input number `index` (0-based).
std::string label(const std::string& file, std::size_t index) {
  return file.empty() ? fmt::format("input #{}", index + 1) : file;
}

}  // namespace

Result<ModelInput> combine(std::vector<ModelInput> inputs) {
  ModelInput combined;
  std::string as_of_label;  // where combined.as_of comes from
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    ModelInput& input = inputs[i];
    if (input.as_of) {
      const std::string file = file_of(input);
      if (!combined.as_of) {
        combined.as_of = input.as_of;
        as_of_label = label(file, i);
      } else if (*combined.as_of != *input.as_of) {
        Location where;
        where.file = file;
        return Error{"E_AS_OF_CONFLICT",
                     fmt::format("as_of is {} in {} but {} in {}; give the same date in every "
                                 "file, or as_of in one file only",
                                 combined.as_of->to_string(), as_of_label, input.as_of->to_string(),
                                 label(file, i)),
                     std::move(where)};
      }
    }
    append(combined.accounts, input.accounts);
    append(combined.keys, input.keys);
    append(combined.resources, input.resources);
    append(combined.vaults, input.vaults);
    append(combined.plans, input.plans);
    append(combined.jobs, input.jobs);
  }
  return combined;
}

}  // namespace snapkey::io
