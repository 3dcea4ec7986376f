// The § 19 plan document composer (src/documents/compose/plan_document.cpp)
// from plain values: the appeals it lists, each by its state in the
// document's language.

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/documents/plan_document.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

TEST_CASE("the plan document names each appeal's state and who appealed", "[documents][plan_document]") {
  const Rammeverk rv = load_rammeverk(std::string(embedded::example_rammeverk), "test.toml");
  Plan p;
  p.case_number = "2026/4";
  p.created_on = "2026-03-20";
  for (const Lang L : {Lang::nb, Lang::nn, Lang::en}) {
    const documents::PlanDocumentInput in{p, "", {{AppealStatus::forwarded, "2026-05-02", "2026-04-20", "verge"},
                                                  {AppealStatus::final_reversed, "2026-07-01", "2026-04-21", "person"}}, std::nullopt};
    const std::string text = documents::compose_plan_text(in, rv, L);
    CHECK(text.find(tr(L, "appeal.state.forwarded") + " (" + long_date("2026-05-02", L) + ")") != std::string::npos);
    CHECK(text.find(tr(L, "appeal.state.final_reversed") + " (" + long_date("2026-07-01", L) + ")") != std::string::npos);
    CHECK(text.find(tr(L, "appeal.doc_line", long_date("2026-04-20", L), tr(L, "appeal.from.verge"))) != std::string::npos);
  }
}
