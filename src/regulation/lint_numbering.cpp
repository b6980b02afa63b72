// Numbering: within each list of siblings of one kind the numbers count 1, 2, 3 ... A list nested
// inside an item restarts at 1 (a child, not a sibling); a heading between items (an annex's next
// job-description block, the next IKI table's function list) may restart a list at 1; Pasal count
// across the whole body; Paragraf restart in each Bagian (they are the Bagian's children).
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/text.hpp"
#include "lint_rules.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation::lint_rules {
namespace {

bool numbered_kind(NodeKind k) {
  return is_list_item(k) || k == NodeKind::Chapter || k == NodeKind::Section ||
         k == NodeKind::Paragraph || k == NodeKind::Verse || k == NodeKind::Dictum;
}

// Whether a label is digits only (and not empty).
bool all_digits(const std::string& label) {
  return !label.empty() &&
         std::all_of(label.begin(), label.end(), [](char c) { return text::is_digit(c); });
}

// An article or ayat label such as "5A" or "(1a)" is an insertion by an amendment: not counted.
// Asked of every numbered item, most of which are neither: kept short, so that the compiler puts
// it inline in the walk, and the label's digits are read in a function of their own.
bool plain_label(const Node& n) {
  if (n.ordinal <= 0) return false;
  if (n.kind != NodeKind::Article && n.kind != NodeKind::Verse) return true;
  return all_digits(n.label);
}

// "Pasal", "ayat", "huruf", "angka", "Bagian", ... : the word naming the numbering.
std::string kind_word(const Node& n) {
  const std::string l = node_label(n);
  const auto sp = l.find(' ');
  return sp == std::string::npos ? l : l.substr(0, sp);
}

constexpr std::size_t kNodeKinds = static_cast<std::size_t>(NodeKind::Row) + 1;

struct Item {
  const Node* node;
  bool after_heading;  // a heading, paragraph or table stands between this item and the previous
                       // one of its kind: a new list may start there
};

// The ordinals a run has seen, for check_run: those of the list being read, and below them those
// of the lists a block under a heading interrupted (innermost last), each with its last item.
// One flat buffer holds them all: a list interrupted keeps its ordinals where they are and the
// new block's go on top, so that no list's ordinals are moved or copied, and one set of buffers
// serves every run of a text.
class SeenOrdinals {
 public:
  // Empties the buffers for a new run.
  void start() {
    if (ordinals_.capacity() == 0) ordinals_.reserve(kRoom);
    ordinals_.clear();
    interrupted_.clear();
    from_ = 0;
  }
  bool holds(int ordinal) const {
    return std::find(ordinals_.begin() + static_cast<std::ptrdiff_t>(from_), ordinals_.end(),
                     ordinal) != ordinals_.end();
  }
  void add(int ordinal) { ordinals_.push_back(ordinal); }
  // A new list starts under a heading; the list being read, whose last item is `last`, waits.
  void interrupt(const Node* last) {
    interrupted_.push_back({from_, last});
    from_ = ordinals_.size();
  }
  // The last item of the innermost list interrupted, or null.
  const Node* interrupted_last() const {
    return interrupted_.empty() ? nullptr : interrupted_.back().last;
  }
  // The innermost list interrupted goes on: the block read since is done with.
  void resume() {
    ordinals_.resize(from_);
    from_ = interrupted_.back().from;
    interrupted_.pop_back();
  }

