// Whatever UTF-8 text the engine reads, every string it gives back is UTF-8 too: no field may be
// cut inside a character (the JSON writers of the tree and of the facts throw on such a string,
// and the CLI, the importer and the API all write JSON). Found by regulation_fuzz: the closing's
// place cut at the keyword's length, the agency's type taken as one byte, a formula's backslash
// before a two-byte letter read as a one-byte escape. The cases below keep all three, and the
// corpus is read again with a two-byte character moved along every line and put after every markup
// byte, to catch any other such cut.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "corpus.hpp"
#include "json/document_json.hpp"
#include "json/extraction_json.hpp"
#include "regulation/engine.hpp"
#include "regulation/formula.hpp"
#include "textio/decode.hpp"

namespace tatakerja {
namespace {

using testing::corpus_text;

// What the JSON writers refuse in a reading: each string that is not UTF-8 (they throw on the
// first), with the part it is in; empty when every string is UTF-8.
std::string strings_not_utf8_in_reading(std::string_view text) {
  const auto reading = regulation::read_regulation(text);
  std::string found;
  const auto check = [&](const char* part, const auto& write) {
    try {
      (void)write();
    } catch (const std::invalid_argument& e) {
      found += std::string(part) + ": " + e.what() + "\n";
    }
  };
  check("document", [&] { return json::document_json_text(reading.document); });
  check("facts", [&] { return json::extraction_json_text(reading.facts); });
  return found;
}

// A small regulation whose closing and type definition are given by the caller.
std::string regulation_with(std::string_view definition, std::string_view closing) {
  return std::string(
             "PERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN 2024\nTENTANG\nKEDUDUKAN, SUSUNAN "
             "ORGANISASI, TUGAS DAN FUNGSI SERTA TATA KERJA DINAS PERTANIAN\n\nBAB I\nKETENTUAN "
             "UMUM\n\nPasal 1\nDalam Peraturan Bupati ini yang dimaksud dengan:\n1. Dinas adalah "
             "Dinas Pertanian.\n2. ") +
         std::string(definition) +
         "\n\nPasal 2\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n\n" +
         std::string(closing) + "\npada tanggal 2 Januari 2024\nBUPATI CONTOH,\n\nNAMA\n";
}

constexpr std::string_view kTypeA =
    "Dinas Tipe A adalah Dinas dengan beban kerja besar paling banyak 4 (empat) bidang.";
constexpr std::string_view kEnacted = "Ditetapkan di Contoh";

TEST(Utf8Output, ClosingPlaceAfterTheKeywordWhateverItsSpelling) {
  auto place = [](std::string_view closing) {
    return regulation::read_regulation(regulation_with(kTypeA, closing)).document.closing.place;
  };
  EXPECT_EQ(place("Ditetapkan di Contoh"), "Contoh");
  EXPECT_EQ(place("Ditetapkan di: Contoh"), "Contoh");
  EXPECT_EQ(place("Ditetapkan  di  Oelamasi"), "Oelamasi");
  EXPECT_EQ(place("DITETAPKAN DI OELAMASI"), "OELAMASI");
  // Recognised despite an OCR slip one letter longer or shorter than the keyword.
  EXPECT_EQ(place("Ditetapkann di Oelamasi"), "Oelamasi");
  EXPECT_EQ(place("Ditetapkn di Oelamasi"), "Oelamasi");
  EXPECT_EQ(place("Ditetapkan dl Oelamasi"), "Oelamasi");
  // Without "di" the place follows the keyword; a character of two bytes where the keyword's
  // length would have cut is kept whole.
  EXPECT_EQ(place("Ditetapkan Oelamasi"), "Oelamasi");
  EXPECT_EQ(place("Ditetapkan M\xC3\xA9nd\xC3\xA9z"), "M\xC3\xA9nd\xC3\xA9z");
  EXPECT_EQ(place("Ditetapkan \xC3\xBF\xC3\xBFi Oelamasi"), "\xC3\xBF\xC3\xBFi Oelamasi");
}

TEST(Utf8Output, AgencyTypeIsALetterOrNone) {
  auto type = [](std::string_view definition) {
    const auto facts = regulation::read_regulation(regulation_with(definition, kEnacted)).facts;
    return facts.agency ? facts.agency->type : std::string("(no agency)");
  };
  EXPECT_EQ(type(kTypeA), "A");
  EXPECT_EQ(type("Dinas Tipe B adalah Dinas dengan beban kerja sedang."), "B");
  // Not a letter after "Tipe ": no type, rather than the first byte of a character; the limit
  // of bidang is still read.
  EXPECT_EQ(type("Dinas Tipe \xC3\x89 adalah Dinas dengan beban kerja besar."), "");
  EXPECT_EQ(type("Dinas Tipe "), "");
  const auto facts =
      regulation::read_regulation(
          regulation_with("Dinas Tipe \xC3\x89 adalah Dinas paling banyak 3 (tiga) bidang.",
                          kEnacted))
          .facts;
  ASSERT_TRUE(facts.agency);
  EXPECT_EQ(facts.agency->max_bidang, 3);
}

TEST(Utf8Output, SmallCasesGiveUtf8Strings) {
  for (const auto* closing : {"Ditetapkan M\xC3\xA9nd\xC3\xA9z", "Ditetapkan \xC3\xBF\xC3\xBFi"})
    EXPECT_EQ(strings_not_utf8_in_reading(regulation_with(kTypeA, closing)), "") << closing;
  EXPECT_EQ(strings_not_utf8_in_reading(regulation_with("Dinas Tipe \xC3\x89 adalah.", kEnacted)),
            "");
}

// Every corpus text, with "é" put at byte `at` of every line long enough (never inside a character
// already there): keyword and marker recognition, titles, names, dates and table cells then meet
// a two-byte character at each of the first offsets where a fixed-length cut could fall.
std::string with_character_at(const std::string& text, std::size_t at) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  std::size_t line_start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n') continue;
    const std::string_view line(text.data() + line_start, i - line_start);
    const bool fits =
        at <= line.size() && (at == line.size() || (static_cast<unsigned char>(line[at]) & 0xC0) !=
                                                       0x80);  // not a continuation byte
    if (fits) {
      out.append(line.substr(0, at)).append("\xC3\xA9").append(line.substr(at));
    } else {
      out.append(line);
    }
    if (i < text.size()) out.push_back('\n');
    line_start = i + 1;
  }
  return out;
}

