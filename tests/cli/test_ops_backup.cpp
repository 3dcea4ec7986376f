// Backup and restore through the real binary (issue 20): a backup taken
// while 4 processes write holds exactly what was committed before its head;
// an encrypted backup opens with the right key only, and a damaged one is
// refused; no command ever replaces the database, a key or an existing file
// without --force, and a failed restore leaves nothing behind.

#include "cli/access_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

test::Result op(const test::Fixture& f, std::vector<std::string> args) {
  std::vector<std::string> all{"--db", f.db(), "--as", "it-drift", "--lang", "en"};
  all.insert(all.end(), args.begin(), args.end());
  return test::run(all, "", {{"HOME", f.dir.path()}});
}

int mode_of(const std::string& path) {
  struct stat st{};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return int(st.st_mode & 07777);
}

// The names in `dir` (temporaries left behind would show here).
std::set<std::string> names_in(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

std::string bytes_of(const std::string& path) { return test::read_file(path); }

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

void add_referral(const test::Fixture& f, int n) {
  auto r = op(f, {"refer", "add", "--fnr", robust::synthetic_fnr(n), "--reporter-type", "fastlege", "--received",
                  "2026-03-02", "--need", "Trenger koordinering"});
  INFO(r.err);
  REQUIRE(r.code == 0);
}

// One writer: referrals of new people (so each is a new case, named in its
// audit entry) until the file `stop` exists (or a minute has passed, should
// the test itself fail before it makes it); each committed external id is
// appended to `tally` as soon as its command has returned 0.
void write_until(const test::Fixture& f, int worker, const std::string& stop, const std::string& tally) {
  std::ofstream out(tally);
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  for (int i = 0; !fs::exists(stop) && std::chrono::steady_clock::now() < give_up; ++i) {
    const std::string ext = "w" + std::to_string(worker) + "-" + std::to_string(i);
    const std::vector<std::string> args{"--db", f.db(), "--as", "writer" + std::to_string(worker), "refer", "add",
                                        "--fnr", robust::synthetic_fnr(1000 + worker * 5000 + i),
                                        "--reporter-type", "fastlege", "--received", "2026-03-02",
                                        "--need", "Trenger koordinering", "--sender", "stress", "--external-id", ext};
    for (int attempt = 0; attempt < 50; ++attempt) {
      const auto r = test::run(args, "", {{"HOME", f.dir.path()}});
      if (r.code == 0) {
        out << ext << "\n" << std::flush;
        break;
      }
      if (r.code != 75) {
        std::fprintf(stderr, "writer %d: exit %d: %s\n", worker, r.code, r.err.c_str());
        break;
      }
    }
  }
}

// The commits the writers have reported so far.
std::size_t tallied(const std::vector<std::string>& tallies) {
  std::size_t n = 0;
  for (const auto& t : tallies) {
    std::ifstream in(t);
    for (std::string line; std::getline(in, line);) ++n;
  }
  return n;
}

// Waits until every writer has made progress: at least `more` commits beyond
// `from` in all, each writer at least one (a minute at the most).
std::size_t wait_for_commits(const std::vector<std::string>& tallies, std::size_t from, std::size_t more) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  for (;;) {
    const std::size_t n = tallied(tallies);
    bool each = true;
    for (const auto& t : tallies) each = each && fs::exists(t) && fs::file_size(t) > 0;
    if ((each && n >= from + more) || std::chrono::steady_clock::now() > give_up) return n;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::set<std::string> column(robust::Sql& sql, const std::string& query) {
  std::set<std::string> out;
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(sql.handle(), query.c_str(), -1, &st, nullptr) == SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) out.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  return out;
}

// Restores `backup` to `to` and checks that it holds exactly the source's
// changes up to the backup's head: the same audit entries (id and hash) and
// the referrals whose refer.add entry is at or below the head.
void check_restored(const test::Fixture& f, const std::string& backup, const std::vector<std::string>& extra,
                    std::int64_t head, const std::set<std::string>& committed) {
  const std::string to = f.dir.file("restored-" + fs::path(backup).filename().string() + ".db");
  std::vector<std::string> args{"--json", "restore", backup, "--to", to};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = op(f, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["audit_head"]["id"] == head);
  CHECK(mode_of(to) == 0600);

  robust::Sql src(f.db()), dst(to);
  CHECK(dst.text("PRAGMA integrity_check") == "ok");
  const auto upto = std::to_string(head);
  CHECK(column(src, "SELECT id || ' ' || hash FROM audit WHERE id <= " + upto) ==
        column(dst, "SELECT id || ' ' || hash FROM audit WHERE id <= " + upto));
  // After the head: only the restore's own entry.
  CHECK(dst.number("SELECT count(*) FROM audit WHERE id > " + upto) == 1);
  CHECK(dst.text("SELECT action FROM audit WHERE id > " + upto) == "restore");
  const auto before = column(src, "SELECT r.external_id FROM referral r JOIN case_file c ON c.id = r.case_id "
                                  "WHERE r.sender = 'stress' AND c.number IN (SELECT object FROM audit "
                                  "WHERE action = 'refer.add' AND id <= " + upto + ")");
  const auto restored = column(dst, "SELECT external_id FROM referral WHERE sender = 'stress'");
  CHECK(restored == before);
  // Every one was reported committed by its writer, and some were committed after the head.
  for (const auto& ext : restored) CHECK(committed.count(ext) == 1);
  CHECK(restored.size() < committed.size());
  CHECK(!restored.empty());
  CHECK(test::run({"--db", to, "--as", "x", "audit", "verify"}, "", {{"HOME", f.dir.path()}}).code == 0);
}

}  // namespace

