// What the letters say about the law: a decision statsforvalteren reversed
// is made in the appeal case and cannot be appealed further
// (forvaltningsloven § 28 third paragraph); the appeal deadline runs from
// when the letter was received, and the date a letter gives is the one for a
// letter received on its own date; the foreløpig svar names the date the
// referral was received.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>

using namespace team_test;
using oppteam::Lang;
using oppteam::long_date;
using oppteam::tr;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Appealed on 2026-03-20, upheld, forwarded on 2026-03-26.
void forwarded(test::Fixture& f, const std::string& c) {
  ok(f, {"--today", "2026-03-20", "appeal", "register", c, "--received", "2026-03-20", "--from", "person"});
  ok(f, {"--today", "2026-03-25", "appeal", "review", c, "--uphold", "--grounds", "Ingen nye opplysninger"});
  ok(f, {"--today", "2026-03-26", "appeal", "forward", c});
}

}  // namespace

TEST_CASE("a decision after statsforvalteren reversed it is final, its letter offers no appeal and none is registered", "[law][letters]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refused_case(f);
  forwarded(f, c);
  auto o = ok(f, {"--today", "2026-05-04", "--json", "appeal", "outcome", c, "--reversed", "--date", "2026-05-02"});
  const auto j = o.json();
  CHECK(j["appeal"]["status"] == "final_reversed");
  CHECK(j["decision"]["outcome"] == "granted");
  const std::string letter = j["decision"]["letter"].get<std::string>();
  CHECK(has(letter, tr(Lang::nb, "letter.final")));
  CHECK_FALSE(has(letter, tr(Lang::nb, "letter.appeal_title")));
  CHECK_FALSE(has(letter, "Du kan klage"));
  // No appeal deadline is kept for it, nor shown.
  const auto show = ok(f, {"--json", "case", "show", c}).json();
  CHECK(show["decision"]["appeal_deadline"].is_null());
  CHECK(has(ok(f, {"case", "show", c}).out, tr(Lang::nb, "case.decision_final", tr(Lang::nb, "case.outcome.granted"),
                                                 long_date("2026-05-04", Lang::nb), "saksbehandler1")));
  // An appeal against it is refused, late or not.
  auto r = f.oppteam({"--today", "2026-05-10", "--json", "appeal", "register", c, "--received", "2026-05-10", "--from", "person"});
  CHECK(r.code == 2);  // refused by the rule of fvl § 28 third paragraph
  CHECK(test::error_key(r) == "appeal.final_decision");
  for (const auto& kind : paths_test::reminder_kinds(f, c, "2026-06-30")) CHECK(kind.rfind("appeal", 0) == std::string::npos);
  CHECK(ok(f, {"audit", "verify"}).code == 0);
}

TEST_CASE("a decision statsforvalteren upheld is not appealed again, but a municipality's own reversal may be", "[law][letters]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refused_case(f);
  forwarded(f, c);
  ok(f, {"--today", "2026-05-04", "appeal", "outcome", c, "--upheld", "--date", "2026-05-02"});
  auto r = f.oppteam({"--today", "2026-05-10", "--json", "appeal", "register", c, "--received", "2026-05-10", "--from", "person"});
  CHECK(r.code == 2);  // refused by the rule of fvl § 28 third paragraph
  CHECK(test::error_key(r) == "appeal.final_decision");

  // The municipality's reversal on its own review is a new first decision: it can be appealed.
  test::Fixture g(paths_test::rammeverk());
  const std::string d = refused_case(g);
  ok(g, {"--today", "2026-03-20", "appeal", "register", d, "--received", "2026-03-20", "--from", "person"});
  auto v = ok(g, {"--today", "2026-03-25", "--json", "appeal", "review", d, "--reverse", "--grounds", "Ny legeerklæring"});
  CHECK(has(v.json()["decision"]["letter"].get<std::string>(), tr(Lang::nb, "letter.appeal_title")));
  CHECK(g.oppteam({"--today", "2026-03-30", "appeal", "register", d, "--received", "2026-03-30", "--from", "person"}).code == 0);
}

TEST_CASE("the decision letter counts the appeal deadline from when it was received, and a late flag says it counts from the letter's date",
          "[law][letters]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refused_case(f);
  const std::string letter = ok(f, {"decide", "letter", c}).out;
  CHECK(has(letter, tr(Lang::nb, "letter.appeal_from_receipt", "Eksempel kommune", 28, long_date("2026-04-07", Lang::nb))));
  auto r = ok(f, {"--today", "2026-04-20", "appeal", "register", c, "--received", "2026-04-20", "--from", "person"});
  CHECK(has(r.out, tr(Lang::nb, "appeal.late_from_letter", long_date("2026-04-07", Lang::nb))));
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["appeals"][0]["late"] == true);  // registered all the same
}

TEST_CASE("the foreløpig svar names the day the referral was received", "[law][letters]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);  // received 2026-03-02
  auto r = ok(f, {"--today", "2026-03-30", "--json", "decide", c, "--preliminary-reply", "--expected-by", "2026-04-20", "--reason", "Venter"});
  const std::string letter = r.json()["letter"].get<std::string>();
  CHECK(has(letter, tr(Lang::nb, "letter.prelim_received", long_date("2026-03-02", Lang::nb), long_date("2026-04-20", Lang::nb))));
}
