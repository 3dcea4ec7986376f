#include <oppteam/views/consent_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/views/labels.hpp>

namespace oppteam {

std::string render_consents(const ConsentList& list, Lang L, const TerminalStyle& style) {
  Table t({"id", tr(L, "case.col_scope"), tr(L, "case.col_form"), tr(L, "case.col_given_by"), tr(L, "case.col_given_on"),
           tr(L, "case.col_recorded_by"), tr(L, "case.col_document"), tr(L, "case.col_state")});
  for (const auto& r : list.consents) {
    const std::string by = choice_label(L, "given_by", r.given_by) + (r.giver_name.empty() ? "" : " (" + r.giver_name + ")");
    const std::string state = !r.withdrawn_on.empty() ? tr(L, "case.consent_withdrawn", long_date(r.withdrawn_on, L))
                                                      : tr(L, r.valid ? "case.consent_valid" : "case.consent_pending");
    t.add({std::to_string(r.id), choice_label(L, "scope", r.scope), choice_label(L, "form", r.form), by, long_date(r.given_on, L),
           r.recorded_by, r.document_ref, state});
  }
  std::string text = list.consents.empty() ? tr(L, "consent.none") : t.render(style);
  for (const auto& x : list.declines)
    text += (text.empty() || text.back() == '\n' ? "" : "\n") +
            tr(L, "decline.line", choice_label(L, "scope", x.scope), long_date(x.declined_on, L), choice_label(L, "form", x.form),
               choice_label(L, "given_by", x.declined_by), x.recorded_by) +
            (x.note.empty() ? "" : ": " + x.note) + "\n";
  return text;
}

}  // namespace oppteam