TEST_CASE("a backup taken while 4 processes write holds every change before its head and none after", "[ops][backup][long]") {
  test::Fixture f;
  REQUIRE(op(f, {"backup", "keygen", "--out", f.dir.file("drift.key")}).code == 0);
  constexpr int kWriters = 4;
  // The writers run until both backups are taken and more commits have
  // followed the second: each backup is taken while all four write.
  const std::string stop = f.dir.file("stop");
  std::vector<pid_t> children;
  std::vector<std::string> tallies;
  for (int w = 0; w < kWriters; ++w) tallies.push_back(f.dir.file("tally" + std::to_string(w)));
  for (int w = 0; w < kWriters; ++w) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // The child only runs commands and writes its tally: no Catch2 here.
      try {
        write_until(f, w, stop, tallies[std::size_t(w)]);
      } catch (...) {
      }
      ::_exit(0);
    }
    children.push_back(pid);
  }
  std::size_t seen = wait_for_commits(tallies, 0, 20);
  auto plain = op(f, {"--json", "backup", "--to", f.dir.file("plain.db")});
  seen = wait_for_commits(tallies, seen, 20);
  auto sealed = op(f, {"--json", "backup", "--to", f.dir.file("sealed.db.enc"), "--encrypt-to", f.dir.file("drift.key.pub")});
  wait_for_commits(tallies, tallied(tallies), 20);
  write_bytes(stop, "");
  for (pid_t pid : children) CHECK(robust::wait_for(pid) == 0);
  INFO(plain.err << sealed.err);
  REQUIRE(plain.code == 0);
  REQUIRE(sealed.code == 0);

  std::set<std::string> committed;
  for (const auto& t : tallies) {
    std::ifstream in(t);
    for (std::string line; std::getline(in, line);) committed.insert(line);
  }
  robust::Sql src(f.db());
  CHECK(column(src, "SELECT external_id FROM referral WHERE sender = 'stress'") == committed);
  std::cout << "ops: 4 writers: " << committed.size() << " referrals committed; backups at audit entries "
            << plain.json()["audit_head"]["id"] << " and " << sealed.json()["audit_head"]["id"] << "\n";

  const std::int64_t plain_head = plain.json()["audit_head"]["id"];
  const std::int64_t sealed_head = sealed.json()["audit_head"]["id"];
  CHECK(plain_head < sealed_head);
  CHECK(mode_of(f.dir.file("plain.db")) == 0600);
  CHECK(mode_of(f.dir.file("sealed.db.enc")) == 0600);
  // Each backup is audited in the source, with its head.
  CHECK(src.number("SELECT count(*) FROM audit WHERE action = 'backup' AND detail LIKE 'head " +
                   std::to_string(plain_head) + " %'") == 1);
  CHECK(src.number("SELECT count(*) FROM audit WHERE action = 'backup' AND detail LIKE 'head " +
                   std::to_string(sealed_head) + " %, encrypted'") == 1);

  check_restored(f, f.dir.file("plain.db"), {}, plain_head, committed);
  check_restored(f, f.dir.file("sealed.db.enc"), {"--key", f.dir.file("drift.key")}, sealed_head, committed);
}

