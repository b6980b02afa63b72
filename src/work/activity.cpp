#include "work/activity.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <mutex>

#include "core/text.hpp"
#include "textio/decode.hpp"

namespace tatakerja::work {
namespace {

struct StopText {
  std::string_view role;
  std::string_view label;        // the role's name
  std::string_view state;        // the waiting state
  std::string_view state_label;  // and its label
};
constexpr std::array<StopText, 4> kStops{{
    {"ketua", "Ketua Tim", "di_ketua", "Diajukan kepada Ketua Tim"},
    {"level_ii", "Pejabat Level II", "di_level_ii", "Ditinjau Pejabat Level II"},
    {"level_antara", "Pejabat antara (di atas Level II)", "di_level_antara",
     "Ditinjau pejabat antara"},
    {"level_i", "Pejabat Level I", "di_level_i", "Ditinjau Pejabat Level I"},
}};

const StopText* stop_text(std::string_view role) {
  for (const auto& s : kStops) {
    if (s.role == role) return &s;
  }
  return nullptr;
}

constexpr StateInfo kPlanned{"direncanakan", "Direncanakan", false, false};
constexpr StateInfo kUnderway{"dilaksanakan", "Sedang dilaksanakan", false, false};
constexpr StateInfo kRework{"perbaikan", "Dikembalikan untuk perbaikan", false, false};
constexpr StateInfo kDone{"selesai", "Selesai: diterima Pejabat Level I", false, true};
constexpr StateInfo kCancelled{"dibatalkan", "Dibatalkan", false, true};

// The flows are built on first use and kept: their string_views point into `keys`, which never
// moves an element (a deque keeps its elements in place as it grows).
struct FlowTable {
  std::mutex lock;
  std::deque<std::string> keys;
  std::map<std::string, Mechanism, std::less<>> flows;
};
FlowTable& table() {
  static FlowTable t;
  return t;
}

Mechanism build_flow(std::string_view key, const std::vector<std::string_view>& stops) {
  Mechanism m{key, "Alur kegiatan", "", "rencanakan", "perencana", "direncanakan", {}, {}};
  m.states.push_back(kPlanned);
  m.states.push_back(kUnderway);
  for (const auto role : stops) {
    const StopText* s = stop_text(role);
    m.states.push_back({s->state, s->state_label, true, false});
  }
  m.states.push_back(kRework);
  m.states.push_back(kDone);
  m.states.push_back(kCancelled);

  auto& t = m.transitions;
  t.push_back({"direncanakan", "mulai", "dilaksanakan", "pelaksana", false, false});
  const std::string_view first = stop_text(stops.front())->state;
  t.push_back({"dilaksanakan", "ajukan", first, "pelaksana", false, false});
  t.push_back({"perbaikan", "ajukan", first, "pelaksana", false, false});
  for (std::size_t i = 0; i < stops.size(); ++i) {
    const StopText* s = stop_text(stops[i]);
    if (i + 1 < stops.size()) {
      t.push_back({s->state, "teruskan", stop_text(stops[i + 1])->state, s->role, false, false});
    } else {
      t.push_back({s->state, "terima", "selesai", s->role, false, false});
    }
    t.push_back({s->state, "kembalikan", "perbaikan", s->role, true, false});
  }
  for (const auto from : {"direncanakan", "dilaksanakan", "perbaikan"}) {
    t.push_back({from, "batalkan", "dibatalkan", "pembatal", true, false});
  }
  return m;
}

// The stop roles of a key, in kStopRoles' order and ending at "level_i"; none for another key.
std::optional<std::vector<std::string_view>> stops_of_key(std::string_view key) {
  std::vector<std::string_view> stops;
  std::size_t next = 0;
  for (const auto& part : text::split(key, '+')) {
    bool found = false;
    for (; next < std::size(kStopRoles); ++next) {
      if (kStopRoles[next] == part) {
        stops.push_back(kStopRoles[next++]);
        found = true;
        break;
      }
    }
    if (!found) return std::nullopt;
  }
  if (stops.empty() || stops.back() != "level_i") return std::nullopt;
  return stops;
}

const Mechanism* flow_of_key(std::string_view key) {
  const auto stops = stops_of_key(key);
  if (!stops) return nullptr;
  FlowTable& t = table();
  const std::lock_guard<std::mutex> guard(t.lock);
  if (const auto it = t.flows.find(key); it != t.flows.end()) return &it->second;
  const std::string_view stored = t.keys.emplace_back(key);
  return &t.flows.emplace(std::string(stored), build_flow(stored, *stops)).first->second;
}

bool has_suffix(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && text::to_lower(s.substr(s.size() - suffix.size())) == suffix;
}

bool plain_text(std::string_view content) {
  if (!textio::is_valid_utf8(content)) return false;
  return std::none_of(content.begin(), content.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\t' && c != '\n' && c != '\r';
  });
}

}  // namespace

