// The documents domain on an agency of 300 positions (a head, 6 units of 1 + 4 sections of 1 + 10
// staff, and 6 more direct staff: the size of a large regulation's chart): the chart laid out and
// drawn to PDF and SVG, and the positions exported to XLSX and CSV; and the work system's diagrams
// (issue 12 item 7). docs/performance.md.
#include <benchmark/benchmark.h>

#include <string>

#include "documents/chart_render.hpp"
#include "documents/table.hpp"
#include "documents/work_diagram.hpp"
#include "work/mechanisms.hpp"
#include "work/rules.hpp"

namespace {

using namespace tatakerja::documents;

ChartSource agency_of(int positions) {
  ChartSource s;
  s.regulation_kind = "Peraturan Gubernur";
  s.region_name = "Provinsi Nusa Tenggara Timur";
  s.number = "12";
  s.year = "2022";
  s.regulation_title = "Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Dinas";
  s.agency_name = "Dinas Percobaan";
  s.boxes.push_back({1, 0, "Kepala Dinas", "Nama Pemangku Jabatan"});
  long long next = 2;
  for (int u = 0; next <= positions; ++u) {
    const long long head = next++;
    s.boxes.push_back({head, 1, "Kepala Bidang Urusan Nomor " + std::to_string(u + 1), "Lowong"});
    for (int k = 0; k < 4 && next <= positions; ++k) {
      const long long section = next++;
      s.boxes.push_back(
          {section, head, "Kepala Seksi Pelayanan dan Pembinaan " + std::to_string(k + 1), ""});
      for (int m = 0; m < 10 && next <= positions; ++m)
        s.boxes.push_back({next++, section, "Analis Kebijakan Ahli Pertama", ""});
    }
  }
  return s;
}

Table table_of(const ChartSource& s) {
  Table t;
  t.sheet_name = "Jabatan";
  t.columns = {"No", "Jabatan", "Unit kerja", "Eselon", "Jenis jabatan", "Status"};
  for (const auto& b : s.boxes)
    t.rows.push_back(
        {std::to_string(b.id), b.title, "Bidang Percobaan", "III.b", "Administrator", "lowong"});
  return t;
}

void BM_ChartPdf(benchmark::State& state) {
  const auto source = agency_of(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) bytes = sheet_to_pdf(lay_out_chart(source)).size();
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ChartPdf)->Arg(30)->Arg(300)->Unit(benchmark::kMillisecond);

void BM_ChartSvg(benchmark::State& state) {
  const auto source = agency_of(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) bytes = sheet_to_svg(lay_out_chart(source)).size();
  state.counters["svg_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ChartSvg)->Arg(300)->Unit(benchmark::kMillisecond);

void BM_PositionsXlsx(benchmark::State& state) {
  const auto table = table_of(agency_of(static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(to_xlsx(table));
}
BENCHMARK(BM_PositionsXlsx)->Arg(300)->Unit(benchmark::kMillisecond);

void BM_PositionsCsv(benchmark::State& state) {
  const auto table = table_of(agency_of(static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(to_csv(table));
}
BENCHMARK(BM_PositionsCsv)->Arg(300)->Unit(benchmark::kMicrosecond);

// Issue 12 item 7: one mechanism's state machine drawn uncached (DOT written, laid out by dot,
// rendered to SVG): the largest, across governments (6 states, 8 transitions). The API keeps each
// mechanism's SVG once drawn (app::mechanism_diagram_svg), so this is paid once per process.
void BM_MechanismDiagramSvg(benchmark::State& state) {
  const auto* m = tatakerja::work::find_mechanism("penunjukan_lintas_instansi");
  std::size_t bytes = 0;
  for (auto _ : state) bytes = dot_to_svg(mechanism_dot(*m)).size();
  state.counters["svg_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_MechanismDiagramSvg)->Unit(benchmark::kMillisecond);

// An agency kind's structure and review chain (the Sekretariat Daerah's defaults: 3 items, 3
// stops), drawn on each request of GET /regions/{id}/work-rules/structure/{key}.svg.
void BM_StructureDiagramSvg(benchmark::State& state) {
  const auto rules = tatakerja::work::default_rules("Bupati");
  using tatakerja::work::RuleKind;
  const auto* s =
      tatakerja::work::find_rule(rules, RuleKind::AssignmentStructure, "sekretariat_daerah");
  const auto* f = tatakerja::work::find_rule(rules, RuleKind::Flow, "sekretariat_daerah");
  std::size_t bytes = 0;
  for (auto _ : state) bytes = dot_to_svg(structure_dot("Sekretariat Daerah", s, f)).size();
  state.counters["svg_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_StructureDiagramSvg)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
