// Synthetic Indonesian personal names for the demo and the province-sized generator: given names
// and family or second names from across Indonesia (Javanese, Sundanese, Batak, Minang,
// Timorese/NTT, Dayak, Bugis, Balinese, Chinese-Indonesian, Arab-Indonesian, Malay), chosen by the
// region's mix, with the sex the name implies and, often, academic titles. Internal to the
// service module. Deterministic: every choice comes from the caller's generator.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "org/model.hpp"

namespace tatakerja::sample::detail {

// Uniform integer in [lo, hi] from raw draws (modulo), so results do not depend on the standard
// library's distribution implementation.
inline int pick(std::mt19937_64& rng, int lo, int hi) {
  if (hi <= lo) return lo;
  return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
}
// True with probability percent/100.
inline bool chance(std::mt19937_64& rng, int percent) {
  return static_cast<int>(rng() % 100) < percent;
}

// Which mix of origins a region's staff is drawn from.
enum class NameMix { NusaTenggaraTimur, Kalimantan, Batam, Java, Mixed };
// The mix for a region name ("Provinsi Nusa Tenggara Timur" -> NusaTenggaraTimur, "Kabupaten
// Kapuas Hulu" -> Kalimantan, "Kota Batam" -> Batam); Mixed otherwise.
NameMix name_mix_for_region(const std::string& region_name);

// A full name for a person of `sex`; `education` 0: none, 1: diploma or bachelor likely,
// 2: a master's degree likely (senior officials). Example: "Yohanes Benu, S.E., M.Si.".
std::string person_name(std::mt19937_64& rng, org::Sex sex, NameMix mix, int education);

}  // namespace tatakerja::sample::detail
