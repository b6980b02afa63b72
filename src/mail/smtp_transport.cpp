// Sending one message through libcurl's SMTP client.
#include "mail/smtp_transport.hpp"

#include <curl/curl.h>
#include <fmt/core.h>
#include <sodium.h>

#include <array>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "mail/mail_message.hpp"

namespace tatakerja::mail {
namespace {

// curl_global_init is not thread-safe: done once, before any handle.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("curl_global_init failed");
    if (sodium_init() < 0) throw std::runtime_error("sodium_init failed");
  });
}

struct Upload {
  std::string_view data;
  std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t n = std::min(room, u->data.size() - u->at);
  std::memcpy(buffer, u->data.data() + u->at, n);
  u->at += n;
  return n;
}

// A Message-ID right part: the sender's domain.
std::string_view domain_of(std::string_view address) {
  const auto at = address.find('@');
  return at == std::string_view::npos ? std::string_view("tatakerja") : address.substr(at + 1);
}

std::string random_hex(std::size_t bytes) {
  std::array<unsigned char, 32> raw{};
  bytes = std::min(bytes, raw.size());
  randombytes_buf(raw.data(), bytes);
  std::string out(bytes * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), raw.data(), bytes);
  out.pop_back();
  return out;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

bool is_smtp_url(const std::string& url) {
  std::string_view rest;
  if (url.starts_with("smtp://")) {
    rest = std::string_view(url).substr(7);
  } else if (url.starts_with("smtps://")) {
    rest = std::string_view(url).substr(8);
  } else {
    return false;
  }
  if (rest.empty() || rest.size() > 255) return false;
  for (const char c : rest) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '@') return false;  // no credentials in the URL
  }
  return true;
}

SmtpTransport::SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) {
  if (!is_smtp_url(settings_.url))
    throw std::invalid_argument("smtp_url must be smtp://HOST:PORT or smtps://HOST:PORT");
  init_curl_once();
}

void SmtpTransport::send(const work::EmailMessage& m) {
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  const std::string message_id = random_hex(16) + "@" + std::string(domain_of(m.from));
  std::string payload;
  try {
    payload = smtp_message(m, now, message_id);
  } catch (const std::invalid_argument& e) {
    throw app::MailError(e.what());
  }
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw app::MailError("curl_easy_init failed");
  CURL* c = curl.get();
  const std::string from = "<" + m.from + ">";
  const std::string to = "<" + m.to + ">";
  std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, to.c_str()));
  if (!recipients) throw app::MailError("curl_slist_append failed");
  Upload upload{payload};
  std::array<char, CURL_ERROR_SIZE> error{};
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(payload.size()));
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   settings_.require_tls ? static_cast<long>(CURLUSESSL_ALL)
                                         : static_cast<long>(CURLUSESSL_TRY));
  if (!settings_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, settings_.connect_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // safe in a thread of a multi-threaded server
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error.data());
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    long reply = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
    throw app::MailError(fmt::format("{} ({}){}", curl_easy_strerror(rc),
                                     error[0] != '\0' ? error.data() : "no detail",
                                     reply != 0 ? fmt::format("; SMTP {}", reply) : ""));
  }
}

}  // namespace tatakerja::mail
