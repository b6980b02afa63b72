// Test helper: a small blocking HTTP/1.1 client over POSIX sockets, enough to talk to the server
// over real TCP: keep-alive (it reuses its connection and counts how many it opened), requests
// with any method, headers and body, and raw bytes for malformed requests. Answers must carry a
// Content-Length (the server always sends one).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tatakerja::testing {

struct HttpAnswer {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool closed = false;  // the server sent Connection: close

  // First header `name` (case-insensitive); empty when absent.
  std::string header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (n.size() == name.size() && ::strncasecmp(n.data(), name.data(), n.size()) == 0) return v;
    }
    return {};
  }
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}
  ~HttpClient() { close(); }
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  int connections_opened() const { return opened_; }

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  // Sends one request and reads its answer. `headers` are extra "Name: value" pairs.
  HttpAnswer request(const std::string& method, const std::string& target,
                     const std::string& body = {},
                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                     const std::string& content_type = "application/json") {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [n, v] : headers) req += n + ": " + v + "\r\n";
    if (!body.empty() || method == "POST" || method == "PATCH") {
      if (!content_type.empty()) req += "Content-Type: " + content_type + "\r\n";
      req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    req += "\r\n";
    req += body;
    return raw(req);
  }

  // Sends raw bytes and reads one answer; reconnects once when a kept-alive connection was closed.
  HttpAnswer raw(const std::string& bytes) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      const bool fresh = fd_ < 0;
      if (fresh) connect();
      if (!send_all(bytes)) {
        close();
        if (fresh) throw std::runtime_error("send failed");
        continue;
      }
      HttpAnswer a;
      if (!read_answer(a)) {
        close();
        if (fresh) throw std::runtime_error("no answer");
        continue;
      }
      if (a.closed) close();
      return a;
    }
    throw std::runtime_error("no answer");
  }

 private:
  void connect() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close();
      throw std::runtime_error("connect failed");
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval tv{60, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ++opened_;
    buffer_.clear();
  }

  bool send_all(const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
      const ssize_t n = ::send(fd_, s.data() + done, s.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return done > 0;  // the server may answer (413) before reading everything
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  bool fill() {
    char chunk[65536];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  bool read_answer(HttpAnswer& a) {
    std::size_t end;
    for (;;) {
      end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) break;
      if (!fill()) return false;
    }
    const std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    std::size_t line_end = head.find("\r\n");
    const std::string status_line = head.substr(0, line_end);
    a.status = std::stoi(status_line.substr(9, 3));
    std::size_t length = 0;
    while (line_end != std::string::npos) {
      const std::size_t start = line_end + 2;
      line_end = head.find("\r\n", start);
      const std::string line =
          head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      if (::strcasecmp(name.c_str(), "Content-Length") == 0) length = std::stoul(value);
      if (::strcasecmp(name.c_str(), "Connection") == 0 &&
          ::strcasecmp(value.c_str(), "close") == 0)
        a.closed = true;
      a.headers.emplace_back(std::move(name), std::move(value));
    }
    while (buffer_.size() < length) {
      if (!fill()) return false;
    }
    a.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return true;
  }

  unsigned short port_;
  int fd_ = -1;
  int opened_ = 0;
  std::string buffer_;
};

}  // namespace tatakerja::testing
