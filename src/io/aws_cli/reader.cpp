// Reads saved AWS CLI output (docs/aws-cli-input.md): finds the files, recognises each one's
// command from its top-level keys, and hands it to that command's reader. The readers merge what
// they find into one Export, which io/aws_cli/finish.cpp turns into a ModelInput.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "io/aws_cli/export.hpp"
#include "io/aws_cli/reader.hpp"
#include "io/detail/file.hpp"
#include "io/detail/walk.hpp"
#include "snapkey/io/aws_cli.hpp"

namespace snapkey::io {
namespace {

namespace fs = std::filesystem;
using aws_cli::Export;
using aws_cli::FileContext;
using detail::JsonValue;

using Reader = Status (*)(const JsonValue&, const FileContext&, Export&);

// A command output, recognised by the top-level keys it must have.
struct Kind {
  std::array<std::string_view, 3> keys;  // "" = no more keys
  Reader read;                           // nullptr: recognised, and carries nothing the model needs
};

// In order: the first match wins, so the more specific shapes come first.
const std::array<Kind, 19> kKinds = {{
    {{"DBClusters"}, aws_cli::read_db_clusters},
    {{"DBInstances"}, aws_cli::read_db_instances},
    // create-db-cluster, modify-db-cluster, restore-db-cluster-from-snapshot, ... (one cluster)
    {{"DBCluster"}, aws_cli::read_db_cluster},
    {{"DBInstance"}, aws_cli::read_db_instance},
    {{"KeyMetadata"}, aws_cli::read_describe_key},
    {{"Aliases"}, aws_cli::read_list_aliases},
    {{"BackupVaultList"}, aws_cli::read_backup_vault_list},
    {{"BackupPlan", "BackupPlanArn"}, aws_cli::read_backup_plan},
    // list-backup-selections gives only ids; get-backup-selection has the selection itself.
    {{"BackupSelectionsList"}, nullptr},
    {{"BackupSelection", "BackupPlanId"}, aws_cli::read_backup_selection},
    {{"GlobalSettings"}, aws_cli::read_global_settings},
    {{"Organization"}, aws_cli::read_organization},
    // organizations list-accounts (and list-accounts-for-parent, which prints the same shape)
    {{"Accounts"}, aws_cli::read_list_accounts},
    {{"RecoveryPoints"}, aws_cli::read_recovery_points},
    {{"CopyJobs"}, aws_cli::read_copy_jobs},
    {{"CopyJob"}, aws_cli::read_copy_job},
    {{"BackupVaultName", "BackupVaultArn", "Policy"}, aws_cli::read_vault_access_policy},
    {{"BackupVaultName", "BackupVaultArn"}, aws_cli::read_backup_vault},
    {{"Policy"}, aws_cli::read_key_policy},
}};

const Kind* kind_of(const JsonValue& root) {
  for (const Kind& kind : kKinds) {
    if (std::all_of(kind.keys.begin(), kind.keys.end(),
                    [&](std::string_view key) { return key.empty() || !root[key].is_missing(); })) {
      return &kind;
    }
  }
  return nullptr;
}

Error unknown_kind(const JsonValue& root, const std::string& path) {
  std::string found;
  if (!root.is_object()) {
    found = fmt::format("its top level is {}, not an object", detail::kind_of(root.element()));
  } else {
    const std::vector<std::string> keys = root.keys();
    found = keys.empty() ? "it is an empty object"
                         : fmt::format("its top-level keys are {}", fmt::join(keys, ", "));
    if (detail::is_terraform_state(root)) {
      found +=
          ": a Terraform state (terraform show -json), not a plan; give the output of terraform "
          "show -json PLANFILE for a plan saved with terraform plan -out PLANFILE";
    }
  }
  return root.error(
      std::string(aws_cli::kKindError),
      fmt::format("{} is not the output of an AWS CLI command snapkey reads (expected top-level "
                  "keys such as DBClusters, KeyMetadata, Aliases, BackupVaultList or BackupPlan); "
                  "{}",
                  path, found));
}

// The files to read: every file given, and every *.json file below every directory given (the
// walker of read_inputs: sorted, so that the output never depends on directory order).
Result<std::vector<std::string>> files_of(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);  // reading it reports a missing file
      continue;
    }
    SNAPKEY_ASSIGN_OR_RETURN(const detail::Walk walk, detail::walk_directory(path));
    const std::size_t before = files.size();
    std::copy_if(walk.files.begin(), walk.files.end(), std::back_inserter(files),
                 [](const std::string& file) { return fs::path(file).extension() == ".json"; });
    if (files.size() == before) {
      return Error{
          "E_FILE", fmt::format("directory {} holds no *.json files", path), {path, 0, 0, ""}};
    }
  }
  return files;
}

Status read_source(const detail::SourceFile& file, const FileContext& context, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(const auto doc,
                           detail::parse_json(simdjson::padded_string(file.text), file.path));
  const JsonValue root = doc->root();
  const Kind* kind = root.is_object() ? kind_of(root) : nullptr;
  if (kind == nullptr) return unknown_kind(root, file.path);
  if (kind->read == nullptr) return Ok{};
  return kind->read(root, context, out);
}

}  // namespace

namespace aws_cli {

Result<ModelInput> read_sources(const std::vector<detail::SourceFile>& files) {
  try {
    Export out;
    FileContext context;  // the same for the files of one folder: worked out once per folder
    std::string folder;
    for (const detail::SourceFile& file : files) {
      const std::string parent = fs::path(file.path).parent_path().string();
      if (context.path.empty() || parent != folder) {
        context = context_of(file.path);
        folder = parent;
      }
      context.path = file.path;
      SNAPKEY_RETURN_IF_ERROR(read_source(file, context, out));
    }
    return finish(out);
  } catch (const std::exception& e) {
    // simdjson and the standard library may throw (bad_alloc); nothing may escape a public
    // function.
    return Error{"E_FILE", fmt::format("cannot read the AWS CLI export: {}", e.what()), {}};
  }
}

}  // namespace aws_cli

Result<ModelInput> read_aws_cli_export(const std::vector<std::string>& paths) {
  try {
    SNAPKEY_ASSIGN_OR_RETURN(const std::vector<std::string> files, files_of(paths));
    std::vector<std::string> texts;  // the bytes the sources view
    texts.reserve(files.size());
    std::vector<detail::SourceFile> sources;
    for (const std::string& file : files) {
      SNAPKEY_ASSIGN_OR_RETURN(std::string text, detail::read_json_text(file));
      texts.push_back(std::move(text));
      sources.push_back({file, texts.back()});
    }
    return aws_cli::read_sources(sources);
  } catch (const std::exception& e) {
    // The filesystem may throw (filesystem_error, bad_alloc).
    return Error{"E_FILE", fmt::format("cannot read the AWS CLI export: {}", e.what()), {}};
  }
}

}  // namespace snapkey::io
