// The screens and the document that issue 16 (point 4) moved out of the
// command line and the process into views/ and documents/compose: each
// from plain values, in the reader's language, with nothing read from a
// database. `consent list`, `check`, `approve` and the person's document
// (`person export`).

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/documents/person_document.hpp>
#include <oppteam/util/display_width.hpp>
#include <oppteam/views/approval_view.hpp>
#include <oppteam/views/check_view.hpp>
#include <oppteam/views/consent_view.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oppteam;

namespace {

ConsentList two_consents() {
  ConsentList list;
  list.case_number = "2026/1";
  ConsentRecord oral;
  oral.id = 1;
  oral.scope = "utredning";
  oral.form = "muntlig";
  oral.given_by = "person";
  oral.given_on = "2026-03-04";
  oral.recorded_by = "ane.lie";
  oral.valid = true;
  ConsentRecord written;
  written.id = 2;
  written.scope = "deling:nav";
  written.form = "skriftlig";
  written.given_by = "verge";
  written.giver_name = "Ola V";
  written.document_ref = "arkiv 1";
  written.given_on = "2026-03-04";
  written.recorded_by = "ane.lie";
  written.withdrawn_on = "2026-03-05";
  ConsentRecord later = oral;
  later.id = 3;
  later.scope = "team";
  later.given_on = "2026-04-01";
  later.valid = false;
  list.consents = {oral, written, later};
  DeclineRecord no;
  no.scope = "ip";
  no.form = "muntlig";
  no.declined_by = "person";
  no.declined_on = "2026-03-05";
  no.recorded_by = "kari";
  no.note = "Vil klare seg selv";
  list.declines = {no};
  return list;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

}  // namespace

TEST_CASE("consent list: each consent a row in words, its state, then each no as a line", "[views][consent_view]") {
  const std::string en = render_consents(two_consents(), Lang::en, TerminalStyle{});
  INFO(en);
  const auto lines = lines_of(en);
  REQUIRE(lines.size() == 6);  // header, rule, three consents, one decline
  CHECK(lines[0].starts_with("id  Scope"));
  CHECK(lines[0].find("Given by") != std::string::npos);
  CHECK(lines[0].ends_with("State"));
  CHECK(lines[2].find("assessment") != std::string::npos);
  CHECK(lines[2].find("the person") != std::string::npos);
  CHECK(lines[2].find("4 March 2026") != std::string::npos);
  CHECK(lines[2].ends_with("in force"));
  // A scope of sharing (deling:SERVICE) in words with the service's id; who gave it with the name.
  CHECK(lines[3].find("sharing with nav") != std::string::npos);
  CHECK(lines[3].find("legal guardian (Ola V)") != std::string::npos);
  CHECK(lines[3].find("arkiv 1") != std::string::npos);
  CHECK(lines[3].ends_with("withdrawn 5 March 2026"));
  CHECK(lines[4].ends_with("in force from its date"));
  CHECK(lines[5] == "Declined individual plan: 5 March 2026 (oral, by the person, recorded by kari): Vil klare seg selv");

  const std::string nb = render_consents(two_consents(), Lang::nb, TerminalStyle{});
  CHECK(nb.find("kartlegging og utredning") != std::string::npos);
  CHECK(nb.find("trukket 5. mars 2026") != std::string::npos);
  CHECK(nb.find("Nei til individuell plan: 5. mars 2026 (muntlig, av personen selv, registrert av kari): Vil klare seg selv\n") !=
        std::string::npos);
  // The table fitted to the terminal's width (its cells wrapped); the line
  // of a no is wrapped with the rest of the output when it is printed.
  const auto narrow = lines_of(render_consents(two_consents(), Lang::nb, TerminalStyle{80, false}));
  CHECK(narrow.size() > 6);
  for (const auto& l : narrow)
    if (!l.starts_with("Nei til") && !l.starts_with("kari)")) CHECK(display_width(l) <= 80);
}

TEST_CASE("consent list: none recorded says so, and a no stands on its own line under it", "[views][consent_view]") {
  ConsentList list;
  CHECK(render_consents(list, Lang::en, TerminalStyle{}) == "No consents recorded.");
  list.declines = two_consents().declines;
  list.declines[0].note.clear();
  CHECK(render_consents(list, Lang::en, TerminalStyle{}) ==
        "No consents recorded.\nDeclined individual plan: 5 March 2026 (oral, by the person, recorded by kari)\n");
}

TEST_CASE("check: a line per check, ok or FAIL, its name and what it found", "[views][check_view]") {
  CheckReport report;
  report.lines = {CheckLine{"integrity", true, ExitCode::ok, "check.integrity_ok", {}},
                  CheckLine{"disk", false, ExitCode::io, "check.disk_low", {"/srv", "12", "100"}}};
  CHECK(render_check_report(report, Lang::en) ==
        "ok    integrity       PRAGMA integrity_check: ok\n"
        "FAIL  disk space      /srv: only 12 MB free, at least 100 MB wanted\n");
  CHECK(render_check_report(report, Lang::nn) ==
        "ok    integritet      PRAGMA integrity_check: ok\n"
        "FAIL  diskplass       /srv: berre 12 MB ledig, minst 100 MB er ønskt\n");
  CHECK(check_detail(report.lines[1], Lang::nb) == "/srv: bare 12 MB ledig, minst 100 MB ønskes");
  CHECK(render_check_report(CheckReport{}, Lang::en).empty());
}

TEST_CASE("approve: the case, what was approved or rejected and its number", "[views][approval_view]") {
  Approval a;
  a.what = ApprovalWhat::assessment;
  a.ref = 3;
  CHECK(render_approval_decided("2026/1", a, false, Lang::en) == "Case 2026/1: assessment 3 is approved.");
  CHECK(render_approval_decided("2026/1", a, true, Lang::en) == "Case 2026/1: assessment 3 is rejected.");
  a.what = ApprovalWhat::plan;
  a.ref = 2;
  CHECK(render_approval_decided("2026/4", a, false, Lang::nn) == "Sak 2026/4: planversjon 2 er godkjend.");
  CHECK(render_approval_decided("2026/4", a, true, Lang::nb) == "Sak 2026/4: planversjon 2 er avvist.");
}

TEST_CASE("the person's document: sections in sentences, ids in words, the audit as who did what, the rights",
          "[views][person_document]") {
  const Rammeverk rv = default_rammeverk();
  const nlohmann::json doc = {
      {"person", {{"fnr", "12885011266"}, {"name", "Åse Øyen"}, {"birth_date", "1950-08-12"}}},
      {"corrections", nlohmann::json::array()},
      {"guardians", nlohmann::json::array()},
      {"cases",
       {{{"case", {{"number", "2026/1"}, {"status", "granted"}, {"opened_on", "2026-03-02"}}},
         {"referrals", nlohmann::json::array()},
         {"consents",
          {{{"scope", "utredning"}, {"form", "muntlig"}, {"given_on", "2026-03-04"}, {"given_by", "person"}, {"withdrawn_on", nullptr}}}},
         {"assessments", nlohmann::json::array()},
         {"what_matters", {{{"text", "Å bo hjemme"}}}},
         {"preliminary_replies", nlohmann::json::array()},
         {"decision", nullptr},
         {"team", nullptr},
         {"team_members", nlohmann::json::array()},
         {"plan", nullptr},
         {"evaluations", nlohmann::json::array()}}}},
      {"audit",
       {{{"at", "2026-03-04T09:15:00Z"}, {"actor", "kari"}, {"action", "consent.give"}, {"object", "2026/1"}, {"detail", "x"}}}},
      {"exported_on", "2026-03-06T10:00:00Z"},
      {"exported_by", "ane.lie"}};
  const std::string en = compose_person_document(doc, rv, Lang::en);
  INFO(en);
  const auto lines = lines_of(en);
  REQUIRE(lines.size() > 2);
  CHECK(lines[0] == "Right of access: information about Åse Øyen");
  // The title underlined as wide as it is in columns, not bytes.
  CHECK(lines[1] == std::string(display_width(lines[0]), '='));
  CHECK(en.find("Case 2026/1 (status: granted, opened 2 March 2026)") != std::string::npos);
  CHECK(en.find("  - Assessment: given oral on 4 March 2026 by yourself.") != std::string::npos);
  CHECK(en.find("  - «Å bo hjemme»") != std::string::npos);
  CHECK(en.find(": kari recorded a consent (case 2026/1)") != std::string::npos);
  CHECK(en.find("Datatilsynet") != std::string::npos);
  CHECK(en.find(rv.municipality.name) != std::string::npos);
  for (const char* raw : {"consent.give", "utredning", "muntlig", "granted\"", "{\""}) CHECK(en.find(raw) == std::string::npos);
  const std::string nb = compose_person_document(doc, rv, Lang::nb);
  CHECK(nb.find("Innsyn: opplysninger om Åse Øyen") == 0);
  CHECK(nb.find("Kartlegging og utredning: gitt muntlig 4. mars 2026") != std::string::npos);
}
