// Bad input through the real command (`tatakerja regulation parse FILE`, run as a subprocess on
// generated files): exit code 2 and a clear Indonesian message on stderr, never a crash or a hang;
// other encodings converted to the same reading as the UTF-8 original. Also decode_text directly.
#include <gtest/gtest.h>
#include <iconv.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "corpus.hpp"
#include "textio/decode.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using textio::DecodedText;
using textio::ReadError;

// Seconds a 5 MB line may take to read: under a second in Release (it is cut into 360,000 lines
// of 120,000 articles); an unoptimised build (Debug, build-asan with its sanitizers) is about 10
// times slower. A quadratic scan would take hours.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__) || !defined(NDEBUG)
constexpr double kEndlessLineSeconds = 60;
#else
constexpr double kEndlessLineSeconds = 10;
#endif

// Peak memory a 30 MB text may take to read, in MB: about 11 bytes for each byte of text in
// Release, 18 at worst (the lines, the tree, the facts and their JSON); the sanitizers' shadow
// memory and redzones triple it. Memory that grew with the square of the size would be gigabytes.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
constexpr long kThirtyMegabytePeakMb = 2000;
#else
constexpr long kThirtyMegabytePeakMb = 800;
#endif

// A corpus file that contains "–" (Windows-1252 0x96), so its conversions are not plain ASCII.
constexpr const char* kCorpusFile = "001_39b4b52b71b1491f.txt";

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Each test program (ctest runs them in parallel) gets its own folder, removed at the end.
class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tatakerja_bad_input_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  fs::path file(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  struct Run {
    int code = -1;  // exit code; -1 when killed by a signal
    std::string out, err;
    double seconds = 0;
    // The largest peak resident memory of any program this test has run so far (the CLI, under
    // `timeout` and the shell), in MB: getrusage(RUSAGE_CHILDREN) keeps the maximum.
    long peak_mb = 0;
  };

  // Runs the CLI with `args`, stdout and stderr captured apart, killed after `timeout_s` seconds
  // (coreutils `timeout` then makes the exit code 124 or 137).
  Run run(const std::string& args, int timeout_s = 120) {
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string cmd = "timeout -s KILL " + std::to_string(timeout_s) + " '" +
                            std::string(TATAKERJA_CLI) + "' " + args + " >'" + out.string() +
                            "' 2>'" + err.string() + "'";
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(cmd.c_str());
    Run r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    r.peak_mb = usage.ru_maxrss / 1024;
    r.out = read_all(out);
    r.err = read_all(err);
    return r;
  }

  // Asserts that `regulation parse` refuses the file with exit code 2, the stable code and an
  // Indonesian explanation containing `words` on stderr, and nothing on stdout.
  void expect_refused(const fs::path& p, const std::string& code, const std::string& words) {
    const Run r = run("regulation parse '" + p.string() + "'");
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find(code), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out.substr(0, 300);
  }

  // The tree as JSON, as `regulation parse --format json` prints it.
  nlohmann::json parse_json(const fs::path& p) {
    const Run r = run("regulation parse --format json '" + p.string() + "'");
    EXPECT_EQ(r.code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }

  fs::path dir_;
};

// Converts UTF-8 text to `to` with glibc iconv, as a user's editor would have saved it.
std::string iconv_from_utf8(const std::string& in, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  std::string out(in.size() * 4 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  char* dst = out.data();
  std::size_t src_left = in.size(), dst_left = out.size();
  const std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) return {};
  out.resize(out.size() - dst_left);
  return out;
}

std::string utf8_original() {
  return read_all(testing::corpus_path(kCorpusFile));
}

// --- refused: exit code 2 and a message ---------------------------------------------------------

TEST_F(BadInput, EmptyFileIsRefused) {
  expect_refused(file("empty.txt", ""), "FILE_EMPTY", "kosong");
}

TEST_F(BadInput, WhitespaceOnlyFileIsRefused) {
  expect_refused(file("blank.txt", " \n\n\t  \r\n   \n"), "FILE_EMPTY", "kosong");
}

TEST_F(BadInput, BinaryFileIsRefused) {
  std::mt19937 rng(42);
  std::string bytes(64 * 1024, '\0');
  for (auto& c : bytes) c = static_cast<char>(rng() & 0xFF);
  for (std::size_t i = 0; i < bytes.size(); i += 997) bytes[i] = '\0';
  expect_refused(file("random.bin", bytes), "FILE_BINARY", "biner");
}

// Reading (parse, extract, lint) takes files up to 256 MiB, a region's regulations concatenated;
// the registry (import) takes 32 MiB, a regulation being far smaller. Over either: refused before
// anything is read past the limit.
TEST_F(BadInput, FileOverTheLimitIsRefusedAsTooLarge) {
  const fs::path huge = file("huge.txt", "");
  fs::resize_file(huge, 257u * 1024u * 1024u);  // sparse: costs no disk and no time to write
  expect_refused(huge, "FILE_TOO_LARGE", "lebih dari 256 MiB");
  const fs::path big = file("big.txt", "");
  fs::resize_file(big, 33u * 1024u * 1024u);
  const Run r = run("import --db '" + (dir_ / "registry.db").string() + "' '" + big.string() + "'");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("FILE_TOO_LARGE"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lebih dari 32 MiB"), std::string::npos) << r.err;
}

TEST_F(BadInput, Utf16WithoutByteOrderMarkIsRefused) {
  const std::string le = iconv_from_utf8(utf8_original(), "UTF-16LE");
  const std::string be = iconv_from_utf8(utf8_original(), "UTF-16BE");
  ASSERT_FALSE(le.empty());
  ASSERT_FALSE(be.empty());
  expect_refused(file("utf16le.txt", le), "ENCODING_UNSUPPORTED", "UTF-16 tanpa");
  expect_refused(file("utf16be.txt", be), "ENCODING_UNSUPPORTED", "UTF-16 tanpa");
}

TEST_F(BadInput, MissingFileAndFolderAreRefused) {
  const Run missing = run("regulation parse '" + (dir_ / "tidak-ada.txt").string() + "'");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("FILE_NOT_FOUND"), std::string::npos) << missing.err;
  const Run folder = run("regulation parse '" + dir_.string() + "'");
  EXPECT_EQ(folder.code, 2);
  EXPECT_NE(folder.err.find("folder"), std::string::npos) << folder.err;
}

// --- read: exit code 0 ---------------------------------------------------------------------------

TEST_F(BadInput, OneEndlessLineIsReadQuickly) {
  std::string line = "PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024 ";
  while (line.size() < 5u * 1024u * 1024u) line += "Pasal 1 (1) a. huruf 1) teks yang panjang ";
  const fs::path p = file("endless.txt", line);
  const Run parse = run("regulation parse '" + p.string() + "'", 300);
  EXPECT_EQ(parse.code, 0) << parse.err.substr(0, 500);
  EXPECT_FALSE(parse.out.empty());
  EXPECT_LT(parse.seconds, kEndlessLineSeconds);
  const Run extract = run("regulation extract '" + p.string() + "'", 300);
  EXPECT_EQ(extract.code, 0) << extract.err.substr(0, 500);
  EXPECT_LT(extract.seconds, kEndlessLineSeconds);
}

// A whole regulation copied out of a PDF viewer as one 30 MB line: it is cut back into lines
// (chapters, articles, items) and read in time linear in its size.
TEST_F(BadInput, ThirtyMegabyteFlattenedLineIsRead) {
  std::string line =
      "BUPATI CONTOH PERATURAN BUPATI CONTOH NOMOR 5 TAHUN 2022 TENTANG SUSUNAN ORGANISASI DINAS "
      "CONTOH DENGAN RAHMAT TUHAN YANG MAHA ESA BUPATI CONTOH, Menimbang : a. bahwa perlu; "
      "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014; MEMUTUSKAN: BAB I KETENTUAN UMUM ";
  const std::string sentence(1800, 'x');
  for (int n = 1; line.size() < 30u * 1024u * 1024u; ++n) {
    line += "Pasal " + std::to_string(n) + " (1) Dinas terdiri atas: a. Sekretariat; b. Bidang " +
            std::to_string(n) + "; dan c. " + sentence.substr(0, 1800) + ". - 2 - ";
  }
  const fs::path p = file("flattened30.txt", line);
  const Run r = run("regulation extract '" + p.string() + "'", 600);
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 500);
  EXPECT_NE(r.out.find("LAYOUT_FLATTENED_TEXT"), std::string::npos);
  EXPECT_LT(r.seconds, 6 * kEndlessLineSeconds);
}

