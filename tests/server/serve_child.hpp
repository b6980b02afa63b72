// The real `tatakerja serve` as a child process, for the crash tests: started on a SQLite file
// with an ephemeral loopback port (read from its first line of output), killed with any signal.
// The including test defines TATAKERJA_CLI, the program's path.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace tatakerja::testing {

struct ServeChild {
  pid_t pid = -1;
  unsigned short port = 0;

  ServeChild() = default;
  ServeChild(const ServeChild&) = delete;
  ServeChild& operator=(const ServeChild&) = delete;

  void start(const std::string& db) {
    int out[2];
    ASSERT_EQ(::pipe(out), 0);
    pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      std::FILE* devnull = std::fopen("/dev/null", "w");
      if (devnull) ::dup2(::fileno(devnull), 2);
      ::execl(TATAKERJA_CLI, TATAKERJA_CLI, "serve", "--db", db.c_str(), "--listen", "127.0.0.1:0",
              "--threads", "2", "--log-level", "off", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    ::close(out[0]);
    const std::string prefix = "Tatakerja melayani di http://127.0.0.1:";
    ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
    port = static_cast<unsigned short>(std::stoi(line.substr(prefix.size())));
  }

  // Sends `sig` and waits for the process to end; its wait status.
  int signal_and_wait(int sig) {
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return status;
  }

  ~ServeChild() {
    if (pid > 0) signal_and_wait(SIGKILL);
  }
};

}  // namespace tatakerja::testing
