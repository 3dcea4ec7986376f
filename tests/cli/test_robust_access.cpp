// [access] through the real binary: refusals exit 77 naming the missing
// permission and are audited; under enforcement --as may not name someone
// else, and a --config file cannot loosen the stored rules.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <pwd.h>
#include <unistd.h>

namespace {

std::string login() {
  const auto* pw = ::getpwuid(::getuid());
  return pw ? pw->pw_name : "";
}

// The login that runs the tests may act as the named users (access.act_as).
std::string enforced_rammeverk() {
  return R"toml(
[municipality]
allow_synthetic_ids = true

[access]
enforce = true

[[access.user]]
name = ")toml" + login() + R"toml("
roles = ["runner"]

[[access.user]]
name = "siri"
roles = ["saksbehandler"]

[[access.user]]
name = "rita"
roles = ["rapport"]

[[access.user]]
name = "cron"
roles = ["it"]

[[access.role]]
id = "runner"
permissions = ["access.act_as"]
)toml";
}

test::Result as(const test::Fixture& f, const std::string& user, std::vector<std::string> args,
                std::map<std::string, std::string> env = {}) {
  std::vector<std::string> all{"--db", f.db(), "--as", user, "--lang", "en"};
  all.insert(all.end(), args.begin(), args.end());
  env["HOME"] = f.dir.path();
  return test::run(all, "", env);
}

const std::vector<std::string> kReferAdd{"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege",
                                         "--received", "2026-03-02", "--need", "Trenger koordinering"};

}  // namespace

TEST_CASE("a role without the permission is refused with 77 naming it, and audited", "[robust][access]") {
  test::Fixture f(enforced_rammeverk());
  auto r = as(f, "rita", kReferAdd);
  CHECK(r.code == 77);
  CHECK(r.err.find("refer.add") != std::string::npos);
  CHECK(r.err.find("rita") != std::string::npos);

  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);  // nothing was touched
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND actor = 'rita' AND "
                   "detail = 'refer.add'") == 1);

  SECTION("with --json the refusal is the JSON error document") {
    std::vector<std::string> args{"--json"};
    args.insert(args.end(), kReferAdd.begin(), kReferAdd.end());
    auto j = as(f, "rita", args);
    CHECK(j.code == 77);
    CHECK(j.json()["error"]["code"] == 77);
  }
  SECTION("the audit chain still verifies, and the permitted role works") {
    auto ok = as(f, "siri", kReferAdd);
    INFO(ok.err);
    CHECK(ok.code == 0);
    CHECK(as(f, "siri", {"audit", "verify"}).code == 0);
  }
  SECTION("it may import but not read a case") {
    REQUIRE(as(f, "siri", kReferAdd).code == 0);
    auto show = as(f, "cron", {"case", "show", "2026/1"});
    CHECK(show.code == 77);
    CHECK(show.err.find("case.read") != std::string::npos);
    CHECK(show.out.find("23923901213") == std::string::npos);
  }
}