 private:
  // The room made at the first run: a list of some dozens is read without moving its ordinals.
  static constexpr std::size_t kRoom = 64;
  struct Interrupted {
    std::size_t from;  // where its ordinals start in ordinals_
    const Node* last;  // its last item
  };
  std::vector<int> ordinals_;
  std::vector<Interrupted> interrupted_;
  std::size_t from_ = 0;  // where the ordinals of the list being read start
};

// `may_start_later`: the run is the top of an excerpt ("BAB III", "Pasal 12" first), which
// starts where the copy starts.
// `where_of()` gives the words placing the run (" dalam Pasal 3"); it and the kind's word are
// made only for a finding (most runs have none).
// `seen`: the buffers for the ordinals seen, emptied here (one serves every run).
template <typename Where>
void check_run(const std::vector<Item>& items, const Where& where_of, std::vector<Finding>& out,
               bool may_start_later, SeenOrdinals& seen) {
  seen.start();
  const Node* prev = nullptr;
  // The lists that a block under a heading interrupted are kept in `seen`: "1. NAMA JABATAN :
  // ...", "URAIAN TUGAS :", its duties 1-9, then "2. NAMA JABATAN" goes on with the list of
  // blocks.
  for (const Item& it : items) {
    const Node& cur = *it.node;
    const auto what = [&] { return kind_word(cur); };
    const auto where = [&] { return where_of(); };
    if (!prev) {
      if (cur.ordinal != 1 && !may_start_later)
        add(out, "NUMBERING_GAP", Severity::Warning, cur.span.first_line,
            "Penomoran " + what() + where() + " dimulai dari " + node_label(cur) + ", bukan dari " +
                what() + " " + (cur.kind == NodeKind::Verse ? "(1)" : "pertama") + ".");
    } else if (it.after_heading && cur.ordinal == 1) {
      seen.interrupt(prev);  // a new block under a new heading
    } else if (cur.ordinal == prev->ordinal + 1) {
      // in sequence
    } else if (const Node* interrupted = seen.interrupted_last();
               interrupted && cur.ordinal == interrupted->ordinal + 1) {
      seen.resume();  // the interrupted list goes on
    } else if (seen.holds(cur.ordinal)) {
      add(out, "NUMBERING_DUPLICATE", Severity::Warning, cur.span.first_line,
          "Penomoran " + what() + where() + " ganda: " + node_label(cur) + " muncul lagi setelah " +
              node_label(*prev) + ".");
    } else {
      add(out, "NUMBERING_GAP", Severity::Warning, cur.span.first_line,
          "Penomoran " + what() + where() + " melompat dari " + node_label(*prev) + " ke " +
              node_label(cur) + ".");
    }
    seen.add(cur.ordinal);
    prev = &cur;
  }
}

// True when an item's text introduces a list of its own ("... terdiri atas:").
bool introduces_list(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '*' || t.back() == '\t')) t.remove_suffix(1);
  if (t.empty()) return false;
  if (t.back() == ':') return true;
  for (std::string_view w : {"berikut", "yaitu", "meliputi", "antara lain", "terdiri atas",
                             "terdiri dari", "sebagai berikut"})
    if (text::iends_with(t, w)) return true;
  return false;
}

class Numbering {
 public:
  Numbering(std::vector<Finding>& out, bool excerpt) : out_(out), excerpt_(excerpt) {
    // Room for the articles of most bodies, and for the path to a deep list.
    articles.reserve(64);
    path_.reserve(16);
  }

  void list(const Node& parent, const std::string& prefix) {
    path_.clear();
    visit(parent, prefix);
  }
  std::vector<const Node*> articles;
  SeenOrdinals seen;  // check_run's buffers, for every run of the text

 private:
  // " dalam Pasal 3 ayat (1)", " dalam Lampiran II angka 6", " dalam Bagian Keempat"
  std::string where(const Node& parent, const std::string& prefix) const {
    std::string p;
    if (parent.kind != NodeKind::Root) {
      p = citation_path(path_, parent);
      if (p.empty()) p = node_label(parent);
    }
    if (!prefix.empty()) p = p.empty() ? prefix : prefix + " " + p;
    return p.empty() ? std::string() : " dalam " + p;
  }

