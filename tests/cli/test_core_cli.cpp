// End-to-end tests of the foundation: init, config, audit, global options.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using test::run;

TEST_CASE("init creates a private database and refuses to overwrite it", "[core]") {
  test::TempDir dir;
  const auto db = dir.file("data/k.db");
  auto r = run({"--db", db, "--json", "init", "--config", test::source_path("examples/rammeverk.toml")}, "", {{"HOME", dir.path()}});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto j = r.json();
  CHECK(j["database"] == db);
  CHECK(j["schema_version"].get<int>() >= 2);
  struct stat st {};
  REQUIRE(::stat(db.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  {
    // A new database has 16 KiB pages (fewer page writes for a large
    // import) and the write-ahead log.
    robust::Sql sql(db);
    CHECK(sql.number("PRAGMA page_size") == 16384);
    CHECK(sql.text("PRAGMA journal_mode") == "wal");
  }

  r = run({"--db", db, "--json", "init"}, "", {{"HOME", dir.path()}});
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "db.exists");
}

TEST_CASE("init without a rammeverk stores the built-in default, --example the example", "[core]") {
  test::TempDir dir;
  auto r = run({"--db", dir.file("a.db"), "init"}, "", {{"HOME", dir.path()}});
  REQUIRE(r.code == 0);
  r = run({"--db", dir.file("a.db"), "--json", "config", "show"}, "", {{"HOME", dir.path()}});
  REQUIRE(r.code == 0);
  CHECK(r.json()["municipality"]["name"] == "Kommunen");
  r = run({"--db", dir.file("b.db"), "init", "--example"}, "", {{"HOME", dir.path()}});
  REQUIRE(r.code == 0);
  r = run({"--db", dir.file("b.db"), "--json", "config", "show"}, "", {{"HOME", dir.path()}});
  CHECK(r.json()["municipality"]["name"] == "Eksempel kommune");
}

TEST_CASE("the environment gives the database and the acting user", "[core]") {
  test::TempDir dir;
  std::map<std::string, std::string> env{{"HOME", dir.path()}, {"OPPTEAM_DB", dir.file("env.db")}, {"OPPTEAM_USER", "ane"}};
  REQUIRE(run({"init"}, "", env).code == 0);
  auto r = run({"--json", "audit", "log"}, "", env);
  REQUIRE(r.code == 0);
  CHECK(r.json()["entries"][0]["actor"] == "ane");
  // Without OPPTEAM_DB the XDG data home is used.
  std::map<std::string, std::string> xdg{{"HOME", dir.path()}, {"XDG_DATA_HOME", dir.file("xdg")}};
  REQUIRE(run({"init"}, "", xdg).code == 0);
  struct stat st {};
  CHECK(::stat(dir.file("xdg/oppteam/oppteam.db").c_str(), &st) == 0);
}

TEST_CASE("a database others can read is refused with exit 77 and the fix", "[core]") {
  test::Fixture f;
  ::chmod(f.db().c_str(), 0644);
  auto r = f.oppteam({"--json", "audit", "verify"});
  CHECK(r.code == 77);
  CHECK(test::error_key(r) == "db.world_readable");
  CHECK(r.err.find("chmod 600") != std::string::npos);  // the fix
}

TEST_CASE("a missing database is exit 66 and says how to create it", "[core]") {
  test::TempDir dir;
  auto r = run({"--db", dir.file("none.db"), "--json", "audit", "verify"}, "", {{"HOME", dir.path()}});
  CHECK(r.code == 66);
  auto j = r.json();
  CHECK(j["error"]["code"] == 66);
  CHECK(test::error_key(r) == "db.missing");
  CHECK(j["error"]["message"].get<std::string>().find("init") != std::string::npos);  // the fix
}

TEST_CASE("config check: a good file passes, a bad file lists every problem with line and key (exit 78)", "[core]") {
  test::TempDir dir;
  auto r = run({"--json", "config", "check", test::source_path("examples/rammeverk.toml")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["ok"] == true);
  CHECK(r.json()["municipality"]["name"] == "Eksempel kommune");

  auto bad = dir.write("bad.toml",
                       "[municipality]\nname = \"X\"\nsprak = \"nb\"\n\n"
                       "[deadlines]\nappeal = \"fire uker\"\n\n"
                       "[[service]]\nid = \"nav\"\nlabel = \"NAV\"\nsector = \"velferd\"\n");
  r = run({"--lang", "en", "config", "check", bad});
  CHECK(r.code == 78);
  CHECK(r.err.find(bad + ":3: municipality.sprak: unknown key") != std::string::npos);
  CHECK(r.err.find(bad + ":6: deadlines.appeal: must be an integer") != std::string::npos);
  CHECK(r.err.find(bad + ":8: service[0].sector") != std::string::npos);

  r = run({"--json", "config", "check", bad});
  CHECK(r.code == 78);
  CHECK(test::error_key(r) == "config.invalid");
  CHECK(r.json()["error"]["details"].size() == 3);

  r = run({"config", "check", dir.file("missing.toml")});
  CHECK(r.code == 66);
}

TEST_CASE("a command with a bad --config is exit 78 and changes nothing", "[core]") {
  test::Fixture f;
  auto bad = f.dir.write("bad.toml", "[rules]\nconsent_age = \"seksten\"\n");
  auto r = f.oppteam({"--config", bad, "config", "show"});
  CHECK(r.code == 78);
}

TEST_CASE("config store replaces the rammeverk in force and is audited", "[core]") {
  test::Fixture f;
  auto other = f.dir.write("ny.toml", "[municipality]\nname = \"Ny kommune\"\nlanguage = \"nn\"\n");
  REQUIRE(f.oppteam({"config", "store", other}).code == 0);
  auto r = f.oppteam({"--json", "config", "show"});
  CHECK(r.json()["municipality"]["name"] == "Ny kommune");
  // The stored language is now the default for messages.
  r = f.oppteam({"audit", "verify"});
  CHECK(r.code == 0);
  CHECK(r.out.find("heil") != std::string::npos);
}

TEST_CASE("audit verify names an entry edited with sqlite3 (exit 65)", "[core]") {
  test::Fixture f;
  REQUIRE(f.oppteam({"audit", "log"}).code == 0);
  REQUIRE(f.oppteam({"audit", "log"}).code == 0);
  auto r = f.oppteam({"--json", "audit", "verify"});
  REQUIRE(r.code == 0);
  CHECK(r.json()["ok"] == true);
  CHECK(r.json()["entries"] == 4);

  REQUIRE(std::system(("sqlite3 '" + f.db() + "' \"UPDATE audit SET actor = 'x' WHERE id = 3\"").c_str()) == 0);
  r = f.oppteam({"--json", "audit", "verify"});
  CHECK(r.code == 65);
  auto j = r.json();
  CHECK(j["ok"] == false);
  CHECK(j["first_bad_entry"] == 3);
}

TEST_CASE("usage errors are exit 64, help and version exit 0 with examples", "[core]") {
  auto r = run({"--json", "--no-such-option"});
  CHECK(r.code == 64);
  CHECK(test::error_key(r) == "ux.unknown_option");
  r = run({"--json", "audit", "log", "--limit", "many"});
  CHECK(r.code == 64);
  CHECK(r.json()["error"]["code"] == 64);
  CHECK(test::error_key(r) == "choice.unknown");
  r = run({"--help"});
  CHECK(r.code == 0);
  CHECK(r.out.find("oppteam --db k.db refer add --fnr 23923901213") != std::string::npos);
  r = run({"audit", "verify", "--help"});
  CHECK(r.code == 0);
  CHECK(r.out.find("oppteam --db k.db audit verify") != std::string::npos);
  r = run({"--version"});
  CHECK(r.code == 0);
  r = run({"--json", "--lang", "sv", "audit", "verify"});
  CHECK(r.code == 64);
  CHECK(test::error_key(r) == "choice.unknown");
}

TEST_CASE("a --today that is no real date is exit 65", "[core]") {
  test::Fixture f;
  auto r = f.oppteam({"--json", "--today", "2026-02-30", "audit", "verify"});
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "date.bad_input");
  CHECK(r.err.find("--today") != std::string::npos);  // names the option
}
