// Issue 19, point 4: transfer between municipalities. A case made in one
// database (Eksempel kommune) is handed over with `case transfer` and taken
// in with `case receive` in a second database with another municipality's
// rammeverk: everything the consent to the transfer covers arrives, nothing
// else is sent, the sending case is closed as transferred, and both audit
// logs verify. Plus the refusals.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

#include <sys/stat.h>

#include <fstream>

using namespace team_test;
using nlohmann::json;

namespace {

const std::string kSender = "Eksempel kommune, Koordinerende enhet";  // the example's municipality and unit
const std::string kLogSecret = "Intern logg: naboen ringte om bråk";

// The receiving municipality's rammeverk: the example's, renamed.
std::string receiving_rammeverk(bool allow_synthetic = true) {
  std::string text = paths_test::rammeverk();
  auto replace = [&text](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("name = \"Eksempel kommune\"", "name = \"Mottaker kommune\"");
  replace("number = \"9999\"", "number = \"4601\"");
  if (!allow_synthetic) replace("allow_synthetic_ids = true", "allow_synthetic_ids = false");
  return text;
}

// A case with everything: referral, consents (utredning, team, deling:nav
// and, unless `transfer_consent` is false, overforing), assessment,
// decision, team, plan with a goal and a measure, an evaluation and a log note.
std::string full_case(test::Fixture& f, bool transfer_consent = true) {
  const std::string c = granted_case(f);
  ok(f, core_team(c));
  ok(f, {"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});
  ok(f, {"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Ukentlig besøk", "--responsible", "Siri Moe",
         "--due", "2026-05-01"});
  ok(f, {"--today", "2026-03-12", "plan", "participated", c, "--how", "Planmøte"});
  ok(f, {"--today", "2026-04-01", "evaluate", c, "--goal", "1=0", "--experienced-quality", "4", "--decision", "continue"});
  ok(f, {"--today", "2026-04-02", "log", "add", c, "--text", kLogSecret});
  consent(f, c, "deling:nav", "2026-04-03");
  if (transfer_consent) consent(f, c, "overforing", "2026-04-05", "skriftlig");
  return c;
}

json show(test::Fixture& f, const std::string& c) {
  auto r = f.oppteam({"--today", "2026-04-10", "--json", "case", "show", c});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return r.json();
}

bool audit_ok(test::Fixture& f) {
  auto r = f.oppteam({"--json", "audit", "verify"});
  INFO(r.out << r.err);
  return r.code == 0 && r.json().value("ok", false);
}

std::size_t case_count(test::Fixture& f) {
  auto r = f.oppteam({"--json", "case", "list"});
  REQUIRE(r.code == 0);
  const json j = r.json();
  return j["cases"].size();
}

}  // namespace

TEST_CASE("case transfer and case receive carry what the consent covers between two databases", "[transfer]") {
  test::Fixture from(paths_test::rammeverk());
  const std::string c = full_case(from);
  // A goal of two lines (free text): each line shown received marks as received.
  ok(from, {"--today", "2026-04-06", "plan", "goal", c, "--text", "Første linje\nAndre linje"});
  const json before = show(from, c);
  const std::string bundle = from.dir.file("overforing.json");

  auto t = from.oppteam({"--today", "2026-04-10", "--json", "case", "transfer", c, "--to", "Mottaker kommune", "--out", bundle});
  INFO(t.out << t.err);
  REQUIRE(t.code == 0);
  const json tj = t.json();
  CHECK(tj["status"] == "closed");
  CHECK(tj["close_reason"] == "transferred");
  struct stat st{};
  REQUIRE(::stat(bundle.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  // The sending case: closed as transferred, where it went recorded, nothing left to remind.
  const json after = show(from, c);
  CHECK(after["status"] == "closed");
  CHECK(after["close_reason"] == "transferred");
  REQUIRE(after["closings"].size() == 1);
  CHECK(after["closings"][0]["to_municipality"] == "Mottaker kommune");
  REQUIRE(after["transfers"].size() == 1);
  CHECK(after["transfers"][0]["to"] == "Mottaker kommune");
  CHECK(after["transfers"][0]["bundle_sha256"] == tj["sha256"]);
  CHECK(paths_test::reminder_kinds(from, c, "2026-06-01").empty());
  CHECK(from.oppteam({"--today", "2026-04-10", "case", "transfer", c, "--to", "Mottaker kommune", "--out",
                      from.dir.file("again.json")}).code == 2);

  // Nothing else was sent: not the consent to share with NAV, not the case log.
  const std::string text = test::read_file(bundle);
  CHECK(text.find("deling:nav") == std::string::npos);
  CHECK(text.find("naboen") == std::string::npos);
  CHECK(text.find("overforing") != std::string::npos);

  test::Fixture to(receiving_rammeverk());
  auto r = to.oppteam({"--today", "2026-04-12", "--json", "case", "receive", bundle});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const std::string got = r.json()["case"].get<std::string>();
  const json recv = show(to, got);
  CHECK(recv["status"] == "received");
  CHECK(recv["received_from"] == kSender);
  CHECK(recv["person"]["fnr"] == before["person"]["fnr"]);
  CHECK(recv["person"]["name"] == before["person"]["name"]);
  REQUIRE(recv["received"].size() == 1);
  const json h = recv["received"][0];
  CHECK(h["from_case"] == c);
  CHECK(h["from_number"] == "9999");
  CHECK(h["received_on"] == "2026-04-12");

  // Referral.
  REQUIRE(h["referrals"].size() == before["referrals"].size());
  CHECK(h["referrals"][0]["need"] == before["referrals"][0]["need"]);
  CHECK(h["referrals"][0]["reporter_type"] == before["referrals"][0]["reporter_type"]);
  CHECK(h["referrals"][0]["received_from"] == kSender);
  // Consents: every one but the sharing consent.
  std::vector<std::string> sent_scopes, got_scopes;
  for (const auto& k : before["consents"])
    if (k["scope"] != "deling:nav") sent_scopes.push_back(k["scope"].get<std::string>() + "/" + k["form"].get<std::string>() + "/" +
                                                          k["given_on"].get<std::string>());
  for (const auto& k : h["consents"])
    got_scopes.push_back(k["scope"].get<std::string>() + "/" + k["form"].get<std::string>() + "/" + k["given_on"].get<std::string>());
  CHECK(got_scopes == sent_scopes);
  CHECK(std::find(got_scopes.begin(), got_scopes.end(), "overforing/skriftlig/2026-04-05") != got_scopes.end());
  // Assessment.
  REQUIRE(h["assessments"].size() == 1);
  for (const char* k : {"instrument", "score", "threshold", "assessor", "profession", "assessed_on", "recommendation"})
    CHECK(h["assessments"][0][k] == before["assessments"][0][k]);
  CHECK(h["assessments"][0]["answers"].size() == before["assessments"][0]["answers"].size());
  // Decision.
  REQUIRE(h["decision"].is_object());
  for (const char* k : {"outcome", "decided_on", "decided_by", "appeal_deadline", "letter"}) CHECK(h["decision"][k] == before["decision"][k]);
  // Team and plan.
  REQUIRE(h["team"].is_object());
  std::vector<std::string> sent_members, got_members;
  for (const auto& m : before["team"]["members"]) sent_members.push_back(m["name"].get<std::string>());
  for (const auto& m : h["team"]["members"]) got_members.push_back(m["name"].get<std::string>());
  CHECK(got_members == sent_members);
  REQUIRE(h["plan"].is_object());
  REQUIRE(h["plan"]["goals"].size() == before["plan"]["goals"].size());
  CHECK(h["plan"]["goals"][0]["text"] == before["plan"]["goals"][0]["text"]);
  CHECK(h["plan"]["goals"][0]["number"] == before["plan"]["goals"][0]["number"]);
  REQUIRE(h["plan"]["measures"].size() == before["plan"]["measures"].size());
  for (const char* k : {"text", "responsible", "due", "goal"}) CHECK(h["plan"]["measures"][0][k] == before["plan"]["measures"][0][k]);
  CHECK(h["evaluations"].size() == before["evaluations"].size());
  // The receiving unit's own record holds only its own referral: the received history is apart.
  CHECK(recv["consents"].empty());
  CHECK(recv["assessments"].empty());
  CHECK(recv["decision"].is_null());
  CHECK(recv["plan"].is_null());
  auto text_show = to.oppteam({"--today", "2026-04-12", "case", "show", got});
  CHECK(text_show.out.find("[mottatt fra " + kSender + "]") != std::string::npos);
  // Trial s12 #15: the second line of a received text was shown without the mark, as if it were this unit's own.
  CHECK(text_show.out.find("  [mottatt fra " + kSender + "] Andre linje\n") != std::string::npos);

  // Receiving the same bundle twice is refused, and stores nothing.
  auto again = to.oppteam({"--json", "--today", "2026-04-13", "case", "receive", bundle});
  CHECK(again.code == 2);
  CHECK(test::error_key(again) == "receive.already");
  CHECK(again.err.find(got) != std::string::npos);  // names the case it made
  CHECK(case_count(to) == 1);

  CHECK(audit_ok(from));
  CHECK(audit_ok(to));
}

TEST_CASE("case transfer without the person's consent to it is refused and writes nothing", "[transfer]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = full_case(f, false);
  const std::string out = f.dir.file("overforing.json");
  auto r = f.oppteam({"--json", "--today", "2026-04-10", "case", "transfer", c, "--to", "Mottaker kommune", "--out", out});
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "transfer.no_consent");
  CHECK(r.err.find("consent give " + c + " --scope overforing") != std::string::npos);  // the fix
  struct stat st{};
  CHECK(::stat(out.c_str(), &st) != 0);
  CHECK(show(f, c)["status"] == "active");

  // Onto the database: a usage error, and the case stays open.
  auto db = f.oppteam({"--today", "2026-04-10", "case", "transfer", c, "--to", "Mottaker kommune", "--out", f.db(), "--force"});
  CHECK(db.code == 64);
  consent(f, c, "overforing", "2026-04-05", "skriftlig");
  auto db2 = f.oppteam({"--today", "2026-04-10", "case", "transfer", c, "--to", "Mottaker kommune", "--out", f.db()});
  CHECK(db2.code == 64);
  auto empty_to = f.oppteam({"--today", "2026-04-10", "case", "transfer", c, "--to", " ", "--out", out});
  CHECK(empty_to.code == 64);
  CHECK(show(f, c)["status"] == "active");
  CHECK(audit_ok(f));
}

TEST_CASE("a transferred case cannot be reopened where it was sent from", "[transfer]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = full_case(f);
  ok(f, {"--today", "2026-04-10", "case", "transfer", c, "--to", "Mottaker kommune", "--out", f.dir.file("b.json")});
  auto r = f.oppteam({"--json", "--today", "2026-04-11", "case", "reopen", c, "--reason", "Flyttet ikke likevel"});
  INFO(r.out << r.err);
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "closing.transferred");
  CHECK(r.err.find("Mottaker kommune") != std::string::npos);  // names where it went
  CHECK(show(f, c)["status"] == "closed");
}

TEST_CASE("case receive refuses a bad bundle with what and where and stores nothing", "[transfer]") {
  test::Fixture from(paths_test::rammeverk());
  const std::string c = full_case(from);
  const std::string bundle = from.dir.file("overforing.json");
  REQUIRE(from.oppteam({"--today", "2026-04-10", "case", "transfer", c, "--to", "Mottaker kommune", "--out", bundle}).code == 0);
  const json good = json::parse(test::read_file(bundle));

  test::Fixture to(receiving_rammeverk());
  auto bad = [&](const std::string& name, const std::string& content, const std::string& where) {
    const std::string path = to.dir.write(name, content);
    auto r = to.oppteam({"--today", "2026-04-12", "case", "receive", path});
    INFO(name << ": " << r.err);
    CHECK(r.code == 65);
    CHECK(r.err.find(where) != std::string::npos);
  };
  bad("cut.json", good.dump().substr(0, 500), "JSON");
  bad("big.json", std::string((16u << 20) + 1, ' '), "16777216");
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "[";
  bad("deep.json", deep, "32");
  json no_patient = good;
  auto& entries = no_patient["entry"];
  for (auto it = entries.begin(); it != entries.end(); ++it)
    if ((*it)["resource"]["resourceType"] == "Patient") {
      entries.erase(it);
      break;
    }
  bad("no-patient.json", no_patient.dump(), "Patient");
  json bad_number = good;
  std::size_t patient_at = 0;
  for (std::size_t i = 0; i < bad_number["entry"].size(); ++i)
    if (bad_number["entry"][i]["resource"]["resourceType"] == "Patient") patient_at = i;
  bad_number["entry"][patient_at]["resource"]["identifier"][0]["value"] = "23923901214";  // a wrong control digit
  bad("bad-number.json", bad_number.dump(), "23923901214");
  json escape = good;
  for (auto& e : escape["entry"])
    if (e["resource"]["resourceType"] == "ServiceRequest") e["resource"]["note"][0]["text"] = "Trenger \x1b[2Jkoordinering";
  bad("escape.json", escape.dump(), "note[0].text");
  json no_date = good;
  for (auto& e : no_date["entry"])
    if (e["resource"]["resourceType"] == "ServiceRequest") e["resource"]["authoredOn"] = "i går";
  bad("no-date.json", no_date.dump(), "authoredOn");
  CHECK(case_count(to) == 0);

  // Synthetic numbers only where the rammeverk allows them.
  test::Fixture strict(receiving_rammeverk(false));
  auto r = strict.oppteam({"--today", "2026-04-12", "case", "receive", bundle});
  CHECK(r.code == 65);
  CHECK(case_count(strict) == 0);
  CHECK(audit_ok(to));
}