// 30 MB of tiny articles, each "Pasal N" and one sentence (over 600,000 of them): the shape that
// once took time growing with the square of the size (the chapter tree searched once per
// article). Read, extracted and linted within seconds and a bounded memory.
TEST_F(BadInput, ThirtyMegabytesOfTinyArticlesAreRead) {
  std::string text = "PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024 TENTANG SUSUNAN ORGANISASI\n";
  int articles = 0;
  while (text.size() < 30u * 1000u * 1000u) {
    // Numbered 1 to 9999 and again: an article number has at most four digits.
    text +=
        "Pasal " + std::to_string(articles++ % 9999 + 1) + "\nDinas dipimpin oleh Kepala Dinas.\n";
  }
  ASSERT_GT(articles, 400000);
  const fs::path p = file("tiny_articles.txt", text);
  text.clear();
  text.shrink_to_fit();
  const Run extract = run("regulation extract '" + p.string() + "'", 600);
  EXPECT_EQ(extract.code, 0) << extract.err.substr(0, 500);
  EXPECT_LT(extract.seconds, 6 * kEndlessLineSeconds);
  EXPECT_LT(extract.peak_mb, kThirtyMegabytePeakMb);
  const Run lint = run("regulation lint --format json '" + p.string() + "'", 600);
  EXPECT_LE(lint.code, 1) << lint.err.substr(0, 500);  // 1: the text has findings
  EXPECT_LT(lint.seconds, 6 * kEndlessLineSeconds);
  EXPECT_LT(lint.peak_mb, kThirtyMegabytePeakMb);
  // Every article is in the tree: nothing was dropped on the way.
  const Run parse = run("regulation parse --format json '" + p.string() + "'", 600);
  EXPECT_EQ(parse.code, 0) << parse.err.substr(0, 500);
  int in_tree = 0;
  for (std::size_t at = parse.out.find("\"kind\": \"Pasal\""); at != std::string::npos;
       at = parse.out.find("\"kind\": \"Pasal\"", at + 1)) {
    ++in_tree;
  }
  EXPECT_EQ(in_tree, articles);
  EXPECT_LT(parse.seconds, 6 * kEndlessLineSeconds);
}

