// The exception boundary of the readers: nothing may escape a public function. Private to
// snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_GUARD_HPP
#define SNAPKEY_SRC_IO_DETAIL_GUARD_HPP

#include <fmt/format.h>

#include <exception>
#include <new>
#include <string_view>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// Runs `read` (which returns a Result or a Status); an exception it throws (a bug, or memory
// running out) becomes E_INTERNAL, saying what was being read. Readers catch the exceptions
// that are the input's fault (yaml-cpp's, the filesystem's) themselves, closer to their cause.
template <typename Read>
auto guarded(std::string_view what, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const std::bad_alloc&) {
    return Error{"E_INTERNAL", fmt::format("out of memory while reading {}", what), {}};
  } catch (const std::exception& e) {
    return Error{"E_INTERNAL", fmt::format("could not read {}: {}", what, e.what()), {}};
  } catch (...) {
    return Error{"E_INTERNAL", fmt::format("could not read {}: unknown exception", what), {}};
  }
}

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_GUARD_HPP
