// Issue 13 (trust), through the real binary: no file option can destroy the
// database or an input, an existing file is replaced only with --force and
// never through a link, files are written 0600 and whole or not at all; a
// stalled or endless input holds no lock; output that cannot be written is
// an error.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

namespace {

namespace fs = std::filesystem;

const char* kBatch =
    "external_id,fnr,reporter_type,received,need\n"
    "a1,23923901213,fastlege,2026-03-02,Trenger koordinering\n"
    "a2,00000000000,fastlege,2026-03-02,Feil nummer\n";

int mode_of(const std::string& path) {
  struct stat st{};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return int(st.st_mode & 0777);
}

// The database still opens, verifies and holds `cases` cases.
void database_whole(test::Fixture& f, long long cases) {
  auto v = f.oppteam({"--json", "audit", "verify"});
  INFO(v.out << v.err);
  REQUIRE(v.code == 0);
  CHECK(v.json()["ok"] == true);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM case_file") == cases);
}

// oppteam with its stdin and stdout on the given descriptors (stderr
// captured); killed after `limit`. Returns the exit code (128 + signal when
// killed) and stderr.
struct Io {
  int code = -1;
  std::string err;
  bool killed = false;
};
Io run_fds(const std::vector<std::string>& args, int in_fd, int out_fd, const std::string& home,
           std::chrono::seconds limit = std::chrono::seconds(20), const std::map<std::string, std::string>& env = {}) {
  std::map<std::string, std::string> e = env;
  e["HOME"] = home;
  test::Command command(args, e);
  int err_pipe[2];
  REQUIRE(::pipe2(err_pipe, O_CLOEXEC) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_pipe[1], 2);
    ::close(err_pipe[0]);
    ::close(err_pipe[1]);
    ::execve(command.argv()[0], command.argv(), command.envp());
    _exit(127);
  }
  ::close(err_pipe[1]);
  ::fcntl(err_pipe[0], F_SETFL, O_NONBLOCK);
  Io r;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  char buf[4096];
  for (;;) {
    ssize_t n;
    while ((n = ::read(err_pipe[0], buf, sizeof buf)) > 0) r.err.append(buf, std::size_t(n));
    if (::waitpid(pid, &status, WNOHANG) == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      r.killed = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ssize_t n;
  while ((n = ::read(err_pipe[0], buf, sizeof buf)) > 0) r.err.append(buf, std::size_t(n));
  ::close(err_pipe[0]);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

void refer_one(test::Fixture& f) {
  auto r = f.oppteam({"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received",
                      "2026-03-02", "--need", "Trenger koordinering"});
  INFO(r.err);
  REQUIRE(r.code == 0);
}

}  // namespace

TEST_CASE("a rejects file that is the database is refused and the database is kept", "[trust][files]") {
  test::Fixture f;
  refer_one(f);
  const std::string batch = f.dir.write("batch.csv", kBatch);
  for (const std::string& target : {f.db(), f.db() + "-wal", f.db() + "-shm"}) {
    INFO(target);
    auto r = f.oppteam({"--json", "refer", "import", batch, "--partial", "--rejects", target});
    INFO(r.out << r.err);
    CHECK(r.code == 64);
    CHECK(test::error_key(r) == "output.protected");
  }
  // Through a link and another spelling of the path.
  fs::create_symlink(f.db(), f.dir.file("link.db"));
  auto r = f.oppteam({"refer", "import", batch, "--partial", "--rejects", f.dir.file("link.db"), "--force"});
  CHECK(r.code == 64);
  r = f.oppteam({"refer", "import", batch, "--partial", "--rejects", f.dir.path() + "/./k.db", "--force"});
  CHECK(r.code == 64);
  database_whole(f, 1);
}

TEST_CASE("a rejects file that is the import's own input is refused and the input is kept", "[trust][files]") {
  test::Fixture f;
  const std::string batch = f.dir.write("batch.csv", kBatch);
  auto r = f.oppteam({"--json", "refer", "import", batch, "--partial", "--rejects", batch, "--force"});
  INFO(r.out << r.err);
  CHECK(r.code == 64);
  CHECK(test::error_key(r) == "output.protected");
  CHECK(test::read_file(batch) == kBatch);
  database_whole(f, 0);
}

TEST_CASE("an existing rejects file is replaced only with --force, and is written 0600", "[trust][files]") {
  test::Fixture f;
  const std::string batch = f.dir.write("batch.csv", kBatch);
  const std::string rejects = f.dir.write("rejects.csv", "keep me\n");
  auto r = f.oppteam({"--json", "refer", "import", batch, "--partial", "--rejects", rejects});
  INFO(r.out << r.err);
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "output.exists");
  CHECK(test::read_file(rejects) == "keep me\n");
  database_whole(f, 0);  // refused before anything was stored

  r = f.oppteam({"refer", "import", batch, "--partial", "--rejects", rejects, "--force"});
  INFO(r.err);
  CHECK(r.code == 65);
  CHECK(test::read_file(rejects).find("a2,00000000000") != std::string::npos);
  CHECK(mode_of(rejects) == 0600);

  const std::string fresh = f.dir.file("fresh.csv");
  ::umask(0);  // even a permissive umask gives 0600
  r = f.oppteam({"refer", "import", batch, "--partial", "--rejects", fresh});
  ::umask(022);
  CHECK(r.code == 65);
  CHECK(mode_of(fresh) == 0600);
  // No temporary files are left beside it.
  for (const auto& e : fs::directory_iterator(f.dir.path()))
    CHECK(e.path().filename().string().find(".XXXX") == std::string::npos);
}

TEST_CASE("case export --out never replaces the database, an existing file or a link's target", "[trust][files]") {
  test::Fixture f;
  refer_one(f);
  auto r = f.oppteam({"--json", "case", "export", "2026/1", "--fhir", "--out", f.db(), "--force"});
  INFO(r.out << r.err);
  CHECK(r.code == 64);
  CHECK(test::error_key(r) == "output.protected");
  database_whole(f, 1);

  const std::string existing = f.dir.write("sak.json", "old\n");
  r = f.oppteam({"--json", "case", "export", "2026/1", "--fhir", "--out", existing});
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "output.exists");
  CHECK(test::read_file(existing) == "old\n");

