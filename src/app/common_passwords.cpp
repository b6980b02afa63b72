// The list of common passwords that app::check_password refuses (password_rules.hpp), written for
// Tatakerja from common knowledge of what people choose: the passwords that lead every published
// list of leaked passwords (123456, password, qwerty, iloveyou, ...), their usual variants, and
// the words Indonesian civil servants are likely to pick (rahasia, bismillah, sayang, indonesia,
// merahputih, the names of regions, offices, days and months, the registry's own names). Lower
// case, sorted (checked by a test), so that a lookup is a binary search. A password is refused
// when it is one of these, or one of these with only digits and symbols before and after it
// ("Password2026!", "bismillah123"), whatever the case of its letters. Patterns (repeated
// characters, runs of the alphabet, of digits or along the keyboard) are refused by rule, not by
// this list.
#include <algorithm>
#include <array>
#include <string_view>

#include "app/password_rules.hpp"

namespace tatakerja::app {
namespace {

constexpr std::array<std::string_view, 410> kCommonPasswords = {{
    "000000",       "00000000",     "0000000000",   "0987654321",    "111111",     "11111111",
    "1111111111",   "112233",       "11223344",     "121212",        "123123",     "123321",
    "12341234",     "12345",        "123456",       "1234567",       "12345678",   "123456789",
    "1234567890",   "12345678910",  "123456a",      "123456q",       "1234abcd",   "1234qwer",
    "1234qwerasdf", "123654",       "123abc",       "123qwe",        "147258",     "147258369",
    "159357",       "159753",       "1q2w3e",       "1q2w3e4r",      "1q2w3e4r5t", "1qaz2wsx",
    "1qazxsw2",     "5201314",      "654321",       "666666",        "741852963",  "7777777",
    "789456",       "789456123",    "88888888",     "963852741",     "987654321",  "99999999",
    "a1b2c3",       "a1b2c3d4",     "aa123456",     "aaaaaa",        "aaaaaaaa",   "abc123",
    "abcd1234",     "abcdef",       "abcdefg",      "abcdefgh",      "access",     "aceh",
    "admin",        "admin123",     "admin1234",    "administrator", "agus",       "agustus",
    "ahmad",        "aku",          "akucintakamu", "alhamdulillah", "allah",      "allahuakbar",
    "ambon",        "andi",         "andrew",       "android",       "angel",      "anjing",
    "apple",        "april",        "asd123",       "asdf1234",      "asdfasdf",   "asdfgh",
    "asdfghjkl",    "asdfqwer",     "ashley",       "asn",           "autumn",     "ayam",
    "azerty",       "baby",         "babygirl",     "bali",          "banana",     "bandung",
    "baseball",     "basketball",   "batam",        "batman",        "bismillah",  "bkd",
    "bkn",          "bkpsdm",       "black",        "blank",         "blessed",    "blue",
    "boyfriend",    "brother",      "budi",         "bupati",        "business",   "buster",
    "changeit",     "changeme",     "charlie",      "cheese",        "chocolate",  "christ",
    "church",       "cinta",        "cintaku",      "company",       "computer",   "contrasena",
    "cookie",       "corvette",     "crystal",      "daniel",        "database",   "default",
    "delapan",      "demo",         "desember",     "dewi",          "diamond",    "dinas",
    "dollar",       "doraemon",     "dragon",       "dua",           "ekinerja",   "elang",
    "emonev",       "empat",        "employee",     "empty",         "enam",       "facebook",
    "faith",        "family",       "father",       "februari",      "ferrari",    "flower",
    "football",     "freedom",      "friend",       "friends",       "garuda",     "ginger",
    "girlfriend",   "god",          "golden",       "google",        "green",      "gubernur",
    "guest",        "harimau",      "harley",       "heaven",        "hello",      "hello123",
    "hellokitty",   "help",         "honda",        "hostmaster",    "hunter",     "hunter2",
    "iloveu",       "iloveyou",     "indonesia",    "indonesia1",    "instagram",  "insyaallah",
    "internal",     "internet",     "iphone",       "islam",         "jakarta",    "januari",
    "jennifer",     "jessica",      "jesus",        "jogja",         "jordan",     "jordan23",
    "juli",         "jumat",        "juni",         "kambing",       "kamis",      "kantor",
    "kata",         "katasandi",    "kepegawaian",  "killer",        "kucing",     "kuda",
    "kupang",       "letmein",      "letmein1",     "letmein123",    "lima",       "linux",
    "lkjhgfdsa",    "login",        "love123",      "lovely",        "loveyou",    "macan",
    "makassar",     "manager",      "maret",        "master",        "masuk",      "medan",
    "mei",          "merahputih",   "merdeka",      "michael",       "michelle",   "microsoft",
    "minggu",       "mnbvcxz",      "mohammed",     "money",         "monkey",     "motdepasse",
    "mother",       "muhammad",     "muslim",       "mustang",       "mypassword", "mysapk",
    "mysql",        "naruto",       "negara",       "newpassword",   "nokia",      "none",
    "nopassword",   "november",     "null",         "nur",           "office",     "oktober",
    "oldpassword",  "opensesame",   "oracle",       "orange",        "organisasi", "p@ssw0rd",
    "p@ssword",     "pa55word",     "palembang",    "pancasila",     "papua",      "pass",
    "pass1234",     "passpass",     "passw0rd",     "password",      "password1",  "password12",
    "password123",  "password1234", "passwort",     "pegawai",       "pemda",      "pemerintah",
    "pemkab",       "pemkot",       "pemprov",      "pepper",        "pns",        "poiuytrewq",
    "pokemon",      "porsche",      "postmaster",   "princess",      "private",    "public",
    "purple",       "putra",        "putri",        "q1w2e3r4",      "q1w2e3r4t5", "qazwsx",
    "qazwsxedc",    "qwe123",       "qweasd",       "qweasdzxc",     "qwerasdf",   "qwert",
    "qwerty",       "qwerty1",      "qwerty123",    "qwertyui",      "qwertyuiop", "rabu",
    "rahasia",      "rahasia123",   "rakyat",       "ranger",        "red",        "rina",
    "rizki",        "robert",       "root",         "rupiah",        "sabtu",      "sakip",
    "samsung",      "sandi",        "sapi",         "satu",          "sayang",     "sayangkamu",
    "sayangku",     "secret",       "secret123",    "secure",        "security",   "sekretariat",
    "selamat",      "selasa",       "semarang",     "sembilan",      "senha",      "senin",
    "september",    "sepuluh",      "server",       "service",       "shadow",     "siasn",
    "sikep",        "silver",       "simpeg",       "sister",        "siti",       "soccer",
    "spiderman",    "spring",       "sri",          "staff",         "starwars",   "subhanallah",
    "sukses",       "summer",       "sunshine",     "superman",      "superuser",  "support",
    "surabaya",     "suzuki",       "sysadmin",     "system",        "tatakerja",  "tatakerja123",
    "temp1234",     "temporary",    "temppassword", "test",          "test123",    "testing",
    "thomas",       "tiga",         "tigger",       "toor",          "toyota",     "trustme",
    "trustno1",     "tujuh",        "twitter",      "ubuntu",        "user",       "walikota",
    "wati",         "webmaster",    "welcome",      "welcome1",      "welcome123", "whatever",
    "white",        "windows",      "winter",       "yamaha",        "yanti",      "yellow",
    "yogyakarta",   "yourpassword", "zaq12wsx",     "zaq1zaq1",      "zxc123",     "zxcvasdf",
    "zxcvbn",       "zxcvbnm",
}};

static_assert(std::is_sorted(kCommonPasswords.begin(), kCommonPasswords.end()),
              "kCommonPasswords must be sorted");

}  // namespace

bool is_common_password(std::string_view word) {
  return std::binary_search(kCommonPasswords.begin(), kCommonPasswords.end(), word);
}

}  // namespace tatakerja::app
