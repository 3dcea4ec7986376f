// Meetings of the team (issue 15): meeting add|action|done|next|minutes|list|show,
// and the reminders they give: before a planned meeting, minutes still
// missing after it, and an agreed action to the person who carries it.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

using namespace team_test;

namespace {

// A granted case with the core team of SPEC.md (Ane Lie coordinates; Ola Dahl, Siri Moe members).
std::string case_with_team(test::Fixture& f) {
  const std::string c = team_case(f);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
  return c;
}

// The remind items of `day` for `who` (everyone when empty) of the kinds
// meetings make (and measures), as JSON; the case's other work (its
// evaluation) is left out.
nlohmann::json remind_items(test::Fixture& f, const std::string& day, const std::string& who = "") {
  std::vector<std::string> args{"--today", day, "--json", "remind"};
  if (!who.empty()) args.insert(args.end(), {"--for", who});
  auto r = f.oppteam(args);
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto doc = r.json();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : doc["items"]) {
    const std::string kind = i["kind"].get<std::string>();
    if (kind == "meeting" || kind == "minutes" || kind == "action" || kind == "measure") out.push_back(i);
  }
  return out;
}

std::vector<std::string> kinds_of(const nlohmann::json& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i["kind"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("meeting add records kind, date, place, participants with contacts and minutes from stdin", "[team][meeting]") {
  test::Fixture f;
  const std::string c = case_with_team(f);
  auto r = f.oppteam({"--today", "2026-04-02", "--json", "meeting", "add", c, "--kind", "ansvarsgruppemote", "--date",
                      "2026-04-01", "--place", "Rådhuset", "--participant", "Ane Lie:koordinator", "--participant",
                      "Per Hansen:bruker:phone=99999999", "--participant", "Kari Hansen:parorende:email=kari@example.org",
                      "--person-present", "--minutes", "-"},
                     "Referat: Per vil bo heime.\nSiri besøker ukentlig.\n");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  auto doc = r.json();
  CHECK(doc["case"] == c);
  const auto m = doc["meeting"];
  test::check_fields(m, {{"number", 1},
                         {"kind", "ansvarsgruppemote"},
                         {"kind_label", "Ansvarsgruppemøte"},
                         {"date", "2026-04-01"},
                         {"place", "Rådhuset"},
                         {"status", "held"},
                         {"person_present", true},
                         {"minutes", "Referat: Per vil bo heime.\nSiri besøker ukentlig.\n"}});
  REQUIRE(m["participants"].size() == 3);
  test::check_fields(m["participants"][1], {{"name", "Per Hansen"}, {"role", "bruker"}, {"phone", "99999999"}});
  CHECK(m["participants"][2]["email"] == "kari@example.org");

  // list and show
  auto l = f.oppteam({"--today", "2026-04-02", "--json", "meeting", "list", c});
  REQUIRE(l.code == 0);
  const auto ld = l.json();
  REQUIRE(ld["meetings"].size() == 1);
  CHECK(ld["meetings"][0]["number"] == 1);
  auto s = f.oppteam({"--today", "2026-04-02", "meeting", "show", c, "1"});
  INFO(s.out << s.err);
  REQUIRE(s.code == 0);
  CHECK(s.out.find("Ansvarsgruppemøte") != std::string::npos);
  CHECK(s.out.find("Per vil bo heime") != std::string::npos);
  CHECK(s.out.find("Kari Hansen") != std::string::npos);
  CHECK(f.oppteam({"meeting", "show", c, "2"}).code == 1);
}

TEST_CASE("meeting add refuses bad kinds, dates, participants and minutes with the contract's exit codes", "[team][meeting]") {
  test::Fixture f;
  std::string no_team = granted_case(f);
  CHECK(f.oppteam({"--today", "2026-04-02", "meeting", "add", no_team, "--kind", "planmote", "--date", "2026-04-01"}).code == 2);
  auto r0 = f.oppteam(core_team(no_team));
  REQUIRE(r0.code == 0);
  const std::string& c = no_team;
  auto r = f.oppteam({"--json", "--today", "2026-04-02", "meeting", "add", c, "--kind", "kaffemote", "--date", "2026-04-01"});
  CHECK(r.code == 65);  // a kind of meeting the rammeverk does not know
  CHECK(test::error_key(r) == "choice.unknown");
  CHECK(r.err.find("ansvarsgruppemote") != std::string::npos);  // names the valid kinds
  CHECK(f.oppteam({"--today", "2026-04-02", "meeting", "add", c, "--kind", "planmote", "--date", "2026-04-09"}).code == 65);
  CHECK(f.oppteam({"--today", "2026-04-02", "meeting", "add", c, "--kind", "planmote", "--date", "2026-13-01"}).code == 65);
  CHECK(f.oppteam({"--today", "2026-04-02", "meeting", "add", c, "--kind", "planmote", "--date", "2026-04-01", "--participant",
                   "Per:bruker:fax=1"}).code == 64);
  CHECK(f.oppteam({"--today", "2026-04-02", "meeting", "add", c, "--kind", "planmote", "--date", "2026-04-01", "--place",
                   "A\x1b[2Jrom"}).code == 65);
  CHECK(f.oppteam({"--today", "2026-04-02", "meeting", "add", c, "--kind", "planmote", "--date", "2026-04-01", "--minutes",
                   f.dir.file("missing.txt")}).code == 66);
  CHECK(f.oppteam({"--today", "2026-04-02", "meeting", "add", c, "--kind", "planmote", "--date", "2026-04-01", "--minutes", "-"},
                  std::string("bin\0ary", 7)).code == 65);
  // Minutes over 256 KiB from stdin: refused once the limit is passed (stdin is not read to its end).
  std::string long_minutes;
  while (long_minutes.size() <= 300 * 1024) long_minutes += "Referatlinje som gjentas.\n";
  CHECK(f.oppteam({"--today", "2026-04-02", "meeting", "add", c, "--kind", "planmote", "--date", "2026-04-01", "--minutes", "-"},
                  long_minutes).code == 65);
  // Nothing was stored by the refused commands.
  auto l = f.oppteam({"--json", "meeting", "list", c});
  REQUIRE(l.code == 0);
  CHECK(l.json()["meetings"].empty());
  // A minutes file is read and checked as text.
  const std::string file = f.dir.write("referat.txt", "Avtalt: søknad om TT-kort.\n");
  auto ok = f.oppteam({"--today", "2026-04-02", "--json", "meeting", "add", c, "--kind", "planmote", "--date", "2026-04-01",
                       "--minutes", file});
  INFO(ok.out << ok.err);
  REQUIRE(ok.code == 0);
  CHECK(ok.json()["meeting"]["minutes"] == "Avtalt: søknad om TT-kort.\n");
}

TEST_CASE("an agreed action is reminded to whoever carries it until it is done", "[team][meeting][remind]") {
  test::Fixture f;
  const std::string c = case_with_team(f);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "meeting", "add", c, "--kind", "ansvarsgruppemote", "--date", "2026-04-01",
                     "--participant", "Kari Hansen:parorende", "--minutes", "-"},
                    "Referat\n").code == 0);
  // The responsible must be in the team or at the meeting.
  CHECK(f.oppteam({"--today", "2026-04-01", "meeting", "action", c, "1", "--text", "Ring NAV", "--responsible", "Ukjent",
                   "--due", "2026-04-20"}).code == 2);
  CHECK(f.oppteam({"--today", "2026-04-01", "meeting", "action", c, "7", "--text", "Ring NAV", "--responsible", "Siri Moe",
                   "--due", "2026-04-20"}).code == 1);
  auto a = f.oppteam({"--today", "2026-04-01", "--json", "meeting", "action", c, "1", "--text", "Søke om TT-kort",
                      "--responsible", "Siri Moe", "--due", "2026-04-20"});
  INFO(a.out << a.err);
  REQUIRE(a.code == 0);
  CHECK(a.json()["number"] == 1);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "meeting", "action", c, "1", "--text", "Skaffe trygghetsalarm", "--responsible",
                     "Kari Hansen", "--due", "2026-04-25"}).code == 0);

  CHECK(remind_items(f, "2026-04-19", "Siri Moe").empty());
  auto siri = remind_items(f, "2026-04-20", "Siri Moe");
  REQUIRE(siri.size() == 1);
  CHECK(siri[0]["kind"] == "action");
  CHECK(siri[0]["action"] == 1);
  CHECK(siri[0]["assignee"] == "Siri Moe");
  CHECK(siri[0]["responsible"] == "Ane Lie");  // the coordinator still sees it
  CHECK(remind_items(f, "2026-04-20", "Ane Lie").size() == 1);
  CHECK(remind_items(f, "2026-04-20", "Ola Dahl").empty());
  auto kari = remind_items(f, "2026-04-26", "Kari Hansen");
  REQUIRE(kari.size() == 1);
  CHECK(kari[0]["assignee"] == "Kari Hansen");

  auto text = f.oppteam({"--today", "2026-04-20", "remind", "--for", "Siri Moe"});
  CHECK(text.out.find("Søke om TT-kort") == std::string::npos);  // the text is health content: not in reminders
  CHECK(text.out.find("Siri Moe") != std::string::npos);

  REQUIRE(f.oppteam({"--today", "2026-04-21", "meeting", "done", c, "1"}).code == 0);
  CHECK(remind_items(f, "2026-04-21", "Siri Moe").empty());
  CHECK(f.oppteam({"--today", "2026-04-21", "meeting", "done", c, "1"}).code == 2);  // already done
}

