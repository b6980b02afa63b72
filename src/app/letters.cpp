#include "app/letters.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>
#include <set>

#include "app/crypto.hpp"
#include "app/scope.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "documents/letter_render.hpp"
#include "org/rank.hpp"
#include "work/teams.hpp"

namespace tatakerja::app {
namespace {

constexpr std::size_t kMaxRecipients = 100;
constexpr std::size_t kMaxItems = 30;
constexpr std::size_t kMaxItemBytes = 2000;

bool covers(const org::Placement& p, const Date& on) {
  if (work::date_before(on, p.start)) return false;
  return !p.end || work::date_before(on, *p.end);
}

// A rank as the letter prints it: "Penata Tk. I (III/d)" for a PNS rank, the grade otherwise.
std::string printed_rank(const std::string& rank) {
  if (rank.empty()) return "";
  if (const auto r = org::pns_rank(rank)) return r->name + " (" + r->code + ")";
  return rank;
}

work::LetterPerson person_on(const Stores& stores, org::Id employee_id, const Date& on,
                             const char* field) {
  const auto e = stores.org.employee(employee_id);
  if (!e) fail(ErrorCode::InvalidField, field, "Pegawai tidak ditemukan.");
  work::LetterPerson p;
  p.employee_id = e->id;
  p.name = e->name;
  p.nip = e->nip;
  p.rank = printed_rank(e->rank);
  for (const auto& pl : stores.org.placements_of_employee(employee_id)) {
    if (!covers(pl, on)) continue;
    const auto pos = stores.org.position(pl.position_id);
    if (!pos) continue;
    p.position_id = pos->id;
    p.position = pos->title;
    if (pl.kind != org::PlacementKind::Definitive) {
      p.position = std::string(pl.kind == org::PlacementKind::Plt ? "Plt. " : "Plh. ") + p.position;
    }
    break;
  }
  return p;
}

std::vector<std::string> checked_items(const std::vector<std::string>& items, const char* field,
                                       bool required) {
  if (items.size() > kMaxItems) {
    fail(ErrorCode::InvalidField, field, std::string("Paling banyak 30 butir pada ") + field + ".");
  }
  std::vector<std::string> out;
  for (const auto& i : items) {
    std::string s = text::collapse_spaces(text::trim(i));
    if (s.empty() || s.size() > kMaxItemBytes) {
      fail(ErrorCode::InvalidField, field,
           std::string("Setiap butir ") + field + " wajib diisi dan paling banyak 2000 bita.");
    }
    out.push_back(std::move(s));
  }
  if (required && out.empty()) {
    fail(ErrorCode::InvalidField, field,
         "Isi surat (Untuk) wajib diisi, paling sedikit satu butir.");
  }
  return out;
}

// The administrators of an agency: the administrator, and a registry administrator whose scope
// holds it.
bool administers(const Stores& stores, const LetterCaller& c, org::Id agency_id) {
  if (c.role == identity::Role::Administrator) return true;
  if (c.role != identity::Role::RegistryAdmin) return false;
  try {
    require_agency_in_scope(stores, c.actor, agency_id);
    return true;
  } catch (const Refusal&) {
    return false;
  }
}

// Refuses a caller who neither administers the agency nor is `signatory`: a registry
// administrator of another region or agency OUT_OF_SCOPE, anyone else FORBIDDEN.
void require_administrator_or_signatory(const Stores& stores, const LetterCaller& c,
                                        org::Id agency_id, org::Id signatory) {
  if (administers(stores, c, agency_id)) return;
  if (c.employee_id && *c.employee_id == signatory) return;
  if (c.role == identity::Role::RegistryAdmin) require_agency_in_scope(stores, c.actor, agency_id);
  fail(
      ErrorCode::Forbidden, std::nullopt,
      "Surat hanya dapat diterbitkan atau dicabut oleh administrator perangkat daerahnya atau oleh "
      "penandatangannya sendiri.");
}

bool is_signatory(const LetterCaller& c, const work::Letter& l) {
  return c.employee_id && *c.employee_id == l.signatory.employee_id;
}

// Whether the caller holds now the position that appraises a recipient's position.
bool appraises_a_recipient(const Stores& stores, const LetterCaller& c, const work::Letter& l) {
  if (!c.employee_id) return false;
  std::set<org::Id> held;
  for (const auto& p : stores.org.placements_of_employee(*c.employee_id)) {
    if (!p.end) held.insert(p.position_id);
  }
  if (held.empty()) return false;
  for (const auto& r : l.recipients) {
    if (!r.position_id) continue;
    const auto pos = stores.org.position(*r.position_id);
    if (pos && pos->appraiser_id && held.contains(*pos->appraiser_id)) return true;
  }
  return false;
}

nlohmann::json letter_audit(const work::Letter& l) {
  nlohmann::json recipients = nlohmann::json::array();
  for (const auto& r : l.recipients) recipients.push_back(r.employee_id);
  return {{"id", l.id},
          {"kind", std::string(work::to_string(l.kind))},
          {"number", l.number},
          {"agency_id", l.agency_id},
          {"date", l.date.iso()},
          {"team_id", l.team_id ? nlohmann::json(*l.team_id) : nlohmann::json()},
          {"assignment_id", l.assignment_id ? nlohmann::json(*l.assignment_id) : nlohmann::json()},
          {"signatory_employee_id", l.signatory.employee_id},
          {"recipient_employee_ids", recipients},
          {"status", std::string(work::to_string(l.status))},
          {"revoked_at", l.revoked_at},
          {"revoked_reason", l.revoked_reason}};
}

// Where a letter is signed when the scheme does not say: the region's name without its kind
// ("Kota Batam" -> "Batam", "Kabupaten Kupang" -> "Kupang").
std::string default_place(const org::Region& r) {
  for (const std::string_view kind : {"Kota ", "Kabupaten ", "Provinsi "}) {
    if (r.name.starts_with(kind) && r.name.size() > kind.size()) return r.name.substr(kind.size());
  }
  return r.name;
}

std::string government_of(const org::Region& r) {
  return "PEMERINTAH " + text::to_upper(r.name);
}

}  // namespace

LetterCaller letter_caller_of(const identity::User& user) {
  return LetterCaller{actor_of(user), user.role, user.employee_id};
}

std::string new_letter_token() {
  detail::ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

LetterSchemeView letter_scheme_of(const Stores& stores, org::Id agency_id) {
  const auto agency = stores.org.agency(agency_id);
  if (!agency) fail(ErrorCode::NotFound);
  if (auto s = stores.letters.letter_scheme(agency_id)) return {*s, true};
  work::LetterScheme s;
  s.agency_id = agency_id;
  s.pattern = std::string(work::kDefaultNumberPattern);
  return {s, false};
}

LetterSchemeView set_letter_scheme(const Stores& stores, const Actor& actor,
                                   const work::LetterScheme& in) {
  const auto parsed = work::parse_number_pattern(in.pattern);
  if (const auto* e = std::get_if<work::PatternError>(&parsed)) {
    fail(ErrorCode::LetterPatternInvalid, "pattern", e->message);
  }
  const auto& pattern = std::get<work::NumberPattern>(parsed);
  work::LetterScheme s = in;
  s.unit_code = std::string(text::trim(in.unit_code));
  if (!s.unit_code.empty() && !work::valid_unit_code(s.unit_code)) {
    fail(ErrorCode::InvalidField, "unit_code",
         "Kode unit: 1-30 karakter huruf, angka, titik, tanda hubung atau garis bawah.");
  }
  if (pattern.uses_unit_code() && s.unit_code.empty()) {
    fail(ErrorCode::InvalidField, "unit_code", "Pola memuat {unit_code}: kode unit wajib diisi.");
  }
  s.address = text::collapse_spaces(text::trim(in.address));
  s.place = text::collapse_spaces(text::trim(in.place));
  if (s.address.size() > 500 || s.place.size() > 100) {
    fail(ErrorCode::InvalidField, s.address.size() > 500 ? "address" : "place",
         "Alamat paling banyak 500 bita, tempat paling banyak 100 bita.");
  }
  Transaction tx(stores.transactions);
  require_agency_in_scope(stores, actor, s.agency_id);
  const auto before = stores.letters.letter_scheme(s.agency_id);
  s.updated_at = now_iso_utc();
  stores.letters.put_letter_scheme(s);
  const auto as_json = [](const work::LetterScheme& x) {
    return nlohmann::json{{"agency_id", x.agency_id},
                          {"pattern", x.pattern},
                          {"unit_code", x.unit_code},
                          {"address", x.address},
                          {"place", x.place}}
        .dump();
  };
  record_audit(stores, actor, "update", "letter_scheme", std::to_string(s.agency_id),
               before ? as_json(*before) : "", as_json(s));
  tx.commit();
  return {s, true};
}

work::Letter issue_letter(const Stores& stores, const LetterCaller& caller, const NewLetter& in) {
  Transaction tx(stores.transactions);
  work::Letter l = issue_letter_in_transaction(stores, caller, in);
  tx.commit();
  return l;
}

work::Letter issue_letter_in_transaction(const Stores& stores, const LetterCaller& caller,
                                         const NewLetter& in) {
  work::Letter l;
  l.kind = in.kind;
  l.date = in.date;
  l.year = in.date.year;
  l.grounds = checked_items(in.grounds, "grounds", false);
  l.tasks = checked_items(in.tasks, "tasks", true);
  l.copies = checked_items(in.copies, "copies", false);
  l.assignment_id = in.assignment_id;
  if (in.recipient_employee_ids.size() > kMaxRecipients) {
    fail(ErrorCode::InvalidField, "recipient_employee_ids", "Paling banyak 100 penerima.");
  }
  std::set<org::Id> seen;
  for (const org::Id id : in.recipient_employee_ids) {
    if (!seen.insert(id).second) {
      fail(ErrorCode::InvalidField, "recipient_employee_ids", "Setiap pegawai hanya sekali.");
    }
  }
  std::string place = text::collapse_spaces(text::trim(in.place));
  if (place.size() > 100) fail(ErrorCode::InvalidField, "place", "Paling banyak 100 bita.");

  const auto agency = stores.org.agency(in.agency_id);
  if (!agency) fail(ErrorCode::InvalidField, "agency_id", "Perangkat daerah tidak ditemukan.");
  const auto region = stores.org.region(agency->region_id);
  if (!region) fail(ErrorCode::NotFound, "agency_id");
  require_administrator_or_signatory(stores, caller, agency->id, in.signatory_employee_id);
  l.region_id = region->id;
  l.agency_id = agency->id;
  std::vector<org::Id> recipients = in.recipient_employee_ids;
  if (in.team_id) {
    const auto team = stores.work.team(*in.team_id);
    if (!team || team->agency_id != agency->id) {
      fail(ErrorCode::InvalidField, "team_id",
           "Tim kerja tidak ditemukan pada perangkat daerah ini.");
    }
    l.team_id = team->id;
    if (recipients.empty()) {
      auto members = work::members_on(stores.work.members_of_team(team->id), in.date);
      std::stable_partition(members.begin(), members.end(), [](const work::TeamMember& m) {
        return m.role == work::TeamRole::Lead;
      });
      for (const auto& m : members) recipients.push_back(m.employee_id);
    }
  }
  if (recipients.empty()) {
    fail(ErrorCode::InvalidField, "recipient_employee_ids",
         "Surat wajib ditujukan kepada paling sedikit satu pegawai.");
  }
  l.signatory = person_on(stores, in.signatory_employee_id, in.date, "signatory_employee_id");
  if (stores.org.employee(in.signatory_employee_id)->region_id != region->id) {
    fail(ErrorCode::InvalidField, "signatory_employee_id",
         "Penandatangan harus pegawai pemerintah daerah yang sama.");
  }
  if (l.signatory.position.empty()) {
    fail(ErrorCode::InvalidField, "signatory_employee_id",
         "Penandatangan tidak sedang menduduki jabatan pada tanggal surat.");
  }
  for (const org::Id id : recipients) {
    l.recipients.push_back(person_on(stores, id, in.date, "recipient_employee_ids"));
  }

  const LetterSchemeView scheme = letter_scheme_of(stores, agency->id);
  const auto parsed = work::parse_number_pattern(scheme.scheme.pattern);
  if (const auto* e = std::get_if<work::PatternError>(&parsed)) {
    fail(ErrorCode::LetterPatternInvalid, "pattern", e->message);
  }
  const auto& pattern = std::get<work::NumberPattern>(parsed);
  if (pattern.uses_unit_code() && scheme.scheme.unit_code.empty()) {
    fail(ErrorCode::InvalidField, "unit_code",
         "Pola nomor surat perangkat daerah ini memuat {unit_code}, tetapi kode unitnya belum "
         "diatur.");
  }
  l.government = government_of(*region);
  l.agency_name = text::to_upper(agency->name);
  l.address = scheme.scheme.address;
  l.place = !place.empty()                 ? place
            : !scheme.scheme.place.empty() ? scheme.scheme.place
                                           : default_place(*region);
  l.sequence = stores.letters.next_letter_sequence(agency->id, l.year);
  l.number = work::format_letter_number(pattern, l.sequence, scheme.scheme.unit_code, l.date);
  l.token = new_letter_token();
  l.issued_by = caller.actor.user_id;
  l.created_at = now_iso_utc();
  l.id = stores.letters.insert_letter(l);
  record_audit(stores, caller.actor, "create", "letter", std::to_string(l.id), "",
               letter_audit(l).dump());
  return l;
}

work::Letter revoke_letter(const Stores& stores, const LetterCaller& caller, org::Id letter_id,
                           const std::string& reason_text) {
  const std::string reason = text::collapse_spaces(text::trim(reason_text));
  if (reason.empty()) fail(ErrorCode::ReasonRequired, "reason");
  if (reason.size() > 2000)
    fail(ErrorCode::InvalidField, "reason", "Alasan paling banyak 2000 bita.");
  Transaction tx(stores.transactions);
  const auto stored = stores.letters.letter(letter_id);
  if (!stored) fail(ErrorCode::NotFound);
  require_administrator_or_signatory(stores, caller, stored->agency_id,
                                     stored->signatory.employee_id);
  if (stored->status == work::LetterStatus::Revoked) {
    fail(ErrorCode::Conflict, "status", "Surat ini sudah dicabut.");
  }
  work::Letter l = *stored;
  l.status = work::LetterStatus::Revoked;
  l.revoked_at = now_iso_utc();
  l.revoked_reason = reason;
  stores.letters.update_letter(l);
  record_audit(stores, caller.actor, "revoke", "letter", std::to_string(l.id),
               letter_audit(*stored).dump(), letter_audit(l).dump());
  tx.commit();
  return l;
}

work::Letter readable_letter(const Stores& stores, const LetterCaller& caller, org::Id letter_id) {
  const auto l = stores.letters.letter(letter_id);
  if (!l) fail(ErrorCode::NotFound);
  if (administers(stores, caller, l->agency_id) || is_signatory(caller, *l)) return *l;
  if (caller.employee_id) {
    for (const auto& r : l->recipients) {
      if (r.employee_id == *caller.employee_id) return *l;
    }
  }
  if (appraises_a_recipient(stores, caller, *l)) return *l;
  fail(ErrorCode::Forbidden, std::nullopt,
       "Surat ini hanya dapat dibuka oleh penandatangan, penerima, pejabat penilai kinerja "
       "penerima, dan administrator.");
}

std::vector<work::Letter> my_letters(const Stores& stores, const LetterCaller& caller, int limit) {
  if (!caller.employee_id) return {};
  return stores.letters.letters_of_person(*caller.employee_id, limit);
}

std::string letter_pdf(const work::Letter& l, const std::string& base_url) {
  documents::LetterDocument d;
  d.government = l.government;
  d.agency = l.agency_name;
  d.address = l.address;
  d.title = std::string(work::letter_title(l.kind));
  d.number = l.number;
  d.grounds = l.grounds;
  for (const auto& r : l.recipients) d.recipients.push_back({r.name, r.nip, r.rank, r.position});
  d.tasks = l.tasks;
  d.place = l.place;
  d.date = work::indonesian_date(l.date);
  d.signatory = {l.signatory.name, l.signatory.nip, l.signatory.rank, l.signatory.position};
  d.copies = l.copies;
  d.verification_url = work::verification_url(base_url, l.token);
  if (l.status == work::LetterStatus::Revoked) {
    const auto on = parse_iso_date(l.revoked_at.substr(0, 10));
    d.revoked_note = "DICABUT" + (on ? " " + work::indonesian_date(*on) : std::string());
  }
  return documents::letter_to_pdf(d);
}

std::optional<LetterVerification> verify_letter(const Stores& stores, const std::string& token) {
  if (!work::valid_token_shape(token)) return std::nullopt;
  const auto l = stores.letters.letter_by_token(token);
  if (!l) return std::nullopt;
  LetterVerification v;
  v.kind = std::string(work::to_string(l->kind));
  v.title = std::string(work::letter_title(l->kind));
  v.number = l->number;
  v.date = l->date.iso();
  v.place = l->place;
  v.government = l->government;
  v.agency = l->agency_name;
  v.signatory_name = l->signatory.name;
  v.signatory_position = l->signatory.position;
  v.signatory_nip = l->signatory.nip;
  for (const auto& r : l->recipients) v.recipient_names.push_back(r.name);
  v.status = std::string(work::to_string(l->status));
  if (l->status == work::LetterStatus::Revoked) v.revoked_on = l->revoked_at.substr(0, 10);
  return v;
}

}  // namespace tatakerja::app
