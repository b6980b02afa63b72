// Fuzz target: any bytes must be refused with a ReadError or read without a crash, a hang or
// undefined behaviour, through parse, extract, lint and the JSON forms; and, read as an amending
// regulation ("Perubahan atas ..."), its instructions applied to its own text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "json/document_json.hpp"
#include "json/extraction_json.hpp"
#include "regulation/amendment.hpp"
#include "regulation/engine.hpp"
#include "textio/decode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = tatakerja::textio::decode_text(bytes);
  if (std::holds_alternative<tatakerja::textio::ReadError>(decoded)) return 0;
  const auto& text = std::get<tatakerja::textio::DecodedText>(decoded).text;
  const auto reading = tatakerja::regulation::read_regulation(text);
  (void)tatakerja::json::document_json_text(reading.document);
  (void)tatakerja::json::extraction_json_text(reading.facts);
  // Any text as an amendment of itself: the title tried as written and as an amendment's.
  for (const std::string& title :
       {reading.facts.regulation.title, "Perubahan atas " + reading.facts.regulation.title}) {
    if (const auto amendment = tatakerja::regulation::read_amendment(title, text))
      (void)tatakerja::regulation::consolidate(
          text, tatakerja::regulation::article_lines(reading.document), *amendment);
  }
  return 0;
}
