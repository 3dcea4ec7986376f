// refer import stores a batch at a time: the same person or external_id
// twice in one file, across a batch boundary, persons known before, and the
// one audit entry of an import found by person and by case.

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <sys/stat.h>

using namespace intake_test;

namespace {

const std::string kHeader = "external_id,fnr,name,reporter_type,reporter_name,received,need\r\n";

std::string row(const std::string& id, const std::string& fnr, const std::string& name, const std::string& need,
                const std::string& received = "2026-02-01") {
  return id + "," + fnr + "," + name + ",fastlege,Dr. Berg," + received + "," + need + "\r\n";
}

// More rows than one batch holds (2048), each a new person.
std::string many_rows(int n) {
  std::string t = kHeader;
  for (int i = 0; i < n; ++i)
    t += row("M" + std::to_string(i), synthetic_fnr(1 + i % 28, 1 + (i / 28) % 12, 1940 + i / 336, 0), "", "Behov " + std::to_string(i));
  return t;
}

nlohmann::json show(test::Fixture& f, const std::string& number) {
  auto r = f.oppteam({"--today", kToday, "--json", "case", "show", number});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return r.json();
}

}  // namespace

TEST_CASE("a person twice in one file gets one case with both referrals, a known person's open case is joined",
          "[intake]") {
  test::Fixture f;
  const std::string per = synthetic_fnr(4, 5, 1950), kari = synthetic_fnr(5, 6, 1960);
  // Kari is known before the import, without a name, with an open case.
  REQUIRE(f.oppteam({"--today", kToday, "refer", "add", "--fnr", kari, "--reporter-type", "nav", "--received",
                     "2026-01-10", "--need", "Arbeid"})
              .code == 0);
  auto file = f.dir.write("b.csv", kHeader + row("P1", per, "Per Hansen", "Første") + row("K1", kari, "Kari Moe", "Helse") +
                                       row("P2", per, "", "Andre"));
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["stored"] == 3);
  CHECK(r.json()["cases_opened"] == 1);

  auto k = show(f, "2026/1");
  CHECK(k["person"]["fnr"] == kari);
  CHECK(k["person"]["name"] == "Kari Moe");  // a name sent later fills a missing one
  CHECK(k["referrals"].size() == 2);
  auto p = show(f, "2026/2");
  CHECK(p["person"]["fnr"] == per);
  CHECK(p["person"]["name"] == "Per Hansen");
  REQUIRE(p["referrals"].size() == 2);
  CHECK(p["referrals"][0]["need"] == "Første");
  CHECK(p["referrals"][1]["need"] == "Andre");
  CHECK(f.oppteam({"--today", kToday, "case", "show", "2026/3"}).code == 1);  // not found: no third case
}

TEST_CASE("the same external_id twice in one file: a duplicate when equal, a conflict naming the first line when not",
          "[intake]") {
  test::Fixture f;
  const std::string a = synthetic_fnr(6, 7, 1950), b = synthetic_fnr(7, 8, 1951);
  auto same = f.dir.write("same.csv", kHeader + row("X1", a, "", "Behov") + row("X2", b, "", "Annet") + row("X1", a, "", "Behov"));
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "import", same});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["stored"] == 2);
  CHECK(r.json()["duplicates"] == 1);

  auto other = f.dir.write("other.csv", kHeader + row("Y1", a, "", "Behov") + row("Y1", a, "", "Noe annet"));
  auto c = f.oppteam({"--today", kToday, "--json", "--lang", "en", "refer", "import", other});
  CHECK(c.code == 65);
  auto j = c.json();
  CHECK(j["stored"] == 0);
  CHECK(j["conflicts"] == 1);
  REQUIRE(j["errors"].size() == 1);
  CHECK(j["errors"][0]["line"] == 3);
  CHECK(j["errors"][0]["column"] == "external_id");
  CHECK(j["errors"][0]["reason"].get<std::string>().find("line 2") != std::string::npos);

  auto p = f.oppteam({"--today", kToday, "--json", "refer", "import", other, "--partial", "--rejects", f.dir.file("rej.csv")});
  REQUIRE(p.code == 65);
  CHECK(p.json()["stored"] == 1);
  CHECK(p.json()["conflicts"] == 1);
  const std::string rejects = test::read_file(f.dir.file("rej.csv"));
  CHECK(rejects.find("Noe annet") != std::string::npos);
  CHECK(rejects.find("Y1," + a + ",,fastlege,Dr. Berg,2026-02-01,Behov\r\n") == std::string::npos);
}