  // A link to another file: never followed, and not replaced either, even
  // with --force (a link such as /dev/stdout is not the user's to replace).
  const std::string victim = f.dir.write("victim.txt", "victim\n");
  fs::create_symlink(victim, f.dir.file("out.json"));
  for (bool force : {false, true}) {
    std::vector<std::string> args{"--json", "case", "export", "2026/1", "--fhir", "--out", f.dir.file("out.json")};
    if (force) args.push_back("--force");
    r = f.oppteam(args);
    INFO(r.out << r.err);
    CHECK(r.code == 64);
    CHECK(test::error_key(r) == "output.is_link");
  }
  CHECK(test::read_file(victim) == "victim\n");
  CHECK(fs::is_symlink(f.dir.file("out.json")));
}

TEST_CASE("only a regular file is replaced with --force: a link, a device or a pipe is refused without a hint to force it", "[trust][files]") {
  test::Fixture f;
  refer_one(f);
  const std::string batch = f.dir.write("b.csv",
                                        "external_id,fnr,reporter_type,received,need\n"
                                        "a1,23923901213,fastlege,2026-03-01,ok\n"
                                        "a2,00000000000,fastlege,2026-03-01,bad\n");
  // A link to a terminal or pipe, as /dev/stdout is: a link to our own stdout.
  const std::string out_link = f.dir.file("stdout");
  fs::create_symlink("/proc/self/fd/1", out_link);
  const std::string fifo = f.dir.file("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (bool force : {false, true}) {
    for (const auto& [target, key] : std::vector<std::pair<std::string, std::string>>{
             {out_link, "output.is_link"}, {fifo, "output.not_regular"}, {"/dev/null", "output.not_regular"}}) {
      std::vector<std::string> args{"--json", "refer", "import", batch, "--partial", "--rejects", target};
      if (force) args.push_back("--force");
      auto r = f.oppteam(args);
      INFO(target << (force ? " --force" : "") << ": " << r.out << r.err);
      CHECK(r.code == 64);
      CHECK(test::error_key(r) == key);
    }
  }
  CHECK(fs::is_symlink(out_link));
  CHECK(fs::is_fifo(fifo));
  database_whole(f, 1);
}

TEST_CASE("output that cannot be written (/dev/full) exits 74", "[trust][files]") {
  test::Fixture f;
  refer_one(f);
  const int full = ::open("/dev/full", O_WRONLY);
  if (full < 0) {
    WARN("skipped: no /dev/full");
    return;
  }
  const int null_in = ::open("/dev/null", O_RDONLY);
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"case", "show", "2026/1"}, {"--json", "case", "show", "2026/1"},
        {"case", "list"}, {"remind"}, {"report"}, {"audit", "log"}, {"case", "export", "2026/1", "--fhir"},
        {"--help"}}) {
    std::vector<std::string> args{"--db", f.db(), "--as", "saksbehandler1"};
    args.insert(args.end(), cmd.begin(), cmd.end());
    auto r = run_fds(args, null_in, full, f.dir.path());
    INFO(cmd.back() << ": " << r.err);
    CHECK(r.code == 74);
  }
  ::close(full);
  ::close(null_in);
}

