// The structure reader's shared words and lookups (src/regulation only; see structure_extractor.cpp
// for the order in which the organisation is read): the phrases regulations build their structure
// articles with, the positions and units a subject names, and the two readings that run over the
// whole text after the units and positions are known: grades and appointing authorities, and
// tasks, functions and duties.
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "regulation/document.hpp"
#include "regulation/extraction.hpp"

namespace tatakerja::regulation::structure {

// The kinds of agency, as their names begin ("Dinas Kesehatan", "Kecamatan Kota Raja").
inline constexpr std::array<std::string_view, 10> kAgencyKinds = {
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Sekretariat Dewan Perwakilan Rakyat Daerah",
    "Inspektorat",
    "Dinas",
    "Badan",
    "Kecamatan",
    "Kelurahan",
    "Satuan Polisi Pamong Praja",
    "Kantor"};

// Where the words that introduce a unit's parts begin ("terdiri atas", "membawahkan", ...), or
// npos.
std::size_t made_of_at(std::string_view t);
// Where `phrase`, which starts with a space (" dipimpin oleh "), first occurs at or after `from`,
// ignoring case, or npos: as text::ifind finds it, but anchored on the phrase's first letter, so
// that the search does not stop at every space of the text.
std::size_t find_spaced(std::string_view t, std::string_view phrase, std::size_t from = 0);
// The text after / before the first `marker` (case-insensitive), trimmed; after: "" without it.
std::string after(std::string_view s, std::string_view marker);
std::string before(std::string_view s, std::string_view marker);
// before() and after() as views into `s`: for cutting one text at several markers in turn
// without a copy per marker.
std::string_view before_view(std::string_view s, std::string_view marker);
std::string_view after_view(std::string_view s, std::string_view marker);
// Cuts a phrase at the first of the given words (word boundary, case-insensitive; the words are
// not empty), and strips the item's end from what is left.
std::string cut_at(std::string_view s, std::initializer_list<std::string_view> stops);
// The kind of agency a name starts with ("Dinas", "Badan", "Kecamatan", ...), or "".
std::string agency_kind_of(std::string_view name);
// Strips the region after an agency name: "Badan X Provinsi Nusa Tenggara Timur" -> "Badan X".
std::string strip_region(std::string s);
// Whether a phrase starts with a position's title ("Kepala ", "Sekretaris", "Camat", ...).
bool names_position(std::string_view t);

// The name keys of the positions' titles and of the units' names, by index, made once for the
// readings that look many names up and add or rename no position or unit meanwhile (grades and
// appointments, duties in the articles and in the annexes); each lookup would otherwise make the
// key of every title again.
struct NameKeys {
  explicit NameKeys(const Extraction& out);
  std::vector<std::string> titles;  // of out.positions
  std::vector<std::string> units;   // of out.units
  // Of the agency's name, short name and kind (empty without an agency): every subject is
  // compared with them.
  std::string agency_name;
  std::string agency_short_name;
  std::string agency_kind;
};
// The position with this title's name key, as Extraction::find_position finds it, or nullptr.
Position* position_titled(const std::string& title, Extraction& out, const NameKeys& keys);

// The name key of the unit a subject names ("Susunan organisasi Bidang X" -> "bidang x"), and
// that unit, or nullptr.
std::string subject_key(std::string subject);
const Unit* unit_named(const Extraction& out, const NameKeys& keys, std::string subject);
// The positions a subject names, narrowed by its place ("Kepala Seksi pada Bidang X").
std::vector<Position*> positions_named(std::string_view subject, Extraction& out,
                                       const NameKeys& keys);
// The subjects of a sentence ("Sekretaris, Kepala Bidang dan Kepala Seksi serta Camat").
std::vector<std::string> split_subjects(const std::string& s);

// Eselon and kind per position ("Kepala Bidang merupakan jabatan eselon III.b"), and who appoints
// ("... diangkat dan diberhentikan oleh Bupati"). `graded`: the nodes of the body whose text holds
// "eselon" or "diangkat dan diberhentikan oleh" (ignoring case), in document order, as the reading
// of who leads what found them; nullptr when it did not run (every node is then searched).
void read_grades_and_appointments(const Document& doc, Extraction& out, const NameKeys& keys,
                                  const std::vector<const Node*>* graded);
// Tasks, functions and duties written in the articles, for a position or the unit it heads.
// `led`: the nodes of the body whose text holds "dipimpin oleh " (ignoring case), sorted by
// address, as the reading of who leads what found them; nullptr when it did not run (each sentence
// is then searched).
void read_duties_in_articles(const Document& doc, Extraction& out, const NameKeys& keys,
                             const std::vector<const Node*>* led);
// Job-description blocks of an annex ("NAMA JABATAN : X" ... "URAIAN TUGAS :").
void read_duties_in_annexes(const Document& doc, Extraction& out, const NameKeys& keys);

}  // namespace tatakerja::regulation::structure
