// Throughput of the regulation engine on the corpus texts, in bytes of regulation text per second
// on one core. Target (issue "Foundation, and the regulation engine"): parse + extract + lint at
// 20 MB/s or more. Results and how to rerun them: docs/performance.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "regulation/engine.hpp"
#include "regulation/parser.hpp"
#include "textio/read_file.hpp"

namespace {

// Every .txt file of data/regulations, read and decoded through textio, in name order.
const std::vector<std::string>& corpus() {
  static const std::vector<std::string> texts = [] {
    namespace fs = std::filesystem;
    std::vector<std::string> paths;
    for (const auto& e : fs::directory_iterator(std::string(TATAKERJA_DATA_DIR) + "/regulations"))
      if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> out;
    for (const auto& p : paths) {
      auto r = tatakerja::textio::read_regulation_file(p);
      if (auto* t = std::get_if<tatakerja::textio::DecodedText>(&r)) {
        out.push_back(std::move(t->text));
      } else {
        std::fprintf(stderr, "regulation_bench: cannot read %s: %s\n", p.c_str(),
                     std::get<tatakerja::textio::ReadError>(r).message.c_str());
        std::exit(1);
      }
    }
    if (out.empty()) {
      std::fprintf(stderr, "regulation_bench: no corpus texts in %s/regulations\n",
                   TATAKERJA_DATA_DIR);
      std::exit(1);
    }
    return out;
  }();
  return texts;
}

std::int64_t corpus_bytes() {
  std::int64_t n = 0;
  for (const auto& t : corpus()) n += static_cast<std::int64_t>(t.size());
  return n;
}

// parse_document alone, each corpus text on its own.
void BM_Parse(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& t : corpus()) {
      auto doc = tatakerja::regulation::parse_document(t);
      benchmark::DoNotOptimize(doc);
    }
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
}
BENCHMARK(BM_Parse);

// read_regulation: parse + extract + lint, each corpus text on its own.
void BM_ReadRegulation(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& t : corpus()) {
      auto reading = tatakerja::regulation::read_regulation(t);
      benchmark::DoNotOptimize(reading);
    }
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
}
BENCHMARK(BM_ReadRegulation);

// Scaled: the corpus repeated as N separate documents per iteration (a region's whole set of
// regulations), to show that throughput does not fall with the amount of text.
void BM_ReadRegulationScaled(benchmark::State& state) {
  const auto copies = state.range(0);
  std::vector<std::string> docs;
  for (std::int64_t i = 0; i < copies; ++i)
    for (const auto& t : corpus()) docs.push_back(t);
  for (auto _ : state)
    for (const auto& d : docs) {
      auto reading = tatakerja::regulation::read_regulation(d);
      benchmark::DoNotOptimize(reading);
    }
  state.SetBytesProcessed(state.iterations() * copies * corpus_bytes());
  state.counters["documents"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_ReadRegulationScaled)->Arg(20)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
