// How long reading a Terraform configuration of 1,000 files takes, without a plan: parsing,
// evaluating and building the model input (read_terraform_source). The tree is generated once
// into a temporary folder and removed at exit.
//
//   build-bench/bench/snapkey_read_terraform_source_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
//
// The tree: a root module of 900 files, each with a multi-Region KMS key, its alias, a vault keyed
// with it and an Aurora cluster tagged for backup, calling a local DR module (99 files of locals
// and outputs plus one with its replica keys and vaults) once per DR Region with for_each, and a
// backup plan whose dynamic copy_action copies to every DR vault. SNAPKEY_BENCH_FILES changes the
// number of root files.
//
// Counters: `files`, `MB` (the .tf text), `resources` and `vaults` read, `peak_rss_MB` the
// process's peak resident memory (getrusage).
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "peak_rss.hpp"
#include "snapkey/io/terraform.hpp"

namespace {

namespace fs = std::filesystem;

using snapkey::bench::peak_rss_mb;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string service(int i) {
  return fmt::format(R"(# Service {0}: its key, alias, vault and database.
locals {{
  name_{0} = format("svc-%04d", {0})
}}

resource "aws_kms_key" "k{0}" {{
  description  = "service {0}"
  multi_region = true
  policy = jsonencode({{
    Version   = "2012-10-17"
    Statement = [{{ Effect = "Allow", Principal = {{ AWS = "arn:aws:iam::${{local.account}}:root" }}, Action = "kms:*", Resource = "*" }}]
  }})
}}

resource "aws_kms_alias" "k{0}" {{
  name          = "alias/${{local.name_{0}}}"
  target_key_id = aws_kms_key.k{0}.key_id
}}

resource "aws_backup_vault" "v{0}" {{
  name        = local.name_{0}
  kms_key_arn = aws_kms_key.k{0}.arn
}}

resource "aws_rds_cluster" "c{0}" {{
  cluster_identifier = local.name_{0}
  engine             = "aurora-postgresql"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.k{0}.arn
  tags               = merge(local.common_tags, {{ service = local.name_{0} }})
}}
)",
                     i);
}

constexpr const char* kRoot = R"(provider "aws" {
  region              = "eu-central-1"
  allowed_account_ids = [local.account]
}

variable "dr_regions" {
  type    = list(string)
  default = ["us-east-1", "us-west-2"]
}

locals {
  account     = "111111111111"
  common_tags = { backup = "daily", owner = "platform" }
}

module "dr" {
  source   = "./modules/dr"
  for_each = toset(var.dr_regions)
  region   = each.key
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    dynamic "copy_action" {
      for_each = module.dr
      content {
        destination_vault_arn = copy_action.value.vault_arn
      }
    }
  }
}

resource "aws_backup_selection" "daily" {
  name         = "daily"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::${local.account}:role/backup"
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}
)";

constexpr const char* kDr = R"(variable "region" {
  type = string
}

resource "aws_kms_key" "dr" {
  region       = var.region
  multi_region = true
}

resource "aws_backup_vault" "dr" {
  region      = var.region
  name        = "dr-${var.region}"
  kms_key_arn = aws_kms_key.dr.arn
}

output "vault_arn" {
  value = aws_backup_vault.dr.arn
}
)";

// The tree, written on first use.
class Tree {
 public:
  static Tree& get() {
    static Tree instance;
    return instance;
  }
  const std::string& dir() const { return dir_; }
  int files() const { return files_; }
  std::size_t bytes() const { return bytes_; }
  ~Tree() { fs::remove_all(dir_); }

 private:
  Tree() {
    dir_ = (fs::temp_directory_path() / fmt::format("snapkey-bench-tf-{}", getpid())).string();
    int root_files = 900;
    if (const char* given = std::getenv("SNAPKEY_BENCH_FILES")) root_files = std::atoi(given);
    write(fs::path(dir_) / "main.tf", kRoot);
    for (int i = 1; i < root_files; ++i) {
      write(fs::path(dir_) / fmt::format("svc{:04}.tf", i), service(i));
    }
    write(fs::path(dir_) / "modules/dr/main.tf", kDr);
    for (int i = 1; i < 100; ++i) {
      write(fs::path(dir_) / fmt::format("modules/dr/local{:02}.tf", i),
            fmt::format("locals {{\n  tag_{0} = \"${{var.region}}-{0}\"\n}}\n\noutput \"tag_{0}\" "
                        "{{\n  value = local.tag_{0}\n}}\n",
                        i));
    }
    for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
      if (!entry.is_regular_file()) continue;
      ++files_;
      bytes_ += entry.file_size();
    }
  }

  std::string dir_;
  int files_ = 0;
  std::size_t bytes_ = 0;
};

void BM_ReadTerraformSource(benchmark::State& state) {
  const Tree& tree = Tree::get();
  std::size_t resources = 0;
  std::size_t vaults = 0;
  for (auto _ : state) {
    auto input = snapkey::io::read_terraform_source(tree.dir());
    if (!input) {
      state.SkipWithError(input.error().to_string().c_str());
      return;
    }
    resources = input->resources.size();
    vaults = input->vaults.size();
    benchmark::DoNotOptimize(input);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * tree.bytes()));
  state.counters["files"] = tree.files();
  state.counters["MB"] = static_cast<double>(tree.bytes()) / 1e6;
  state.counters["resources"] = static_cast<double>(resources);
  state.counters["vaults"] = static_cast<double>(vaults);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

BENCHMARK(BM_ReadTerraformSource)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
