#include "registry_records.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include <variant>

#include "core/error.hpp"
#include "org/nip.hpp"
#include "org/rank.hpp"

namespace tatakerja::app::records {

using nlohmann::json;

std::string employee_audit(const org::Employee& e) {
  return json{{"id", e.id},     {"nip", e.nip},
              {"name", e.name}, {"kind", org::to_string(e.kind)},
              {"rank", e.rank}, {"region_id", e.region_id}}
      .dump();
}

std::string placement_audit(const org::Placement& p) {
  return json{{"id", p.id},
              {"employee_id", p.employee_id},
              {"position_id", p.position_id},
              {"kind", org::to_string(p.kind)},
              {"start", p.start.iso()},
              {"end", p.end ? json(p.end->iso()) : json(nullptr)},
              {"secondment_decree", p.secondment_decree},
              {"decree_number", p.decree_number},
              {"decree_date", p.decree_date ? json(p.decree_date->iso()) : json(nullptr)}}
      .dump();
}

std::string rank_of(const std::string& rank, org::EmployeeKind kind) {
  auto r = org::normalize_rank(rank, kind);
  if (!r)
    fail(ErrorCode::InvalidField, "rank",
         "Pangkat/golongan tidak dikenal untuk jenis pegawai ini.");
  return std::move(*r);
}

org::Employee employee_from_nip(const std::string& nip, const std::string& name,
                                org::EmployeeKind kind, const std::string& rank,
                                org::Id region_id) {
  const auto decoded = org::decode_nip(nip);
  if (const auto* err = std::get_if<org::NipError>(&decoded))
    fail(ErrorCode::NipInvalid, "nip", org::message(*err));
  const auto& info = std::get<org::NipInfo>(decoded);
  org::Employee e;
  e.nip = org::normalize_nip(nip);
  e.name = name;
  e.kind = kind;
  e.rank = rank_of(rank, kind);
  e.region_id = region_id;
  e.birth_date = info.birth_date;
  e.appointed_year = info.appointed_year;
  e.appointed_month = info.appointed_month;
  e.sex = info.sex;
  return e;
}

// A placement that makes sense for its employee and position: it starts after the employee was
// born and not before their appointment (the TMT CPNS/PPPK month the NIP gives), and the position
// is of the employee's region unless the placement names the decree of a documented secondment.
void check_placement(const org::Placement& p, const org::Employee& e, const org::Agency& agency) {
  if (p.start.iso() <= e.birth_date.iso())
    fail(ErrorCode::InvalidField, "start",
         fmt::format("Tanggal mulai ({}) tidak mungkin: pegawai ini lahir pada {} (menurut NIP).",
                     p.start.iso(), e.birth_date.iso()));
  const std::string appointed = fmt::format("{:04}-{:02}-01", e.appointed_year, e.appointed_month);
  if (p.start.iso() < appointed)
    fail(ErrorCode::InvalidField, "start",
         fmt::format("Tanggal mulai ({}) sebelum TMT pengangkatan pegawai ini ({:04}-{:02}, "
                     "menurut NIP).",
                     p.start.iso(), e.appointed_year, e.appointed_month));
  // The decree is recorded whole or not at all: its number and its date go together.
  if (p.decree_number.empty() && p.decree_date)
    fail(ErrorCode::InvalidField, "decree_number",
         "Nomor surat keputusan belum diisi, padahal tanggalnya diisi.");
  if (!p.decree_number.empty() && !p.decree_date)
    fail(ErrorCode::InvalidField, "decree_date",
         "Tanggal surat keputusan belum diisi, padahal nomornya diisi.");
  if (agency.region_id != e.region_id && p.secondment_decree.empty())
    fail(ErrorCode::InvalidField, "secondment_decree",
         "Jabatan ini milik daerah lain dari daerah pegawai; penempatan lintas daerah hanya dengan "
         "penugasan yang didokumentasikan: isi nomor surat keputusannya (secondment_decree).");
}

}  // namespace tatakerja::app::records