TEST_CASE("an action with --measure becomes a plan measure, reminded as a measure", "[team][meeting][remind]") {
  test::Fixture f;
  const std::string c = case_with_team(f);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "meeting", "add", c, "--kind", "planmote", "--date", "2026-04-01"}).code == 0);
  CHECK(f.oppteam({"--today", "2026-04-01", "meeting", "action", c, "1", "--text", "Besøk", "--responsible", "Siri Moe",
                   "--due", "2026-05-01", "--measure", "9"}).code == 1);  // no goal 9
  auto a = f.oppteam({"--today", "2026-04-01", "--json", "meeting", "action", c, "1", "--text", "Ukentlig besøk", "--responsible",
                      "Siri Moe", "--due", "2026-05-01", "--measure", "1"});
  INFO(a.out << a.err);
  REQUIRE(a.code == 0);
  CHECK(a.json()["measure"] == 1);
  auto p = f.oppteam({"--json", "plan", "show", c});
  REQUIRE(p.code == 0);
  const auto pd = p.json();
  INFO(pd.dump());
  REQUIRE(pd["measures"].size() == 1);
  CHECK(pd["measures"][0]["responsible"] == "Siri Moe");
  // One reminder, as a measure (not a second one as an action), to Siri Moe.
  auto items = remind_items(f, "2026-05-01", "Siri Moe");
  REQUIRE(items.size() == 1);
  CHECK(items[0]["kind"] == "measure");
  CHECK(items[0]["assignee"] == "Siri Moe");
}

