// `# snapkey:ignore` comments on Terraform blocks.
#include "io/terraform/source/suppressions.hpp"

#include <fmt/format.h>

#include "io/terraform/build.hpp"
#include "io/terraform/source/configuration.hpp"

namespace snapkey::io::terraform::source {
namespace {

constexpr std::string_view kMarker = "snapkey:ignore";

struct Ignore {
  std::string check;
  std::string reason;
  std::optional<Date> expires;
  Location location;
};

Error suppression_error(const Location& at, std::string message) {
  return Error{"E_POLICY_SUPPRESSION", std::move(message), at};
}

// The comment's text without its # or // or /* */, trimmed.
std::string_view body_of(std::string_view text) {
  if (text.starts_with("#")) {
    text.remove_prefix(1);
  } else if (text.starts_with("//")) {
    text.remove_prefix(2);
  } else if (text.starts_with("/*") && text.ends_with("*/") && text.size() >= 4) {
    text = text.substr(2, text.size() - 4);
  }
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  text.remove_prefix(first);
  return text.substr(0, text.find_last_not_of(" \t\r\n") + 1);
}

// CHECK reason="..." [expires=YYYY-MM-DD], after the marker.
Result<Ignore> parse_ignore(std::string_view text, const Location& at) {
  Ignore out;
  out.location = at;
  const auto next_word = [&]() {
    text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
    const auto end = std::min(text.find_first_of(" \t="), text.size());
    std::string_view word = text.substr(0, end);
    text.remove_prefix(end);
    return word;
  };
  out.check = std::string(next_word());
  if (out.check.empty()) {
    return suppression_error(at, "expected the id of a check after snapkey:ignore, found nothing");
  }
  for (std::string_view key = next_word(); !key.empty(); key = next_word()) {
    if (!text.starts_with('=')) {
      return suppression_error(at, fmt::format("expected {}=..., found '{}'", key, key));
    }
    text.remove_prefix(1);
    std::string value;
    if (text.starts_with('"')) {
      const auto close = text.find('"', 1);
      if (close == std::string_view::npos) {
        return suppression_error(at, fmt::format("expected the closing \" of {}", key));
      }
      value = std::string(text.substr(1, close - 1));
      text.remove_prefix(close + 1);
    } else {
      const auto end = std::min(text.find_first_of(" \t"), text.size());
      value = std::string(text.substr(0, end));
      text.remove_prefix(end);
    }
    if (key == "reason") {
      out.reason = value;
    } else if (key == "expires") {
      auto date = parse_date(value);
      if (!date) {
        return suppression_error(at, fmt::format("expires: {}", date.error().message));
      }
      out.expires = *date;
    } else {
      return suppression_error(at, fmt::format("expected reason=\"...\" or expires=YYYY-MM-DD, "
                                               "found '{}'",
                                               key));
    }
  }
  if (out.reason.empty()) {
    return suppression_error(at, fmt::format("expected reason=\"...\" after snapkey:ignore {}: "
                                             "every suppression must say why its findings are "
                                             "accepted",
                                             out.check));
  }
  return out;
}

// The comments that belong to `block`: those on its first line, and the run of comment lines
// just above it.
std::vector<const hcl::Comment*> comments_of(const hcl::File& file, const hcl::Block& block) {
  std::vector<const hcl::Comment*> out;
  int above = block.at.line - 1;
  for (auto it = file.comments.rbegin(); it != file.comments.rend(); ++it) {
    if (it->at.line == block.at.line) {
      out.push_back(&*it);
    } else if (it->end_line == above) {
      out.push_back(&*it);
      above = it->at.line - 1;
    } else if (it->end_line < above) {
      break;
    }
  }
  return out;
}

Result<std::vector<Ignore>> ignores_of(const SourceInstance& instance) {
  std::vector<Ignore> out;
  if (!instance.block || !instance.file) return out;
  for (const hcl::Comment* comment : comments_of(*instance.file, *instance.block)) {
    const std::string_view text = body_of(comment->text);
    if (!text.starts_with(kMarker)) continue;
    SNAPKEY_ASSIGN_OR_RETURN(auto ignore, parse_ignore(text.substr(kMarker.size()),
                                                       location_of(*instance.file, comment->at)));
    out.push_back(std::move(ignore));
  }
  return out;
}

}  // namespace

Result<std::vector<InputSuppression>> input_suppressions(const Evaluation& evaluation,
                                                         const ModelInput& input) {
  std::vector<InputSuppression> out;
  for (const SourceInstance& instance : evaluation.instances()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto ignores, ignores_of(instance));
    if (ignores.empty()) continue;
    std::string vault;
    std::string resource;
    for (const Vault& v : input.vaults) {
      if (v.address == instance.address) vault = v.name;
    }
    for (const Resource& r : input.resources) {
      if (r.address == instance.address) resource = r.name;
    }
    if (vault.empty() && resource.empty()) {
      return suppression_error(ignores.front().location,
                               fmt::format("expected snapkey:ignore above a vault or a database "
                                           "(aws_backup_vault, aws_rds_cluster, aws_db_instance, "
                                           "...), found it above {}",
                                           instance.address));
    }
    for (Ignore& ignore : ignores) {
      out.push_back(InputSuppression{std::move(ignore.check), resource, vault,
                                     std::move(ignore.reason), ignore.expires,
                                     std::move(ignore.location)});
    }
  }
  return out;
}

}  // namespace snapkey::io::terraform::source
