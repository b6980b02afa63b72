// Letters (issue 12 item 6) through a real server on a loopback port, on the demo database: an
// agency's numbering scheme (a bad pattern refused with LETTER_PATTERN_INVALID and nothing
// written), a Surat Tugas issued by the administrator and one by its signatory, numbered
// 1, 2, ... from the scheme; the PDF read by pdftotext (title, number, signatory's name and NIP,
// the recipient) and its QR code decoded by zbarimg (zbar-tools) into the verification address;
// who may read it (the signatory, the recipients, their appraisers, administrators: 200; anyone
// else 403, anonymous 401); the public verification (genuine, in force, no personal data beyond
// the letter's own: no recipient's NIP or rank), the revocation (a reason required; twice: 409)
// and the verification again ("dicabut" with the date); unknown tokens 404, then throttled.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "demo_server.hpp"
#include "http_client.hpp"

namespace tatakerja {
namespace {

using json = nlohmann::json;
using testing::HttpAnswer;
using testing::HttpClient;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct Login {
  std::string cookie;
  std::string csrf;
  Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  status = ::pclose(p);
  return out;
}

std::string squeezed(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

class LettersApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<testing::DemoServer>("letters_api");
    port_ = demo_->port();
  }
  static void TearDownTestSuite() {
    // TATAKERJA_KEEP_LETTER=path keeps the letter's PDF (to look at its layout).
    if (const char* keep = std::getenv("TATAKERJA_KEEP_LETTER"))
      std::filesystem::copy_file(demo_->file("letter.pdf"), keep,
                                 std::filesystem::copy_options::overwrite_existing);
    demo_.reset();
  }