TEST_CASE("an encrypted backup restores with the right key only, and a damaged one is refused", "[ops][backup]") {
  test::Fixture f;
  add_referral(f, 1);
  add_referral(f, 2);
  auto kg = op(f, {"--json", "backup", "keygen", "--out", f.dir.file("drift.key")});
  INFO(kg.err);
  REQUIRE(kg.code == 0);
  CHECK(mode_of(f.dir.file("drift.key")) == 0600);
  CHECK(mode_of(f.dir.file("drift.key.pub")) == 0600);
  REQUIRE(op(f, {"backup", "keygen", "--out", f.dir.file("other.key")}).code == 0);

  const std::string enc = f.dir.file("k.db.enc");
  auto b = op(f, {"--json", "backup", "--to", enc, "--encrypt-to", f.dir.file("drift.key.pub")});
  INFO(b.err);
  REQUIRE(b.code == 0);
  CHECK(b.json()["encrypted"] == true);
  const std::string sealed = bytes_of(enc);
  CHECK(sealed.rfind("oppteam-backup 1\n", 0) == 0);
  CHECK(sealed.find(robust::synthetic_fnr(1)) == std::string::npos);  // nothing in the clear
  CHECK(sealed.find("SQLite format 3") == std::string::npos);
  // The head is readable without the key (line 2) and is the one printed.
  CHECK(sealed.find("\"audit_head\":\"" + std::to_string(b.json()["audit_head"]["id"].get<long long>()) + " ") !=
        std::string::npos);

  const std::string to = f.dir.file("restored.db");
  const auto before = names_in(f.dir.path());

  SECTION("the right key restores it, and says what it restored") {
    auto r = op(f, {"--json", "restore", enc, "--key", f.dir.file("drift.key"), "--to", to});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.json()["cases"] == 2);
    CHECK(r.json()["encrypted"] == true);
    CHECK(r.json()["audit_head"] == b.json()["audit_head"]);
    CHECK(mode_of(to) == 0600);
    auto show = test::run({"--db", to, "--as", "x", "--json", "case", "show", "2026/2"}, "", {{"HOME", f.dir.path()}});
    CHECK(show.code == 0);
    auto text = op(f, {"restore", enc, "--key", f.dir.file("drift.key"), "--to", f.dir.file("again.db")});
    CHECK(text.code == 0);
    CHECK(text.out.find("2 cases") != std::string::npos);
  }
  SECTION("a wrong key is refused with 65 and leaves nothing") {
    auto r = op(f, {"--json", "restore", enc, "--key", f.dir.file("other.key"), "--to", to});
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "backup.wrong_key");
    CHECK(names_in(f.dir.path()) == before);
  }
  SECTION("no key is a usage error; the public key instead of the secret one is 65") {
    CHECK(op(f, {"restore", enc, "--to", to}).code == 64);
    auto r = op(f, {"--json", "restore", enc, "--key", f.dir.file("drift.key.pub"), "--to", to});
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "backup.key_is_public");
    CHECK(names_in(f.dir.path()) == before);
  }
  SECTION("a secret key readable by others is refused with 77") {
    ::chmod(f.dir.file("drift.key").c_str(), 0644);
    CHECK(op(f, {"restore", enc, "--key", f.dir.file("drift.key"), "--to", to}).code == 77);
    CHECK(names_in(f.dir.path()) == before);
  }
  SECTION("a flipped byte anywhere is refused with 65 and leaves nothing") {
    for (std::size_t at : {std::size_t(5), sealed.find('\n') + 10, sealed.size() / 2, sealed.size() - 3}) {
      std::string bad = sealed;
      bad[at] = char(bad[at] ^ 0x01);
      write_bytes(f.dir.file("bad.enc"), bad);
      auto r = op(f, {"restore", f.dir.file("bad.enc"), "--key", f.dir.file("drift.key"), "--to", to});
      INFO("flipped byte " << at << ": " << r.err);
      CHECK((r.code == 65));
      CHECK(!fs::exists(to));
    }
    fs::remove(f.dir.file("bad.enc"));
    CHECK(names_in(f.dir.path()) == before);
  }
  SECTION("a truncated backup is refused with 65 and leaves nothing") {
    for (std::size_t keep : {sealed.size() - 1, sealed.size() / 2, std::size_t(100), std::size_t(20)}) {
      write_bytes(f.dir.file("cut.enc"), sealed.substr(0, keep));
      auto r = op(f, {"--json", "restore", f.dir.file("cut.enc"), "--key", f.dir.file("drift.key"), "--to", to});
      INFO("kept " << keep << " bytes: " << r.err);
      CHECK(r.code == 65);
      const auto key = test::error_key(r);
      CHECK((key == "backup.truncated" || key == "backup.damaged"));
      CHECK(!fs::exists(to));
    }
    fs::remove(f.dir.file("cut.enc"));
    CHECK(names_in(f.dir.path()) == before);
  }
  SECTION("a backup file cannot be read: 66") {
    CHECK(op(f, {"restore", f.dir.file("absent.enc"), "--key", f.dir.file("drift.key"), "--to", to}).code == 66);
  }
}