TEST_CASE("a planned meeting is reminded before it and its minutes after it until recorded", "[team][meeting][remind]") {
  test::Fixture f;
  const std::string c = case_with_team(f);
  CHECK(f.oppteam({"--today", "2026-04-01", "meeting", "next", c, "--date", "2026-03-30"}).code == 65);  // not ahead
  auto n = f.oppteam({"--today", "2026-04-01", "--json", "meeting", "next", c, "--date", "2026-05-10", "--kind", "evalueringsmote"});
  INFO(n.out << n.err);
  REQUIRE(n.code == 0);
  CHECK(n.json()["meeting"]["status"] == "planned");
  // meeting_notice = 7: silent eight days before, reminded seven days before.
  CHECK(kinds_of(remind_items(f, "2026-05-02")).empty());
  auto before = remind_items(f, "2026-05-03");
  REQUIRE(kinds_of(before) == std::vector<std::string>{"meeting"});
  CHECK(before[0]["meeting"] == 1);
  CHECK(before[0]["due"] == "2026-05-03");
  CHECK(before[0]["responsible"] == "Ane Lie");
  // After the date: no more "meeting"; minutes_after = 7 later the minutes are missing.
  CHECK(kinds_of(remind_items(f, "2026-05-16")).empty());
  auto after = remind_items(f, "2026-05-17");
  REQUIRE(kinds_of(after) == std::vector<std::string>{"minutes"});
  CHECK(after[0]["due"] == "2026-05-17");
  // Recording it on its date fills the planned meeting (no second meeting).
  auto add = f.oppteam({"--today", "2026-05-18", "--json", "meeting", "add", c, "--kind", "evalueringsmote", "--date",
                        "2026-05-10", "--minutes", "-"},
                       "Evaluert.\n");
  INFO(add.out << add.err);
  REQUIRE(add.code == 0);
  CHECK(add.json()["meeting"]["number"] == 1);
  CHECK(add.json()["meeting"]["status"] == "held");
  CHECK(remind_items(f, "2026-05-18").empty());
  // A held meeting without minutes is reminded; `meeting minutes` ends it.
  REQUIRE(f.oppteam({"--today", "2026-06-01", "meeting", "add", c, "--kind", "nettverksmote", "--date", "2026-06-01"}).code == 0);
  CHECK(kinds_of(remind_items(f, "2026-06-08")) == std::vector<std::string>{"minutes"});
  REQUIRE(f.oppteam({"--today", "2026-06-09", "meeting", "minutes", c, "2", "--minutes", "-"}, "Referat.\n").code == 0);
  CHECK(remind_items(f, "2026-06-09").empty());
}

