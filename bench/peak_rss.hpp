// The process's peak resident memory so far, for the benchmarks' peak_rss_MB counters (getrusage;
// it never goes down, so a stage's figure includes every stage before it).
#ifndef SNAPKEY_BENCH_PEAK_RSS_HPP
#define SNAPKEY_BENCH_PEAK_RSS_HPP

#include <sys/resource.h>

namespace snapkey::bench {

inline double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

}  // namespace snapkey::bench

#endif  // SNAPKEY_BENCH_PEAK_RSS_HPP
