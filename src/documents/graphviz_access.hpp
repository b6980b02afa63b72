// Graphviz keeps global state (cgraph, the layout code and the renderers are not thread-safe): the
// process has one Graphviz context, and every use of Graphviz (the chart's placement, the work
// system's diagrams) holds this one lock while it uses it. Private to the documents module.
#pragma once

#include <graphviz/gvc.h>

#include <mutex>

namespace tatakerja::documents {

// The one lock every use of Graphviz holds.
std::mutex& graphviz_lock();
// The process's Graphviz context (made on first use, kept until the process ends); use it only
// while graphviz_lock() is held.
GVC_t* graphviz_context();

}  // namespace tatakerja::documents
