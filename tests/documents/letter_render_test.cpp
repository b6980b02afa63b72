// The letter's PDF (issue 12 item 6) on its own: a short letter is one A4 portrait page whose text
// (pdftotext, poppler-utils) holds every part in the regulations' order; a long one (60
// recipients, 25 tasks) flows onto further pages and loses nothing; its QR code, rendered by
// pdftoppm and read by zbarimg (zbar-tools), is the verification address; a revoked letter says
// DICABUT; the QR modules come from libqrencode.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "documents/letter_render.hpp"

namespace tatakerja::documents {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  status = ::pclose(p);
  return out;
}

std::string squeezed(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

class LetterPdf : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tatakerja_letter_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string save(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  // The PDF's text without white space (pdftotext may break a line where Pango split a run).
  std::string text_of(const std::string& pdf) {
    int status = 0;
    const std::string t = run("pdftotext -raw " + save("l.pdf", pdf) + " -", status);
    EXPECT_EQ(status, 0) << "pdftotext (poppler-utils) failed";
    return squeezed(t);
  }
  int pages_of(const std::string& pdf) {
    int status = 0;
    const std::string info = run("pdfinfo " + save("i.pdf", pdf), status);
    const auto at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
  }
  fs::path dir_;
};

LetterDocument letter() {
  LetterDocument d;
  d.government = "PEMERINTAH KOTA BATAM";
  d.agency = "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA";
  d.address = "Jalan Engku Putri Nomor 1, Batam Centre";
  d.title = "SURAT PERINTAH";
  d.number = "800.1.11.1/17/BKPSDM/2026";
  d.grounds = {"Peraturan Wali Kota Batam Nomor 20 Tahun 2024 tentang Sistem Kerja",
               "Keputusan Kepala Badan tentang Tim Kerja Penyusunan Anjab"};
  d.recipients = {{"Ahmad Abdullah, S.Ak.", "198201132005031567", "Penata (III/c)", "Analis SDM"}};
  d.tasks = {"Menyusun analisis jabatan", "Melaporkan hasilnya kepada Kepala Badan"};
  d.place = "Batam";
  d.date = "4 Desember 2026";
  d.signatory = {"Arif Sulistyo, S.Si.", "196503221990011081", "Pembina Tingkat I (IV/b)",
                 "Kepala Badan"};
  d.copies = {"Wali Kota Batam", "Sekretaris Daerah Kota Batam"};
  d.verification_url =
      "https://tatakerja.batam.go.id/verifikasi/"
      "I-j4SqaV6r6Y4tl_FbjDEtNwdCHHpSzUTS6kiW183Io";
  return d;
}

TEST_F(LetterPdf, OnePageWithEveryPartInOrder) {
  const std::string pdf = letter_to_pdf(letter());
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
  EXPECT_EQ(pages_of(pdf), 1);
  const std::string t = text_of(pdf);
  std::size_t at = 0;
  for (const char* part : {"PEMERINTAH KOTA BATAM",
                           "BADAN KEPEGAWAIAN",
                           "Jalan Engku Putri",
                           "SURAT PERINTAH",
                           "NOMOR: 800.1.11.1/17/BKPSDM/2026",
                           "Dasar",
                           "Peraturan Wali Kota Batam",
                           "MEMERINTAHKAN:",
                           "Kepada",
                           "Ahmad Abdullah, S.Ak.",
                           "198201132005031567",
                           "Untuk",
                           "Menyusun analisis jabatan",
                           "Batam, 4 Desember 2026",
                           "Kepala Badan,",
                           "Arif Sulistyo, S.Si.",
                           "Pembina Tingkat I (IV/b)",
                           "NIP. 196503221990011081",
                           "Tembusan:",
                           "Sekretaris Daerah Kota Batam"}) {
    const auto found = t.find(squeezed(part), at);
    ASSERT_NE(found, std::string::npos) << part << " (after byte " << at << ") in\n" << t;
    at = found;
  }
}

TEST_F(LetterPdf, QrCodeReadsAsTheVerificationAddress) {
  const LetterDocument d = letter();
  const std::string pdf = save("qr.pdf", letter_to_pdf(d));
  int status = 0;
  run("pdftoppm -r 200 -png " + pdf + " " + (dir_ / "qr").string(), status);
  ASSERT_EQ(status, 0);
  const std::string got =
      run("zbarimg --raw -q " + (dir_ / "qr-1.png").string() + " 2>/dev/null", status);
  ASSERT_EQ(status, 0) << "zbarimg (zbar-tools) found no QR code";
  EXPECT_EQ(got, d.verification_url + "\n");
  const auto modules = qr_modules(d.verification_url);
  ASSERT_GE(modules.size(), 21U);
  EXPECT_EQ(modules.size() % 4, 1U);  // QR versions are 17 + 4v modules wide
  EXPECT_TRUE(modules[0][0]);         // the finder pattern's corner
}

TEST_F(LetterPdf, LongLettersFlowOntoFurtherPagesAndLoseNothing) {
  LetterDocument d = letter();
  d.recipients.clear();
  for (int i = 1; i <= 60; ++i) {
    d.recipients.push_back({"Pegawai Nomor " + std::to_string(i),
                            "19820113200503" + std::to_string(1000 + i), "Penata (III/c)",
                            "Analis SDM"});
  }
  for (int i = 1; i <= 25; ++i) d.tasks.push_back("Tugas tambahan ke-" + std::to_string(i));
  const std::string pdf = letter_to_pdf(d);
  EXPECT_GE(pages_of(pdf), 4);
  const std::string t = text_of(pdf);
  for (int i = 1; i <= 60; ++i) {
    EXPECT_NE(t.find("PegawaiNomor" + std::to_string(i) + "NIP"), std::string::npos) << i;
  }
  EXPECT_NE(t.find("Tugastambahanke-25"), std::string::npos);
  EXPECT_NE(t.find("NIP.196503221990011081"), std::string::npos);
  EXPECT_NE(t.find("SekretarisDaerahKotaBatam"), std::string::npos);
}

TEST_F(LetterPdf, RevokedLetterSaysSo) {
  LetterDocument d = letter();
  d.revoked_note = "DICABUT 5 Desember 2026";
  EXPECT_NE(text_of(letter_to_pdf(d)).find("DICABUT5Desember2026"), std::string::npos);
}

}  // namespace
}  // namespace tatakerja::documents
