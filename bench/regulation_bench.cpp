// Throughput of the regulation engine on the corpus texts, in bytes of regulation text per second
// on one core. Target (issue "Foundation, and the regulation engine"): parse + extract + lint at
// 20 MB/s or more. Results and how to rerun them: docs/performance.md.
#include <benchmark/benchmark.h>

#include <string>
#include <variant>
#include <vector>

#include "regulation/engine.hpp"
#include "regulation/parser.hpp"
#include "textio/read_file.hpp"

namespace {

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    for (const char* f :
         {"000_d4cc20e29af5e30c.txt", "001_39b4b52b71b1491f.txt", "002_a81f241600ba5598.txt",
          "003_f59819efda1a4d52.txt", "004_53ec527bd789c19a.txt"}) {
      auto r = tatakerja::textio::read_regulation_file(std::string(TATAKERJA_DATA_DIR) +
                                                       "/regulations/" + f);
      if (auto* t = std::get_if<tatakerja::textio::DecodedText>(&r)) out.push_back(t->text);
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

void BM_Parse(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& t : corpus())
      benchmark::DoNotOptimize(tatakerja::regulation::parse_document(t));
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
}
BENCHMARK(BM_Parse);

void BM_ParseExtractLint(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& t : corpus())
      benchmark::DoNotOptimize(tatakerja::regulation::read_regulation(t));
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
}
BENCHMARK(BM_ParseExtractLint);

// One large text: the corpus concatenated N times, read as a single document.
void BM_ParseExtractLintLargeText(benchmark::State& state) {
  std::string big;
  for (int i = 0; i < state.range(0); ++i)
    for (const auto& t : corpus()) big += t + "\n";
  for (auto _ : state) benchmark::DoNotOptimize(tatakerja::regulation::read_regulation(big));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(big.size()));
}
BENCHMARK(BM_ParseExtractLintLargeText)->Arg(20);

}  // namespace

BENCHMARK_MAIN();
