// The SMTP transport of the e-mail copies (app::MailTransport) over libcurl: one connection per
// message to the configured server (smtp:// with STARTTLS when the server offers it, or required;
// smtps:// for TLS from the start), with authentication when a user name is set, and time limits
// on connecting and on the whole exchange. The password is never logged or put in an error.
#pragma once

#include <string>

#include "app/notification_emails.hpp"

namespace tatakerja::mail {

struct SmtpSettings {
  std::string url;       // "smtp://host:port" or "smtps://host:port"
  std::string username;  // "" for none
  std::string password;
  bool require_tls = false;   // refuse to send over a connection that STARTTLS did not secure
  long timeout_seconds = 30;  // the whole exchange of one message
  long connect_seconds = 10;  // reaching the server
};

// True for a URL the transport takes: smtp:// or smtps:// followed by a host (and a port).
bool is_smtp_url(const std::string& url);

class SmtpTransport final : public app::MailTransport {
 public:
  // Throws std::invalid_argument for a URL that is_smtp_url refuses.
  explicit SmtpTransport(SmtpSettings settings);
  // Throws app::MailError with curl's reason and the server's last reply when the message was
  // not accepted.
  void send(const work::EmailMessage& m) override;

 private:
  SmtpSettings settings_;
};

}  // namespace tatakerja::mail
