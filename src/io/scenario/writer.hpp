// The scenario writer (write_scenario, docs/scenario-format.md "Exporting what was read"), split
// by section like the reader: the Writer class and the scalar helpers every section uses. Private
// to snapkey::io.
#ifndef SNAPKEY_SRC_IO_SCENARIO_WRITER_HPP
#define SNAPKEY_SRC_IO_SCENARIO_WRITER_HPP

#include <yaml-cpp/yaml.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "io/detail/yaml_shape.hpp"
#include "snapkey/io/scenario.hpp"
#include "snapkey/model.hpp"

namespace snapkey::io::scenario {

// True when a string written plain would not read back as that string in every YAML tool.
// yaml-cpp quotes what its own parser needs; YAML 1.1 resolvers also take yes, no, on, off, null,
// numbers, dates and `<<` for other types (an account id would lose its leading zeros).
bool needs_quotes(std::string_view text);

// The scenario's spelling of an enumerated value (the reader's word for it).
template <typename T, std::size_t N>
std::string_view word_of(const std::array<detail::Word<T>, N>& words, T value) {
  for (const detail::Word<T>& word : words) {
    if (word.value == value) return word.word;
  }
  return {};
}

// Writes one Model through a YAML::Emitter. One file per section (write_keys.cpp,
// write_resources.cpp, write_plans.cpp); writer.cpp writes the document, the header comment,
// as_of, accounts and jobs.
class Writer {
 public:
  explicit Writer(const Model& model);

  std::string write(const WriteScenarioOptions& options);

 private:
  // Scalars: every string goes through string(), which quotes it where needs_quotes says.
  void string(std::string_view text);
  void field(std::string_view name, std::string_view value);
  // `name: [a, b]`: a list of strings, in flow style.
  void strings(std::string_view name, const std::vector<std::string>& list);
  // `name: reason`, `name: [reason, ...]` when there is one.
  void reason(std::string_view name, const std::string& why);

  // A key reference where the words none, unknown and default have their own meaning: a key
  // named so is referred to by its ARN (or alias) instead.
  std::string key_reference(const std::string& ref, const AccountId& account,
                            const Region& region) const;
  // A side of RESOURCE@VAULT: a name with an '@' is written as the ARN.
  std::string recovery_point(const RecoveryPointRef& ref) const;

  void header(const WriteScenarioOptions& options);
  void accounts();
  void keys();
  void key(const Key& key);
  void resources();
  void resource(const Resource& resource);
  void vaults();
  void vault(const Vault& vault);
  void plans();
  void plan(const Plan& plan);
  void rule(const PlanRule& rule);
  void jobs();

  const Model& model_;
  YAML::Emitter out_;
};

}  // namespace snapkey::io::scenario

#endif  // SNAPKEY_SRC_IO_SCENARIO_WRITER_HPP