// 30 MB on one line with no newline at all and no heading: read in linear time and bounded memory.
TEST_F(BadInput, ThirtyMegabytesWithoutANewlineAreRead) {
  std::string text;
  text.reserve(30u * 1000u * 1000u + 64);
  for (int n = 1; text.size() < 30u * 1000u * 1000u; ++n) {
    text += "Pasal " + std::to_string(n % 1000) + " a ";
  }
  const fs::path p = file("no_newline.txt", text);
  text.clear();
  text.shrink_to_fit();
  const Run r = run("regulation extract '" + p.string() + "'", 600);
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 500);
  EXPECT_LT(r.seconds, 6 * kEndlessLineSeconds);
  EXPECT_LT(r.peak_mb, kThirtyMegabytePeakMb);
}

// Nothing but page furniture and running headers: read as an empty text, not a crash.
TEST_F(BadInput, OnlyPageFurnitureIsRead) {
  std::string text;
  for (int page = 1; page <= 5000; ++page) {
    text += "SALINAN\n- " + std::to_string(page) + " -\nHalaman " + std::to_string(page) +
            " dari 5000\n-" + std::to_string(page) + "\xC2\xB7\n." + std::to_string(page % 10) +
            ".\nPage " + std::to_string(page) + " of 5000\n\n";
  }
  const fs::path p = file("furniture.txt", text);
  const Run r = run("regulation extract '" + p.string() + "'", 300);
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 500);
  const auto facts = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(facts.is_discarded());
  EXPECT_TRUE(facts["units"].empty());
  EXPECT_LT(r.seconds, kEndlessLineSeconds);
}

