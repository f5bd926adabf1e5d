// How deep the readers follow what an input nests, where no parser bounds it. simdjson stops at
// 1024 levels and yaml-cpp at 2000, but tree-sitter's HCL trees have no bound, and neither have
// Terraform values that refer to values that refer to others, or CloudFormation conditions and
// references that name others: a reader that follows them recursively overflowed its stack on an
// input nested deeply enough (tests/fuzz/README.md). Past kMaxDepth levels, a reader returns
// E_INPUT_DEPTH instead. Private to snapkey::io.
//
//   detail::DepthGuard level;               // one more level of a recursion on this thread
//   if (level.too_deep()) return detail::too_deep("expressions and references", location);
#ifndef SNAPKEY_SRC_IO_DETAIL_DEPTH_HPP
#define SNAPKEY_SRC_IO_DETAIL_DEPTH_HPP

#include <fmt/format.h>

#include <cstddef>
#include <string_view>
#include <utility>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// Far above what configurations and templates nest (tens of levels), far below what overflows a
// thread's stack (8 MB, sanitizers' larger frames included).
inline constexpr std::size_t kMaxDepth = 256;

// E_INPUT_DEPTH: `what` nest deeper than kMaxDepth levels.
inline Error too_deep(std::string_view what, Location location) {
  return Error{
      "E_INPUT_DEPTH",
      fmt::format("expected {} nested at most {} levels deep, found more", what, kMaxDepth),
      std::move(location)};
}

// Counts the levels of the recursions in progress on this thread. What they use up is the
// thread's stack, so the count is the thread's too: it follows a recursion through every object
// on its way (an hcl::Evaluator per module and per reference) without being handed along.
class DepthGuard {
 public:
  DepthGuard() { ++levels(); }
  ~DepthGuard() { --levels(); }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

  // This level is one too many.
  bool too_deep() const { return levels() > kMaxDepth; }

 private:
  static std::size_t& levels() {
    thread_local std::size_t count = 0;
    return count;
  }
};

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_DEPTH_HPP
