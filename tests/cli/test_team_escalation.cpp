// Escalation, stale cases and approvals (issue 15): items overdue more than
// [escalation] after_days are shown to the unit's leaders too (remind
// --escalated, --for LEADER); an open case unchanged for stale_days is a
// stale_case item; [approvals] makes a plan revision or an assessment
// pending until `approve` by a leader, and remind lists it to leaders.

#include "cli/harness.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace team_test;

namespace {

// The example rammeverk with a leader and, when asked, approvals required.
std::string rammeverk(bool approvals) {
  std::string text = test::read_file(test::source_path("examples/rammeverk.toml"));
  if (approvals) {
    const std::string from = "[approvals]\nplan = false", to = "[approvals]\nplan = true";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    const std::string a_from = "assessment = false", a_to = "assessment = true";
    text.replace(text.find(a_from), a_from.size(), a_to);
  }
  return text + "\n[[access.user]]\nname = \"Lise Leder\"\nroles = [\"leder\"]\n";
}

test::Result as(test::Fixture& f, const std::string& user, std::vector<std::string> args) {
  std::vector<std::string> all{"--db", f.db(), "--as", user};
  all.insert(all.end(), args.begin(), args.end());
  return test::run(all, "", {{"HOME", f.dir.path()}});
}

std::multiset<std::string> kinds(test::Fixture& f, const std::string& day, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--today", day, "--json", "remind"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = f.oppteam(args);
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto doc = r.json();
  std::multiset<std::string> out;
  for (const auto& i : doc["items"]) out.insert(i["kind"].get<std::string>() + (i["escalated"] == true ? "!" : ""));
  return out;
}

std::string case_with_measure(test::Fixture& f) {
  std::string c = granted_case(f);
  REQUIRE(f.oppteam(core_team(c)).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Besøk", "--responsible", "Siri Moe",
                     "--due", "2026-04-01"}).code == 0);
  return c;
}

}  // namespace

TEST_CASE("overdue work past after_days is escalated to the leaders", "[team][escalation][remind]") {
  test::Fixture f(rammeverk(false));
  const std::string c = case_with_measure(f);
  // 14 days overdue: not yet escalated.
  CHECK(kinds(f, "2026-04-15", {"--for", "Siri Moe"}) == std::multiset<std::string>{"measure"});
  CHECK(kinds(f, "2026-04-15", {"--for", "Lise Leder"}).empty());
  CHECK(kinds(f, "2026-04-15", {"--escalated"}).empty());
  // 15 days: escalated, to Siri Moe, the coordinator and the leader.
  CHECK(kinds(f, "2026-04-16", {"--for", "Siri Moe"}) == std::multiset<std::string>{"measure!"});
  CHECK(kinds(f, "2026-04-16", {"--for", "Lise Leder"}) == std::multiset<std::string>{"measure!"});
  CHECK(kinds(f, "2026-04-16", {"--escalated"}) == std::multiset<std::string>{"measure!"});
  CHECK(kinds(f, "2026-04-16", {"--for", "Ola Dahl"}).empty());
  auto by = f.oppteam({"--today", "2026-04-16", "--json", "remind", "--by-person"});
  REQUIRE(by.code == 0);
  const auto doc = by.json();
  std::set<std::string> names;
  for (const auto& p : doc["people"]) names.insert(p["name"].get<std::string>());
  CHECK(names == std::set<std::string>{"Lise Leder", "Siri Moe"});
  auto text = f.oppteam({"--today", "2026-04-16", "remind", "--for", "Lise Leder"});
  CHECK(text.out.find("eskalert") != std::string::npos);
  REQUIRE(f.oppteam({"--today", "2026-04-17", "plan", "status", c, "--measure", "1", "done"}).code == 0);
  CHECK(kinds(f, "2026-04-17", {"--for", "Lise Leder"}).empty());
}