TEST_CASE("a damaged plain backup is refused and leaves nothing", "[ops][backup]") {
  test::Fixture f;
  add_referral(f, 1);
  const std::string b = f.dir.file("k.backup.db");
  REQUIRE(op(f, {"backup", "--to", b}).code == 0);
  const std::string to = f.dir.file("restored.db");
  const auto before = names_in(f.dir.path());

  // The backup edited by `sql` is refused with 65 and the error `key`.
  const auto refused_after = [&](const std::string& sql, const std::string& key) {
    robust::Sql(b).exec(sql);
    auto r = op(f, {"--json", "restore", b, "--to", to});
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == key);
  };
  SECTION("an edited audit entry") { refused_after("UPDATE audit SET actor = 'mallory' WHERE id = 1", "restore.audit"); }
  SECTION("a broken reference") { refused_after("UPDATE referral SET case_id = 999 WHERE id = 1", "restore.foreign_keys"); }
  SECTION("garbage instead of a backup") {
    write_bytes(b, std::string(5000, 'x'));
    CHECK(op(f, {"restore", b, "--to", to}).code == 65);
  }
  SECTION("the file cut in half") {
    const std::string bytes = bytes_of(b);
    write_bytes(b, bytes.substr(0, bytes.size() / 2));
    CHECK(op(f, {"restore", b, "--to", to}).code == 65);
  }
  CHECK(!fs::exists(to));
  CHECK(names_in(f.dir.path()) == before);
}

