#include "cli/graphviz.hpp"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>

#include "cli/output_file.hpp"

extern char** environ;

namespace snapkey::cli {
namespace {

Error graphviz_error(std::string message) { return Error{"E_GRAPHVIZ", std::move(message), {}}; }

std::string read_all(int fd) {
  std::string out;
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return out;
    out.append(buffer.data(), static_cast<std::size_t>(n));
  }
}

}  // namespace

Result<std::string> run_graphviz(const std::string& dot_text, const std::string& format) {
  int in[2];
  int out[2];
  if (::pipe(in) != 0) return graphviz_error("cannot start Graphviz's dot: no pipe");
  if (::pipe(out) != 0) {
    ::close(in[0]);
    ::close(in[1]);
    return graphviz_error("cannot start Graphviz's dot: no pipe");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  for (int fd : {in[0], in[1], out[0], out[1]}) posix_spawn_file_actions_addclose(&actions, fd);
  std::string type = "-T" + format;
  std::array<char*, 3> argv{const_cast<char*>("dot"), type.data(), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);
  if (spawned != 0) {
    ::close(in[1]);
    ::close(out[0]);
    return graphviz_error(fmt::format(
        "--format {} needs Graphviz's dot on PATH, and there is none (Debian: apt-get install "
        "graphviz); --format dot and --format mermaid need nothing",
        format));
  }
  // dot reads the whole graph before it writes a byte, so writing first cannot deadlock. A dot
  // that exits early must not kill snapkey with SIGPIPE.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  write_all(in[1], dot_text);
  ::close(in[1]);
  std::string drawing = read_all(out[0]);
  ::close(out[0]);
  std::signal(SIGPIPE, previous);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return graphviz_error(fmt::format("Graphviz's dot failed to draw the {} (exit status {})",
                                      format, WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  }
  return drawing;
}

}  // namespace snapkey::cli
