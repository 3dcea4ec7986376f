// The views of the team slice (src/views/team_view, appeal_view,
// team_review_view): text for people from domain values, a language and
// a style passed in.

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/views/appeal_view.hpp>
#include <oppteam/views/audit_view.hpp>
#include <oppteam/views/team_review_view.hpp>
#include <oppteam/views/team_view.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

namespace {

Rammeverk example() { return load_rammeverk(std::string(embedded::example_rammeverk), "test.toml"); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Team sample_team() {
  Team t;
  t.case_number = "2026/1";
  t.status = TeamStatus::paused;
  t.created_on = "2026-03-10";
  t.paused_on = "2026-03-12";
  t.pause_reason = "waiting for consent";
  TeamMember c;
  c.name = "Ane Lie";
  c.role = "koordinator";
  c.kind = MemberKind::coordinator;
  c.added_on = "2026-03-10";
  TeamMember m;
  m.name = "Bo Berg";
  m.role = "koordinator";
  m.service = "hjemmetjenesten";
  m.kind = MemberKind::member;
  m.added_on = "2026-03-10";
  m.removed_on = "2026-03-11";
  t.members = {c, m};
  t.history.push_back({"2026-03-11T10:00:00Z", "2026-03-11", "tester", "team.remove", "member Bo Berg (koordinator)",
                       AuditDetail{"audit.d.team_member", {}}});
  return t;
}

}  // namespace

TEST_CASE("the team screen shows status, coordinator, members and history in the reader's language", "[views][team_slice]") {
  const Rammeverk rv = example();
  const Team t = sample_team();
  int details = 0;
  const std::string text = render_team(rv, t, Lang::en, TerminalStyle{0, false}, [&](const AuditDetail& d) {
    ++details;
    return "<" + d.key + ">";
  });
  CHECK(has(text, tr(Lang::en, "team.show_header", "2026/1", tr(Lang::en, "team.status_paused"), long_date("2026-03-10", Lang::en))));
  CHECK(has(text, tr(Lang::en, "team.show_paused", long_date("2026-03-12", Lang::en), "waiting for consent")));
  CHECK(has(text, tr(Lang::en, "team.show_coordinator", "Ane Lie", label_of(rv.roles, "koordinator", Lang::en))));
  CHECK(has(text, "Bo Berg"));
  CHECK(has(text, tr(Lang::en, "team.col_sector")));
  CHECK(has(text, "<audit.d.team_member>"));  // the history's detail through the caller's words
  CHECK(details == 1);
}

TEST_CASE("the team screen words its history's details as audit log does, in every language", "[views][team_slice]") {
  const Rammeverk rv = example();
  Team t = sample_team();
  const auto detail = read_audit_detail("team.remove", "member Bo Berg (koordinator)");
  REQUIRE(detail);
  t.history.at(0).what = *detail;
  for (const Lang L : {Lang::nb, Lang::nn, Lang::en}) {
    const std::string words = audit_detail_text(L, &rv, *detail);
    if (L != Lang::en) CHECK(words != "member Bo Berg (koordinator)");  // the reader's words, not the stored text
    const std::string text = render_team(rv, t, L, TerminalStyle{0, false});
    CHECK(has(text, words));
    CHECK(text == render_team(rv, t, L, TerminalStyle{0, false}, [&](const AuditDetail& d) { return audit_detail_text(L, &rv, d); }));
  }
}

TEST_CASE("the team screen drops the sector and end columns before a table would wrap", "[views][team_slice]") {
  const Rammeverk rv = example();
  const Team t = sample_team();
  const auto words = [](const AuditDetail& d) { return d.key; };
  const std::string wide = render_team(rv, t, Lang::en, TerminalStyle{0, false}, words);
  const std::string narrow = render_team(rv, t, Lang::en, TerminalStyle{60, false}, words);
  CHECK(has(wide, tr(Lang::en, "team.col_to")));
  CHECK_FALSE(has(narrow, tr(Lang::en, "team.col_sector")));
  CHECK_FALSE(has(narrow, tr(Lang::en, "team.col_to")));
}

TEST_CASE("an appeal's state names the last step, a late appeal and the step due", "[views][team_slice]") {
  Appeal a;
  a.case_number = "2026/3";
  a.status = AppealStatus::received;
  a.status_on = "2026-04-02";
  a.late = true;
  a.deadline = "2026-03-31";
  a.due = "2026-04-30";
  const std::string text = render_appeal_state(a, Lang::nb);
  CHECK(text == tr(Lang::nb, "appeal.status.received", "2026/3", long_date("2026-04-02", Lang::nb)) + "\n" +
                    tr(Lang::nb, "appeal.late_from_letter", long_date("2026-03-31", Lang::nb)) + "\n" +
                    tr(Lang::nb, "appeal.due", long_date("2026-04-30", Lang::nb)));
}

TEST_CASE("the team reviews table has a row per item and a column per review", "[views][team_slice]") {
  const Rammeverk rv = example();
  REQUIRE_FALSE(rv.team_review_items.empty());
  const std::string none = render_team_reviews(rv, {}, Lang::en, TerminalStyle{0, false});
  CHECK(none.rfind(tr(Lang::en, "review.none"), 0) == 0);
  TeamReview r{"2026-05-01", "tester", {}};
  for (const auto& i : rv.team_review_items) r.answers[i.id] = i.scale ? i.scale->first : 1;
  const std::string one = render_team_reviews(rv, {r}, Lang::en, TerminalStyle{0, false});
  CHECK(has(one, long_date("2026-05-01", Lang::en)));
  CHECK(has(one, rv.team_review_items.front().id));
  CHECK_FALSE(has(one, tr(Lang::en, "review.none")));
}