TEST_CASE("backup and restore never replace the database, a key or an existing file without --force", "[ops][backup]") {
  test::Fixture f;
  add_referral(f, 1);
  REQUIRE(op(f, {"backup", "keygen", "--out", f.dir.file("drift.key")}).code == 0);
  const std::string key = bytes_of(f.dir.file("drift.key"));
  const std::string pub = bytes_of(f.dir.file("drift.key.pub"));
  const std::string db = bytes_of(f.db());

  SECTION("the database, its -wal or -shm, also through a link and with --force") {
    ::symlink(f.db().c_str(), f.dir.file("link.db").c_str());
    for (const auto& target : {f.db(), f.db() + "-wal", f.db() + "-shm", f.dir.file("link.db"), f.dir.path() + "/./k.db"}) {
      auto r = op(f, {"backup", "--to", target, "--force"});
      INFO(target << ": " << r.err);
      CHECK(r.code == 64);
    }
    CHECK(bytes_of(f.db()) == db);
  }
  SECTION("another database in use, or a name SQLite uses, from any source and with --force") {
    test::Fixture other;
    const auto mine = [&](std::vector<std::string> args) {
      std::vector<std::string> all{"--db", other.db(), "--as", "x", "--lang", "en"};
      all.insert(all.end(), args.begin(), args.end());
      return test::run(all, "", {{"HOME", other.dir.path()}});
    };
    REQUIRE(mine({"backup", "--to", other.dir.file("o.db")}).code == 0);
    auto r = mine({"--json", "backup", "--to", f.db(), "--force"});
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "backup.target_is_database");
    for (const auto& target : {f.db() + "-wal", f.db() + "-shm", f.db() + "-journal", f.dir.file("new.db-wal")}) {
      INFO(target);
      CHECK(mine({"backup", "--to", target, "--force"}).code == 64);
      CHECK(mine({"restore", other.dir.file("o.db"), "--to", target, "--force"}).code == 64);
    }
    CHECK(bytes_of(f.db()) == db);
    CHECK(!fs::exists(f.dir.file("new.db-wal")));
  }
  SECTION("restore --force over a file that is not an oppteam database: move it aside first") {
    REQUIRE(op(f, {"backup", "--to", f.dir.file("b.db")}).code == 0);
    write_bytes(f.dir.file("garbage.db"), "not a database at all, but someone's file");
    auto r = op(f, {"--json", "restore", f.dir.file("b.db"), "--to", f.dir.file("garbage.db"), "--force"});
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "restore.target_unusable");
    CHECK(bytes_of(f.dir.file("garbage.db")) == "not a database at all, but someone's file");
  }
  SECTION("the key files, also with --force") {
    auto r = op(f, {"backup", "--to", f.dir.file("drift.key.pub"), "--encrypt-to", f.dir.file("drift.key.pub"), "--force"});
    CHECK(r.code == 64);
    r = op(f, {"--json", "backup", "--to", f.dir.file("drift.key"), "--encrypt-to", f.dir.file("drift.key.pub"), "--force"});
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "backup.target_is_key");
    r = op(f, {"backup", "--to", f.dir.file("drift.key.pub"), "--force"});
    CHECK(r.code == 2);
    CHECK(bytes_of(f.dir.file("drift.key")) == key);
    CHECK(bytes_of(f.dir.file("drift.key.pub")) == pub);
  }
  SECTION("the secret key given to --encrypt-to") {
    auto r = op(f, {"backup", "--to", f.dir.file("b.enc"), "--encrypt-to", f.dir.file("drift.key")});
    CHECK(r.code == 65);
    CHECK(!fs::exists(f.dir.file("b.enc")));
  }
  SECTION("keygen never writes a name SQLite uses beside a database, and restore does not wait on a FIFO") {
    // The -wal stays between commands (Database::kKeepWalBytes): it must be as it was.
    const auto wal_before = test::read_file(f.db() + "-wal");
    CHECK(op(f, {"backup", "keygen", "--out", f.db() + "-wal"}).code == 64);
    CHECK(test::read_file(f.db() + "-wal") == wal_before);
    REQUIRE(::mkfifo(f.dir.file("fifo").c_str(), 0600) == 0);
    CHECK(op(f, {"restore", f.dir.file("fifo"), "--to", f.dir.file("r.db")}).code == 66);
  }
  SECTION("keygen never over an existing key") {
    CHECK(op(f, {"backup", "keygen", "--out", f.dir.file("drift.key")}).code == 2);
    fs::remove(f.dir.file("drift.key"));
    CHECK(op(f, {"backup", "keygen", "--out", f.dir.file("drift.key")}).code == 2);  // the .pub is still there
    CHECK(!fs::exists(f.dir.file("drift.key")));
    CHECK(bytes_of(f.dir.file("drift.key.pub")) == pub);
  }
  SECTION("an existing file only with --force") {
    write_bytes(f.dir.file("old.db"), "precious");
    auto r = op(f, {"--json", "backup", "--to", f.dir.file("old.db")});
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "backup.target_exists");
    CHECK(r.err.find("--force") != std::string::npos);  // the fix
    CHECK(bytes_of(f.dir.file("old.db")) == "precious");
    CHECK(op(f, {"backup", "--to", f.dir.file("old.db"), "--force"}).code == 0);
    CHECK(bytes_of(f.dir.file("old.db")).rfind("SQLite format 3", 0) == 0);
    CHECK(mode_of(f.dir.file("old.db")) == 0600);
  }
  SECTION("backup needs --to") {
    CHECK(op(f, {"backup"}).code == 64);
  }
  SECTION("restore: an existing database only with --force; never over its own source") {
    REQUIRE(op(f, {"backup", "--to", f.dir.file("b.db")}).code == 0);
    add_referral(f, 2);  // the live database moves on
    CHECK(op(f, {"restore", f.dir.file("b.db"), "--to", f.dir.file("b.db"), "--force"}).code == 64);
    auto r = op(f, {"restore", f.dir.file("b.db"), "--to", f.db()});
    CHECK(r.code == 2);
    CHECK(robust::Sql(f.db()).number("SELECT count(*) FROM case_file") == 2);
    auto forced = op(f, {"--json", "restore", f.dir.file("b.db"), "--to", f.db(), "--force"});
    INFO(forced.err);
    CHECK(forced.code == 0);
    robust::Sql after(f.db());
    CHECK(after.number("SELECT count(*) FROM case_file") == 1);
    CHECK(after.text("PRAGMA journal_mode") == "wal");
    CHECK(op(f, {"audit", "verify"}).code == 0);
    CHECK(mode_of(f.db()) == 0600);
  }
  SECTION("restore over a database in use is refused with 75") {
    REQUIRE(op(f, {"backup", "--to", f.dir.file("b.db")}).code == 0);
    robust::Sql holder(f.db());
    holder.exec("BEGIN");
    CHECK(holder.number("SELECT count(*) FROM case_file") == 1);  // holds a read lock
    auto r = test::run({"--db", f.db(), "--as", "x", "restore", f.dir.file("b.db"), "--to", f.db(), "--force"}, "",
                       {{"HOME", f.dir.path()}, {"OPPTEAM_BUSY_TIMEOUT_MS", "200"}});
    CHECK(r.code == 75);
    holder.exec("COMMIT");
  }
}

