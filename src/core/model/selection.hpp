// Private to the core: which resources a backup selection assigns to its plan.
#ifndef SNAPKEY_SRC_CORE_MODEL_SELECTION_HPP
#define SNAPKEY_SRC_CORE_MODEL_SELECTION_HPP

#include <string>
#include <string_view>

#include "snapkey/model.hpp"

namespace snapkey::detail {

// `*` matches any run of characters, `?` any one character; everything else matches itself.
bool glob_match(std::string_view pattern, std::string_view text);

// Whether `selection` assigns `resource` (already known to be in the plan's account and Region):
// yes, no, or not known because a test it depends on is not known (`why` says which).
struct Assignment {
  enum class Is { no, yes, unknown };
  Is is = Is::no;
  std::string why;  // unknown: the first test that is not known, as the input's reader put it
};
Assignment assigns(const Selection& selection, const Resource& resource);

// Whether `selection` certainly assigns `resource`.
bool selects(const Selection& selection, const Resource& resource);

}  // namespace snapkey::detail

#endif  // SNAPKEY_SRC_CORE_MODEL_SELECTION_HPP