TEST_CASE("an import stalled on its input holds no write lock", "[trust][files][long]") {
  test::Fixture f;
  // 3000 rows sent, then the sender stalls with the pipe open.
  std::string rows = "external_id,fnr,reporter_type,received,need\n";
  for (int i = 0; i < 3000; ++i)
    rows += "s" + std::to_string(i) + "," + robust::synthetic_fnr(i + 1) + ",fastlege,2026-03-02,Behov\n";
  int in_pipe[2];
  REQUIRE(::pipe2(in_pipe, O_CLOEXEC) == 0);  // no child but the importer holds its ends
  const int null_out = ::open("/dev/null", O_WRONLY);
  std::thread importer_thread;
  Io importer;
  importer_thread = std::thread([&] {
    importer = run_fds({"--db", f.db(), "--as", "it", "refer", "import", "-"}, in_pipe[0], null_out, f.dir.path(),
                       std::chrono::seconds(60));
  });
  REQUIRE(::write(in_pipe[1], rows.data(), rows.size()) == ssize_t(rows.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the importer has read what was sent

  // Another user's change goes through while the import waits for its input.
  auto writer = test::run({"--db", f.db(), "--as", "siri", "refer", "add", "--fnr", "23923901213", "--reporter-type",
                           "fastlege", "--received", "2026-03-02", "--need", "Trenger koordinering"},
                          "", {{"HOME", f.dir.path()}, {"OPPTEAM_BUSY_TIMEOUT_MS", "1000"}});
  INFO(writer.err);
  CHECK(writer.code == 0);

  ::close(in_pipe[1]);  // the sender finishes
  importer_thread.join();
  ::close(in_pipe[0]);
  ::close(null_out);
  INFO(importer.err);
  CHECK(importer.code == 0);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 3001);
}

TEST_CASE("endless binary input (/dev/zero) ends with 65 at once", "[trust][files]") {
  test::Fixture f;
  const int zero = ::open("/dev/zero", O_RDONLY);
  const int null_out = ::open("/dev/null", O_WRONLY);
  REQUIRE(zero >= 0);
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"refer", "import", "/dev/zero"}, {"refer", "import", "-"},
        {"refer", "import", "-", "--format", "jsonl"}}) {
    std::vector<std::string> args{"--db", f.db(), "--as", "it"};
    args.insert(args.end(), cmd.begin(), cmd.end());
    auto r = run_fds(args, zero, null_out, f.dir.path(), std::chrono::seconds(10));
    INFO(cmd.back() << ": " << r.err);
    CHECK_FALSE(r.killed);
    CHECK(r.code == 65);
  }
  ::close(zero);
  ::close(null_out);
  database_whole(f, 0);
}

TEST_CASE("kill -9 during init leaves no database or a whole one", "[trust][files][long]") {
  test::TempDir dir;
  const std::string config = test::source_path("examples/rammeverk.toml");
  const int kInits = test::scaled(30);
  int whole = 0, none = 0;
  for (int i = 0; i < kInits; ++i) {
    const std::string db = dir.file("k" + std::to_string(i) + ".db");
    const pid_t pid = robust::spawn({"--db", db, "--as", "test", "init", "--config", config}, dir.path());
    // Spread the kills over an init's life (a few to some tens of milliseconds).
    std::this_thread::sleep_for(std::chrono::microseconds(1500 * i * 30 / kInits));
    ::kill(pid, SIGKILL);
    robust::wait_for(pid);
    if (!fs::exists(db)) {
      ++none;
      // A second init succeeds where the first was killed.
      auto again = test::run({"--db", db, "--as", "test", "init", "--config", config}, "", {{"HOME", dir.path()}});
      INFO(again.err);
      CHECK(again.code == 0);
    } else {
      ++whole;
    }
    auto v = test::run({"--db", db, "--as", "test", "--json", "audit", "verify"}, "", {{"HOME", dir.path()}});
    INFO(i << ": " << v.out << v.err);
    CHECK(v.code == 0);
    auto shown = test::run({"--db", db, "--as", "test", "config", "show"}, "", {{"HOME", dir.path()}});
    CHECK(shown.code == 0);
  }
  INFO("whole " << whole << ", none " << none);
  CHECK(whole + none == kInits);
}

