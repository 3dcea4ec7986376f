// The letters composer (src/documents/compose/letters.cpp): the decision
// letter and the foreløpig svar from plain values, in the rammeverk's
// language, with no database.

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/documents/letters.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/dates.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

namespace {

Rammeverk example() { return load_rammeverk(std::string(embedded::example_rammeverk), "test.toml"); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the decision letter states the outcome, the grounds and the right to appeal", "[documents][letters]") {
  const Rammeverk rv = example();
  const Lang L = rv.municipality.language;
  DecisionLetterInput in;
  in.case_number = "2026/7";
  in.to = {"Per Hansen", "239239*****", LetterRecipient::To::person, {}};
  in.signer = {"Kari Nordmann, saksbehandler", "kari"};
  in.grant = false;
  in.grounds = "Behovet dekkes av eksisterende tjenester.";
  in.decided_on = *try_parse_date("2026-03-10");
  in.appeal_deadline = *try_parse_date("2026-03-31");
  in.received = "2026-03-02";
  const std::string letter = compose_decision_letter(rv, in);
  CHECK(letter.rfind(rv.municipality.name, 0) == 0);  // the letterhead first
  CHECK(has(letter, tr(L, "letter.decision_title", "2026/7")));
  CHECK(has(letter, tr(L, "letter.to", "Per Hansen", "239239*****")));
  CHECK(has(letter, tr(L, "letter.refused")));
  CHECK(has(letter, tr(L, "letter.grounds", in.grounds)));
  CHECK(has(letter, tr(L, "letter.appeal_from_receipt", rv.municipality.name, rv.deadlines.appeal, long_date(in.appeal_deadline, L))));
  CHECK(has(letter, "Kari Nordmann, saksbehandler"));
  CHECK_FALSE(has(letter, tr(L, "letter.after_appeal", long_date("2026-03-20", L))));

  in.appeal_received = "2026-03-20";
  in.grant = true;
  in.grounds.clear();
  const std::string after = compose_decision_letter(rv, in);
  CHECK(has(after, tr(L, "letter.after_appeal", long_date("2026-03-20", L))));
  CHECK(has(after, tr(L, "letter.granted")));
  CHECK_FALSE(has(after, tr(L, "letter.grounds", "")));
}

TEST_CASE("a letter to the foresatte names them all with their addresses", "[documents][letters]") {
  const Rammeverk rv = example();
  const Lang L = rv.municipality.language;
  PreliminaryReplyInput in;
  in.case_number = "2026/8";
  in.to = {"Liv Hansen", "010120*****", LetterRecipient::To::foresatte, {{"Mor Hansen", "Storgata 1"}, {"Far Hansen", ""}}};
  in.signer = {"", "nobody-known"};
  in.sent_on = *try_parse_date("2026-03-10");
  in.expected_by = *try_parse_date("2026-04-15");
  in.received = "2026-03-01";
  in.reason = "Vi venter på opplysninger fra fastlegen.";
  const std::string letter = compose_preliminary_reply(rv, in);
  CHECK(has(letter, tr(L, "letter.to_foresatte", "Mor Hansen" + tr(L, "letter.and") + "Far Hansen", "Liv Hansen", "010120*****") +
                        "\nStorgata 1\n"));
  CHECK(has(letter, tr(L, "letter.prelim_received", long_date("2026-03-01", L), long_date(in.expected_by, L))));
  CHECK(has(letter, tr(L, "letter.prelim_reason", in.reason)));
  // No --signed-by and no [[access.user]] of that name: the unit signs, never the login.
  REQUIRE_FALSE(rv.municipality.unit.empty());
  CHECK(has(letter, tr(L, "letter.signature", rv.municipality.unit, rv.municipality.name)));
  CHECK_FALSE(has(letter, "nobody-known"));
}
