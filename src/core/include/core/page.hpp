// One page of a long list: how many items and from where.
#pragma once

#include <algorithm>

namespace tatakerja {

struct Page {
  int limit = 50;  // 1..500
  int offset = 0;
};

// The page with its limit brought into 1..500 and a negative offset made 0.
inline Page clamped(const Page& page) {
  return Page{std::clamp(page.limit, 1, 500), std::max(page.offset, 0)};
}

}  // namespace tatakerja
