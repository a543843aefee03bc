// measure: times a command as whole processes, from the kernel's accounting
// of each finished child (wait4): wall-clock and CPU time (user + system,
// all threads) and peak resident memory. A small program of its own rather
// than a script, so the peak memory is the command's and not that of the
// interpreter it was started from (the kernel keeps the larger of the two
// across exec).
//
//   measure RUNS [--setup 'SHELL COMMAND'] -- COMMAND [ARG ...]
//
// Runs COMMAND once untimed (the page cache warm), then RUNS times, its
// standard output discarded; SETUP runs untimed (with /bin/sh) before every
// run. Prints one line: median_wall_s min_wall_s max_wall_s median_cpu_s
// peak_mib. Exits 1 with the command's error output when a run fails.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Run {
  double wall = 0, cpu = 0, mib = 0;
};

Run run_once(char** argv, const char* setup) {
  if (setup && std::system(setup) != 0) {
    std::fprintf(stderr, "measure: the setup '%s' failed\n", setup);
    std::exit(1);
  }
  char err_path[] = "/tmp/measure-stderr-XXXXXX";
  const int err = mkstemp(err_path);
  if (err < 0) {
    std::perror("measure: mkstemp");
    std::exit(1);
  }
  unlink(err_path);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(err, 2);
    execvp(argv[0], argv);
    std::perror(argv[0]);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  Run r;
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  r.mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "measure: %s failed (status %d):\n", argv[0], status);
    lseek(err, 0, SEEK_SET);
    char buf[4096];
    ssize_t n;
    while ((n = read(err, buf, sizeof buf)) > 0) fwrite(buf, 1, static_cast<size_t>(n), stderr);
    std::exit(1);
  }
  close(err);
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: measure RUNS [--setup 'SHELL COMMAND'] -- COMMAND [ARG ...]\n");
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  int i = 2;
  const char* setup = nullptr;
  if (std::strcmp(argv[i], "--setup") == 0 && i + 1 < argc) {
    setup = argv[i + 1];
    i += 2;
  }
  if (i >= argc || std::strcmp(argv[i], "--") != 0 || i + 1 >= argc || runs < 1) {
    std::fprintf(stderr, "usage: measure RUNS [--setup 'SHELL COMMAND'] -- COMMAND [ARG ...]\n");
    return 2;
  }
  char** command = argv + i + 1;
  run_once(command, setup);
  std::vector<double> walls, cpus;
  double peak = 0;
  for (int k = 0; k < runs; ++k) {
    const Run r = run_once(command, setup);
    walls.push_back(r.wall);
    cpus.push_back(r.cpu);
    peak = std::max(peak, r.mib);
  }
  std::printf("%.4f %.4f %.4f %.4f %.0f\n", median(walls),
              *std::min_element(walls.begin(), walls.end()),
              *std::max_element(walls.begin(), walls.end()), median(cpus), peak);
}
