// The e-mail copies' pure parts: which addresses an account may give, what a copy says, when a
// failed one is tried again, and the message as written for SMTP (headers, encoded subject, base64
// body) with the attempts at injecting a header or ending the DATA early.
#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

#include "identity/model.hpp"
#include "mail/mail_message.hpp"
#include "work/notification_email.hpp"

namespace tatakerja {
namespace {

std::string unbase64(std::string text) {
  std::erase_if(text, [](char c) { return c == '\r' || c == '\n'; });
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                              text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  out.resize(len);
  return out;
}

TEST(EmailAddress, AcceptsOrdinaryAddresses) {
  for (const char* a : {"budi@kupangkota.go.id", "budi.santoso+tim@bkpsdm.batam.go.id",
                        "a_b-c@x.co", "X1@sub-domain.example.org"}) {
    EXPECT_TRUE(identity::is_email_address(a)) << a;
  }
}

TEST(EmailAddress, RefusesWhatCouldBreakAnSmtpCommandOrAHeader) {
  for (const char* a : {"",
                        "budi",
                        "@kupangkota.go.id",
                        "budi@",
                        "budi@localhost",
                        "budi@@x.go.id",
                        "budi santoso@x.go.id",
                        "budi@x.go.id\r\nRCPT TO:<y@z.id>",
                        "budi@x.go.id>",
                        "<budi@x.id",
                        "\"budi\"@x.go.id",
                        "budi,sari@x.go.id",
                        "budi;x@x.go.id",
                        "budi@x..go.id",
                        "budi@-x.go.id",
                        "budi@x.go.id.",
                        ".budi@x.go.id",
                        "bu..di@x.go.id",
                        "budi@x_y.go.id",
                        "bùdi@x.go.id",
                        "budi@x.go.id\t"}) {
    EXPECT_FALSE(identity::is_email_address(a)) << a;
  }
  EXPECT_FALSE(identity::is_email_address(std::string(65, 'a') + "@x.go.id"));
  EXPECT_TRUE(identity::is_email_address(std::string(64, 'a') + "@x.go.id"));
  EXPECT_FALSE(identity::is_email_address("a@" + std::string(250, 'b') + ".id"));
}

TEST(NotificationEmail, SaysWhatItIsAboutAndLinksToIt) {
  work::Notification n;
  n.id = 9;
  n.employee_id = 3;
  n.activity_id = 41;
  n.kind = "langkah";
  n.message = "Rina Wati mengajukan hasil kegiatan \"Rekap\".\tSilakan periksa.\x07";
  const auto m = work::notification_email(n, "sari@kupangkota.go.id",
                                          {"tatakerja@kupangkota.go.id", "https://kerja.go.id"});
  EXPECT_EQ(m.from, "tatakerja@kupangkota.go.id");
  EXPECT_EQ(m.to, "sari@kupangkota.go.id");
  EXPECT_EQ(m.subject, "Tatakerja: langkah kegiatan");
  EXPECT_NE(m.body.find("Rina Wati mengajukan hasil kegiatan \"Rekap\". Silakan periksa.\n"),
            std::string::npos)
      << m.body;
  EXPECT_EQ(m.body.find('\x07'), std::string::npos);
  EXPECT_NE(m.body.find("Buka: https://kerja.go.id/kegiatan/41\n"), std::string::npos);
  EXPECT_NE(m.body.find("kotak masuk Tatakerja"), std::string::npos);

  n.activity_id.reset();
  n.assignment_id = 5;
  n.kind = "tenggat";
  const auto t = work::notification_email(n, "sari@kupangkota.go.id",
                                          {"tatakerja@kupangkota.go.id", "https://kerja.go.id/"});
  EXPECT_EQ(t.subject, "Tatakerja: tenggat penugasan");
  EXPECT_NE(t.body.find("Buka: https://kerja.go.id/penugasan/5\n"), std::string::npos);

  n.assignment_id.reset();
  n.kind = "langkah";
  n.report_id = 8;
  const auto report = work::notification_email(
      n, "sari@kupangkota.go.id", {"tatakerja@kupangkota.go.id", "https://kerja.go.id"});
  EXPECT_EQ(report.subject, "Tatakerja: laporan kerja");
  EXPECT_NE(report.body.find("Buka: https://kerja.go.id/laporan/8\n"), std::string::npos);
  n.report_id.reset();
  n.report_request_id = 3;
  EXPECT_EQ(work::notification_email(n, "a@b.id", {"c@d.id", ""}).subject,
            "Tatakerja: permintaan laporan");
  EXPECT_EQ(work::notification_link_path(n), "laporan-baru?request=3");
  n.report_request_id.reset();
  const auto none =
      work::notification_email(n, "sari@kupangkota.go.id", {"tatakerja@kupangkota.go.id", ""});
  EXPECT_EQ(none.subject, "Tatakerja: pemberitahuan");
  EXPECT_EQ(none.body.find("Buka:"), std::string::npos);  // no public address, no link
  EXPECT_EQ(work::notification_link_path(n), "pekerjaan-saya");
}

TEST(NotificationEmail, RetriesAfterAMinuteFiveThirtyAndTwoHoursThenGivesUp) {
  EXPECT_EQ(work::retry_delay_seconds(1), 60);
  EXPECT_EQ(work::retry_delay_seconds(2), 300);
  EXPECT_EQ(work::retry_delay_seconds(3), 1800);
  EXPECT_EQ(work::retry_delay_seconds(4), 7200);
  EXPECT_FALSE(work::retry_delay_seconds(work::kMaxEmailAttempts));
  EXPECT_FALSE(work::retry_delay_seconds(9));
}

TEST(SmtpMessage, HeadersAndBase64BodyWithCrlfLines) {
  ASSERT_GE(sodium_init(), 0);
  work::EmailMessage m{"tatakerja@kupangkota.go.id", "sari@kupangkota.go.id",
                       "Tatakerja: langkah kegiatan", "Baris satu\n.\nBaris tiga – ü\n"};
  const std::string s = mail::smtp_message(m, 1796410397, "abc@kupangkota.go.id");
  const auto head_end = s.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  const std::string head = s.substr(0, head_end + 2);
  EXPECT_NE(head.find("Date: Fri, 04 Dec 2026 18:53:17 +0000\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("From: Tatakerja <tatakerja@kupangkota.go.id>\r\n"), std::string::npos);
  EXPECT_NE(head.find("To: <sari@kupangkota.go.id>\r\n"), std::string::npos);
  EXPECT_NE(head.find("Subject: Tatakerja: langkah kegiatan\r\n"), std::string::npos);
  EXPECT_NE(head.find("Message-ID: <abc@kupangkota.go.id>\r\n"), std::string::npos);
  EXPECT_NE(head.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(head.find("Content-Transfer-Encoding: base64\r\n"), std::string::npos);
  const std::string body = s.substr(head_end + 4);
  for (std::size_t at = 0; at < body.size();) {  // every line is base64 of at most 76 characters
    const auto end = body.find("\r\n", at);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - at, 76U);
    at = end + 2;
  }
  EXPECT_EQ(unbase64(body), "Baris satu\r\n.\r\nBaris tiga – ü\r\n");
  EXPECT_EQ(s.find("\n.\r"), std::string::npos);  // no line of only "." reaches the DATA
}

TEST(SmtpMessage, EncodesAnUnusualSubjectAndRefusesBadAddresses) {
  ASSERT_GE(sodium_init(), 0);
  EXPECT_EQ(mail::encoded_subject("Rapat tim"), "Rapat tim");
  EXPECT_EQ(mail::encoded_subject("a\r\nBcc: x@y.id"), "a  Bcc: x@y.id");  // one line
  const std::string long_utf8 =
      "Laporan – " + std::string(30, 'x') + " ü ö ä é " + std::string(40, 'y') + " ✓";
  const std::string enc = mail::encoded_subject(long_utf8);
  std::string decoded;
  std::size_t at = 0;
  while ((at = enc.find("=?UTF-8?B?", at)) != std::string::npos) {
    const auto end = enc.find("?=", at + 10);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end + 2 - at, 75U);
    decoded += unbase64(enc.substr(at + 10, end - at - 10));
    at = end + 2;
  }
  EXPECT_EQ(decoded, long_utf8);                          // no character split between words
  EXPECT_EQ(enc.find('\n') == std::string::npos, false);  // folded
  work::EmailMessage bad{"tatakerja@kupangkota.go.id", "x@y.id>\r\nBcc: z@w.id", "s", "b"};
  EXPECT_THROW(mail::smtp_message(bad, 0, "a@b.id"), std::invalid_argument);
}

}  // namespace
}  // namespace tatakerja
