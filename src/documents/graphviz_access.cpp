#include "graphviz_access.hpp"

namespace tatakerja::documents {

std::mutex& graphviz_lock() {
  static std::mutex lock;
  return lock;
}

GVC_t* graphviz_context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

}  // namespace tatakerja::documents