// A table row of 10,000 columns, a thousand times: read in time linear in its size.
TEST_F(BadInput, TableOfTenThousandColumnsIsRead) {
  std::string row = "1.";
  for (int c = 0; c < 10000; ++c) row += "\tsel " + std::to_string(c);
  std::string text = "INDIKATOR KINERJA INDIVIDU\nJABATAN : KEPALA BIDANG CONTOH\n";
  for (int r = 0; r < 100; ++r) text += row + "\n";
  const fs::path p = file("columns.txt", text);
  const Run r = run("regulation extract '" + p.string() + "'", 300);
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 500);
  EXPECT_LT(r.seconds, kEndlessLineSeconds);
}

// 100,000 list items, each a level below the one before as far as the markers go (a., 1., a),
// 1), (1) and again): read in linear time, and the JSON of the tree printed whole.
TEST_F(BadInput, DeeplyNestedListsAreRead) {
  std::string text = "BAB I\nKETENTUAN UMUM\n\nPasal 1\n";
  const char* markers[] = {"a.", "1.", "a)", "1)", "(1)"};
  for (int i = 0; i < 100000; ++i)
    text += std::string(markers[i % 5]) + " butir ke-" + std::to_string(i) + "\n";
  const fs::path p = file("nested.txt", text);
  const Run r = run("regulation parse --format json '" + p.string() + "'", 300);
  ASSERT_EQ(r.code, 0) << r.err.substr(0, 500);
  EXPECT_LT(r.seconds, kEndlessLineSeconds);
  const Run extract = run("regulation extract '" + p.string() + "'", 300);
  EXPECT_EQ(extract.code, 0) << extract.err.substr(0, 500);
  EXPECT_LT(extract.seconds, kEndlessLineSeconds);
  EXPECT_LT(extract.peak_mb, kThirtyMegabytePeakMb);
  const auto doc = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(doc.is_discarded()) << "parse --format json printed invalid JSON";
  // Nothing is lost: the first and the last item are both in the tree.
  EXPECT_NE(r.out.find("butir ke-0"), std::string::npos);
  EXPECT_NE(r.out.find("butir ke-99999"), std::string::npos);
}

TEST_F(BadInput, Windows1252IsReadLikeTheUtf8Original) {
  const std::string cp1252 = iconv_from_utf8(utf8_original(), "WINDOWS-1252");
  ASSERT_FALSE(cp1252.empty());
  ASSERT_NE(cp1252.find('\x96'), std::string::npos);  // the en dash, as one Windows-1252 byte
  const auto original = parse_json(testing::corpus_path(kCorpusFile));
  const auto converted = parse_json(file("cp1252.txt", cp1252));
  ASSERT_FALSE(original.is_discarded());
  ASSERT_FALSE(converted.is_discarded());
  ASSERT_TRUE(original.contains("heading"));
  EXPECT_EQ(converted["heading"], original["heading"]);
  EXPECT_EQ(converted, original);
}

TEST_F(BadInput, Utf16WithByteOrderMarkIsReadLikeTheUtf8Original) {
  const auto original = parse_json(testing::corpus_path(kCorpusFile));
  ASSERT_FALSE(original.is_discarded());
  ASSERT_TRUE(original.contains("heading"));
  for (const auto& [bom, encoding] :
       {std::pair<std::string, const char*>{"\xFF\xFE", "UTF-16LE"}, {"\xFE\xFF", "UTF-16BE"}}) {
    const std::string bytes = bom + iconv_from_utf8(utf8_original(), encoding);
    ASSERT_GT(bytes.size(), 2u);
    const auto converted = parse_json(file(std::string(encoding) + ".txt", bytes));
    ASSERT_FALSE(converted.is_discarded()) << encoding;
    EXPECT_EQ(converted["heading"], original["heading"]) << encoding;
    EXPECT_EQ(converted, original) << encoding;
  }
}

