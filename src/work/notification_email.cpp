// What an e-mail copy of a notification says, and when a failed one is tried again.
#include "work/notification_email.hpp"

#include <array>

namespace tatakerja::work {
namespace {

// The message without control characters other than line ends (a tab becomes a space).
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t') {
      out += ' ';
    } else if (c == '\n' || (u >= 0x20 && u != 0x7f)) {
      out += c;
    }
  }
  return out;
}

std::string subject_of(const Notification& n) {
  if (n.kind == "tenggat") return "Tatakerja: tenggat penugasan";
  if (n.activity_id) return "Tatakerja: langkah kegiatan";
  if (n.assignment_id) return "Tatakerja: langkah penugasan";
  if (n.report_id) return "Tatakerja: laporan kerja";
  if (n.report_request_id) return "Tatakerja: permintaan laporan";
  return "Tatakerja: pemberitahuan";
}

}  // namespace

std::optional<int> retry_delay_seconds(int attempts) {
  static constexpr std::array<int, kMaxEmailAttempts - 1> kDelays{60, 300, 1800, 7200};
  if (attempts < 1) return 0;
  if (attempts >= kMaxEmailAttempts) return std::nullopt;
  return kDelays[static_cast<std::size_t>(attempts - 1)];
}

std::string notification_link_path(const Notification& n) {
  if (n.activity_id) return "kegiatan/" + std::to_string(*n.activity_id);
  if (n.assignment_id) return "penugasan/" + std::to_string(*n.assignment_id);
  if (n.report_id) return "laporan/" + std::to_string(*n.report_id);
  if (n.report_request_id) return "laporan-baru?request=" + std::to_string(*n.report_request_id);
  return "pekerjaan-saya";
}

EmailMessage notification_email(const Notification& n, std::string_view address,
                                const EmailSettings& settings) {
  EmailMessage m;
  m.from = settings.from;
  m.to = std::string(address);
  m.subject = subject_of(n);
  m.body = printable(n.message);
  m.body += "\n\n";
  if (!settings.public_url.empty()) {
    std::string base = settings.public_url;
    if (base.back() != '/') base += '/';
    m.body += "Buka: " + base + notification_link_path(n) + "\n\n";
  }
  m.body +=
      "Pesan ini salinan pemberitahuan di kotak masuk Tatakerja Anda; semua pemberitahuan tetap "
      "ada di sana.\n";
  return m;
}

}  // namespace tatakerja::work
