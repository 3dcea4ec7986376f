// `oppteam check` through the real binary (issue 20): each problem it
// reports is made and seen as a FAIL line with its exit code; all holding
// is exit 0; the worst problem decides the exit code.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

test::Result check(const test::Fixture& f, std::vector<std::string> args = {}) {
  std::vector<std::string> all{"--db", f.db(), "--as", "monitor", "--lang", "en", "--json", "check"};
  all.insert(all.end(), args.begin(), args.end());
  return test::run(all, "", {{"HOME", f.dir.path()}});
}

// The line of check `name` in a --json answer (null when absent).
nlohmann::json line(const test::Result& r, const std::string& name) {
  const auto doc = r.json();
  for (const auto& l : doc["checks"])
    if (l["check"] == name) return l;
  return nullptr;
}

std::vector<std::string> failing(const test::Result& r) {
  std::vector<std::string> out;
  const auto doc = r.json();
  for (const auto& l : doc["checks"])
    if (!l["ok"].get<bool>()) out.push_back(l["check"]);
  return out;
}

void add_referral(const test::Fixture& f, int n) {
  REQUIRE(f.dir.path().size() > 0);
  auto r = test::run({"--db", f.db(), "--as", "x", "refer", "add", "--fnr", robust::synthetic_fnr(n), "--reporter-type",
                      "fastlege", "--received", "2026-03-02", "--need", "Trenger koordinering"},
                     "", {{"HOME", f.dir.path()}});
  REQUIRE(r.code == 0);
}

void age(const std::string& path, std::chrono::hours by) {
  fs::last_write_time(path, fs::file_time_type::clock::now() - by);
}

}  // namespace

TEST_CASE("check passes on a healthy database, one line per check", "[ops][check]") {
  test::Fixture f;
  add_referral(f, 1);
  auto r = check(f);
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(r.json()["ok"] == true);
  for (const char* name : {"database", "integrity", "foreign_keys", "audit", "modes", "disk"}) {
    INFO(name);
    REQUIRE(line(r, name) != nullptr);
    CHECK(line(r, name)["ok"] == true);
  }
  CHECK(line(r, "backup") == nullptr);  // not asked for

  SECTION("as text: one line per check, in the user's language") {
    auto t = test::run({"--db", f.db(), "--as", "m", "--lang", "nn", "check"}, "", {{"HOME", f.dir.path()}});
    CHECK(t.code == 0);
    CHECK(t.out.find("ok    revisjonslogg") != std::string::npos);
    CHECK(t.out.find("kjeda er heil") != std::string::npos);
    CHECK(std::count(t.out.begin(), t.out.end(), '\n') == 6);
  }
  SECTION("check writes nothing: the audit log is the same after it") {
    robust::Sql sql(f.db());
    const auto entries = sql.number("SELECT count(*) FROM audit");
    CHECK(check(f).code == 0);
    CHECK(sql.number("SELECT count(*) FROM audit") == entries);
  }
}

TEST_CASE("check reports a broken reference or an edited audit entry with 65", "[ops][check]") {
  struct Tamper {
    const char* sql;
    const char* check;
    const char* detail;  // part of the FAIL line's detail
    std::vector<std::string> failing;
  };
  // A referral changed outside oppteam breaks its reference and its seal in the audit log.
  for (const Tamper& t : {Tamper{"UPDATE referral SET case_id = 999 WHERE id = 1", "foreign_keys", "referral",
                                 {"foreign_keys", "audit"}},
                          Tamper{"UPDATE audit SET actor = 'mallory' WHERE id = 2", "audit", "entry 2", {"audit"}}}) {
    INFO(t.sql);
    test::Fixture f;
    add_referral(f, 1);
    robust::Sql(f.db()).exec(t.sql);
    auto r = check(f);
    CHECK(r.code == 65);
    auto fails = failing(r);
    std::sort(fails.begin(), fails.end());
    auto want = t.failing;
    std::sort(want.begin(), want.end());
    CHECK(fails == want);
    CHECK(line(r, t.check)["detail"].get<std::string>().find(t.detail) != std::string::npos);
    CHECK(r.json()["error"]["code"] == 65);
  }
}

TEST_CASE("check reports a damaged page with 74", "[ops][check]") {
  test::Fixture f;
  for (int i = 0; i < 20; ++i) add_referral(f, i);
  long long root = 0, page_size = 0;
  {
    robust::Sql sql(f.db());
    root = sql.number("SELECT rootpage FROM sqlite_schema WHERE name = 'referral_case'");
    page_size = sql.number("PRAGMA page_size");
  }
  REQUIRE(root > 1);
  REQUIRE(!fs::exists(f.db() + "-wal"));
  {
    std::fstream db(f.db(), std::ios::in | std::ios::out | std::ios::binary);
    db.seekp((root - 1) * page_size);
    const std::string garbage(64, '\x7f');
    db.write(garbage.data(), std::streamsize(garbage.size()));
  }
  auto r = check(f);
  INFO(r.out);
  CHECK(r.code == 74);
  CHECK(line(r, "integrity")["ok"] == false);
}