TEST_CASE("audit verify while others write sees one moment, never a false break", "[trust][audit][long]") {
  test::Fixture f("[municipality]\nallow_synthetic_ids = true\n");
  std::atomic<int> running{3};
  std::vector<std::thread> writers;
  for (int w = 0; w < 3; ++w)
    writers.emplace_back([&, w] {
      for (int i = 0; i < 40; ++i)
        test::run({"--db", f.db(), "--as", "w" + std::to_string(w), "refer", "add", "--fnr",
                   robust::synthetic_fnr(1 + w * 100 + i), "--reporter-type", "fastlege", "--received", "2026-03-02",
                   "--need", "Trenger koordinering"},
                  "", {{"HOME", f.dir.path()}, {"OPPTEAM_BUSY_TIMEOUT_MS", "30000"}});
      --running;
    });
  int verified = 0, broken = 0;
  std::string first_failure;
  while (running > 0) {
    auto v = test::run({"--db", f.db(), "--as", "it", "--json", "audit", "verify"}, "",
                       {{"HOME", f.dir.path()}, {"OPPTEAM_BUSY_TIMEOUT_MS", "30000"}});
    ++verified;
    if (v.code != 0) {
      if (first_failure.empty()) first_failure = v.out + v.err;
      ++broken;
    }
  }
  for (auto& t : writers) t.join();
  INFO(verified << " runs; first failure: " << first_failure);
  CHECK(verified > 5);
  CHECK(broken == 0);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 120);
}

// Trial s12 #1: with --force an output option replaced another oppteam
// database (a live one: WAL mode, its -wal and -shm beside it), and on a
// shared server the setgid binary may write where the municipality's
// database lies. A database in use, a backup key and the names SQLite keeps
// beside a database are never replaced by any output, as backup refuses them.
TEST_CASE("no output option replaces another database in use, a backup key or a -wal name, even with --force", "[trust][files]") {
  test::Fixture f(test::municipality_toml() + test::kQuickRulesToml);
  refer_one(f);
  REQUIRE(f.oppteam({"decide", "2026/1", "--refuse", "--grounds", "Ikke behov nå"}).code == 0);
  // Another municipality's database beside ours, in use (its -wal and -shm stay after a command).
  const std::string other = f.dir.file("v2.db");
  REQUIRE(test::run({"--db", other, "init", "--config", f.dir.write("other.toml", test::municipality_toml("Bergen"))}, "",
                    {{"HOME", f.dir.path()}})
              .code == 0);
  REQUIRE(test::run({"--db", other, "refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02",
                     "--need", "Annen kommune"},
                    "", {{"HOME", f.dir.path()}})
              .code == 0);
  const std::string key = f.dir.file("drift.key");
  REQUIRE(test::run({"--db", f.db(), "backup", "keygen", "--out", key}, "", {{"HOME", f.dir.path()}}).code == 0);
  const std::string key_text = test::read_file(key);
  const std::string batch = f.dir.write("b.csv", kBatch);  // one good row, one rejected: a rejects file is written
  const std::vector<std::pair<std::string, std::vector<std::string>>> writers = {
      {"--pdf", {"plan", "show", "2026/1", "--document", "--pdf"}},  // (no plan: refused before it writes, or after the check)
      {"decide letter --pdf", {"decide", "letter", "2026/1", "--pdf"}},
      {"case export --out", {"case", "export", "2026/1", "--fhir", "--out"}},
      {"case transfer --out", {"case", "transfer", "2026/1", "--to", "Bergen kommune", "--out"}},
      {"refer import --rejects", {"refer", "import", batch, "--partial", "--rejects"}},
  };
  for (const auto& [name, command] : writers) {
    for (const auto& [target, expected] : std::vector<std::pair<std::string, std::pair<int, std::string>>>{
             {other, {2, "output.is_database"}}, {key, {2, "output.is_key"}}, {other + "-wal", {64, "output.is_companion"}},
             {f.dir.file("new.db-journal"), {64, "output.is_companion"}}}) {
      for (bool force : {false, true}) {
        std::vector<std::string> args{"--json"};
        args.insert(args.end(), command.begin(), command.end());
        args.push_back(target);
        if (force) args.push_back("--force");
        auto r = f.oppteam(args);
        INFO(name << " " << target << (force ? " --force" : "") << ": " << r.out << r.err);
        CHECK(r.code == expected.first);
        CHECK(test::error_key(r) == expected.second);
      }
    }
  }
  // The other database still opens and holds its case; the key is unchanged.
  auto still = test::run({"--db", other, "--json", "case", "list"}, "", {{"HOME", f.dir.path()}});
  INFO(still.out << still.err);
  CHECK(still.code == 0);
  CHECK(still.json()["cases"].size() == 1);
  CHECK(test::read_file(key) == key_text);
  CHECK_FALSE(fs::exists(f.dir.file("new.db-journal")));
  database_whole(f, 1);
}