TEST(Utf8Output, CorpusWithACharacterMovedAlongEveryLine) {
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    for (std::size_t at = 0; at < 24; ++at) {
      const std::string text = with_character_at(corpus_text(prefix), at);
      ASSERT_TRUE(textio::is_valid_utf8(text));
      EXPECT_EQ(strings_not_utf8_in_reading(text), "") << prefix << " at byte " << at;
    }
  }
}

// The same character after each byte that markup and punctuation readers act on (LaTeX commands
// and escapes, HTML tags, braces, parentheses, colons, slashes, dots, tabs of table cells).
TEST(Utf8Output, CorpusWithACharacterAfterEveryMarkupByte) {
  constexpr std::string_view kMarkup = "\\<{}()[]:/.;,$*_`\t%-";
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    std::string text;
    for (const char c : corpus_text(prefix)) {
      text.push_back(c);
      if (kMarkup.find(c) != std::string_view::npos) text += "\xC3\xA9";
    }
    ASSERT_TRUE(textio::is_valid_utf8(text));
    EXPECT_EQ(strings_not_utf8_in_reading(text), "") << prefix;
  }
}

TEST(Utf8Output, FormulaEscapeBeforeALetterOfTwoBytes) {
  // "\\ÿ" was read as an escape: the backslash and one byte, leaving the letter's second byte
  // alone.
  const auto f = regulation::read_formula("\\\xC3\xBF\xC3\xBF frac Jumlah realisasi");
  EXPECT_TRUE(textio::is_valid_utf8(f.text)) << f.text;
  EXPECT_EQ(f.text, "\xC3\xBF\xC3\xBF frac Jumlah realisasi");
  const auto r = regulation::read_formula(
      "$\\frac{\\text{A}}{\\\xE2\x98\x98"
      "ext B} \\times 100\\%$");
  EXPECT_EQ(r.kind, regulation::FormulaKind::Ratio);
  EXPECT_EQ(r.denominator,
            "\xE2\x98\x98"
            "ext B");
}

// The inputs with which regulation_fuzz once found a bug (fuzz/seeds/regulation/regression-*), read
// as the fuzzer reads them.
TEST(Utf8Output, FuzzRegressionInputs) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(TATAKERJA_DATA_DIR).parent_path() / "fuzz/seeds/regulation";
  int inputs = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto decoded = textio::decode_text(bytes);
    ASSERT_TRUE(std::holds_alternative<textio::DecodedText>(decoded)) << entry.path();
    EXPECT_EQ(strings_not_utf8_in_reading(std::get<textio::DecodedText>(decoded).text), "")
        << entry.path();
    ++inputs;
  }
  EXPECT_GE(inputs, 2);
}

}  // namespace
}  // namespace tatakerja
