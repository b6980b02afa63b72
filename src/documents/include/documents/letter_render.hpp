// A Surat Tugas or Surat Perintah as PDF (issue 12 item 6), in the layout of the regions' rules on
// official letters (tata naskah dinas; DOMAIN.md section 7): the letterhead (the government, the
// agency and its address over a double rule), the title and number, Dasar, MEMERINTAHKAN, Kepada
// (each person's name, NIP, rank and position), Untuk, the place and date, the signatory's
// position, name, rank and NIP, the QR code of the letter's verification address, and the copies
// (Tembusan). A4 portrait; the text flows onto further pages when it is long. Pango breaks and
// draws the text (fonts embedded, text extractable), cairo the page, libqrencode the QR code.
// Knows nothing of the registry: the use case fills LetterDocument.
#pragma once

#include <string>
#include <vector>

namespace tatakerja::documents {

struct LetterPersonLines {
  std::string name;
  std::string nip;
  std::string rank;
  std::string position;
};

struct LetterDocument {
  std::string government;  // "PEMERINTAH KOTA BATAM"
  std::string agency;      // "DINAS KOMUNIKASI DAN INFORMATIKA"
  std::string address;     // "" when unknown
  std::string title;       // "SURAT TUGAS"
  std::string number;      // "800.1.11.1/7/DISKOMINFO/2026"
  std::vector<std::string> grounds;
  std::vector<LetterPersonLines> recipients;
  std::vector<std::string> tasks;
  std::string place;  // "Batam"
  std::string date;   // "4 Desember 2026"
  LetterPersonLines signatory;
  std::vector<std::string> copies;
  std::string verification_url;  // what the QR code holds
  std::string revoked_note;      // not empty: printed across the page ("DICABUT ...")
};

// The letter as PDF. Throws std::runtime_error when cairo or libqrencode fail.
std::string letter_to_pdf(const LetterDocument& letter);

// The QR code of `text` (error correction level M) as rows of modules, true for dark; empty when
// libqrencode cannot encode it.
std::vector<std::vector<bool>> qr_modules(const std::string& text);

}  // namespace tatakerja::documents