// Trial s12 #9: a planned meeting that did not take place could only be
// silenced by writing minutes, which recorded it as held; and any date,
// 1900 included, was taken for a meeting held.
TEST_CASE("meeting cancel ends a planned meeting's reminders and keeps it, cancelled, with its reason", "[team][meeting][remind]") {
  test::Fixture f;
  const std::string c = case_with_team(f);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "meeting", "next", c, "--date", "2026-05-10"}).code == 0);  // meeting 1
  REQUIRE(kinds_of(remind_items(f, "2026-05-17")) == std::vector<std::string>{"minutes"});
  auto no_reason = f.oppteam({"--today", "2026-05-17", "--json", "meeting", "cancel", c, "1"});
  CHECK(no_reason.code == 64);  // --reason is required
  auto cancel = f.oppteam({"--today", "2026-05-17", "--json", "meeting", "cancel", c, "1", "--reason", "Personen var syk"});
  INFO(cancel.out << cancel.err);
  REQUIRE(cancel.code == 0);
  CHECK(cancel.json()["meeting"]["status"] == "cancelled");
  CHECK(cancel.json()["meeting"]["cancel_reason"] == "Personen var syk");
  CHECK(cancel.json()["meeting"]["cancelled_on"] == "2026-05-17");
  CHECK(remind_items(f, "2026-05-17").empty());
  CHECK(remind_items(f, "2026-08-01").empty());
  // Still listed, as cancelled, with its reason.
  auto show = f.oppteam({"--today", "2026-05-17", "meeting", "show", c, "1"});
  INFO(show.out);
  CHECK(show.out.find("avlyst") != std::string::npos);
  CHECK(show.out.find("Personen var syk") != std::string::npos);
  // Nothing more happens to a cancelled meeting.
  auto again = f.oppteam({"--today", "2026-05-18", "--json", "meeting", "cancel", c, "1", "--reason", "x"});
  CHECK(again.code == 2);
  CHECK(test::error_key(again) == "meeting.cancelled");
  auto minutes = f.oppteam({"--today", "2026-05-18", "--json", "meeting", "minutes", c, "1", "--minutes", "-"}, "Referat.\n");
  CHECK(minutes.code == 2);
  CHECK(test::error_key(minutes) == "meeting.cancelled");
  auto action = f.oppteam({"--today", "2026-05-18", "--json", "meeting", "action", c, "1", "--text", "Ring", "--responsible",
                           "Siri Moe", "--due", "2026-06-01"});
  CHECK(action.code == 2);
  CHECK(test::error_key(action) == "meeting.cancelled");
  // A meeting held cannot be cancelled; an unknown one is not found.
  REQUIRE(f.oppteam({"--today", "2026-06-01", "meeting", "add", c, "--kind", "nettverksmote", "--date", "2026-06-01"}).code == 0);
  auto held = f.oppteam({"--today", "2026-06-02", "--json", "meeting", "cancel", c, "2", "--reason", "x"});
  CHECK(held.code == 2);
  CHECK(test::error_key(held) == "meeting.cancel_held");
  CHECK(f.oppteam({"--today", "2026-06-02", "meeting", "cancel", c, "9", "--reason", "x"}).code == 1);
  // The same day can be planned again, as a new meeting.
  auto replanned = f.oppteam({"--today", "2026-06-02", "--json", "meeting", "next", c, "--date", "2026-06-20"});
  REQUIRE(replanned.code == 0);
  CHECK(replanned.json()["meeting"]["number"] == 3);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("a meeting is not dated before its case was opened, nor an action due before its meeting", "[team][meeting]") {
  test::Fixture f;
  const std::string c = case_with_team(f);  // opened 2026-03-02
  auto old = f.oppteam({"--today", "2026-04-01", "--json", "meeting", "add", c, "--kind", "nettverksmote", "--date", "1900-01-01"});
  CHECK(old.code == 65);
  CHECK(test::error_key(old) == "meeting.before_case");
  CHECK(f.oppteam({"--today", "2026-04-01", "meeting", "add", c, "--kind", "nettverksmote", "--date", "2026-03-02"}).code == 0);
  auto due = f.oppteam({"--today", "2026-04-01", "--json", "meeting", "action", c, "1", "--text", "Ring", "--responsible", "Siri Moe",
                        "--due", "1901-01-01"});
  CHECK(due.code == 65);
  CHECK(test::error_key(due) == "meeting.action_before_meeting");
  CHECK(f.oppteam({"--today", "2026-04-01", "meeting", "action", c, "1", "--text", "Ring", "--responsible", "Siri Moe", "--due",
                   "2026-03-02"})
            .code == 0);
}

