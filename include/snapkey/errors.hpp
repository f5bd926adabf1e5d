// The catalogue of error ids: every id a snapkey function or the CLI can report, what it means,
// and its category, which decides the CLI's exit code (usage and input errors 2, internal 3).
// docs/errors.md is generated from it (`snapkey errors --format markdown`); a test keeps the
// catalogue, the code and the docs in step.
//
//   if (const snapkey::ErrorInfo* info = snapkey::find_error(error.id)) explain(info->meaning);
#ifndef SNAPKEY_ERRORS_HPP
#define SNAPKEY_ERRORS_HPP

#include <span>
#include <string_view>

#include "snapkey/result.hpp"

namespace snapkey {

// usage: the command line or the options given (fix the command); input: a file, or what the
// files say together (fix the input); internal: snapkey itself failed (please report it).
enum class ErrorCategory { usage, input, internal };
std::string_view to_string(ErrorCategory category);  // usage | input | internal

struct ErrorInfo {
  std::string_view id;  // E_...
  ErrorCategory category;
  std::string_view meaning;  // one sentence
  std::string_view page;     // the docs page that shows its messages ("inputs.md")
};

// Every error id, sorted by id.
std::span<const ErrorInfo> error_catalogue();
// nullptr: an id the catalogue does not have.
const ErrorInfo* find_error(std::string_view id);
// The category of `error`; internal for an id the catalogue does not have (a bug).
ErrorCategory category_of(const Error& error);

}  // namespace snapkey

#endif  // SNAPKEY_ERRORS_HPP