const Mechanism& activity_flow(const std::vector<std::string>& stop_roles) {
  std::string key;
  for (const auto& r : stop_roles) {
    if (!key.empty()) key += '+';
    key += r;
  }
  if (const Mechanism* m = flow_of_key(key)) return *m;
  // Not a chain (stops out of order, or none ending at Level I): Level I alone.
  static const Mechanism level_i = build_flow("level_i", {"level_i"});
  return level_i;
}

const Mechanism* find_activity_flow(std::string_view key) {
  return flow_of_key(key);
}

const std::vector<const Mechanism*>& activity_flows() {
  static const std::vector<const Mechanism*> all = [] {
    std::vector<const Mechanism*> out;
    for (const auto* key :
         {"level_ii+level_i", "ketua+level_ii+level_i", "level_ii+level_antara+level_i",
          "ketua+level_ii+level_antara+level_i", "level_i", "ketua+level_i"}) {
      out.push_back(flow_of_key(key));
    }
    return out;
  }();
  return all;
}

std::string_view activity_role_label(std::string_view role) {
  if (const StopText* s = stop_text(role)) return s->label;
  if (role == "pelaksana") return "Pelaksana";
  if (role == "pembatal") return "Pejabat yang membatalkan (Level II, atau Level I)";
  if (role == "perencana") return "Perencana kegiatan";
  return role;
}

std::string waiting_state(std::string_view role) {
  const StopText* s = stop_text(role);
  return s ? std::string(s->state) : std::string();
}

std::string_view stop_of_state(std::string_view state) {
  for (const auto& s : kStops) {
    if (s.state == state) return s.role;
  }
  return {};
}

std::string flow_key(const std::vector<ReviewStop>& chain) {
  std::string key;
  for (const auto& s : chain) {
    if (!key.empty()) key += '+';
    key += s.role;
  }
  return key;
}

int review_stops_of(std::string_view flow_statement) {
  int stops = 1;
  for (std::size_t at = flow_statement.find(" > "); at != std::string_view::npos;
       at = flow_statement.find(" > ", at + 3)) {
    ++stops;
  }
  return std::min(stops, 3);
}

std::optional<std::string> evidence_media_type(std::string_view name, std::string_view content) {
  if (content.starts_with("%PDF-")) return "application/pdf";
  if (content.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
  if (content.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (content.starts_with(std::string_view("PK\x03\x04", 4))) {
    if (has_suffix(name, ".docx")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (has_suffix(name, ".xlsx")) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    if (has_suffix(name, ".pptx")) {
      return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }
    return std::nullopt;
  }
  if ((has_suffix(name, ".txt") || has_suffix(name, ".csv")) && plain_text(content)) {
    return has_suffix(name, ".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
  }
  return std::nullopt;
}

std::string evidence_file_name(std::string_view given) {
  if (const auto slash = given.find_last_of("/\\"); slash != std::string_view::npos) {
    given.remove_prefix(slash + 1);
  }
  std::string name;
  for (const char c : given) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) continue;
    name += c;
  }
  // Whole characters only, at most kMax bytes: an invalid byte is dropped.
  constexpr std::size_t kMax = 120;
  const std::string_view trimmed = text::trim(name);
  std::string kept;
  for (std::size_t i = 0; i < trimmed.size();) {
    const std::size_t n = textio::utf8_sequence_length(trimmed, i);
    if (n == 0) {
      ++i;
      continue;
    }
    if (kept.size() + n > kMax) break;
    kept.append(trimmed.substr(i, n));
    i += n;
  }
  return kept.empty() ? "berkas" : kept;
}

}  // namespace tatakerja::work
