// A synthetic saved AWS CLI export, laid out as examples/aws-cli/export.sh writes it, for
// benchmarking the reader on an estate far larger than any test fixture.
#ifndef SNAPKEY_BENCH_SYNTHETIC_EXPORT_HPP
#define SNAPKEY_BENCH_SYNTHETIC_EXPORT_HPP

#include <cstddef>
#include <string>

namespace snapkey::bench {

// How big the estate is. Every account has the same things in every Region; account 0 is also
// the central backup account every plan copies to.
struct ExportShape {
  int accounts = 6;
  int regions = 4;            // taken in order from a fixed list of Regions
  int clusters = 300;         // Aurora clusters per account and Region (each with 2 instances)
  int instances = 250;        // standalone RDS DB instances per account and Region
  int keys = 120;             // customer managed keys per account and Region
  int vaults = 40;            // backup vaults per account and Region
  int plans = 40;             // backup plans (each with one selection) per account and Region
  int copy_jobs = 1000;       // list-copy-jobs entries per account and Region
  int recovery_points = 500;  // list-recovery-points-by-backup-vault entries per account and Region
};

struct ExportStats {
  std::size_t files = 0;
  std::size_t bytes = 0;
};

// Writes the export below `dir` (which must not exist yet). Deterministic: the same shape gives
// the same bytes.
ExportStats write_synthetic_export(const std::string& dir, const ExportShape& shape);

}  // namespace snapkey::bench

#endif  // SNAPKEY_BENCH_SYNTHETIC_EXPORT_HPP
