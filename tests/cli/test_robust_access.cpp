// [access] through the real binary: refusals exit 77 naming the missing
// permission and are audited; under enforcement --as may not name someone
// else, and a --config file cannot loosen the stored rules.

#include "cli/access_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>

namespace {

using access_test::login;

// The login that runs the tests may act as the named users (access.act_as):
// siri, rita, cron and `more`.
std::string enforced_rammeverk(const std::vector<access_test::AccessUser>& more = {}) {
  std::vector<access_test::AccessUser> users{{"siri", {"saksbehandler"}}, {"rita", {"rapport"}}, {"cron", {"it"}}};
  users.insert(users.end(), more.begin(), more.end());
  return access_test::synthetic_ids(access_test::acting_access_toml(users));
}

using access_test::as_en;

const std::vector<std::string> kReferAdd{"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege",
                                         "--received", "2026-03-02", "--need", "Trenger koordinering"};
const std::vector<std::string> kReferAddJson{"--json", "refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege",
                                             "--received", "2026-03-02", "--need", "Trenger koordinering"};

}  // namespace

TEST_CASE("a role without the permission is refused with 77 naming it, and audited", "[robust][access]") {
  test::Fixture f(enforced_rammeverk());
  auto r = as_en(f, "rita", kReferAddJson);
  CHECK(r.code == 77);
  CHECK(test::error_key(r) == "access.refused");
  CHECK(r.err.find("refer.add") != std::string::npos);  // names the permission and the user
  CHECK(r.err.find("rita") != std::string::npos);

  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);  // nothing was touched
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND actor = 'rita' AND "
                   "detail = 'refer.add'") == 1);

  SECTION("with --json the refusal is the JSON error document") {
    std::vector<std::string> args{"--json"};
    args.insert(args.end(), kReferAdd.begin(), kReferAdd.end());
    auto j = as_en(f, "rita", args);
    CHECK(j.code == 77);
    CHECK(j.json()["error"]["code"] == 77);
  }
  SECTION("the audit chain still verifies, and the permitted role works") {
    auto ok = as_en(f, "siri", kReferAdd);
    INFO(ok.err);
    CHECK(ok.code == 0);
    CHECK(as_en(f, "siri", {"audit", "verify"}).code == 0);
  }
  SECTION("it may import but not read a case") {
    REQUIRE(as_en(f, "siri", kReferAdd).code == 0);
    auto show = as_en(f, "cron", {"--json", "case", "show", "2026/1"});
    CHECK(show.code == 77);
    CHECK(test::error_key(show) == "access.refused");
    CHECK(show.err.find("case.read") != std::string::npos);  // names the permission
    CHECK(show.out.find("23923901213") == std::string::npos);
  }
}