// Schema 16 rebuilds the meeting table (its status may now be cancelled):
// a database of schema 15 keeps every meeting, its participants and its
// actions, and the reminders they give.
TEST_CASE("a schema-15 database keeps its meetings, participants and actions through schema 16", "[team][meeting][schema]") {
  test::Fixture f;
  const std::string c = case_with_team(f);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "meeting", "add", c, "--kind", "nettverksmote", "--date", "2026-04-01", "--participant",
                     "Kari Hansen:parorende:email=kari@example.org"})
              .code == 0);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "meeting", "action", c, "1", "--text", "Ring", "--responsible", "Kari Hansen", "--due",
                     "2026-04-20"})
              .code == 0);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "meeting", "next", c, "--date", "2026-05-10"}).code == 0);
  const auto before = f.oppteam({"--today", "2026-04-01", "--json", "meeting", "list", c});
  REQUIRE(before.code == 0);
  {
    // The meeting table as schema 15 had it, and user_version 15.
    robust::Sql sql(f.db());
    sql.exec("PRAGMA foreign_keys = OFF; BEGIN;"
             "CREATE TABLE meeting_old (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,"
             " number INTEGER NOT NULL, kind TEXT NOT NULL, held_on TEXT NOT NULL, place TEXT,"
             " status TEXT NOT NULL CHECK (status = 'planned' OR status = 'held'), person_present INTEGER NOT NULL DEFAULT 0,"
             " minutes TEXT, minutes_on TEXT, created_by TEXT NOT NULL, UNIQUE (case_id, number)) STRICT;"
             "INSERT INTO meeting_old SELECT id, case_id, number, kind, held_on, place, status, person_present, minutes, minutes_on,"
             " created_by FROM meeting;"
             "DROP TABLE meeting; ALTER TABLE meeting_old RENAME TO meeting;"
             "CREATE INDEX meeting_open ON meeting(held_on, case_id) WHERE minutes IS NULL;"
             "CREATE INDEX meeting_planned ON meeting(held_on, case_id) WHERE status = 'planned';"
             "PRAGMA user_version = 15; COMMIT;");
    REQUIRE(sql.number("PRAGMA user_version") == 15);
  }
  const auto after = f.oppteam({"--today", "2026-04-01", "--json", "meeting", "list", c});
  INFO(after.out << after.err);
  REQUIRE(after.code == 0);
  auto strip = [](nlohmann::json doc) {
    for (auto& m : doc["meetings"]) m.erase("cancelled_on"), m.erase("cancel_reason");
    return doc;
  };
  CHECK(strip(after.json()) == strip(before.json()));
  robust::Sql sql(f.db());
  CHECK(sql.number("PRAGMA user_version") >= 16);
  CHECK(sql.number("SELECT count(*) FROM pragma_foreign_key_check") == 0);
  CHECK(sql.number("SELECT count(*) FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id") == 1);
  CHECK(sql.number("SELECT count(*) FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id") == 1);
  CHECK(f.oppteam({"--today", "2026-05-20", "meeting", "cancel", c, "2", "--reason", "Flyttet"}).code == 0);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}
