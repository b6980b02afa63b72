// Walking the parsed tree: find articles, visit nodes, name where a node sits ("Pasal 3 ayat (1)
// huruf b angka 1").
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "regulation/document.hpp"

namespace tatakerja::regulation {

// Calls `visit(node, path)` for every node under `root` in document order; `path` holds the
// ancestors from the root (excluded) to the node's parent.
void walk(const Node& root,
          const std::function<void(const Node&, const std::vector<const Node*>&)>& visit);

// All articles (Pasal) of the body, in order.
std::vector<const Node*> articles(const Document& doc);
// The article with this label ("5", "5A"), or nullptr.
const Node* find_article(const Document& doc, const std::string& label);

// How a single node is named: "Pasal 6", "ayat (2)", "huruf a", "angka 3", "BAB IV"; empty for
// text, tables and headings.
std::string node_label(const Node& node);

// "Pasal 3 ayat (1) huruf b angka 1" for a node given its ancestors (as `walk` passes them).
std::string citation_path(const std::vector<const Node*>& ancestors, const Node& node);

// Texts of the direct list-item children of `n` (Letter, Number, ...), each cleaned of its trailing
// "; dan" and including the item's own nested items' text.
std::vector<std::string> item_texts(const Node& n);

}  // namespace tatakerja::regulation
