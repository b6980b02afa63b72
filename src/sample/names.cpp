// Synthetic Indonesian personal names: lists by origin and sex, combined by the region's mix.
#include "sample/names.hpp"

#include <array>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace tatakerja::sample::detail {
namespace {

using List = std::vector<std::string_view>;

struct Origin {
  List male;
  List female;
  List family;         // family or second names for men (and for women when the next is empty)
  List family_female;  // second names only women carry (Javanese "Wahyuni"); may be empty
  bool family_always;  // Batak, NTT, Balinese, Chinese-Indonesian, Arab-Indonesian names
};

const Origin& javanese() {
  static const Origin o{
      {"Budi", "Joko",  "Slamet", "Agus",    "Bambang",  "Suparman", "Hartono", "Wahyu",
       "Eko",  "Dwi",   "Heru",   "Sugeng",  "Teguh",    "Yudi",     "Bayu",    "Rudi",
       "Aris", "Priyo", "Sigit",  "Gunawan", "Sutrisno", "Purwanto", "Danang",  "Arif"},
      {"Sri",     "Endang", "Tri",  "Rahayu",  "Wulandari", "Suryani", "Siti",
       "Dewi",    "Ratna",  "Yuni", "Ninik",   "Sulastri",  "Puji",    "Indah",
       "Lestari", "Retno",  "Ayu",  "Kartika", "Nur",       "Wiwik"},
      {"Santoso", "Setiawan", "Purnomo", "Wibowo", "Susanto", "Prasetyo", "Hidayat", "Nugroho",
       "Saputra", "Kurniawan", "Widodo", "Sulistyo", "Haryanto", "Mulyono"},
      {"Wahyuni", "Handayani", "Lestari", "Utami", "Rahmawati", "Pratiwi", "Susilowati",
       "Purwaningsih"},
      false};
  return o;
}
const Origin& sundanese() {
  static const Origin o{
      {"Asep", "Ujang", "Dadang", "Cecep", "Yayan", "Dede", "Ade", "Entis", "Jajang", "Acep",
       "Rahmat", "Iwan"},
      {"Iis", "Euis", "Neneng", "Cucu", "Enok", "Imas", "Yeni", "Lilis", "Rina", "Nining"},
      {"Kurnia", "Hidayat", "Permana", "Sukmana", "Suhendar", "Sopandi", "Ruhiyat", "Mulyana",
       "Suryana", "Kusmayadi"},
      {"Nurhayati", "Komalasari", "Rosita", "Kurniasih", "Sumiati"},
      false};
  return o;
}
const Origin& batak() {
  static const Origin o{
      {"Parlindungan", "Tumpal", "Martua", "Sahat", "Jonner", "Binsar", "Hotman", "Marolop",
       "Benny", "Rudolf", "Frans", "Togar"},
      {"Rosmawati", "Tiurma", "Hotnida", "Lamtiur", "Debora", "Romauli", "Sondang", "Nurhayati",
       "Rotua", "Lenny"},
      {"Simanjuntak", "Siregar", "Nasution", "Harahap", "Sitompul", "Hutapea", "Panjaitan",
       "Sinaga", "Situmorang", "Lubis", "Pardede", "Tampubolon", "Manurung", "Simatupang"},
      {},
      true};
  return o;
}
const Origin& minang() {
  static const Origin o{{"Afrizal", "Yusrizal", "Syafril", "Hendri", "Zulkifli", "Erwin", "Fauzi",
                         "Rizal", "Irwandi", "Yulfian", "Defrianto"},
                        {"Yulia", "Rosnida", "Fitri", "Delvi", "Rahmi", "Elfira", "Yenni", "Nelmi",
                         "Zurmaini", "Desriyanti"},
                        {"Effendi", "Chaniago", "Piliang", "Tanjung", "Koto", "Sikumbang",
                         "Caniago", "Jambak", "Syahputra"},
                        {"Putri", "Yanti", "Wahyuni", "Chaniago", "Tanjung", "Piliang"},
                        false};
  return o;
}
const Origin& timorese() {
  static const Origin o{
      {"Yohanes", "Fransiskus", "Agustinus", "Marselinus", "Yosef", "Petrus", "Kornelis", "Daniel",
       "Melkianus", "Yeremias", "Stefanus", "Ariston", "Frederik", "Nikolaus", "Lukas", "Obed"},
      {"Maria", "Yuliana", "Agustina", "Marta", "Yohana", "Selfina", "Dorkas", "Ester", "Ribka",
       "Magdalena", "Veronika", "Elisabeth", "Naomi", "Yosefina", "Theresia", "Oktovina"},
      {"Ndun",   "Manafe",  "Tefa",      "Nenotek",   "Bana",   "Kolo",   "Lenggu",
       "Benu",   "Lay",     "Fanggidae", "Pello",     "Amalo",  "Foenay", "Ratu",
       "Mooy",   "Messakh", "Tanesib",   "Riwu Kaho", "Bessie", "Seran",  "Nope",
       "Boimau", "Sinlae",  "Lado",      "Kiik",      "Djami"},
      {},
      true};
  return o;
}
const Origin& dayak() {
  static const Origin o{{"Yohanes", "Antonius", "Lawing", "Ding", "Usat", "Herkulanus", "Paulus",
                         "Yosua", "Kristian", "Ignatius", "Dominikus"},
                        {"Yuliana", "Mariana", "Lusia", "Anyeq", "Katarina", "Fransiska", "Dayang",
                         "Ursula", "Skolastika", "Veronika"},
                        {"Juk", "Lawing", "Anyang", "Kuleh", "Ngau", "Ding", "Usop", "Ajang",
                         "Bilung", "Hanyeq", "Lejau"},
                        {},
                        false};
  return o;
}
const Origin& malay() {
  static const Origin o{
      {"Muhammad", "Ahmad", "Rizky", "Hendra", "Syahrial", "Firdaus", "Azhar", "Rahman", "Zainal",
       "Hasan", "Ismail", "Taufik", "Jefridin", "Amsakar"},
      {"Nurhaliza", "Aisyah", "Fatimah", "Nurul", "Siti", "Zuraidah", "Rahmah", "Salmah", "Hasnah",
       "Melati", "Juliana"},
      {"Syahputra", "Abdullah", "Hamid", "Yusuf", "Rahman", "Sulaiman", "Saleh", "Mahmud", "Idris"},
      {"Syahputri", "Rahmawati", "Hamidah", "Yusnita", "Sari", "Wati"},
      false};
  return o;
}
const Origin& bugis() {
  static const Origin o{{"Andi Muhammad", "Muh. Arsyad", "Andi Baso", "Syamsuddin", "Ridwan",
                         "Sudirman", "Baharuddin", "Jamaluddin", "Nasrullah", "Amiruddin"},
                        {"Andi Nurhayati", "Sitti Rahmawati", "Hasnawati", "Nurjannah",
                         "Andi Tenri", "Kasmawati", "Sukmawati", "Rosmiati", "Hamsinah"},
                        {"Mappatoba", "Pawallangi", "Lamappa", "Tanri", "Rahim", "Latif", "Sanusi"},
                        {"Tenriawaru", "Rahim", "Latif", "Sanusi", "Daeng Bunga"},
                        false};
  return o;
}
const Origin& balinese() {
  static const Origin o{
      {"I Wayan", "I Made", "I Nyoman", "I Ketut", "I Gede", "I Komang", "I Putu", "I Kadek"},
      {"Ni Wayan", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Luh Putu", "Ni Komang", "Ni Kadek"},
      {"Sudarsana", "Artawan", "Suardana", "Wirawan", "Mahendra", "Sukadana", "Pramana"},
      {"Ariani", "Astuti", "Suartini", "Widiastuti", "Sukerti", "Purnamawati"},
      true};
  return o;
}
const Origin& chinese() {
  static const Origin o{{"Hendra", "Susanto", "Budi", "Rudy", "Wijaya", "Johan", "Steven",
                         "Hartanto", "Kevin", "Yohanes", "Anton"},
                        {"Lilis", "Melinda", "Susi", "Linda", "Yenny", "Meiliana", "Fenny",
                         "Cynthia", "Sherly", "Lanny"},
                        {"Gunawan", "Wijaya", "Halim", "Tanoto", "Kurniawan", "Lim", "Tan", "Salim",
                         "Hartono", "Tanujaya", "Santoso", "Setiadi"},
                        {},
                        true};
  return o;
}
const Origin& arab() {
  static const Origin o{
      {"Ahmad", "Umar", "Salim", "Husein", "Abdullah", "Hasan", "Ali", "Muhammad", "Zein", "Fuad"},
      {"Fatimah", "Aisyah", "Khadijah", "Syarifah", "Zahra", "Nabila", "Salwa", "Maryam"},
      {"Alatas", "Assegaf", "Baswedan", "Al Habsyi", "Shahab", "Bafadal", "Alaydrus", "Bahasuan",
       "Al Jufri", "Basalamah"},
      {},
      true};
  return o;
}

struct Weighted {
  const Origin* origin;
  int weight;
};

std::vector<Weighted> mix_of(NameMix m) {
  switch (m) {
    case NameMix::NusaTenggaraTimur:
      return {{&timorese(), 62}, {&javanese(), 8}, {&bugis(), 6},
              {&balinese(), 6},  {&chinese(), 5},  {&arab(), 4},
              {&batak(), 4},     {&minang(), 2},   {&sundanese(), 3}};
    case NameMix::Kalimantan:
      return {{&dayak(), 40}, {&malay(), 28}, {&javanese(), 12}, {&chinese(), 8},
              {&bugis(), 5},  {&batak(), 4},  {&sundanese(), 3}};
    case NameMix::Batam:
      return {{&malay(), 26},    {&batak(), 16},   {&minang(), 14},
              {&javanese(), 16}, {&chinese(), 10}, {&sundanese(), 6},
              {&bugis(), 5},     {&timorese(), 3}, {&arab(), 4}};
    case NameMix::Java:
      return {{&javanese(), 55}, {&sundanese(), 25}, {&chinese(), 6},
              {&arab(), 5},      {&batak(), 4},      {&minang(), 5}};
    case NameMix::Mixed:
      break;
  }
  return {{&javanese(), 24}, {&sundanese(), 10}, {&batak(), 9}, {&minang(), 8},
          {&timorese(), 9},  {&dayak(), 6},      {&bugis(), 8}, {&balinese(), 6},
          {&chinese(), 6},   {&arab(), 5},       {&malay(), 9}};
}

std::string_view from(std::mt19937_64& rng, const List& l) {
  return l[static_cast<std::size_t>(pick(rng, 0, static_cast<int>(l.size()) - 1))];
}

constexpr std::array<std::string_view, 14> kBachelor = {
    "S.E.",  "S.Kom.", "S.H.",  "S.Sos.", "S.IP.", "S.T.",   "S.Pd.",
    "S.AP.", "S.Psi.", "S.Ak.", "S.Si.",  "S.P.",  "S.Hut.", "S.STP."};
constexpr std::array<std::string_view, 8> kMaster = {"M.Si.", "M.M.",  "M.AP.",     "M.T.",
                                                     "M.H.",  "M.Pd.", "M.Ec.Dev.", "M.Kom."};

}  // namespace

NameMix name_mix_for_region(const std::string& region_name) {
  const std::string k = text::name_key(region_name);
  if (k.find("nusa tenggara timur") != std::string::npos || k.find("kupang") != std::string::npos)
    return NameMix::NusaTenggaraTimur;
  if (k.find("kapuas") != std::string::npos || k.find("kalimantan") != std::string::npos)
    return NameMix::Kalimantan;
  if (k.find("batam") != std::string::npos || k.find("riau") != std::string::npos)
    return NameMix::Batam;
  if (k.find("jawa") != std::string::npos) return NameMix::Java;
  return NameMix::Mixed;
}

std::string person_name(std::mt19937_64& rng, org::Sex sex, NameMix mix, int education) {
  // 1. The origin, by the region's weights.
  const auto weights = mix_of(mix);
  int total = 0;
  for (const auto& w : weights) total += w.weight;
  int r = pick(rng, 0, total - 1);
  const Origin* o = weights.back().origin;
  for (const auto& w : weights) {
    if (r < w.weight) {
      o = w.origin;
      break;
    }
    r -= w.weight;
  }
  // 2. Given name(s) of the sex, then a family or second name.
  const bool male = sex == org::Sex::Male;
  const List& given = male ? o->male : o->female;
  std::string name(from(rng, given));
  if (!o->family_always && chance(rng, 25)) {
    std::string_view second = from(rng, given);
    if (name.find(second) == std::string::npos) name += " " + std::string(second);
  }
  const List& families = !male && !o->family_female.empty() ? o->family_female : o->family;
  if (!families.empty() && (o->family_always || chance(rng, 70))) {
    std::string_view fam = from(rng, families);
    if (name.find(fam) == std::string::npos) name += " " + std::string(fam);
  }
  // 3. Academic titles.
  if (education >= 1 && chance(rng, education >= 2 ? 92 : 55)) {
    if (chance(rng, 12) && education == 1) {
      name += ", A.Md.";
    } else {
      name += ", " + std::string(kBachelor[static_cast<std::size_t>(
                         pick(rng, 0, static_cast<int>(kBachelor.size()) - 1))]);
      if (education >= 2 && chance(rng, 65))
        name += ", " + std::string(kMaster[static_cast<std::size_t>(
                           pick(rng, 0, static_cast<int>(kMaster.size()) - 1))]);
    }
  }
  if (education >= 2 && chance(rng, 6)) name = "Dr. " + name;
  return name;
}

}  // namespace tatakerja::sample::detail
