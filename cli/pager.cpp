#include "cli/pager.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <vector>

#include "cli/render/output.h"

extern char** environ;

namespace sqgl::cli {

namespace {

// What a signal handler needs to let the pager finish: the pipe's end sqgl writes
// and the pager's process.
volatile sig_atomic_t g_pipe_fd = -1;
volatile sig_atomic_t g_pager_pid = -1;

// Interrupted while paging (Ctrl-C reaches sqgl and less alike): end the pager's
// input, let it finish with the terminal, then die of the signal as sqgl would have.
extern "C" void end_paging_and_die(int signal_number) {
  if (g_pipe_fd >= 0) ::close(g_pipe_fd);
  if (g_pager_pid > 0) ::waitpid(g_pager_pid, nullptr, 0);
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

constexpr int kDyingSignals[] = {SIGINT, SIGTERM, SIGHUP};

// The disposition of each signal sqgl changes while paging, as it was before.
struct sigaction g_before[4];

void set_handler(int index, int signal_number, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal_number, &action, &g_before[index]);
  // A signal sqgl was started ignoring (nohup, a background job) stays ignored.
  if (g_before[index].sa_handler == SIG_IGN) ::sigaction(signal_number, &g_before[index], nullptr);
}

}  // namespace

std::string pager_command(const Environment& env, bool out_is_tty, bool json, bool no_pager) {
  if (!out_is_tty || json || no_pager) return "";
  std::string command = "less";
  if (auto it = env.find("SQGL_PAGER"); it != env.end()) {
    command = it->second;
  } else if (auto pager = env.find("PAGER"); pager != env.end()) {
    command = pager->second;
  }
  if (command.find_first_not_of(" \t") == std::string::npos || command == "cat") return "";
  return command;
}

std::string missing_pager_program(const std::string& command) {
  if (command.find_first_of("|&;<>()$`\\\"'*?[#~=%{}\n") != std::string::npos) return "";
  const auto start = command.find_first_not_of(" \t");
  const std::string program = command.substr(start, command.find_first_of(" \t", start) - start);
  if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0 ? "" : program;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (std::size_t from = 0; from <= dirs.size();) {
    auto to = dirs.find(':', from);
    if (to == std::string::npos) to = dirs.size();
    const std::string dir = to == from ? "." : dirs.substr(from, to - from);
    if (::access((dir + "/" + program).c_str(), X_OK) == 0) return "";
    from = to + 1;
  }
  return program;
}

// Writes to the pager's pipe; once the pager has gone, throws PagerClosed (which the
// stream passes on: the pager sets badbit among its exceptions).
class Pager::PipeBuffer : public std::streambuf {
 public:
  explicit PipeBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  ~PipeBuffer() override { close(); }
  PipeBuffer(const PipeBuffer&) = delete;
  PipeBuffer& operator=(const PipeBuffer&) = delete;

  void close() {
    if (fd_ < 0) return;
    g_pipe_fd = -1;
    ::close(fd_);
    fd_ = -1;
  }

 protected:
  int_type overflow(int_type c) override {
    send();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  int sync() override {
    send();
    return 0;
  }

 private:
  void send() {
    const char* from = pbase();
    while (from < pptr()) {
      const ssize_t n = fd_ < 0 ? -1 : ::write(fd_, from, static_cast<std::size_t>(pptr() - from));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        setp(buffer_, buffer_ + sizeof buffer_);
        if (fd_ < 0 || errno == EPIPE) throw PagerClosed{};
        throw std::system_error(errno, std::generic_category(), "writing to the pager");
      }
      from += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
  }

  int fd_;
  char buffer_[65536];
};

Pager::Pager(const std::string& command, std::ostream& out)
    : out_(out), own_(out.rdbuf()), own_exceptions_(out.exceptions()) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "starting the pager");
  // The pager's environment, made before fork: the child only calls what is safe there.
  std::vector<std::string> env_text;
  bool less_set = false, lv_set = false;
  for (char** e = environ; *e; ++e) {
    env_text.emplace_back(*e);
    less_set = less_set || std::strncmp(*e, "LESS=", 5) == 0;
    lv_set = lv_set || std::strncmp(*e, "LV=", 3) == 0;
  }
  if (!less_set) env_text.emplace_back("LESS=FRX");
  if (!lv_set) env_text.emplace_back("LV=-c");
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  const gid_t caller_group = ::getgid();
  out_.flush();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::system_error(error, std::generic_category(), "starting the pager");
  }
  if (pid == 0) {
    // The pager is the caller's program: it runs with the caller's group (sqgl may be
    // setgid) and holds no descriptor of sqgl's but its input, never the database.
    if (::dup2(fds[0], STDIN_FILENO) < 0 || ::setresgid(caller_group, caller_group, caller_group) != 0) ::_exit(127);
    ::close_range(3, ~0U, 0);
    const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
    ::execve("/bin/sh", const_cast<char* const*>(argv), envp.data());
    ::_exit(127);
  }
  ::close(fds[0]);
  pid_ = pid;
  g_pager_pid = pid;
  g_pipe_fd = fds[1];
  // A pager that quits early closes the pipe: the write says EPIPE instead of the
  // signal killing sqgl, and PipeBuffer stops the command.
  set_handler(0, SIGPIPE, SIG_IGN);
  for (int i = 0; i < 3; ++i) set_handler(i + 1, kDyingSignals[i], end_paging_and_die);
  pipe_ = std::make_unique<PipeBuffer>(fds[1]);
  escaping_ = std::make_unique<EscapingBuffer>(pipe_.get());
  out_.rdbuf(escaping_.get());
  out_.exceptions(own_exceptions_ | std::ios::badbit);
}

Pager::~Pager() {
  try {
    out_.flush();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the pager has gone; nothing is left to say
  }
  out_.exceptions(own_exceptions_);
  out_.rdbuf(own_);
  out_.clear();
  pipe_->close();
  // The reader may still be reading: a Ctrl-C meanwhile lets the pager finish first.
  while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
  }
  g_pager_pid = -1;
  for (int i = 0; i < 3; ++i) ::sigaction(kDyingSignals[i], &g_before[i + 1], nullptr);
  ::sigaction(SIGPIPE, &g_before[0], nullptr);
}

}  // namespace sqgl::cli