TEST_CASE("a leader is whoever may approve, whatever the role is called", "[team][escalation][remind]") {
  // The municipality's own role "avdelingsleder" holds `approve`; the
  // built-in role "leder" given to a user of its own is not needed.
  test::Fixture f(rammeverk(false) +
                  "\n[[access.role]]\nid = \"avdelingsleder\"\npermissions = [\"approve\", \"remind\"]\n"
                  "\n[[access.user]]\nname = \"Per Avdeling\"\nroles = [\"avdelingsleder\"]\n"
                  "\n[[access.user]]\nname = \"Kari Skriver\"\nroles = [\"saksbehandler\"]\n");
  case_with_measure(f);
  CHECK(kinds(f, "2026-04-16", {"--for", "Per Avdeling"}) == std::multiset<std::string>{"measure!"});
  CHECK(kinds(f, "2026-04-16", {"--for", "Kari Skriver"}).empty());
}

TEST_CASE("an open case with no change for stale_days becomes a stale case until something happens", "[team][escalation][remind]") {
  test::Fixture f(rammeverk(false));
  const std::string c = case_with_measure(f);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "plan", "status", c, "--measure", "1", "done"}).code == 0);
  // Last change 2026-04-01; stale_days = 60. Reads (case show, meeting list) are no change.
  REQUIRE(f.oppteam({"--today", "2026-05-20", "case", "show", c}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-05-20", "decide", "letter", c}).code == 0);  // a reprint is a read too
  CHECK(kinds(f, "2026-05-30").count("stale_case") == 0);
  auto on = kinds(f, "2026-05-31");
  CHECK(on.count("stale_case") == 1);
  REQUIRE(f.oppteam({"--today", "2026-06-01", "log", "add", c, "--text", "Ringte Per"}).code == 0);
  CHECK(kinds(f, "2026-06-01").count("stale_case") == 0);
}

TEST_CASE("a closing waits for a leader's approval where [approvals] asks for it, and a rejection reopens the case", "[team][approval]") {
  std::string text = rammeverk(false);
  const std::string from = "closing = false", to = "closing = true";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), to);
  test::Fixture f(text);
  const std::string c = case_with_measure(f);
  auto closed = as(f, "Ane Lie", {"--today", "2026-04-02", "--json", "case", "close", c, "--reason", "team_ended"});
  INFO(closed.out << closed.err);
  REQUIRE(closed.code == 0);
  CHECK(closed.json()["pending_approval"] == true);
  CHECK(kinds(f, "2026-04-02", {"--for", "Lise Leder"}) == std::multiset<std::string>{"approval"});
  // Not by whoever closed it; a rejection needs a reason and reopens the case.
  CHECK(as(f, "Ane Lie", {"--today", "2026-04-03", "approve", c, "--what", "closing"}).code == 2);
  auto rejected = as(f, "Lise Leder", {"--today", "2026-04-03", "approve", c, "--what", "closing", "--reject", "--reason",
                                        "Tiltak 1 er ikke fullført"});
  INFO(rejected.out << rejected.err);
  REQUIRE(rejected.code == 0);
  auto show = f.oppteam({"--json", "case", "show", c});
  REQUIRE(show.code == 0);
  const auto sd = show.json();
  CHECK(sd["status"] != "closed");
  CHECK(kinds(f, "2026-04-03", {"--for", "Lise Leder"}).count("approval") == 0);
  // Closed again and approved: it stays closed, nothing is reminded.
  REQUIRE(as(f, "Ane Lie", {"--today", "2026-04-20", "case", "close", c, "--reason", "team_ended"}).code == 0);
  REQUIRE(as(f, "Lise Leder", {"--today", "2026-04-21", "approve", c, "--what", "closing"}).code == 0);
  const auto after = f.oppteam({"--json", "case", "show", c}).json();
  CHECK(after["status"] == "closed");
  CHECK(kinds(f, "2026-04-21").empty());
}

