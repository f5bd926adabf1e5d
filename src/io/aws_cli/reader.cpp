// Reads saved AWS CLI output (docs/aws-cli-input.md): finds the files, recognises each one's
// command from its top-level keys, and hands it to that command's reader. The readers merge what
// they find into one Export, which io/aws_cli/finish.cpp turns into a ModelInput.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>

#include "io/aws_cli/export.hpp"
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
  }
  return root.error(
      std::string(aws_cli::kKindError),
      fmt::format("{} is not the output of an AWS CLI command snapkey reads (expected top-level "
                  "keys such as DBClusters, KeyMetadata, Aliases, BackupVaultList or BackupPlan); "
                  "{}",
                  path, found));
}

// The files to read: every file given, and every *.json file below every directory given, each
// group in sorted order so that the output never depends on directory order.
Result<std::vector<std::string>> files_of(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);  // read_json_file reports a missing file
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".json") {
        found.push_back(it->path().generic_string());
      }
    }
    if (ec) {
      return Error{"E_FILE",
                   fmt::format("cannot read directory {}: {}", path, ec.message()),
                   {path, 0, 0, ""}};
    }
    if (found.empty()) {
      return Error{
          "E_FILE", fmt::format("directory {} holds no *.json files", path), {path, 0, 0, ""}};
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Status read_file(const std::string& path, const FileContext& context, Export& out) {
  auto doc = detail::read_json_file(path);
  if (!doc) return doc.error();
  const JsonValue root = (*doc)->root();
  const Kind* kind = root.is_object() ? kind_of(root) : nullptr;
  if (kind == nullptr) return unknown_kind(root, path);
  if (kind->read == nullptr) return Ok{};
  return kind->read(root, context, out);
}

}  // namespace

Result<ModelInput> read_aws_cli_export(const std::vector<std::string>& paths) {
  try {
    Result<std::vector<std::string>> files = files_of(paths);
    if (!files) return files.error();
    Export out;
    FileContext context;  // the same for the files of one folder: worked out once per folder
    std::string folder;
    for (const std::string& file : *files) {
      const std::string parent = fs::path(file).parent_path().string();
      if (context.path.empty() || parent != folder) {
        context = aws_cli::context_of(file);
        folder = parent;
      }
      context.path = file;
      SNAPKEY_RETURN_IF_ERROR(read_file(file, context, out));
    }
    return aws_cli::finish(out);
  } catch (const std::exception& e) {
    // simdjson, the filesystem and the standard library may throw (bad_alloc, filesystem_error);
    // nothing may escape a public function.
    return Error{"E_FILE", fmt::format("cannot read the AWS CLI export: {}", e.what()), {}};
  }
}

}  // namespace snapkey::io