TEST_CASE("check reports files open to others with 77", "[ops][check]") {
  test::Fixture f;
  add_referral(f, 1);
  SECTION("the database readable by others (which every other command refuses to open)") {
    ::chmod(f.db().c_str(), 0644);
    auto r = check(f);
    CHECK(r.code == 77);
    CHECK(failing(r) == std::vector<std::string>{"modes"});
    CHECK(line(r, "modes")["detail"].get<std::string>().find("644") != std::string::npos);
    CHECK(line(r, "integrity")["ok"] == true);  // the other checks still ran
  }
  SECTION("a -wal file readable by others") {
    robust::Sql holder(f.db());  // keeps the -wal file
    holder.exec("INSERT INTO meta(key, value) VALUES ('x', 'y')");
    REQUIRE(fs::exists(f.db() + "-wal"));
    ::chmod((f.db() + "-wal").c_str(), 0604);
    auto r = check(f);
    CHECK(r.code == 77);
    CHECK(line(r, "modes")["detail"].get<std::string>().find("-wal") != std::string::npos);
  }
  SECTION("the folder writable by others") {
    ::chmod(f.dir.path().c_str(), 0703);
    auto r = check(f);
    ::chmod(f.dir.path().c_str(), 0700);
    CHECK(r.code == 77);
    CHECK(failing(r) == std::vector<std::string>{"modes"});
  }
}

TEST_CASE("check reports low disk space with 74", "[ops][check]") {
  test::Fixture f;
  auto r = check(f, {"--min-free-mb", "999999999999"});
  CHECK(r.code == 74);
  CHECK(failing(r) == std::vector<std::string>{"disk"});
  CHECK(check(f, {"--min-free-mb", "0"}).code == 0);
}

TEST_CASE("check reports a missing or old backup", "[ops][check]") {
  test::Fixture f;
  const std::string dir = f.dir.file("backups");
  fs::create_directory(dir);
  SECTION("none in the folder: 1") {
    auto r = check(f, {"--backup-dir", dir});
    CHECK(r.code == 1);
    CHECK(failing(r) == std::vector<std::string>{"backup"});
  }
  SECTION("the named file does not exist: 1") {
    CHECK(check(f, {"--last-backup", dir + "/absent.db"}).code == 1);
  }
  SECTION("the folder cannot be read: 66") {
    CHECK(check(f, {"--backup-dir", dir + "/absent"}).code == 66);
  }
  SECTION("a fresh backup is ok, an old one is 2") {
    auto b = test::run({"--db", f.db(), "--as", "x", "backup", "--to", dir + "/k-1.db"}, "", {{"HOME", f.dir.path()}});
    REQUIRE(b.code == 0);
    auto ok = check(f, {"--backup-dir", dir});
    CHECK(ok.code == 0);
    CHECK(line(ok, "backup")["detail"].get<std::string>().find("k-1.db") != std::string::npos);
    age(dir + "/k-1.db", std::chrono::hours(30));
    auto old = check(f, {"--backup-dir", dir});
    CHECK(old.code == 2);
    CHECK(line(old, "backup")["detail"].get<std::string>().find("30 hours") != std::string::npos);
    CHECK(check(f, {"--last-backup", dir + "/k-1.db", "--max-backup-age-hours", "48"}).code == 0);
    // The newest file counts; a hidden temporary of a backup under way does not.
    std::ofstream(dir + "/.k-2.db.tmp-abcdef") << "partial";
    CHECK(check(f, {"--backup-dir", dir}).code == 2);
    std::ofstream(dir + "/k-2.db") << "newer";
    CHECK(check(f, {"--backup-dir", dir}).code == 0);
  }
  SECTION("--backup-dir and --last-backup together are a usage error") {
    CHECK(check(f, {"--backup-dir", dir, "--last-backup", dir + "/x"}).code == 64);
  }
}

TEST_CASE("check --anchor: the chain must reach the anchors kept outside, a missing file is 66", "[ops][check]") {
  test::Fixture f;
  add_referral(f, 1);
  auto missing = check(f, {"--anchor", f.dir.file("no-such-file")});
  CHECK(missing.code == 66);
  CHECK(failing(missing) == std::vector<std::string>{"anchor"});

  auto a = test::run({"--db", f.db(), "--as", "monitor", "audit", "anchor"}, "", {{"HOME", f.dir.path()}});
  REQUIRE(a.code == 0);
  const std::string file = f.dir.write("anchors.log", a.out);
  add_referral(f, 2);
  auto ok = check(f, {"--anchor", file});
  INFO(ok.out << ok.err);
  CHECK(ok.code == 0);
  CHECK(line(ok, "anchor")["ok"] == true);

  // The tail trimmed back behind the anchor and the head moved with it:
  // a chain that is whole in itself, found only by the anchor.
  {
    robust::Sql sql(f.db());
    const std::string keep = "2";
    const std::string hash = sql.text("SELECT hash FROM audit WHERE id = " + keep);
    sql.exec("DELETE FROM audit WHERE id > " + keep);
    sql.exec("UPDATE meta SET value = '" + keep + " " + hash + "' WHERE key = 'audit_head'");
  }
  auto bad = check(f, {"--anchor", file});
  INFO(bad.out << bad.err);
  CHECK(bad.code == 65);
  CHECK(line(bad, "anchor")["ok"] == false);
}

TEST_CASE("check: the worst problem decides the exit code, and a missing database is 66", "[ops][check]") {
  test::Fixture f;
  add_referral(f, 1);
  {
    robust::Sql sql(f.db());
    sql.exec("UPDATE audit SET detail = 'x' WHERE id = 1");
  }
  ::chmod(f.db().c_str(), 0644);
  auto r = check(f, {"--min-free-mb", "999999999999"});
  CHECK(failing(r) == std::vector<std::string>{"audit", "modes", "disk"});
  CHECK(r.code == 65);  // the audit chain before file modes and disk space

  auto missing = test::run({"--db", f.dir.file("absent.db"), "--as", "m", "--json", "check"}, "", {{"HOME", f.dir.path()}});
  CHECK(missing.code == 66);
  CHECK(line(missing, "database")["ok"] == false);
  CHECK(line(missing, "disk") != nullptr);
}