// `regulation lint` refuses what it cannot read with exit code 2, like parse and extract.
TEST_F(BadInput, LintRefusesUnreadable) {
  const fs::path empty = file("empty.txt", "");
  const fs::path binary = file("binary.bin", std::string("\x7F"
                                                         "ELF\0\0\0\x01\x02",
                                                         9));
  const std::string good = testing::corpus_path(kCorpusFile);
  for (const auto& args :
       {"'" + empty.string() + "'", "'" + binary.string() + "'",
        "'" + (dir_ / "tidak-ada.txt").string() + "'", "'" + good + "' '" + empty.string() + "'"}) {
    const Run r = run("regulation lint " + args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
    EXPECT_FALSE(r.err.empty()) << args;
  }
}

// --- decode_text directly ------------------------------------------------------------------------

DecodedText ok(const std::variant<DecodedText, ReadError>& r) {
  EXPECT_TRUE(std::holds_alternative<DecodedText>(r))
      << name_of(std::get<ReadError>(r).code) << ": " << std::get<ReadError>(r).message;
  return std::holds_alternative<DecodedText>(r) ? std::get<DecodedText>(r) : DecodedText{};
}

std::string error_code(const std::variant<DecodedText, ReadError>& r) {
  return std::holds_alternative<ReadError>(r) ? std::string(name_of(std::get<ReadError>(r).code))
                                              : "(read)";
}

TEST(DecodeText, Utf8IsKeptAsIs) {
  const std::string s = "PERATURAN BUPATI\r\nNomor 5 – Tahun 2024 ✓\n";
  const auto d = ok(textio::decode_text(s));
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.text, s);  // "\r\n" left as is
}

TEST(DecodeText, Utf8ByteOrderMarkIsDropped) {
  const auto d = ok(textio::decode_text("\xEF\xBB\xBFPasal 1\n"));
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.text, "Pasal 1\n");
}

TEST(DecodeText, Windows1252IsConverted) {
  const auto d =
      ok(textio::decode_text("Catatan \x96 d\xE9"
                             "cor \x93kutip\x94\n"));
  EXPECT_EQ(d.encoding, "WINDOWS-1252");
  EXPECT_EQ(d.text, "Catatan – décor “kutip”\n");
}

TEST(DecodeText, Utf16WithByteOrderMarkIsConverted) {
  const std::string text = "NOMOR 77 TAHUN 2023 – ✓\n";
  const auto le = ok(textio::decode_text("\xFF\xFE" + iconv_from_utf8(text, "UTF-16LE")));
  EXPECT_EQ(le.encoding, "UTF-16LE");
  EXPECT_EQ(le.text, text);
  const auto be = ok(textio::decode_text("\xFE\xFF" + iconv_from_utf8(text, "UTF-16BE")));
  EXPECT_EQ(be.encoding, "UTF-16BE");
  EXPECT_EQ(be.text, text);
}

TEST(DecodeText, Utf16WithoutByteOrderMarkIsRefused) {
  const auto r = textio::decode_text(iconv_from_utf8("NOMOR 77 TAHUN 2023\n", "UTF-16LE"));
  ASSERT_EQ(error_code(r), "ENCODING_UNSUPPORTED");
  EXPECT_NE(std::get<ReadError>(r).message.find("UTF-16"), std::string::npos);
}

TEST(DecodeText, BrokenUtf16IsRefusedNotCrashed) {
  // An odd number of bytes after the mark, and a lone surrogate.
  EXPECT_EQ(error_code(textio::decode_text(std::string("\xFF\xFEP\0a\0s", 7))), "ENCODING_INVALID");
  EXPECT_EQ(error_code(textio::decode_text(std::string("\xFF\xFEP\0\x00\xD8", 6))),
            "ENCODING_INVALID");
}

// decode_text_owned (what read_regulation_file uses: it takes the bytes instead of copying them)
// answers as decode_text does, whatever the bytes: UTF-8 short and long (past the small-string
// buffer), a byte-order mark, Windows-1252, UTF-16, control bytes, binary, empty.
TEST(DecodeText, OwnedBytesDecodeAsViewedBytes) {
  const std::vector<std::string> inputs = {
      "Pasal 1\n",
      std::string(5000, 'a') + " Pasal 1 \xE2\x80\x93 ayat (1)\r\n",
      "\xEF\xBB\xBFPasal 1\n",
      "Catatan \x96 d\xE9"
      "cor\n",
      "\xFF\xFE" + iconv_from_utf8("NOMOR 77\n", "UTF-16LE"),
      std::string("Pasal\x01\x02\x03 1\n") + std::string(40, '\x05'),
      std::string("P\0a\0s\0", 6),
      "",
      " \n\t",
  };
  for (const std::string& in : inputs) {
    const auto viewed = textio::decode_text(in);
    const auto owned = textio::decode_text_owned(std::string(in));
    ASSERT_EQ(error_code(viewed), error_code(owned)) << in;
    if (const auto* v = std::get_if<DecodedText>(&viewed)) {
      EXPECT_EQ(v->text, std::get<DecodedText>(owned).text);
      EXPECT_EQ(v->encoding, std::get<DecodedText>(owned).encoding);
    }
  }
}

