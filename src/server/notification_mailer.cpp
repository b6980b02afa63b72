// The mailer thread.
#include "server/notification_mailer.hpp"

#include <chrono>
#include <ctime>
#include <exception>
#include <string>

#include "app/notification_emails.hpp"
#include "http/request_log.hpp"
#include "mail/smtp_transport.hpp"
#include "persistence/sql_stores.hpp"
#include "storage/database.hpp"

namespace tatakerja::server {
namespace {

constexpr int kBatch = 100;

mail::SmtpSettings smtp_settings_of(const EmailConfig& e) {
  mail::SmtpSettings s;
  s.url = e.smtp_url;
  s.username = e.username;
  s.password = e.password;
  s.require_tls = e.require_tls;
  return s;
}

}  // namespace

struct NotificationMailer::State {
  std::unique_ptr<storage::Connection> connection;
  std::unique_ptr<persistence::SqlStores> stores;
  std::unique_ptr<mail::SmtpTransport> transport;
  work::EmailSettings settings;
  std::chrono::milliseconds poll{2000};
};

NotificationMailer::NotificationMailer(const ServerConfig& config)
    : state_(std::make_unique<State>()) {
  check_email(config.email);
  if (!mail::is_smtp_url(config.email.smtp_url))
    throw ConfigError("Nilai tidak sah untuk smtp_url: " + config.email.smtp_url);
  state_->transport = std::make_unique<mail::SmtpTransport>(smtp_settings_of(config.email));
  state_->settings = work::EmailSettings{config.email.from, config.email.public_url};
  state_->poll = std::chrono::milliseconds(config.email.poll_ms);
  state_->connection = storage::open_database(config.db);
  state_->stores = std::make_unique<persistence::SqlStores>(*state_->connection);
}

NotificationMailer::~NotificationMailer() {
  stop();
}

void NotificationMailer::start() {
  if (thread_.joinable()) return;
  thread_ = std::jthread([this](const std::stop_token& stop) { loop(stop); });
}

void NotificationMailer::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

void NotificationMailer::loop(const std::stop_token& stop) {
  while (!stop.stop_requested()) {
    bool full = false;
    try {
      const auto round = app::deliver_notification_emails(
          state_->stores->stores(), *state_->transport, state_->settings,
          static_cast<std::int64_t>(std::time(nullptr)), kBatch);
      if (round.sent + round.failed + round.given_up > 0) {
        log_info("e-mail: " + std::to_string(round.sent) + " sent, " +
                 std::to_string(round.failed) + " to retry, " + std::to_string(round.given_up) +
                 " given up, " + std::to_string(round.queued) + " queued");
      }
      for (const auto& f : round.failures) log_warning("e-mail copy not sent: " + f);
      full = round.queued >= kBatch || round.sent + round.failed + round.given_up >= kBatch;
    } catch (const std::exception& e) {
      log_warning(std::string("e-mail round failed: ") + e.what());
    }
    if (full) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, state_->poll, [] { return false; });
  }
}

}  // namespace tatakerja::server
