#include "work/accountability.hpp"

#include <algorithm>

namespace tatakerja::work {

bool is_report_kind(std::string_view kind) {
  return std::find(std::begin(kReportKinds), std::end(kReportKinds), kind) !=
         std::end(kReportKinds);
}

}  // namespace tatakerja::work
