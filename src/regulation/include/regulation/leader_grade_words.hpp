// Which of the three phrases the structure reader's readings of leaders and of grades look for a
// node's text holds ("dipimpin oleh ", "eselon", "diangkat dan diberhentikan oleh"), told in one
// pass over the text (structure_extractor.cpp asks it of every node of the body). Pure.
#pragma once

#include <string_view>

namespace tatakerja::regulation {

struct LeaderAndGradeWords {
  bool led = false;        // "dipimpin oleh "
  bool grade = false;      // "eselon"
  bool appointed = false;  // "diangkat dan diberhentikan oleh"
};

// Each phrase found anywhere in t, case aside (as text::ifind finds it).
LeaderAndGradeWords leader_and_grade_words(std::string_view t);

}  // namespace tatakerja::regulation
