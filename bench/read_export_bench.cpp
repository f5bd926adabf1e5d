// How long reading a large saved AWS CLI export takes, stage by stage: read_aws_cli_export,
// Model::build and predict. The export (about 100 MB by default) is generated once into a
// temporary folder and removed at exit.
//
//   build-bench/bench/snapkey_read_export_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
//
// SNAPKEY_BENCH_SCALE (default 1) multiplies the number of accounts; SNAPKEY_BENCH_EXPORT names a
// folder to use (or to create) instead of a temporary one, which is then kept.
//
// Counters: `MB` is the export's size, `MB/s` the reading speed, `peak_rss_MB` the process's peak
// resident memory when the stage ends (getrusage; it never goes down, so it is the peak of this
// stage and everything before it).
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "peak_rss.hpp"
#include "snapkey/check.hpp"
#include "snapkey/io/aws_cli.hpp"
#include "snapkey/predict.hpp"
#include "synthetic_export.hpp"

namespace {

namespace fs = std::filesystem;

using snapkey::bench::peak_rss_mb;

std::size_t folder_bytes(const fs::path& dir) {
  std::size_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

// The export, written on first use.
class Export {
 public:
  static Export& get() {
    static Export instance;
    return instance;
  }
  const std::string& dir() const { return dir_; }
  std::size_t bytes() const { return bytes_; }

  // Read once, for the stages after reading.
  const snapkey::ModelInput& input() {
    if (!input_) {
      auto input = snapkey::io::read_aws_cli_export({dir_});
      if (!input) throw std::runtime_error(input.error().to_string());
      input_ = std::move(input).value();
    }
    return *input_;
  }
  const snapkey::Model& model() {
    if (!model_) {
      auto model = snapkey::Model::build(input());
      if (!model) throw std::runtime_error(model.error().to_string());
      model_ = std::move(model).value();
    }
    return *model_;
  }

  ~Export() {
    if (!keep_) fs::remove_all(dir_);
  }

 private:
  Export() {
    const char* given = std::getenv("SNAPKEY_BENCH_EXPORT");
    keep_ = given != nullptr;
    dir_ = given != nullptr
               ? given
               : (fs::temp_directory_path() / fmt::format("snapkey-bench-export-{}", getpid()))
                     .string();
    if (!fs::exists(dir_)) {
      snapkey::bench::ExportShape shape;
      if (const char* scale = std::getenv("SNAPKEY_BENCH_SCALE")) {
        shape.accounts = std::max(1, static_cast<int>(shape.accounts * std::atof(scale)));
      }
      const auto stats = snapkey::bench::write_synthetic_export(dir_, shape);
      fmt::print(stderr, "snapkey bench: wrote {} files, {:.1f} MB, to {}\n", stats.files,
                 static_cast<double>(stats.bytes) / 1e6, dir_);
    }
    bytes_ = folder_bytes(dir_);
  }

  std::string dir_;
  bool keep_ = false;
  std::size_t bytes_ = 0;
  std::optional<snapkey::ModelInput> input_;
  std::optional<snapkey::Model> model_;
};

void BM_ReadAwsCliExport(benchmark::State& state) {
  Export& exported = Export::get();
  std::size_t resources = 0;
  for (auto _ : state) {
    auto input = snapkey::io::read_aws_cli_export({exported.dir()});
    if (!input) {
      state.SkipWithError(input.error().to_string().c_str());
      return;
    }
    resources = input->resources.size();
    benchmark::DoNotOptimize(input);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * exported.bytes()));
  state.counters["MB"] = static_cast<double>(exported.bytes()) / 1e6;
  state.counters["resources"] = static_cast<double>(resources);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

void BM_ModelBuild(benchmark::State& state) {
  Export& exported = Export::get();
  const snapkey::ModelInput& input = exported.input();
  for (auto _ : state) {
    state.PauseTiming();
    snapkey::ModelInput copy = input;  // build consumes its input
    state.ResumeTiming();
    auto model = snapkey::Model::build(std::move(copy));
    if (!model) {
      state.SkipWithError(model.error().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(model);
  }
  state.counters["keys"] = static_cast<double>(input.keys.size());
  state.counters["plans"] = static_cast<double>(input.plans.size());
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

void BM_Predict(benchmark::State& state) {
  const snapkey::Model& model = Export::get().model();
  std::size_t points = 0;
  for (auto _ : state) {
    snapkey::Predictions predictions = snapkey::predict(model, {});
    points = predictions.recovery_points.size();
    benchmark::DoNotOptimize(predictions);
  }
  state.counters["recovery_points"] = static_cast<double>(points);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

// Every check on, plus a cross-Region copy required of every resource (NO_CROSS_REGION_COPY),
// over the predictions of the export.
void BM_Check(benchmark::State& state) {
  const snapkey::Predictions predictions = snapkey::predict(Export::get().model(), {});
  snapkey::Policy policy;
  policy.require_cross_region_copy = true;
  std::size_t findings = 0;
  for (auto _ : state) {
    snapkey::Findings result = snapkey::check(predictions, policy);
    findings = result.findings.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["recovery_points"] = static_cast<double>(predictions.recovery_points.size());
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

// Registered in the order of the stages, so each peak_rss_MB includes the stages before it.
BENCHMARK(BM_ReadAwsCliExport)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ModelBuild)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Predict)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Check)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