  void visit(const Node& parent, const std::string& prefix) {
    // The runs of each kind, checked in the order of the kinds; whether a heading came since the
    // last item of a kind (only once an item of that kind was seen).
    // The runs are checked before the walk goes down, so one set of buffers serves every level.
    // (Every run is empty here: each visit empties the runs it filled.) The kinds as bits, bit k
    // for kind k: those with a run, and those a heading came after since their last item.
    auto& runs = runs_;
    static_assert(kNodeKinds <= 32);
    std::uint32_t kind_seen = 0, heading_since = 0;
    for (const Node& c : parent.children) {
      if (c.kind == NodeKind::Heading || c.kind == NodeKind::Text || c.kind == NodeKind::Table) {
        heading_since |= kind_seen;
        continue;
      }
      if (c.kind == NodeKind::Article) {
        if (plain_label(c)) articles.push_back(&c);
      } else if (numbered_kind(c.kind) && plain_label(c)) {
        const auto k = static_cast<std::size_t>(c.kind);
        const std::uint32_t bit = std::uint32_t{1} << k;
        if (runs[k].capacity() == 0) runs[k].reserve(kRunRoom);
        runs[k].push_back({&c, (heading_since & bit) != 0});
        kind_seen |= bit;
        heading_since &= ~bit;
      }
    }
    if (kind_seen != 0) {
      std::optional<std::string> w;  // made once, when a finding needs it
      const auto where_of = [&]() -> const std::string& {
        if (!w) w = where(parent, prefix);
        return *w;
      };
      const bool top = excerpt_ && parent.kind == NodeKind::Root && prefix.empty() && path_.empty();
      for (std::uint32_t kinds = kind_seen; kinds != 0; kinds &= kinds - 1) {
        auto& items = runs[static_cast<std::size_t>(std::countr_zero(kinds))];
        check_run(items, where_of, out_, top, this->seen);
        items.clear();
      }
    }
    // A list that starts again at 1 inside an item that does not introduce a list: the parser
    // reads it as nested, but it is the same list numbered again (1, 2, 3, 4, 1).
    if (is_list_item(parent.kind) && parent.ordinal > 1 && !introduces_list(parent.text)) {
      for (const Node& c : parent.children) {
        if (c.kind == NodeKind::Heading || c.kind == NodeKind::Text) break;
        if (c.kind != parent.kind) continue;
        if (c.ordinal == 1)
          add(out_, "NUMBERING_DUPLICATE", Severity::Warning, c.span.first_line,
              "Penomoran " + kind_word(c) + (prefix.empty() ? "" : " dalam " + prefix) +
                  " ganda: " + node_label(c) + " muncul lagi setelah " + node_label(parent) +
                  " (penomoran dimulai ulang di tengah daftar).");
        break;
      }
    }
    path_.push_back(&parent);
    for (const Node& c : parent.children)
      if (!c.children.empty()) visit(c, prefix);
    path_.pop_back();
  }

  std::vector<Finding>& out_;
  bool excerpt_ = false;
  std::vector<const Node*> path_;
  // The room a kind's run makes at its first item: a body's articles or an annex's list run to
  // some dozens, and a run that grows from one item would be moved five times to reach them.
  static constexpr std::size_t kRunRoom = 32;
  std::array<std::vector<Item>, kNodeKinds> runs_;  // the runs of the node being visited
};

}  // namespace

void check_numbering(const Document& doc, std::vector<Finding>& out) {
  Numbering n(out, is_excerpt(doc));
  n.list(doc.considerations, "Menimbang");
  n.list(doc.bases, "Mengingat");
  n.list(doc.body, "");
  std::vector<Item> arts;
  arts.reserve(n.articles.size());
  for (const Node* a : n.articles) arts.push_back({a, false});
  check_run(
      arts, [] { return std::string(); }, out, is_excerpt(doc), n.seen);
  for (const Annex& a : doc.annexes)
    n.list(a.content, "Lampiran" + (a.label.empty() ? std::string() : " " + a.label));
}

}  // namespace tatakerja::regulation::lint_rules