TEST_CASE("duplicates and conflicts are found across batch boundaries, and errors stay in line order", "[intake]") {
  test::Fixture f;
  const int n = 2100;  // more than one batch
  std::string text = many_rows(n);
  // Line n + 2 repeats line 2 exactly; line n + 3 changes line 3's need; line n + 4 is bad.
  text += row("M0", synthetic_fnr(1, 1, 1940, 0), "", "Behov 0");
  text += row("M1", synthetic_fnr(2, 1, 1940, 0), "", "Et annet behov");
  text += row("M9999", bad_control(synthetic_fnr(3, 3, 1990)), "", "Behov");
  auto file = f.dir.write("many.csv", text);
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "import", file, "--partial", "--rejects", f.dir.file("rej.csv")});
  INFO(r.err);
  REQUIRE(r.code == 65);
  auto j = r.json();
  CHECK(j["read"] == n + 3);
  CHECK(j["stored"] == n);
  CHECK(j["cases_opened"] == n);
  CHECK(j["duplicates"] == 1);
  CHECK(j["conflicts"] == 1);
  CHECK(j["rejected"] == 2);
  REQUIRE(j["errors"].size() == 2);
  CHECK(j["errors"][0]["line"] == n + 3);
  CHECK(j["errors"][1]["line"] == n + 4);
  CHECK(show(f, "2026/" + std::to_string(n))["referrals"].size() == 1);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("an import is one audit entry, found through each person and case it stored", "[intake][audit]") {
  test::Fixture f;
  const std::string a = synthetic_fnr(8, 9, 1950), b = synthetic_fnr(9, 10, 1952);
  auto file = f.dir.write("b.csv", kHeader + row("Z1", a, "Anne", "Behov") + row("Z2", b, "Bjørn", "Annet"));
  REQUIRE(f.oppteam({"--today", kToday, "refer", "import", file}).code == 0);

  std::string last_out;
  auto entries = [&](std::vector<std::string> filter) {
    std::vector<std::string> args = {"--today", kToday, "--json", "audit", "log"};
    args.insert(args.end(), filter.begin(), filter.end());
    auto r = f.oppteam(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    last_out = r.out;
    nlohmann::json imports = nlohmann::json::array();
    const auto doc = r.json();
    for (const auto& e : doc["entries"])
      if (e["action"] == "refer.import") imports.push_back(e);
    return imports;
  };
  for (const auto& filter : std::vector<std::vector<std::string>>{{"--person", a}, {"--person", b}, {"--case", "2026/1"},
                                                                 {"--case", "2026/2"}}) {
    INFO(filter[0] << " " << filter[1]);
    auto imports = entries(filter);
    INFO(last_out);
    REQUIRE(imports.size() == 1);
    CHECK(imports[0]["actor"] == "saksbehandler1");  // the fixture's user
    CHECK(imports[0]["object"] == "import:b.csv");
  }
  // A person the import did not store is not linked to it.
  REQUIRE(f.oppteam({"--today", kToday, "refer", "add", "--fnr", synthetic_fnr(10, 11, 1953), "--reporter-type", "nav",
                     "--received", "2026-02-01", "--need", "Behov"})
              .code == 0);
  CHECK(entries({"--case", "2026/3"}).empty());
  CHECK(entries({"--person", synthetic_fnr(10, 11, 1953)}).empty());

  // The person export lists it too.
  auto x = f.oppteam({"--today", kToday, "--json", "person", "export", a});
  REQUIRE(x.code == 0);
  bool found = false;
  const auto exported = x.json();
  for (const auto& e : exported["audit"]) found = found || e["action"] == "refer.import";
  CHECK(found);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("purging an imported case keeps, in the purge entry, the import that stored it", "[intake][audit]") {
  // One year's retention: purge counts it from the real date.
  std::string rammeverk = test::read_file(test::source_path("examples/rammeverk.toml"));
  const auto at = rammeverk.find("retention_years = 10");
  REQUIRE(at != std::string::npos);
  rammeverk.replace(at, 20, "retention_years = 1");
  test::Fixture f(rammeverk);
  auto file = f.dir.write("old.csv", kHeader + row("O1", synthetic_fnr(11, 12, 1950), "", "Behov", "2024-01-05") +
                                         row("O2", synthetic_fnr(12, 12, 1950), "", "Behov", "2024-01-06"));
  REQUIRE(f.oppteam({"--today", "2024-02-01", "refer", "import", file}).code == 0);
  {
    // Closed long ago (the process that closes a case is tested elsewhere).
    robust::Sql sql(f.db());
    sql.exec("UPDATE case_file SET status = 'closed', closed_on = '2024-03-01' WHERE number = '2024/1'");
  }
  auto r = f.oppteam({"--json", "purge", "--closed-before", "2025-01-01", "--force"});  // not archived
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["deleted"] == 1);
  auto log = f.oppteam({"--json", "audit", "log", "--case", "2024/1"});
  REQUIRE(log.code == 0);
  const auto doc = log.json();
  std::string detail;
  for (const auto& e : doc["entries"])
    if (e["action"] == "purge") detail = e["detail"];
  CHECK(detail.find("imported by audit entry #3") != std::string::npos);
  // The other case of that import still leads to it.
  auto other = f.oppteam({"--json", "audit", "log", "--case", "2024/2"});
  CHECK(other.out.find("refer.import") != std::string::npos);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("a database of schema 4, made by the oppteam before batch storing, opens and works in this one", "[intake][store]") {
  // tests/cli/data/schema4.sql: that binary's init --example, refer import of
  // examples/batch.csv, a consent and a case show, dumped with sqlite3.
  test::TempDir dir;
  const std::string db = dir.file("old.db");
  robust::make_schema4_database(db);
  auto run = [&](const std::vector<std::string>& args) {
    auto r = robust::run_on_schema4(db, dir.path(), args);
    INFO(r.err);
    return r;
  };
  // The chain the old binary wrote verifies, and the upgrade appended nothing to it.
  auto verify = run({"audit", "verify"});
  REQUIRE(verify.code == 0);
  CHECK(verify.json()["entries"] == 10);
  // Upgraded to the schema a new database gets (not a number written here: migrations are added).
  test::Fixture fresh;
  const auto latest = robust::Sql(fresh.db()).number("PRAGMA user_version");
  CHECK(latest >= 6);
  {
    robust::Sql sql(db);
    CHECK(sql.number("PRAGMA user_version") == latest);
    // The file keeps the page size it was made with (new databases get 16 KiB pages).
    CHECK(sql.number("PRAGMA page_size") == 4096);
    CHECK(sql.number("SELECT count(*) FROM referral") == 5);
    CHECK(sql.number("SELECT count(*) FROM consent") == 1);
  }
  // Its cases are found by number, with what they held.
  auto shown = run({"case", "show", "2026/1"});
  REQUIRE(shown.code == 0);
  CHECK(shown.json()["referrals"][0]["external_id"] == "EPJ-2026-0001");
  CHECK(shown.json()["consents"].size() == 1);
  // The batch sent again is recognised (content hashes of the old form), a
  // new referral for a person it holds joins that person's open case, and the
  // old per-row import entries and the new one are both found by person.
  auto again = run({"refer", "import", test::source_path("examples/batch.csv")});
  REQUIRE(again.code == 0);
  CHECK(again.json()["duplicates"] == 5);
  CHECK(again.json()["stored"] == 0);
  auto file = dir.write("new.csv", kHeader + row("N1", "23923910069", "Per Hansen", "Ny melding", "2026-03-15"));
  auto added = run({"refer", "import", file});
  REQUIRE(added.code == 0);
  CHECK(added.json()["cases_opened"] == 0);
  CHECK(run({"case", "show", "2026/1"}).json()["referrals"].size() == 2);
  auto log = run({"audit", "log", "--person", "23923910069"});
  REQUIRE(log.code == 0);
  int imports = 0;
  const auto doc = log.json();
  for (const auto& e : doc["entries"]) imports += e["action"] == "refer.import";
  CHECK(imports == 2);  // the old per-row entry, and the entry of the import that stored the new referral
  CHECK(run({"audit", "verify"}).code == 0);
}

TEST_CASE("a large import shows its progress on a terminal, and none when stderr is not one", "[intake]") {
  test::Fixture f;
  // 9000 rows of about 1 KiB: over the 8 MiB from which progress is shown.
  std::string text = kHeader;
  const std::string need(1000, 'x');
  for (int i = 0; i < 9000; ++i) text += row("L" + std::to_string(i), robust::synthetic_fnr(100 + i), "", need);
  auto file = f.dir.write("large.csv", text);
  REQUIRE(text.size() > (8u << 20));

  auto piped = f.oppteam({"--today", kToday, "refer", "import", file, "--sender", "piped"});
  INFO(piped.err);
  REQUIRE(piped.code == 0);
  CHECK(piped.err.find("rader lest") == std::string::npos);

  auto tty = test::run_pty({"--db", f.db(), "--as", "saksbehandler1", "--today", kToday, "refer", "import", file}, {},
                           f.dir.path());
  INFO(tty.out);
  CHECK_FALSE(tty.timed_out);
  CHECK(tty.code == 0);
  CHECK(tty.out.find("9000 rader lest (100%)") != std::string::npos);
}

TEST_CASE("a file that fails to read is exit 74 with nothing stored and no rejects file left", "[intake]") {
  // Reading /proc/self/mem from its start fails with EIO: a real read error
  // on a file that opens, as a failing disk or share gives.
  test::Fixture f;
  const std::string rejects = f.dir.file("rejects.csv");
  for (const std::string format : {"csv", "jsonl"}) {
    auto r = f.oppteam({"--json", "--today", kToday, "refer", "import", "/proc/self/mem", "--format", format, "--partial",
                        "--rejects", rejects});
    INFO(format << ": " << r.err);
    CHECK(r.code == 74);
    CHECK(test::error_key(r) == "import.read_failed");
    CHECK_FALSE(std::filesystem::exists(rejects));
  }
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);
}
