// Bad input through the real command: a clear message and exit code 2, never a crash or a hang;
// other encodings converted.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "corpus.hpp"
#include "textio/decode.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;

struct Run {
  int code = -1;
  std::string output;
};

Run run(const std::string& args) {
  Run r;
  const std::string cmd = "timeout 60 " + std::string(TATAKERJA_CLI) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

fs::path temp_file(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / "tatakerja_bad_input";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

TEST(BadInput, EmptyAndWhitespaceFilesAreRefused) {
  for (const auto& [name, bytes] : {std::pair{"empty.txt", ""}, {"blank.txt", " \n\n\t \n"}}) {
    auto r = run("regulation parse " + temp_file(name, bytes).string());
    EXPECT_EQ(r.code, 2) << r.output;
    EXPECT_NE(r.output.find("kosong"), std::string::npos) << r.output;
  }
}

TEST(BadInput, BinaryFileIsRefused) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919) % 256));
  auto r = run("regulation parse " + temp_file("binary.bin", bytes).string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.output.find("FILE_BINARY"), std::string::npos) << r.output;
}

TEST(BadInput, HundredMegabyteFileIsRefused) {
  const fs::path p = temp_file("big.txt", "");
  fs::resize_file(p, 100u * 1024u * 1024u);  // sparse
  auto r = run("regulation lint " + p.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.output.find("terlalu besar"), std::string::npos) << r.output;
  fs::remove(p);
}

TEST(BadInput, MissingFileAndDirectory) {
  EXPECT_EQ(run("regulation extract /nonexistent/file.txt").code, 2);
  EXPECT_EQ(run("regulation parse " + fs::temp_directory_path().string()).code, 2);
}

TEST(BadInput, OneEndlessLineIsReadQuickly) {
  std::string line;
  while (line.size() < 5u * 1024u * 1024u) line += "Pasal (1) a. huruf 1) teks panjang ";
  auto r = run("regulation extract " + temp_file("endless.txt", line).string());
  EXPECT_EQ(r.code, 0) << r.output.substr(0, 500);
}

TEST(BadInput, DeeplyNestedListsAreRead) {
  std::string text = "BAB I\nUMUM\nPasal 1\n";
  const char* markers[] = {"(1)", "a.", "1.", "1)", "a)"};
  for (int i = 0; i < 100000; ++i) text += std::string(markers[i % 5]) + " butir\n";
  auto r = run("regulation lint " + temp_file("nested.txt", text).string() + " --format json");
  EXPECT_TRUE(r.code == 0 || r.code == 1) << r.output.substr(0, 500);
}

TEST(Encodings, Windows1252AndUtf16AreConverted) {
  const std::string& utf8 = testing::corpus_text("002");
  // Windows-1252: the en dash and e-acute of a Word document.
  std::string cp1252 = utf8 +
                       "\nCatatan \x96 d\xE9"
                       "cor\n";
  auto d = textio::decode_text(cp1252);
  ASSERT_TRUE(std::holds_alternative<textio::DecodedText>(d));
  EXPECT_EQ(std::get<textio::DecodedText>(d).encoding, "WINDOWS-1252");
  EXPECT_NE(std::get<textio::DecodedText>(d).text.find("\xE2\x80\x93 d\xC3\xA9"
                                                       "cor"),
            std::string::npos);
  // UTF-16 LE and BE with a byte-order mark (the corpus is ASCII apart from a few symbols).
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : std::string("NOMOR 77 TAHUN 2023\n")) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  for (const auto& bytes : {le, be}) {
    auto u = textio::decode_text(bytes);
    ASSERT_TRUE(std::holds_alternative<textio::DecodedText>(u));
    EXPECT_EQ(std::get<textio::DecodedText>(u).text, "NOMOR 77 TAHUN 2023\n");
  }
  auto run_le = run("regulation parse " + temp_file("utf16.txt", le).string());
  EXPECT_EQ(run_le.code, 0);
  // UTF-16 without a byte-order mark is refused with a message that says so.
  auto no_bom = textio::decode_text(le.substr(2));
  ASSERT_TRUE(std::holds_alternative<textio::ReadError>(no_bom));
  EXPECT_NE(std::get<textio::ReadError>(no_bom).message.find("UTF-16"), std::string::npos);
}

}  // namespace
}  // namespace tatakerja
