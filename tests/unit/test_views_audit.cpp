// The audit log for people (views/audit_view), built from plain values with
// no database: `audit log`'s table and each detail in the reader's language,
// an entry of the first format and a detail of an unknown form as stored.

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/views/audit_view.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace oppteam;

namespace {

AuditEntry entry(std::int64_t id, std::string action, std::string detail) {
  AuditEntry e;
  e.id = id;
  e.at = "2026-03-02T09:15:30.123Z";
  e.acted_on = "2026-03-02";
  e.actor = "kari";
  e.action = std::move(action);
  e.object = "2026/1";
  e.detail = std::move(detail);
  e.rammeverk = "0123456789abcdef0123456789abcdef";
  return e;
}

// An entry as the first oppteam wrote it (hash format 1): no day acted on,
// no rammeverk, its detail in the short English of that time.
AuditEntry first_format_entry() {
  AuditEntry e = entry(1, "decide.grant", "appeal deadline 2026-04-01 (after appeal 3)");
  e.acted_on.clear();
  e.rammeverk.clear();
  e.format = 1;
  return e;
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("audit details are shown in the reader's language, unknown ones as stored", "[views][audit]") {
  CHECK(audit_detail_text(Lang::nn, nullptr, "decide.grant", "appeal deadline 2026-04-01") == "klagefrist 1. april 2026");
  CHECK(audit_detail_text(Lang::nb, nullptr, "case.close", "no_need at stage granted") == "årsak no_need, på trinnet innvilget");
  CHECK(audit_detail_text(Lang::nb, nullptr, "evaluate", "continue") == "beslutning: fortsette");
  CHECK(audit_detail_text(Lang::nn, nullptr, "consent.give", "utredning muntlig by person") ==
        "kartlegging og utgreiing, munnleg, gjeve av personen sjølv");
  CHECK(audit_detail_text(Lang::en, nullptr, "plan.status", "measure 2 done") == "measure 2: done");
  CHECK(audit_detail_text(Lang::nb, nullptr, "case.close", "something else") == "something else");
  CHECK(audit_detail_text(Lang::nb, nullptr, "team.pause", "paused") == "satt på pause");
}

TEST_CASE("audit log's table in nb, nn and en: headings, fields, details in the reader's words", "[views][audit]") {
  const std::vector<AuditEntry> entries = {entry(3, "audit.log", "12 entries"), entry(2, "case.close", "something else"),
                                           first_format_entry()};
  const TerminalStyle style{0, false};
  struct Want {
    Lang lang;
    std::string entries, old_detail;
  };
  for (const Want& w : {Want{Lang::nb, "12 oppføringer", "klagefrist 1. april 2026 (etter klage 3)"},
                        Want{Lang::nn, "12 oppføringar", "klagefrist 1. april 2026 (etter klage 3)"},
                        Want{Lang::en, "12 entries", "appeal deadline 1 April 2026 (after appeal 3)"}}) {
    INFO("lang " << lang_code(w.lang));
    const std::string text = render_audit_log(entries, entries.size(), nullptr, w.lang, style);
    for (const char* key : {"screens.audit.col_entry", "screens.audit.col_at", "screens.audit.col_acted_on",
                            "screens.audit.col_actor", "screens.audit.col_action", "screens.audit.col_object",
                            "screens.audit.col_rammeverk", "screens.audit.col_detail"})
      CHECK(has(text, tr(w.lang, key)));
    // The time to the second, the rammeverk's first 8 hex digits.
    CHECK(has(text, "2026-03-02T09:15:30 "));
    CHECK_FALSE(has(text, ".123Z"));
    CHECK(has(text, "01234567 "));
    CHECK_FALSE(has(text, "012345678"));
    CHECK(has(text, w.entries));
    CHECK(has(text, "something else"));  // a detail of no known form: as stored
    CHECK(has(text, w.old_detail));      // the first format's entry, read through the same form
    CHECK_FALSE(has(text, "appeal deadline 2026-04-01"));
    // Rows in the order given: the view does not sort.
    CHECK(text.find(w.entries) < text.find("something else"));
    CHECK(text.find("something else") < text.find(w.old_detail));
    CHECK_FALSE(has(text, tr(w.lang, "screens.list_more", 1)));
  }
}

TEST_CASE("audit log's screen: none, how many were left out, a stored field cannot act on the terminal", "[views][audit]") {
  const TerminalStyle style{0, false};
  for (Lang lang : {Lang::nb, Lang::nn, Lang::en}) {
    INFO("lang " << lang_code(lang));
    CHECK(render_audit_log({}, 0, nullptr, lang, style) == tr(lang, "screens.audit.none") + "\n");
    const std::string some = render_audit_log({entry(9, "case.show", "")}, 40, nullptr, lang, style);
    CHECK(has(some, tr(lang, "screens.list_more", 39) + "\n"));
    CHECK(render_audit_log({}, 2, nullptr, lang, style) ==
          tr(lang, "screens.audit.none") + "\n" + tr(lang, "screens.list_more", 2) + "\n");
  }
  const std::string text = render_audit_log({entry(4, "log.add", "line\n\x1b[31mred")}, 1, nullptr, Lang::en, style);
  CHECK_FALSE(has(text, "\x1b"));
  CHECK(std::count(text.begin(), text.end(), '\n') == 3);  // heading, rule, one row
}

TEST_CASE("audit log's table on a narrow terminal leaves out the rammeverk, then the time", "[views][audit]") {
  const std::vector<AuditEntry> entries = {entry(2, "case.show", ""), entry(1, "audit.log", "3 entries")};
  const std::string wide = render_audit_log(entries, 2, nullptr, Lang::en, TerminalStyle{0, false});
  CHECK(has(wide, tr(Lang::en, "screens.audit.col_rammeverk")));
  CHECK(has(wide, "2026-03-02T09:15:30"));
  const std::string narrow = render_audit_log(entries, 2, nullptr, Lang::en, TerminalStyle{60, false});
  CHECK_FALSE(has(narrow, tr(Lang::en, "screens.audit.col_rammeverk")));
  CHECK_FALSE(has(narrow, "01234567"));
  CHECK_FALSE(has(narrow, "2026-03-02T09:15:30"));
  CHECK(has(narrow, "3 entries"));
  CHECK(has(narrow, "kari"));
}