TEST_CASE("a plan revision waits for a leader's approval where [approvals] asks for it", "[team][approval]") {
  test::Fixture f(rammeverk(true));
  std::string c = granted_case(f);
  REQUIRE(as(f, "Ane Lie", {"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie", "--member",
                            "Siri Moe:hjemmesykepleie:hjemmetjenesten"}).code == 0);
  REQUIRE(as(f, "Ane Lie", {"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
  auto show = f.oppteam({"--json", "case", "show", c});
  REQUIRE(show.code == 0);
  const auto sd = show.json();
  INFO(sd["approvals"].dump());
  // The assessment (made by saksbehandler1 in granted_case) and the plan wait.
  REQUIRE(sd["approvals"].size() == 2);
  CHECK(sd["approvals"][0]["what"] == "assessment");
  CHECK(sd["approvals"][1]["what"] == "plan");
  CHECK(sd["approvals"][1]["status"] == "pending");
  CHECK(sd["approvals"][1]["requested_by"] == "Ane Lie");
  CHECK(f.oppteam({"case", "show", c}).out.find("venter på godkjenning") != std::string::npos);

  // Reminded to the leader only.
  CHECK(kinds(f, "2026-03-12", {"--for", "Lise Leder"}) == std::multiset<std::string>{"approval", "approval"});
  CHECK(kinds(f, "2026-03-12", {"--for", "Siri Moe"}).empty());

  // Not by whoever made the change; a rejection needs a reason; then by the leader.
  CHECK(as(f, "Ane Lie", {"--today", "2026-03-13", "approve", c, "--what", "plan"}).code == 2);
  CHECK(as(f, "Lise Leder", {"--today", "2026-03-13", "approve", c, "--what", "assessment", "--reject"}).code == 64);
  CHECK(as(f, "Lise Leder", {"--today", "2026-03-13", "approve", c, "--what", "closure"}).code == 64);
  CHECK(as(f, "Lise Leder", {"--today", "2026-03-13", "approve", c, "--what", "closing"}).code == 1);  // none pending
  auto ok = as(f, "Lise Leder", {"--today", "2026-03-13", "--json", "approve", c, "--what", "plan"});
  INFO(ok.out << ok.err);
  REQUIRE(ok.code == 0);
  CHECK(ok.json()["status"] == "approved");
  CHECK(ok.json()["decided_by"] == "Lise Leder");
  auto rej = as(f, "Lise Leder", {"--today", "2026-03-13", "--json", "approve", c, "--what", "assessment", "--reject", "--reason",
                                  "Mangler pårørendes syn"});
  REQUIRE(rej.code == 0);
  CHECK(rej.json()["status"] == "rejected");
  CHECK(as(f, "Lise Leder", {"--today", "2026-03-13", "approve", c, "--what", "plan"}).code == 1);  // nothing pending
  CHECK(kinds(f, "2026-03-13", {"--for", "Lise Leder"}).empty());
  // The next change of the plan waits again.
  REQUIRE(as(f, "Ane Lie", {"--today", "2026-03-14", "plan", "goal", c, "--text", "Gå tur"}).code == 0);
  CHECK(kinds(f, "2026-03-14", {"--for", "Lise Leder"}) == std::multiset<std::string>{"approval"});
}

TEST_CASE("a case an import opened and nobody touched becomes stale from its opening day", "[team][escalation][remind]") {
  test::Fixture f(rammeverk(false));
  // The import's one audit entry names the import, not its cases: without
  // a fallback to the opening day such a case was never stale.
  auto imp = f.oppteam({"--today", "2026-03-10", "refer", "import", test::source_path("examples/batch.csv")});
  INFO(imp.err);
  REQUIRE(imp.code == 0);
  // 2026/1 was received 2026-03-02; stale_days = 60.
  auto stale_for = [&](const std::string& day) {
    auto r = f.oppteam({"--today", day, "--json", "remind"});
    REQUIRE(r.code == 0);
    const auto doc = r.json();
    int n = 0;
    for (const auto& i : doc["items"])
      if (i["kind"] == "stale_case" && i["case"] == "2026/1") ++n;
    return n;
  };
  CHECK(stale_for("2026-04-30") == 0);
  CHECK(stale_for("2026-05-01") == 1);
  REQUIRE(f.oppteam({"--today", "2026-05-02", "log", "add", "2026/1", "--text", "Ringte Per"}).code == 0);
  CHECK(stale_for("2026-05-02") == 0);
}
