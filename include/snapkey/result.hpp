// Errors as values.
//
// Every error a user can cause is an `Error` with a stable id (`E_...`), a message that says what
// was expected and what was found, and the place in the input it concerns. Library functions that
// can fail return `Result<T>`; exceptions never cross the public API.
//
//   snapkey::Result<snapkey::Arn> arn = snapkey::parse_arn(text);
//   if (!arn) return arn.error();
//   use(*arn);
#ifndef SNAPKEY_RESULT_HPP
#define SNAPKEY_RESULT_HPP

#include <string>
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

#endif  // SNAPKEY_RESULT_HPP