TEST_CASE("under enforcement --as may not name someone else", "[robust][access]") {
  // Here the login running the tests has no access.act_as.
  test::Fixture f(R"toml(
[municipality]
allow_synthetic_ids = true
[access]
enforce = true
[[access.user]]
name = "siri"
roles = ["saksbehandler"]
)toml");
  if (login() == "siri") {
    WARN("skipped: the test login is itself siri");
    return;
  }
  auto r = as(f, "siri", kReferAdd);
  CHECK(r.code == 77);
  CHECK(r.err.find("access.act_as") != std::string::npos);
  auto env = as(f, "", kReferAdd, {{"OPPTEAM_USER", "siri"}});
  CHECK(env.code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND actor = '" + login() + "'") >= 1);
}

TEST_CASE("a --config file cannot loosen enforced access rules stored in the database", "[robust][access]") {
  test::Fixture f(enforced_rammeverk());
  const std::string loose = f.dir.write("loose.toml", "[municipality]\nallow_synthetic_ids = true\n[access]\nenforce = false\n");
  std::vector<std::string> args{"--config", loose};
  args.insert(args.end(), kReferAdd.begin(), kReferAdd.end());
  auto r = as(f, "rita", args);
  CHECK(r.code == 77);
  auto env = as(f, "rita", kReferAdd, {{"OPPTEAM_CONFIG", loose}});
  CHECK(env.code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);
}

TEST_CASE("without enforcement anyone may act under any name", "[robust][access]") {
  test::Fixture f;
  CHECK(f.oppteam(kReferAdd).code == 0);
  auto r = test::run({"--db", f.db(), "--as", "whoever", "audit", "verify"}, "", {{"HOME", f.dir.path()}});
  CHECK(r.code == 0);
}

TEST_CASE("a koordinator plans and evaluates only in the team they coordinate", "[robust][access]") {
  test::Fixture f(enforced_rammeverk() + R"toml(
[[access.user]]
name = "Ane Lie"
roles = ["koordinator"]

[[access.user]]
name = "leif"
roles = ["leder"]

[rules]
consent_required_for = []
assessment_before_decision = false
)toml");
  // Two granted cases with teams: Ane Lie coordinates 2026/1, Ola Dahl 2026/2.
  for (const auto& [fnr, coordinator] : {std::pair{std::string("23923901213"), std::string("Ane Lie")},
                                         std::pair{robust::synthetic_fnr(7), std::string("Ola Dahl")}}) {
    auto a = as(f, "siri", {"refer", "add", "--fnr", fnr, "--reporter-type", "fastlege", "--received", "2026-03-02",
                            "--need", "Behov"});
    INFO(a.err);
    REQUIRE(a.code == 0);
    const std::string number = a.out.substr(0, a.out.find('\n'));
    REQUIRE(as(f, "siri", {"decide", number, "--grant", "--date", "2026-03-03"}).code == 0);
    auto t = as(f, "siri", {"team", "create", number, "--coordinator", coordinator});
    INFO(t.err);
    REQUIRE(t.code == 0);
  }
  auto own = as(f, "Ane Lie", {"plan", "goal", "2026/1", "--text", "Bo trygt heime"});
  INFO(own.err);
  CHECK(own.code == 0);
  auto other = as(f, "Ane Lie", {"plan", "goal", "2026/2", "--text", "Bo trygt heime"});
  CHECK(other.code == 77);
  CHECK(other.err.find("2026/2") != std::string::npos);
  CHECK(as(f, "Ane Lie", {"decide", "2026/1", "--grant"}).code == 77);  // not a koordinator's permission
  // Reading: the own team's case, not another's.
  CHECK(as(f, "Ane Lie", {"case", "show", "2026/1"}).code == 0);
  CHECK(as(f, "Ane Lie", {"consent", "list", "2026/1"}).code == 0);
  CHECK(as(f, "Ane Lie", {"case", "show", "2026/2"}).code == 77);
  CHECK(as(f, "Ane Lie", {"consent", "list", "2026/2"}).code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'access.refused' AND actor = 'Ane Lie'") == 4);
  // The refusal names only the case; the person of 2026/2 still finds it,
  // in the audit log and in the export of their data.
  const std::string person2 = robust::synthetic_fnr(7);
  bool in_log = false, in_export = false;
  auto log = as(f, "leif", {"--json", "audit", "log", "--person", person2});
  REQUIRE(log.code == 0);
  const auto entries = log.json();
  for (const auto& e : entries["entries"]) in_log |= e["action"] == "access.refused" && e["object"] == "2026/2";
  CHECK(in_log);
  auto exported = as(f, "siri", {"--json", "person", "export", person2});
  REQUIRE(exported.code == 0);
  const auto doc = exported.json();
  for (const auto& e : doc["audit"]) in_export |= e["action"] == "access.refused" && e["object"] == "2026/2";
  CHECK(in_export);
  CHECK(as(f, "siri", {"audit", "verify"}).code == 0);
}
