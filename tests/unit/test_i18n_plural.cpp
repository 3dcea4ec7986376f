// A count before a noun takes the singular after 1 and the plural otherwise,
// in nb, nn and en: in messages, and in audit details that were stored
// with the count as a number (rendered when read, their stored text unchanged).

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/views/audit_view.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace oppteam;

namespace {
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("a count of 1 takes the singular", "[i18n][plural]") {
  CHECK(has(render_message(Lang::nb, "team.created", {"2026/1", "1"}), "med 1 deltaker;"));
  CHECK(has(render_message(Lang::nb, "team.created", {"2026/1", "3"}), "med 3 deltakere;"));
  CHECK(has(render_message(Lang::nn, "team.created", {"2026/1", "1"}), "med 1 deltakar;"));
  CHECK(has(render_message(Lang::en, "team.created", {"2026/1", "1"}), "with 1 member;"));
  CHECK(render_message(Lang::nb, "remind.note.overdue", {"1"}) == "1 dag over fristen");
  CHECK(render_message(Lang::nb, "remind.note.overdue", {"2"}) == "2 dager over fristen");
  CHECK(render_message(Lang::en, "remind.note.overdue", {"1"}) == "1 day overdue");
  CHECK(has(render_message(Lang::nb, "archive.done", {"pkg", "1", "2", "x"}), "1 sak, 2 dokumenter"));
  CHECK(has(render_message(Lang::nb, "archive.done", {"pkg", "2", "1", "x"}), "2 saker, 1 dokument,"));
  CHECK(has(render_message(Lang::en, "archive.done", {"pkg", "1", "1", "x"}), "1 case, 1 document,"));
}

TEST_CASE("an audit detail stored with a count of 1 reads in the singular", "[i18n][plural][audit]") {
  // The stored text stays as it always was.
  const std::string stored = audit_detail("remind", "audit.d.remind", {"1", "1"});
  CHECK(stored == "1 items, within 1 days");
  CHECK(audit_detail_text(Lang::nb, nullptr, "remind", stored) == "1 punkt, innen 1 dag");
  CHECK(audit_detail_text(Lang::nb, nullptr, "remind", "3 items, within 14 days") == "3 punkter, innen 14 dager");
  CHECK(audit_detail_text(Lang::en, nullptr, "remind", stored) == "1 item, within 1 day");
  CHECK(audit_detail_text(Lang::nn, nullptr, "team.create", "team created with 1 members") == "team oppretta med 1 medlem");
}
