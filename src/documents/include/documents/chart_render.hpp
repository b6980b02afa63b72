// Laying out and drawing the chart (chart.hpp): Graphviz's dot places the boxes (each as large as
// its wrapped text, measured with Pango), the sheet puts the heading at the top right, the chart
// title, the chart scaled to fit and the signature block at the bottom right; cairo draws it as
// PDF. Graphviz is not thread-safe: its calls are serialised here.
#pragma once

#include <string>

#include "documents/chart.hpp"

namespace tatakerja::documents {

// The sheet of the chart of `source`, on A4 landscape.
ChartSheet lay_out_chart(const ChartSource& source);

// The sheet as a one-page PDF (cairo, fonts embedded, text extractable).
std::string sheet_to_pdf(const ChartSheet& sheet);

}  // namespace tatakerja::documents