  static HttpAnswer call(const std::string& method, const std::string& target,
                         const std::string& body = "", const Headers& h = {}) {
    HttpClient c(port_);
    return c.request(method, target, body, h, "application/json");
  }
  static json body_of(const HttpAnswer& a) { return json::parse(a.body); }
  static std::string code_of(const HttpAnswer& a) {
    const json j = json::parse(a.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "";
  }
  static Login login(const std::string& user, const std::string& password) {
    const auto a =
        call("POST", "/api/v1/auth/login", json{{"username", user}, {"password", password}}.dump());
    EXPECT_EQ(a.status, 200) << a.body;
    Login l;
    const std::string set_cookie = a.header("Set-Cookie");
    l.cookie = set_cookie.substr(0, set_cookie.find(';'));
    l.csrf = body_of(a)["csrf_token"].get<std::string>();
    return l;
  }
  static std::int64_t newest_audit_id(const Login& who) {
    const auto a = call("GET", "/api/v1/audit?limit=1", "", who.headers());
    EXPECT_EQ(a.status, 200) << a.body;
    return body_of(a)["items"][0]["id"].get<std::int64_t>();
  }
  static std::int64_t id_of(const json& j) { return j["id"].get<std::int64_t>(); }
  static std::string save(const std::string& name, const std::string& bytes) {
    const std::string path = demo_->file(name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  // A new account of the role "pegawai" for `employee`, signed in.
  static Login account_for(const Login& admin, const std::string& username, std::int64_t employee) {
    const auto a = call("POST", "/api/v1/users",
                        json{{"username", username},
                             {"password", "Kop1-Surat-Uji-9x"},
                             {"role", "pegawai"},
                             {"employee_id", employee}}
                            .dump(),
                        admin.headers());
    EXPECT_EQ(a.status, 201) << a.body;
    return login(username, "Kop1-Surat-Uji-9x");
  }
  // The current placement's position of an employee (0: none).
  static json current_position(const Login& admin, std::int64_t employee) {
    const json detail =
        body_of(call("GET", "/api/v1/employees/" + std::to_string(employee), "", admin.headers()));
    for (const auto& pl : detail["placements"]) {
      if (pl["end"].is_null() && !pl["position"].is_null() &&
          pl["start"].get<std::string>() <= "2026-03-02")
        return pl["position"];
    }
    return nullptr;
  }

  static inline std::unique_ptr<testing::DemoServer> demo_;
  static inline unsigned short port_ = 0;
};

TEST_F(LettersApi, IssueReadVerifyRevoke) {
  const Login admin = login("admin", "demo-admin-2026");
  const Login pegawai = login("pegawai", "demo-pegawai-2026");
  const json me = body_of(call("GET", "/api/v1/auth/me", "", pegawai.headers()));
  ASSERT_TRUE(me["user"]["employee_id"].is_number_integer()) << me;
  const std::int64_t recipient = me["user"]["employee_id"].get<std::int64_t>();
  const json recipient_detail =
      body_of(call("GET", "/api/v1/employees/" + std::to_string(recipient), "", admin.headers()));
  const json position = current_position(admin, recipient);
  ASSERT_FALSE(position.is_null()) << "the demo's pegawai holds a position";
  const std::int64_t agency = position["agency_id"].get<std::int64_t>();
  // The signatory: the holder of the recipient's appraiser position.
  const json page = body_of(
      call("GET", "/api/v1/positions/" + std::to_string(id_of(position)), "", admin.headers()));
  ASSERT_FALSE(page["appraiser"].is_null()) << page;
  const json appraiser_page = body_of(call(
      "GET", "/api/v1/positions/" + std::to_string(id_of(page["appraiser"])), "", admin.headers()));
  ASSERT_FALSE(appraiser_page["holders"].empty()) << "the appraiser's position is held";
  const json signer = appraiser_page["holders"][0];
  const std::int64_t signatory = signer["employee_id"].get<std::int64_t>();
  ASSERT_NE(signatory, recipient);
  const std::string scheme = "/api/v1/agencies/" + std::to_string(agency) + "/letter-scheme";

  // The numbering scheme: the default until one is set; a bad pattern refused, nothing written.
  auto a = call("GET", scheme, "", admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_FALSE(body_of(a)["stored"].get<bool>());
  EXPECT_EQ(body_of(a)["pattern"], "800.1.11.1/{seq}/{year}");
  const auto audit = newest_audit_id(admin);
  a = call("PUT", scheme, json{{"pattern", "800.1.11.1/{nomor}/{year}"}}.dump(), admin.headers());
  EXPECT_EQ(a.status, 422) << a.body;
  EXPECT_EQ(code_of(a), "LETTER_PATTERN_INVALID");
  EXPECT_EQ(body_of(a)["error"]["field"], "pattern");
  EXPECT_NE(body_of(a)["error"]["message"].get<std::string>().find("{nomor}"), std::string::npos);
  a = call("PUT", scheme, json{{"pattern", "800.1.11.1/{seq}/{unit_code}/{year}"}}.dump(),
           admin.headers());
  EXPECT_EQ(a.status, 422) << a.body;  // {unit_code} without a unit code
  EXPECT_EQ(body_of(a)["error"]["field"], "unit_code");
  EXPECT_EQ(newest_audit_id(admin), audit);
  a = call("PUT", scheme, json{{"pattern", "800.1.11.1/{seq}/{unit_code}/{year}"}}.dump(),
           pegawai.headers());
  EXPECT_EQ(a.status, 403);
  a = call("PUT", scheme,
           json{{"pattern", "800.1.11.1/{seq}/{unit_code}/{year}"},
                {"unit_code", "UJI"},
                {"address", "Jalan Engku Putri Nomor 1"},
                {"place", "Batam"}}
               .dump(),
           admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_TRUE(body_of(a)["stored"].get<bool>());
  EXPECT_GT(newest_audit_id(admin), audit);

  // Issued by the administrator.
  const json letter_body = {{"kind", "surat_tugas"},
                            {"agency_id", agency},
                            {"assignment_id", 4242},
                            {"signatory_employee_id", signatory},
                            {"recipient_employee_ids", {recipient}},
                            {"grounds", {"Peraturan Wali Kota tentang Sistem Kerja"}},
                            {"tasks", {"Menyusun laporan kinerja triwulan I", "Melaporkan hasil"}},
                            {"copies", {"Sekretaris Daerah"}},
                            {"date", "2026-03-02"}};
  a = call("POST", "/api/v1/letters", letter_body.dump());
  EXPECT_EQ(a.status, 401);
  a = call("POST", "/api/v1/letters", letter_body.dump(), pegawai.headers());
  EXPECT_EQ(a.status, 403) << a.body;  // neither administrator nor the signatory
  a = call("POST", "/api/v1/letters", letter_body.dump(), admin.headers());
  ASSERT_EQ(a.status, 201) << a.body;
  const json letter = body_of(a);
  // The next number of the agency's 2026 sequence (the demo's office has issued its own letters
  // before): the pattern filled in, and the following letter gets the number after it.
  const std::string number = letter["number"].get<std::string>();
  ASSERT_TRUE(number.starts_with("800.1.11.1/") && number.ends_with("/UJI/2026")) << number;
  const int seq = std::stoi(number.substr(11, number.size() - 11 - 9));
  EXPECT_GE(seq, 1);
  const auto numbered = [](int n) { return "800.1.11.1/" + std::to_string(n) + "/UJI/2026"; };
  EXPECT_EQ(letter["title"], "SURAT TUGAS");
  EXPECT_EQ(letter["assignment_id"], 4242);
  EXPECT_EQ(letter["status"], "berlaku");
  EXPECT_EQ(letter["signatory"]["nip"], signer["nip"]);
  EXPECT_EQ(letter["recipients"][0]["nip"], recipient_detail["nip"]);
  const std::string id = std::to_string(id_of(letter));
  const std::string verification = letter["verification_path"].get<std::string>();
  const std::string token = verification.substr(std::string("/verifikasi/").size());
  EXPECT_EQ(token.size(), 43U);

  // Issued by the signatory: the next number.
  const Login penilai = account_for(admin, "penilai-surat", signatory);
  json second_body = letter_body;
  second_body["kind"] = "surat_perintah";
  a = call("POST", "/api/v1/letters", second_body.dump(), penilai.headers());
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(body_of(a)["number"], numbered(seq + 1));

  // The PDF: the heading, number, signatory's name and NIP, the recipient.
  a = call("GET", "/api/v1/letters/" + id + ".pdf");
  EXPECT_EQ(a.status, 401);
  a = call("GET", "/api/v1/letters/" + id + ".pdf", "", penilai.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.header("Content-Type"), "application/pdf");
  EXPECT_EQ(a.header("Cache-Control"), "no-store");
  EXPECT_EQ(a.body.rfind("%PDF-", 0), 0U);
  const std::string pdf = save("letter.pdf", a.body);
  int status = 0;
  const std::string text = run("pdftotext -raw " + pdf + " -", status);
  ASSERT_EQ(status, 0) << "pdftotext (poppler-utils) failed";
  const std::string all = squeezed(text);
  EXPECT_NE(text.find("SURAT TUGAS"), std::string::npos) << text;
  EXPECT_NE(all.find("NOMOR:" + numbered(seq)), std::string::npos) << text;
  EXPECT_NE(all.find(squeezed(signer["name"].get<std::string>())), std::string::npos) << text;
  EXPECT_NE(all.find("NIP." + signer["nip"].get<std::string>()), std::string::npos) << text;
  EXPECT_NE(all.find(squeezed(recipient_detail["name"].get<std::string>())), std::string::npos);
  EXPECT_NE(text.find("MEMERINTAHKAN"), std::string::npos);
  EXPECT_NE(text.find("Tembusan"), std::string::npos);
  EXPECT_NE(all.find("JalanEngkuPutriNomor1"), std::string::npos);
  EXPECT_NE(all.find("Batam,2Maret2026"), std::string::npos) << text;

  // Its QR code, decoded from the page's image, is the verification address.
  run("pdftoppm -r 200 -png -f 1 -l 1 " + pdf + " " + demo_->file("letter").string(), status);
  ASSERT_EQ(status, 0) << "pdftoppm failed";
  const std::string qr =
      run("zbarimg --raw -q " + demo_->file("letter-1.png").string() + " 2>/dev/null", status);
  ASSERT_EQ(status, 0) << "zbarimg (zbar-tools) found no QR code: " << qr;
  EXPECT_EQ(qr, "http://127.0.0.1/verifikasi/" + token + "\n");

  // "Surat saya" (GET /me/letters): the signatory's and the recipient's, newest first, each with
  // the caller's part; none for the administrator, who is neither.
  const auto mine = [&](const Login& who) {
    const auto m = call("GET", "/api/v1/me/letters?limit=100", "", who.headers());
    EXPECT_EQ(m.status, 200) << m.body;
    EXPECT_EQ(m.header("Cache-Control"), "no-store");
    return body_of(m)["items"];
  };
  const json signed_by = mine(penilai);
  ASSERT_GE(signed_by.size(), 2U);
  EXPECT_EQ(signed_by[0]["number"], numbered(seq + 1));
  EXPECT_EQ(signed_by[0]["my_role"], "penandatangan");
  EXPECT_EQ(signed_by[1]["number"], numbered(seq));
  const json received = mine(pegawai);
  ASSERT_GE(received.size(), 2U);
  EXPECT_EQ(received[0]["number"], numbered(seq + 1));
  EXPECT_EQ(received[0]["my_role"], "penerima");
  EXPECT_TRUE(mine(admin).empty());
  EXPECT_EQ(call("GET", "/api/v1/me/letters").status, 401);
  EXPECT_EQ(call("GET", "/api/v1/me/letters?limit=0", "", pegawai.headers()).status, 400);

  // Who may read it.
  EXPECT_EQ(call("GET", "/api/v1/letters/" + id, "", pegawai.headers()).status, 200);  // recipient
  EXPECT_EQ(call("GET", "/api/v1/letters/" + id + ".pdf", "", admin.headers()).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/letters/" + id, "", admin.headers()).status, 200);
  // The appraiser of the recipient, on a letter someone else signs: the recipient's own letter
  // signed by the administrator's choice of another signatory is read by the appraiser too.
  const json other_people =
      body_of(call("GET",
                   "/api/v1/employees?limit=100&region_id=" +
                       std::to_string(recipient_detail["region_id"].get<std::int64_t>()),
                   "", admin.headers()))["items"];
  std::int64_t other = 0;
  for (const auto& p : other_people) {
    const auto e = id_of(p);
    if (e == signatory || e == recipient) continue;
    const json pos = current_position(admin, e);
    if (!pos.is_null() && pos["agency_id"] == agency) {
      other = e;
      break;
    }
  }
  ASSERT_NE(other, 0);
  json third_body = letter_body;
  third_body["signatory_employee_id"] = other;
  a = call("POST", "/api/v1/letters", third_body.dump(), admin.headers());
  ASSERT_EQ(a.status, 201) << a.body;
  const std::string third = std::to_string(id_of(body_of(a)));
  a = call("GET", "/api/v1/letters/" + third + ".pdf", "", penilai.headers());
  EXPECT_EQ(a.status, 200) << "the recipient's appraiser: " << a.body;
  const Login outsider = account_for(admin, "bukan-pihak-surat", other);
  a = call("GET", "/api/v1/letters/" + id + ".pdf", "", outsider.headers());
  EXPECT_EQ(a.status, 403) << a.body;
  EXPECT_EQ(code_of(a), "FORBIDDEN");
  EXPECT_EQ(call("GET", "/api/v1/letters/" + id, "", outsider.headers()).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/letters/999999", "", admin.headers()).status, 404);

  // The public verification: genuine, in force, only what the letter prints.
  a = call("GET", "/api/v1" + verification);
  ASSERT_EQ(a.status, 200) << a.body;
  json v = body_of(a);
  EXPECT_TRUE(v["genuine"].get<bool>());
  EXPECT_TRUE(v["in_force"].get<bool>());
  EXPECT_EQ(v["status"], "berlaku");
  EXPECT_TRUE(v["revoked_on"].is_null());
  EXPECT_EQ(v["letter"]["number"], numbered(seq));
  EXPECT_EQ(v["letter"]["signatory"]["nip"], signer["nip"]);
  EXPECT_EQ(v["letter"]["recipient_names"], json::array({recipient_detail["name"]}));
  // No personal data beyond the letter's own: no recipient's NIP, rank, birth date, position; no
  // ids; exactly these fields.
  EXPECT_EQ(a.body.find(recipient_detail["nip"].get<std::string>()), std::string::npos);
  EXPECT_EQ(a.body.find(recipient_detail["birth_date"].get<std::string>()), std::string::npos);
  EXPECT_EQ(a.body.find("employee_id"), std::string::npos);
  EXPECT_EQ(a.body.find("rank"), std::string::npos);
  std::vector<std::string> keys;
  for (const auto& [k, _] : v.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"genuine", "in_force", "letter", "message",
                                            "revoked_on", "status"}));
  std::vector<std::string> letter_keys;
  for (const auto& [k, _] : v["letter"].items()) letter_keys.push_back(k);
  EXPECT_EQ(letter_keys,
            (std::vector<std::string>{"agency", "date", "government", "kind", "number", "place",
                                      "recipient_names", "signatory", "title"}));
  EXPECT_EQ(v["letter"]["signatory"].size(), 3U);  // name, position, NIP as printed

  // Revoked: a reason required, then once.
  const std::string revoke = "/api/v1/letters/" + id + "/revoke";
  a = call("POST", revoke, json::object().dump(), admin.headers());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(code_of(a), "REASON_REQUIRED");
  a = call("POST", revoke, json{{"reason", "Kegiatan dibatalkan"}}.dump(), pegawai.headers());
  EXPECT_EQ(a.status, 403);
  a = call("POST", revoke, json{{"reason", "Kegiatan dibatalkan"}}.dump(), penilai.headers());
  ASSERT_EQ(a.status, 200) << a.body;  // by its signatory
  EXPECT_EQ(body_of(a)["status"], "dicabut");
  a = call("POST", revoke, json{{"reason", "Lagi"}}.dump(), admin.headers());
  EXPECT_EQ(a.status, 409);
  const json audit_entry = body_of(call("GET", "/api/v1/audit?limit=1", "", admin.headers()));
  EXPECT_EQ(audit_entry["items"][0]["action"], "revoke");
  EXPECT_EQ(audit_entry["items"][0]["entity"], "letter");

  // Verified again: genuine but revoked, with the date.
  a = call("GET", "/api/v1" + verification);
  ASSERT_EQ(a.status, 200) << a.body;
  v = body_of(a);
  EXPECT_TRUE(v["genuine"].get<bool>());
  EXPECT_FALSE(v["in_force"].get<bool>());
  EXPECT_EQ(v["status"], "dicabut");
  ASSERT_TRUE(v["revoked_on"].is_string());
  EXPECT_EQ(v["revoked_on"].get<std::string>().size(), 10U);
  EXPECT_NE(v["message"].get<std::string>().find("dicabut"), std::string::npos);
  EXPECT_EQ(a.body.find("Kegiatan dibatalkan"), std::string::npos);  // the reason stays inside
  // The revoked letter's PDF says so.
  a = call("GET", "/api/v1/letters/" + id + ".pdf", "", pegawai.headers());
  ASSERT_EQ(a.status, 200);
  EXPECT_NE(run("pdftotext -raw " + save("revoked.pdf", a.body) + " -", status).find("DICABUT"),
            std::string::npos);
}

TEST_F(LettersApi, UnknownTokensAreNotFoundThenThrottled) {
  auto a = call("GET", "/api/v1/verifikasi/" + std::string(43, 'A'));
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(code_of(a), "NOT_FOUND");
  a = call("GET", "/api/v1/verifikasi/bukan%20kode");
  EXPECT_EQ(a.status, 404);
  int limited = 0;
  for (int i = 0; i < 30 && limited == 0; ++i) {
    a = call("GET", "/api/v1/verifikasi/" + std::string(43, 'B'));
    if (a.status == 429) ++limited;
  }
  EXPECT_EQ(limited, 1) << "unknown tokens are throttled per address";
  EXPECT_EQ(code_of(a), "RATE_LIMITED");
  EXPECT_FALSE(a.header("Retry-After").empty());
}

}  // namespace
}  // namespace tatakerja
