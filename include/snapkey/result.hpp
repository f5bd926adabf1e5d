// Errors as values.
//
// Every error a user can cause is an `Error` with a stable id (`E_...`), a message that says what
// was expected and what was found, and the place in the input it concerns. Library functions that
// can fail return `Result<T>`; exceptions never cross the public API.
//
//   snapkey::Result<snapkey::Arn> arn = snapkey::parse_arn(text);
//   if (!arn) return arn.error();
//   use(*arn);
//
// or, in a function that itself returns a Result or a Status, with the propagation macros below:
//
//   SNAPKEY_ASSIGN_OR_RETURN(snapkey::Arn arn, snapkey::parse_arn(text));
//   SNAPKEY_RETURN_IF_ERROR(check(arn));
#ifndef SNAPKEY_RESULT_HPP
#define SNAPKEY_RESULT_HPP

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace snapkey {

// Where a fact or an error comes from: a file plus line:column (YAML), a JSON Pointer (JSON) or a
// Terraform address. Every part is optional; `line == 0` means no line is known.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  std::string pointer;  // JSON Pointer, Terraform address or CloudFormation logical id.

  // "file:line:column", "file#/pointer", "file" or "" for an unknown place.
  std::string to_string() const;
  friend bool operator==(const Location&, const Location&) = default;
};

// One diagnostic. `id` never changes meaning; `message` is for people.
struct Error {
  std::string id;
  std::string message;
  Location location;

  // "file:line:column: error E_ID: message", the form the CLI prints.
  std::string to_string() const;
  // The same error, its message prefixed: "--as-of: expected a date ...".
  Error with_context(std::string_view prefix) && {
    message.insert(0, std::string(prefix) + ": ");
    return std::move(*this);
  }
  friend bool operator==(const Error&, const Error&) = default;
};

// A value of type T, or the Error that stopped it from being made.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // Preconditions: ok() for value(), !ok() for error().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Error> state_;
};

// For operations that produce nothing but may fail.
struct Ok {
  friend bool operator==(Ok, Ok) = default;
};
using Status = Result<Ok>;

}  // namespace snapkey

// Propagation, in the spirit of Abseil's status macros (absl/status/status_macros.h), for
// functions that return a Result<U> or a Status:
//   SNAPKEY_RETURN_IF_ERROR(expr): evaluates a Status or Result<T>; returns its error if any.
//   SNAPKEY_ASSIGN_OR_RETURN(lhs, expr): evaluates a Result<T>; returns its error if any, else
//     moves its value into `lhs` (a declaration such as `Arn arn`, or an existing variable).
#define SNAPKEY_RETURN_IF_ERROR(expr)                      \
  do {                                                     \
    if (auto snapkey_status_ = (expr); !snapkey_status_) { \
      return snapkey_status_.error();                      \
    }                                                      \
  } while (false)

#define SNAPKEY_ASSIGN_OR_RETURN(lhs, expr) \
  SNAPKEY_ASSIGN_OR_RETURN_IMPL_(SNAPKEY_CONCAT_(snapkey_result_, __LINE__), lhs, expr)

#define SNAPKEY_CONCAT_INNER_(a, b) a##b
#define SNAPKEY_CONCAT_(a, b) SNAPKEY_CONCAT_INNER_(a, b)
#define SNAPKEY_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                   \
  if (!result) return result.error();                     \
  lhs = std::move(result).value()

#endif  // SNAPKEY_RESULT_HPP
