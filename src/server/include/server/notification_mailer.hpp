// The server's mailer: a thread of its own, with its own database connection, that runs
// app::deliver_notification_emails every EmailConfig::poll_ms (at once again while a round was
// full) through the SMTP transport, and logs what it sent and what failed (the notification's id
// and the reason; never an address or a password). Started by Server::start when an SMTP URL is
// configured; stopped, after the round in progress, by stop() or the destructor.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "api/config.hpp"

namespace tatakerja::server {

class NotificationMailer {
 public:
  // Opens its connection to config.db and checks the settings (ConfigError for a bad SMTP URL).
  explicit NotificationMailer(const ServerConfig& config);
  ~NotificationMailer();
  NotificationMailer(const NotificationMailer&) = delete;
  NotificationMailer& operator=(const NotificationMailer&) = delete;

  void start();
  void stop();

 private:
  struct State;
  void loop(const std::stop_token& stop);

  std::unique_ptr<State> state_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace tatakerja::server