TEST_CASE("backup and restore follow the access rules", "[ops][backup][access]") {
  test::Fixture f(access_test::synthetic_ids(access_test::acting_access_toml({{"cron", {"it"}}, {"admin", {"admin"}}},
                                                                             {{"admin", {"*"}}})));
  const auto as = [&](const std::string& user, const std::vector<std::string>& args) { return access_test::as_en(f, user, args); };
  REQUIRE(as("cron", {"backup", "keygen", "--out", f.dir.file("drift.key")}).code == 0);
  // IT makes encrypted backups, never a plain copy that any SQLite tool reads.
  auto plain = as("cron", {"--json", "backup", "--to", f.dir.file("plain.db")});
  CHECK(plain.code == 77);
  CHECK(test::error_key(plain) == "access.refused");
  CHECK(plain.err.find("backup.plain") != std::string::npos);  // names the permission
  CHECK(!fs::exists(f.dir.file("plain.db")));
  CHECK(as("cron", {"backup", "--to", f.dir.file("b.enc"), "--encrypt-to", f.dir.file("drift.key.pub")}).code == 0);
  CHECK(as("cron", {"check"}).code == 0);
  // Restoring needs "restore" under the backup's own rules: cron may not.
  auto r = as("cron", {"restore", f.dir.file("b.enc"), "--key", f.dir.file("drift.key"), "--to", f.dir.file("r.db")});
  CHECK(r.code == 77);
  CHECK(!fs::exists(f.dir.file("r.db")));
  CHECK(as("admin", {"restore", f.dir.file("b.enc"), "--key", f.dir.file("drift.key"), "--to", f.dir.file("r.db")}).code == 0);
  // ... and under the rules of a database it replaces.
  CHECK(as("cron", {"restore", f.dir.file("r.db"), "--to", f.db(), "--force"}).code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND actor = 'cron' AND detail = 'restore'") == 1);
}

TEST_CASE("examples/backup-rotate.sh keeps the newest N encrypted backups and nothing else is touched", "[ops][backup]") {
  test::Fixture f;
  add_referral(f, 1);
  REQUIRE(op(f, {"backup", "keygen", "--out", f.dir.file("drift.key")}).code == 0);
  const std::string dir = f.dir.file("backups");
  fs::create_directory(dir);
  write_bytes(dir + "/notes.txt", "not a backup");
  write_bytes(dir + "/oppteam-manual.db.enc", "not one of the script's");
  const std::string bin = fs::path(test::binary()).parent_path().string();
  const std::string cmd = "cd '" + f.dir.path() + "' && HOME='" + f.dir.path() + "' OPPTEAM_DB='" + f.db() +
                          "' OPPTEAM_USER=cron PATH='" + bin + "':\"$PATH\" sh '" +
                          test::source_path("examples/backup-rotate.sh") + "' '" + dir + "' '" +
                          f.dir.file("drift.key.pub") + "' 2 2>&1";
  // The first night: one backup, nothing to remove.
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::vector<std::string> first;
  for (const auto& n : names_in(dir))
    if (n.size() == std::string("oppteam-2026-11-29T185933Z.db.enc").size() && n.rfind("oppteam-", 0) == 0) first.push_back(n);
  REQUIRE(first.size() == 1);
  // Two nights before it, as the script names them (names are to the
  // second, so older nights are written here rather than waited for).
  const std::string oldest = "oppteam-2020-01-01T013000Z.db.enc", older = "oppteam-2020-01-02T013000Z.db.enc";
  fs::copy_file(dir + "/" + first.front(), dir + "/" + oldest);
  fs::copy_file(dir + "/" + first.front(), dir + "/" + older);
  fs::rename(dir + "/" + first.front(), dir + "/oppteam-2020-01-03T013000Z.db.enc");
  // Tonight: a new backup, and of the four only the newest two are kept.
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::vector<std::string> kept;
  for (const auto& n : names_in(dir))
    if (n.size() == std::string("oppteam-2026-11-29T185933Z.db.enc").size() && n.rfind("oppteam-", 0) == 0) kept.push_back(n);
  CHECK(kept.size() == 2);
  CHECK(names_in(dir).count("oppteam-2020-01-03T013000Z.db.enc") == 1);
  CHECK(names_in(dir).count(oldest) == 0);
  CHECK(names_in(dir).count(older) == 0);
  CHECK(names_in(dir).count("notes.txt") == 1);
  CHECK(names_in(dir).count("oppteam-manual.db.enc") == 1);
  for (const auto& n : kept) CHECK(mode_of(dir + "/" + n) == 0600);
  CHECK(std::system(("sh '" + test::source_path("examples/backup-rotate.sh") + "' '" + dir + "' x 0 2>/dev/null").c_str()) != 0);
}

TEST_CASE("a backup or restore stopped by a full disk leaves nothing behind and records no backup", "[ops][backup]") {
  test::Fixture f;
  add_referral(f, 1);
  REQUIRE(op(f, {"backup", "keygen", "--out", f.dir.file("drift.key")}).code == 0);
  REQUIRE(op(f, {"backup", "--to", f.dir.file("good.db")}).code == 0);
  robust::Sql sql(f.db());
  const auto backups = sql.number("SELECT count(*) FROM audit WHERE action = 'backup'");
  const auto before = names_in(f.dir.path());
  // A file size limit far below the database's size stands in for a full
  // disk; SIGXFSZ is ignored so write() fails instead.
  const auto limited = [&](std::vector<std::string> args) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::signal(SIGXFSZ, SIG_IGN);
      rlimit lim{64 * 1024, 64 * 1024};
      ::setrlimit(RLIMIT_FSIZE, &lim);
      ::_exit(op(f, args).code);
    }
    return robust::wait_for(pid);
  };
  CHECK(limited({"backup", "--to", f.dir.file("b.db")}) == 74);
  CHECK(limited({"backup", "--to", f.dir.file("b.enc"), "--encrypt-to", f.dir.file("drift.key.pub")}) == 74);
  CHECK(limited({"restore", f.dir.file("good.db"), "--to", f.dir.file("r.db")}) == 74);
  CHECK(names_in(f.dir.path()) == before);
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'backup'") == backups);
}

