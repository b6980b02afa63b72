// Test helper: a real SMTP server, Debian's python3-aiosmtpd (run by /usr/bin/python3, the
// interpreter the package installs into, whatever python3 comes first on PATH), started on
// 127.0.0.1 at a free port with its Mailbox handler, which writes every message it accepts into a
// Maildir of its own temporary folder. The tests send through it as the product does (libcurl) and
// read what arrived: never a mock of the transport. stop() (or the destructor) kills it; start()
// can bring it back on the same port, for a test of a server that was down and came back.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace tatakerja::testing {

struct ReceivedMail {
  std::map<std::string, std::string>
      headers;           // by name as written ("Subject"); folded lines joined
  std::string raw_body;  // as transferred (base64 here)
  std::string body;      // decoded from base64 when it is; else raw_body
};

class SmtpSink {
 public:
  explicit SmtpSink(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() /
             ("tatakerja_smtp_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    port_ = free_port();
    start();
  }
  ~SmtpSink() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  unsigned short port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  bool running() const { return pid_ > 0; }

  // Starts aiosmtpd and waits (up to 20 s) until it accepts connections.
  void start() {
    if (pid_ > 0) return;
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    const std::string maildir = (dir_ / "maildir").string();
    pid_ = ::fork();
    if (pid_ == 0) {
      // Dies with the test, and keeps its output off the test's: ctest waits for the end of that
      // output, which an orphan holding it open would never give.
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      const int log = ::open((dir_ / "aiosmtpd.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (log >= 0) {
        ::dup2(log, STDOUT_FILENO);
        ::dup2(log, STDERR_FILENO);
        ::close(log);
      }
      ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
              "aiosmtpd.handlers.Mailbox", maildir.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < until) {
      if (accepts()) return;
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("aiosmtpd exited (is python3-aiosmtpd installed?)");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("aiosmtpd did not start listening on " + listen);
  }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  // The messages that arrived, in the order of their files' names (Maildir names start with the
  // time of arrival).
  std::vector<ReceivedMail> messages() const {
    std::vector<std::filesystem::path> files;
    const auto inbox = dir_ / "maildir" / "new";
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(inbox, ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<ReceivedMail> out;
    for (const auto& f : files) out.push_back(parse(read(f)));
    return out;
  }

  // Waits up to `timeout` for at least `n` messages; returns what arrived by then.
  std::vector<ReceivedMail> wait_for(std::size_t n,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    auto got = messages();
    while (got.size() < n && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      got = messages();
    }
    return got;
  }

 private:
  static unsigned short free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
  }

  bool accepts() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port_);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
  }

  static std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  static std::string decode_base64(std::string text) {
    std::erase_if(text, [](char c) { return c == '\r' || c == '\n' || c == ' '; });
    std::string out(text.size(), '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
      return "<not base64>";
    out.resize(len);
    return out;
  }

  static ReceivedMail parse(const std::string& file) {
    ReceivedMail m;
    std::istringstream in(file);
    std::string line, last;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) break;
      if ((line[0] == ' ' || line[0] == '\t') && !last.empty()) {
        m.headers[last] += "\n" + line;  // a folded header line
        continue;
      }
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      last = line.substr(0, colon);
      m.headers[last] =
          line.substr(colon + 1 + (line.size() > colon + 1 && line[colon + 1] == ' '));
    }
    std::ostringstream rest;
    rest << in.rdbuf();
    m.raw_body = rest.str();
    const auto cte = m.headers.find("Content-Transfer-Encoding");
    m.body =
        cte != m.headers.end() && cte->second == "base64" ? decode_base64(m.raw_body) : m.raw_body;
    std::erase(m.body, '\r');
    return m;
  }

  std::filesystem::path dir_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace tatakerja::testing
