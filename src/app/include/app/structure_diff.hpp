// The structural difference between the positions of a revoked regulation and those of the one
// that revokes it: which positions were added, removed, renamed or re-graded. Pure (no I/O, no
// store): it works on titles, eselon and superiors' titles only, so it serves both the importer
// (stored positions against a new text) and `tatakerja diff` (two texts).
//
// Rules, applied in this order:
//  1. Same title (compared with text::name_key): the same position. A different eselon makes it
//     Regraded (before: old eselon, after: new eselon).
//  2. A position left over on each side is a rename when both have the same role prefix ("kepala
//     bidang", "kepala sub bagian", "sekretaris", "analis kebijakan ahli muda"), the same
//     superior (by title, after the renames already found) and the same eselon grade (III.a and
//     III.b are both grade III). When several candidates fit, the one sharing the most words
//     wins, then the first. A rename whose eselon also differs is reported as Renamed and
//     Regraded.
//  3. What is left: Removed (old side) and Added (new side).
//  4. A position kept (rules 1 and 2) under another superior than its old superior became (by
//     title, after the renames) is Moved (before/after: the superiors' titles).
//  5. A position kept whose duties both texts give, but not the same ones (each compared with
//     text::name_key), is DutiesChanged: before, the duties no longer written; after, those
//     written anew; one per line, in their texts' order. A text that gives no duties for the
//     position says nothing about them.
// Units are not compared on their own: a unit comes and goes with its head's position.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "org/model.hpp"

namespace tatakerja::app {

// One position as the difference sees it.
struct DiffPosition {
  std::string title;
  std::string eselon;               // normalised ("III.a") or empty
  std::string superior_title;       // empty at the top
  std::vector<std::string> duties;  // uraian tugas, empty when the text gives none
};

// The result: the changes (in the new text's order, removals last) and which old position became
// which new one (indices into the inputs), so the importer can keep ids.
struct StructureDiff {
  std::vector<org::StructureChange> changes;           // ids and regulation ids left 0
  std::vector<std::optional<std::size_t>> new_of_old;  // per old position: the new index, if kept
  std::vector<std::optional<std::size_t>> old_of_new;  // per new position: the old index, if any
};

StructureDiff diff_structures(const std::vector<DiffPosition>& old_positions,
                              const std::vector<DiffPosition>& new_positions);

// The role prefix rule 2 compares ("kepala bidang" for "Kepala Bidang Mutasi dan Promosi");
// lowercase, as text::name_key writes it. The whole key when the title has no known prefix.
std::string role_prefix(std::string_view title);

}  // namespace tatakerja::app