// Trial s12 #15: restore --force of an older backup over a newer database
// replaced it without a word about the work done since the backup.
TEST_CASE("restore over a database newer than the backup says how far the replaced log reached", "[ops][backup]") {
  test::Fixture f;
  add_referral(f, 1);
  const std::string copy = f.dir.file("k-old.db");
  REQUIRE(op(f, {"backup", "--to", copy}).code == 0);
  add_referral(f, 2);
  add_referral(f, 3);
  const auto head = op(f, {"--json", "audit", "verify"});
  REQUIRE(head.code == 0);
  const long long replaced_entries = head.json()["entries"].get<long long>();

  auto r = op(f, {"--json", "restore", copy, "--to", f.db(), "--force"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto j = r.json();
  CHECK(j["replaced_audit_head"]["id"].get<long long>() >= replaced_entries);
  CHECK(j["replaced_audit_head"]["id"].get<long long>() > j["audit_head"]["id"].get<long long>());
  CHECK(j["replaced_newer"] == true);
  // As text, the note on stderr names both heads.
  REQUIRE(op(f, {"backup", "--to", f.dir.file("k-mid.db")}).code == 0);
  add_referral(f, 4);
  auto t = op(f, {"restore", f.dir.file("k-mid.db"), "--to", f.db(), "--force"});
  INFO(t.out << t.err);
  REQUIRE(t.code == 0);
  CHECK(t.err.find("after the backup") != std::string::npos);
  // A restore to a new path, or of a backup not older, says nothing of it.
  auto fresh = op(f, {"--json", "restore", copy, "--to", f.dir.file("drill.db")});
  REQUIRE(fresh.code == 0);
  CHECK_FALSE(fresh.json().contains("replaced_audit_head"));
  CHECK(fresh.err.empty());
}
