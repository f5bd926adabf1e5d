// Where an input that does not say is deployed: --region, --account and the per-file forms
// (--stack FILE=REGION[:ACCOUNT] for templates, --terraform-plan for plans). Private to
// snapkey::io.
#ifndef SNAPKEY_SRC_IO_INPUTS_DEPLOYMENT_PLACE_HPP
#define SNAPKEY_SRC_IO_INPUTS_DEPLOYMENT_PLACE_HPP

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// The "REGION[:ACCOUNT]" that `mappings` gives for the file at `path`: given for the same path,
// the same normalised path, or the only mapping for a file of that name. nullptr: none.
const std::string* mapping_for(const std::string& path,
                               const std::map<std::string, std::string>& mappings);

// A mapping that names none of `files` is a typo that would silently use the defaults: one
// error `id` for each, "OPTION FILE=PLACE names no WHAT read (WHATs: a, b)", placed at FILE.
std::vector<Error> unmatched_mappings(std::string_view id, std::string_view option,
                                      const std::map<std::string, std::string>& mappings,
                                      const std::vector<std::string>& files, std::string_view what);

// The Region and account for `path`: the defaults, overridden by its mapping ("REGION" keeps the
// default account). Not checked: the readers say what is wrong in their own words.
struct Place {
  std::string region;
  std::string account;
};
Place place_for(const std::string& path, const Place& defaults,
                const std::map<std::string, std::string>& mappings);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_INPUTS_DEPLOYMENT_PLACE_HPP