TEST(DecodeText, EmptyAndBlankAreRefused) {
  EXPECT_EQ(error_code(textio::decode_text("")), "FILE_EMPTY");
  EXPECT_EQ(error_code(textio::decode_text(" \n\t\r\n")), "FILE_EMPTY");
  EXPECT_EQ(error_code(textio::decode_text("\xEF\xBB\xBF")), "FILE_EMPTY");
  EXPECT_EQ(error_code(textio::decode_text(std::string("\xFF\xFE \0\n\0", 6))), "FILE_EMPTY");
}

TEST(DecodeText, BinaryIsRefused) {
  EXPECT_EQ(error_code(textio::decode_text(std::string("Pasal\0 1 ayat (1) huruf a teks", 30))),
            "FILE_BINARY");
  std::string controls;
  for (int i = 0; i < 1000; ++i) controls += (i % 3 == 0) ? '\x01' : 'a';
  EXPECT_EQ(error_code(textio::decode_text(controls)), "FILE_BINARY");
}

// Control bytes are counted sixteen at a time and the rest one by one: the count is the same
// wherever they fall, the line break, carriage return, tab and form feed are not counted, and the
// bytes of UTF-8 letters (0x80 and above) are not taken for control bytes.
TEST(DecodeText, ControlBytesAreCountedWhereverTheyFall) {
  // A text is binary when its control bytes are more than about one in a hundred.
  for (std::size_t offset = 0; offset < 40; ++offset) {
    std::string few(2000 + offset, 'a');
    for (std::size_t i = offset; i < few.size(); i += 250) few[i] = '\x01';  // 8 or 9 of 2000
    EXPECT_EQ(error_code(textio::decode_text(few)), "(read)") << offset;
    std::string many(2000 + offset, 'a');
    for (std::size_t i = offset; i < many.size(); i += 50) many[i] = '\x02';  // 40 of 2000
    EXPECT_EQ(error_code(textio::decode_text(many)), "FILE_BINARY") << offset;
  }
  std::string lines;
  for (int i = 0; i < 500; ++i) lines += "Pasal\t1\r\n\f";
  EXPECT_EQ(error_code(textio::decode_text(lines)), "(read)");
  std::string letters;
  for (int i = 0; i < 500; ++i) letters += "\xC3\xA9\xE2\x80\x93";  // é and an en dash
  EXPECT_EQ(error_code(textio::decode_text(letters)), "(read)");
  std::string nul(100, 'a');
  nul[77] = '\0';  // one NUL in the sixteen-byte blocks: binary
  EXPECT_EQ(error_code(textio::decode_text(nul)), "FILE_BINARY");
  EXPECT_FALSE(textio::is_valid_utf8(std::string(37, 'a') + "\xFF" + std::string(20, 'a')));
}

TEST(DecodeText, TooLargeIsRefused) {
  const std::string big(textio::kMaxRegulationBytes + 1, 'a');
  const auto r = textio::decode_text(big);
  ASSERT_EQ(error_code(r), "FILE_TOO_LARGE");
  EXPECT_NE(std::get<ReadError>(r).message.find("terlalu besar"), std::string::npos);
  const std::string at_limit(textio::kMaxRegulationBytes, 'a');
  EXPECT_EQ(error_code(textio::decode_text(at_limit)), "(read)");
}

TEST(DecodeText, ValidUtf8) {
  EXPECT_TRUE(textio::is_valid_utf8(""));
  EXPECT_TRUE(textio::is_valid_utf8("ASCII – é ✓ \xF0\x9F\x93\x9C"));
  EXPECT_FALSE(textio::is_valid_utf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(textio::is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(textio::is_valid_utf8("\xE2\x80"));          // cut short
  EXPECT_FALSE(textio::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(
      textio::is_valid_utf8("d\xE9"
                            "cor"));  // Windows-1252
}

}  // namespace
}  // namespace tatakerja
