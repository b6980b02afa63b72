// The activities' flows as data (issue 12 item 4; 004 Pasal 22-23): every flow starts planned,
// passes each stop of its chain in order, and only its Level I accepts; every stop may return it
// for rework with a reason; the stops a Flow rule names; and the evidence files' checks (type from
// the content, the name kept).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "work/activity.hpp"

namespace tatakerja::work {
namespace {

TEST(ActivityFlow, OnlyLevelOneAcceptsAndEveryStopReturnsWithAReason) {
  for (const Mechanism* m : activity_flows()) {
    SCOPED_TRACE(std::string(m->key));
    int accepts = 0;
    std::set<std::string_view> returned_from;
    for (const auto& t : m->transitions) {
      ASSERT_NE(find_state(*m, t.from), nullptr) << t.from;
      ASSERT_NE(find_state(*m, t.to), nullptr) << t.to;
      if (t.to == "selesai") {
        ++accepts;
        EXPECT_EQ(t.role, "level_i");
        EXPECT_EQ(t.name, "terima");
      }
      if (t.name == "kembalikan") {
        EXPECT_TRUE(t.reason_required);
        EXPECT_EQ(t.to, "perbaikan");
        returned_from.insert(t.from);
      }
      if (t.name == "batalkan") {
        EXPECT_TRUE(t.reason_required);
      }
    }
    EXPECT_EQ(accepts, 1);
    // Every waiting state can send the work back.
    for (const auto& s : m->states) {
      if (s.waiting) {
        EXPECT_TRUE(returned_from.contains(s.key)) << s.key;
      }
    }
  }
}

TEST(ActivityFlow, TheChainIsWalkedInOrder) {
  const Mechanism& m = activity_flow({"ketua", "level_ii", "level_antara", "level_i"});
  EXPECT_EQ(m.key, "ketua+level_ii+level_antara+level_i");
  std::string state = std::string(m.first_state);
  const char* path[] = {"mulai", "ajukan", "teruskan", "teruskan", "teruskan", "terima"};
  const char* roles[] = {"pelaksana", "pelaksana", "ketua", "level_ii", "level_antara", "level_i"};
  for (std::size_t i = 0; i < std::size(path); ++i) {
    const Transition* t = find_transition(m, state, path[i]);
    ASSERT_NE(t, nullptr) << state << " " << path[i];
    EXPECT_EQ(t->role, roles[i]);
    state = std::string(t->to);
  }
  EXPECT_EQ(state, "selesai");
  // No skipping: the lead cannot send it straight to Level I, Level II cannot accept.
  EXPECT_EQ(find_transition(m, "di_level_ii", "terima"), nullptr);
  EXPECT_EQ(find_transition(m, "dilaksanakan", "terima"), nullptr);
}

TEST(ActivityFlow, KeysAndStops) {
  EXPECT_EQ(find_activity_flow("level_i+level_ii"), nullptr);  // out of order
  EXPECT_EQ(find_activity_flow("ketua"), nullptr);             // no Level I
  EXPECT_EQ(find_activity_flow("level_x+level_i"), nullptr);
  ASSERT_NE(find_activity_flow("level_i"), nullptr);
  EXPECT_EQ(find_activity_flow("level_i"), find_activity_flow("level_i"));  // built once
  EXPECT_EQ(flow_key({{"ketua", std::nullopt}, {"level_i", 4}}), "ketua+level_i");
  EXPECT_EQ(waiting_state("level_ii"), "di_level_ii");
  EXPECT_EQ(stop_of_state("di_level_antara"), "level_antara");
  EXPECT_EQ(stop_of_state("dilaksanakan"), "");
  EXPECT_EQ(review_stops_of("Kepala Bagian > Asisten Daerah > Sekretaris Daerah"), 3);
  EXPECT_EQ(review_stops_of("Sekretaris dan Kepala Bidang > Kepala Dinas/Badan"), 2);
  EXPECT_EQ(review_stops_of("Kepala UPTD"), 1);
  EXPECT_EQ(review_stops_of("a > b > c > d > e"), 3);
}

TEST(Evidence, TypeComesFromTheContent) {
  EXPECT_EQ(evidence_media_type("a.pdf", "%PDF-1.7\n"), "application/pdf");
  EXPECT_EQ(evidence_media_type("foto.jpg", "\xFF\xD8\xFF\xE0rest"), "image/jpeg");
  EXPECT_EQ(evidence_media_type("x.png", std::string("\x89PNG\r\n\x1a\n", 8)), "image/png");
  EXPECT_EQ(evidence_media_type("laporan.DOCX", std::string("PK\x03\x04rest", 8)),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_FALSE(evidence_media_type("arsip.zip", std::string("PK\x03\x04rest", 8)).has_value());
  EXPECT_EQ(evidence_media_type("rekap.csv", "a;b\n1;2\n"), "text/csv; charset=utf-8");
  EXPECT_FALSE(evidence_media_type("rekap.csv", std::string("a\0b", 3)).has_value());
  EXPECT_FALSE(evidence_media_type("catatan.txt", "\xC3(").has_value());   // not UTF-8
  EXPECT_FALSE(evidence_media_type("program.pdf", "MZ\x90").has_value());  // the name lies
  EXPECT_FALSE(evidence_media_type("teks.exe", "halo").has_value());
}

TEST(Evidence, NameIsCleaned) {
  EXPECT_EQ(evidence_file_name("C:\\Users\\ani\\Laporan Akhir.pdf"), "Laporan Akhir.pdf");
  EXPECT_EQ(evidence_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(evidence_file_name("a\r\nb.txt"), "ab.txt");
  EXPECT_EQ(evidence_file_name(""), "berkas");
  EXPECT_EQ(evidence_file_name("\xFF\xFE"), "berkas");
  const std::string long_name = std::string(119, 'a') + "é.pdf";  // é would cross 120 bytes
  const std::string kept = evidence_file_name(long_name);
  EXPECT_EQ(kept, std::string(119, 'a'));
}

}  // namespace
}  // namespace tatakerja::work
