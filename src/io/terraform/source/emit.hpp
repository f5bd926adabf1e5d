// Private to the Terraform source reader: an evaluated configuration written as the plan JSON
// that `terraform show -json` would print for a plan that creates it, so that the plan reader's
// Builder — one description of what each resource means — reads both. Known values are known;
// attributes AWS sets on apply are unknown and point at their instance, as a plan's references
// do; what the source cannot tell is unknown with the reason. Every JSON Pointer of the plan is
// mapped to the block or argument in the .tf file it came from.
//
//   Emitted plan = emit_plan(evaluation);
//   ... read plan.json as a plan ...
//   plan.relocate(location);     // "/resource_changes/3/change/after/name" -> main.tf:12:3
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_EMIT_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_EMIT_HPP

#include <map>
#include <string>

#include "io/terraform/source/evaluation.hpp"
#include "snapkey/model.hpp"

namespace snapkey::io::terraform::source {

class Emitted {
 public:
  std::string json;
  std::string file;  // the name the plan's locations carry

  // A location in the plan JSON (`file`, a pointer) made the place in the source it came from:
  // the nearest enclosing block or argument. Any other location is left as it is.
  void relocate(Location& location) const;
  void relocate(ModelInput& input) const;

  void place(std::string pointer, Location location) {
    places_.emplace(std::move(pointer), std::move(location));
  }

 private:
  std::map<std::string, Location> places_;
};

Emitted emit_plan(const Evaluation& evaluation, std::string file);

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_EMIT_HPP