TEST_CASE("under enforcement --as may not name someone else", "[robust][access]") {
  // Here the login running the tests has no access.act_as.
  test::Fixture f(access_test::synthetic_ids(unit::enforced_access_toml({{"siri", {"saksbehandler"}}})));
  if (login() == "siri") {
    WARN("skipped: the test login is itself siri");
    return;
  }
  auto r = as_en(f, "siri", kReferAddJson);
  CHECK(r.code == 77);
  CHECK(test::error_key(r) == "access.not_self");
  CHECK(r.err.find("access.act_as") != std::string::npos);  // names the permission
  auto env = as_en(f, "", kReferAdd, {{"OPPTEAM_USER", "siri"}});
  CHECK(env.code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND actor = '" + login() + "'") >= 1);
}

TEST_CASE("under stored enforcement no other rammeverk file is in force (--config, OPPTEAM_CONFIG, XDG)", "[robust][access]") {
  test::Fixture f(enforced_rammeverk());
  // Loosening the rules, not the access section: consent no longer needed.
  const std::string loose = f.dir.write("loose.toml", enforced_rammeverk() + "\n" + test::kQuickRulesToml);
  std::vector<std::string> args{"--json", "--config", loose};
  args.insert(args.end(), kReferAdd.begin(), kReferAdd.end());
  auto r = as_en(f, "siri", args);
  INFO(r.out << r.err);
  CHECK(r.code == 77);
  CHECK(r.json()["error"]["key"] == "access.other_rammeverk");
  CHECK(as_en(f, "siri", kReferAdd, {{"OPPTEAM_CONFIG", loose}}).code == 77);
  // The XDG file of the user's own home.
  std::filesystem::create_directories(f.dir.file("xdg/oppteam"));
  std::filesystem::copy_file(loose, f.dir.file("xdg/oppteam/rammeverk.toml"));
  CHECK(as_en(f, "siri", kReferAdd, {{"XDG_CONFIG_HOME", f.dir.file("xdg")}}).code == 77);
  // A rapport user's own small-count threshold (lower than the stored 5,
  // and above the floor any file must keep) is refused the same way.
  const std::string counts = f.dir.write("counts.toml", enforced_rammeverk() + "\n[reports]\nmin_count = 3\n");
  CHECK(as_en(f, "rita", {"--config", counts, "report"}).code == 77);

  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND object = 'rammeverk'") == 4);
  // The very text that is stored is not another rammeverk.
  const std::string same = f.dir.write("same.toml", enforced_rammeverk());
  auto ok = as_en(f, "siri", [&] {
    std::vector<std::string> a{"--config", same};
    a.insert(a.end(), kReferAdd.begin(), kReferAdd.end());
    return a;
  }());
  INFO(ok.err);
  CHECK(ok.code == 0);
}

TEST_CASE("under enforcement --today needs access.other_date, and purge counts retention from the real date", "[robust][access]") {
  test::Fixture f(enforced_rammeverk());
  std::vector<std::string> args{"--json", "--today", "2020-01-01"};
  args.insert(args.end(), kReferAdd.begin(), kReferAdd.end());
  auto r = as_en(f, "siri", args);
  INFO(r.out << r.err);
  CHECK(r.code == 77);
  CHECK(r.json()["error"]["key"] == "access.other_date");
  // Reading with another date is refused as well (deadlines would lie).
  CHECK(as_en(f, "siri", {"--today", "2040-01-01", "remind"}).code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND detail = 'access.other_date'") == 2);
  // The real date itself, given explicitly, is allowed.
  char buf[16];
  const std::time_t now = std::time(nullptr);
  std::strftime(buf, sizeof buf, "%F", std::gmtime(&now));
  args = {"--today", buf};
  args.insert(args.end(), kReferAdd.begin(), kReferAdd.end());
  auto ok = as_en(f, "siri", args);
  INFO(ok.err);
  CHECK(ok.code == 0);
}

TEST_CASE("purge's retention period counts from the real date, whatever --today says", "[robust][access]") {
  test::Fixture f;  // the example rammeverk keeps closed cases for 10 years; no enforcement
  REQUIRE(f.oppteam({"--today", "2026-03-02", "refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege",
                     "--received", "2026-03-02", "--need", "Trenger koordinering"})
              .code == 0);
  robust::Sql sql(f.db());
  sql.exec("UPDATE case_file SET status = 'closed', closed_on = '2026-04-01'");
  auto r = f.oppteam({"--json", "--today", "2040-01-01", "purge", "--closed-before", "2030-01-01"});
  INFO(r.out << r.err);
  CHECK(r.code == 2);
  CHECK(sql.number("SELECT count(*) FROM case_file") == 1);
}

TEST_CASE("without enforcement anyone may act under any name", "[robust][access]") {
  test::Fixture f;
  CHECK(f.oppteam(kReferAdd).code == 0);
  auto r = test::run({"--db", f.db(), "--as", "whoever", "audit", "verify"}, "", {{"HOME", f.dir.path()}});
  CHECK(r.code == 0);
}

TEST_CASE("a koordinator plans and evaluates only in the team they coordinate", "[robust][access]") {
  test::Fixture f(enforced_rammeverk({{"Ane Lie", {"koordinator"}}, {"leif", {"leder"}}}) + "\n" + test::kQuickRulesToml);
  // Two granted cases with teams: Ane Lie coordinates 2026/1, Ola Dahl 2026/2.
  for (const auto& [fnr, coordinator] : {std::pair{std::string("23923901213"), std::string("Ane Lie")},
                                         std::pair{robust::synthetic_fnr(7), std::string("Ola Dahl")}}) {
    auto a = as_en(f, "siri", {"refer", "add", "--fnr", fnr, "--reporter-type", "fastlege", "--received", "2026-03-02",
                            "--need", "Behov"});
    INFO(a.err);
    REQUIRE(a.code == 0);
    const std::string number = a.out.substr(0, a.out.find('\n'));
    REQUIRE(as_en(f, "siri", {"decide", number, "--grant"}).code == 0);  // today: another date needs access.other_date
    auto t = as_en(f, "siri", {"team", "create", number, "--coordinator", coordinator});
    INFO(t.err);
    REQUIRE(t.code == 0);
  }
  auto own = as_en(f, "Ane Lie", {"plan", "goal", "2026/1", "--text", "Bo trygt heime"});
  INFO(own.err);
  CHECK(own.code == 0);
  auto other = as_en(f, "Ane Lie", {"--json", "plan", "goal", "2026/2", "--text", "Bo trygt heime"});
  CHECK(other.code == 77);
  CHECK(test::error_key(other) == "access.refused_case");
  CHECK(other.err.find("2026/2") != std::string::npos);  // names the case
  CHECK(as_en(f, "Ane Lie", {"decide", "2026/1", "--grant"}).code == 77);  // not a koordinator's permission
  // Reading: the own team's case, not another's.
  CHECK(as_en(f, "Ane Lie", {"case", "show", "2026/1"}).code == 0);
  CHECK(as_en(f, "Ane Lie", {"consent", "list", "2026/1"}).code == 0);
  CHECK(as_en(f, "Ane Lie", {"case", "show", "2026/2"}).code == 77);
  CHECK(as_en(f, "Ane Lie", {"consent", "list", "2026/2"}).code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND actor = 'Ane Lie'") == 4);
  // The refusal names only the case; the person of 2026/2 still finds it,
  // in the audit log and in the export of their data.
  const std::string person2 = robust::synthetic_fnr(7);
  bool in_log = false, in_export = false;
  auto log = as_en(f, "leif", {"--json", "audit", "log", "--person", person2});
  REQUIRE(log.code == 0);
  const auto entries = log.json();
  for (const auto& e : entries["entries"]) in_log |= e["action"] == "access.refused" && e["object"] == "2026/2";
  CHECK(in_log);
  auto exported = as_en(f, "siri", {"--json", "person", "export", person2});
  REQUIRE(exported.code == 0);
  const auto doc = exported.json();
  for (const auto& e : doc["audit"]) in_export |= e["action"] == "access.refused" && e["object"] == "2026/2";
  CHECK(in_export);
  CHECK(as_en(f, "siri", {"audit", "verify"}).code == 0);
}
