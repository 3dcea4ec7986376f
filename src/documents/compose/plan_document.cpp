#include <oppteam/documents/plan_document.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/util/display_width.hpp>
#include <oppteam/util/markup.hpp>
#include <oppteam/util/text.hpp>

#include <algorithm>

namespace oppteam::documents {

namespace {

// The language and rammeverk a document is composed in.
struct Texts {
  const Rammeverk& rv;
  Lang lang;
  template <typename... Args>
  std::string text(std::string_view key, const Args&... args) const {
    return tr(lang, key, args...);
  }
};

}  // namespace

std::string consent_scope_label(const Rammeverk& rv, Lang lang, const std::string& scope) {
  const Texts ctx{rv, lang};
  if (scope.starts_with("deling:")) {
    const auto id = scope.substr(7);
    const auto* svc = ctx.rv.find_service(id);
    return ctx.text("plan.scope.deling", svc ? svc->shown(ctx.lang) : id);
  }
  const std::string key = "plan.scope." + scope;
  return has_message(key) ? ctx.text(key) : scope;
}

namespace {

// The document as sections of paragraphs, rendered as text or HTML below.
struct DocParagraph {
  std::string head;                // shown in bold in HTML
  std::vector<std::string> lines;  // further lines
};
struct DocSection {
  std::string title;
  std::vector<DocParagraph> paragraphs;
};
struct Document {
  std::string title;
  std::vector<std::string> header;
  std::vector<DocSection> sections;
};

std::string label_or(const std::string& key, const Texts& ctx, const std::string& fallback) {
  return has_message(key) ? ctx.text(key) : fallback;
}

Document build_document(const PlanDocumentInput& in, const Texts& ctx) {
  const Plan& p = in.plan;
  const Lang L = ctx.lang;
  auto or_none = [&](const std::string& v) { return v.empty() ? ctx.text("plan.doc.none") : v; };
  Document d;
  d.title = ctx.text(p.kind == PlanKind::ip ? "plan.doc.title_ip" : "plan.doc.title_fu",
                     p.person_name.empty() ? p.case_number : p.person_name);
  d.header.push_back(ctx.text("plan.doc.case", p.case_number, ctx.rv.municipality.name));
  d.header.push_back(ctx.text("plan.doc.revision", p.revision,
                              long_date(p.revised_at.size() >= 10 ? p.revised_at.substr(0, 10) : p.created_on, L)));
  // An old revision says so, and what replaced it: a printed copy must not
  // look like the plan in force.
  if (const auto& r = p.replaced)
    d.header.push_back(r->at.size() >= 10 ? ctx.text("plan.doc.replaced", p.revision, r->latest, r->by, long_date(r->at.substr(0, 10), L))
                                          : ctx.text("plan.doc.replaced_undated", p.revision, r->latest, r->by));
  if (p.status == PlanStatus::closed) d.header.push_back(ctx.text("plan.doc.closed"));
  else if (p.status == PlanStatus::revising) d.header.push_back(ctx.text("plan.doc.revising"));

  DocSection goals{ctx.text("plan.doc.goals"), {}};
  for (const auto& g : p.goals) {
    if (g.parent) continue;
    DocParagraph para{ctx.text("plan.doc.goal", g.number, g.text), {}};
    const std::string goal_status(to_stored(g.status));
    if (g.status != GoalStatus::open && has_message("case.goal_status." + goal_status))
      para.lines.push_back(ctx.text("goal_status.doc_line", ctx.text("case.goal_status." + goal_status)) +
                           (g.status_note.empty() ? "" : ": " + g.status_note));
    for (const auto& sub : p.goals)
      if (sub.parent && *sub.parent == g.number) para.lines.push_back(ctx.text("plan.doc.subgoal", sub.number, sub.text));
    goals.paragraphs.push_back(std::move(para));
  }
  if (goals.paragraphs.empty()) goals.paragraphs.push_back({ctx.text("plan.doc.none"), {}});
  d.sections.push_back(std::move(goals));

  d.sections.push_back({ctx.text("plan.doc.resources"), {{or_none(p.resources), {}}}});
  d.sections.push_back({ctx.text("plan.doc.needs"), {{or_none(p.needs), {}}}});

  DocSection coordinator{ctx.text("plan.doc.coordinator"), {}};
  if (const auto* co = p.coordinator()) {
    const auto* role = ctx.rv.find_role(co->role);
    coordinator.paragraphs.push_back({co->name, {role ? role->shown(ctx.lang) : co->role}});
  } else {
    coordinator.paragraphs.push_back({ctx.text("plan.doc.no_coordinator"), {}});
  }
  d.sections.push_back(std::move(coordinator));

  DocSection who{ctx.text("plan.doc.participants"), {}};
  for (const auto& m : p.team) {
    const auto* role = ctx.rv.find_role(m.role);
    std::string line = role ? role->shown(ctx.lang) : m.role;
    if (!m.service.empty()) {
      const auto* svc = ctx.rv.find_service(m.service);
      line += ", " + (svc ? svc->shown(ctx.lang) : m.service);
    }
    if (m.kind != MemberKind::member) {
      const std::string kind(to_stored(m.kind));
      line += " (" + label_or("plan.member_kind." + kind, ctx, kind) + ")";
    }
    who.paragraphs.push_back({m.name, {line}});
  }
  if (who.paragraphs.empty()) who.paragraphs.push_back({ctx.text("plan.doc.none"), {}});
  d.sections.push_back(std::move(who));

  d.sections.push_back({ctx.text("plan.doc.contributions"), {{or_none(p.contributions), {}}}});

  DocSection measures{ctx.text("plan.doc.measures"), {}};
  for (const auto& m : p.measures) {
    DocParagraph para{ctx.text("plan.doc.measure", m.number, m.text, m.goal), {}};
    para.lines.push_back(ctx.text("plan.doc.measure_responsible", m.responsible));
    if (!m.scope.empty()) para.lines.push_back(ctx.text("plan.doc.measure_scope", m.scope));
    if (!m.how.empty()) para.lines.push_back(ctx.text("plan.doc.measure_how", m.how));
    if (m.every_days) para.lines.push_back(ctx.text("plan.doc.measure_every", *m.every_days, long_date(m.due_on, L)));
    else para.lines.push_back(ctx.text("plan.doc.measure_due", long_date(m.due_on, L)));
    para.lines.push_back(ctx.text("plan.doc.measure_status", label_or("plan.mstatus." + std::string(to_stored(m.status)), ctx, std::string(to_stored(m.status)))));
    measures.paragraphs.push_back(std::move(para));
  }
  if (measures.paragraphs.empty()) measures.paragraphs.push_back({ctx.text("plan.doc.none"), {}});
  d.sections.push_back(std::move(measures));

  DocSection period{ctx.text("plan.doc.period"), {}};
  const std::string from = p.period_from.empty() ? p.created_on : p.period_from;
  period.paragraphs.push_back({p.period_to.empty() ? ctx.text("plan.doc.period_open", long_date(from, L))
                                                   : ctx.text("plan.doc.period_to", long_date(from, L), long_date(p.period_to, L)),
                               {}});
  if (p.status != PlanStatus::closed) {
    period.paragraphs.push_back({ctx.text("plan.doc.next_evaluation", long_date(in.next_evaluation, L)), {}});
  }
  d.sections.push_back(std::move(period));

  DocSection part{ctx.text("plan.doc.participation"), {}};
  if (p.participated_how.empty()) part.paragraphs.push_back({ctx.text("plan.doc.not_participated"), {}});
  else part.paragraphs.push_back({p.participated_how, {long_date(p.participated_on, L)}});
  d.sections.push_back(std::move(part));

  DocSection consents{ctx.text("plan.doc.consents"), {}};
  for (const auto& c : p.consents) {
    consents.paragraphs.push_back({consent_scope_label(ctx.rv, ctx.lang, c.scope),
                                   {ctx.text("plan.doc.consent_line", label_or("choice.form." + c.form, ctx, c.form),
                                             label_or("plan.given_by." + c.given_by, ctx, c.given_by),
                                             long_date(c.given_on, L))}});
  }
  if (consents.paragraphs.empty()) consents.paragraphs.push_back({ctx.text("plan.doc.no_consents"), {}});
  d.sections.push_back(std::move(consents));

  // Appeals against the decision and where they stand (issue 14), when any.
  if (!in.appeals.empty()) {
    DocSection section{ctx.text("plan.doc_appeals"), {}};
    for (const auto& a : in.appeals)
      section.paragraphs.push_back({ctx.text("appeal.state." + std::string(to_stored(a.status))) + " (" + long_date(a.status_on, L) + ")",
                                    {ctx.text("appeal.doc_line", long_date(a.received_on, L), ctx.text("appeal.from." + a.from))}});
    d.sections.push_back(std::move(section));
  }

  // The case log, where the rammeverk says so ([plan_document] log): the
  // plan's readers (the person among them) then see what the team wrote
  // between meetings. Read with the plan (whose read is audited).
  if (in.log) {
    DocSection log{ctx.text("plan.doc.log"), {}};
    for (const auto& e : *in.log)
      log.paragraphs.push_back({e.text, {ctx.text("plan.doc.log_line", long_date(e.date, L), e.written_by)}});
    if (log.paragraphs.empty()) log.paragraphs.push_back({ctx.text("plan.doc.none"), {}});
    d.sections.push_back(std::move(log));
  }
  return d;
}

// Text as the HTML page shows it: what would act on the page's layout (a
// bidi override, a control character) shown as the terminal shows it
// (visible(), util/text), then escaped for HTML (util/markup). Shown before
// it is escaped: "<U+202E>" must reach the browser as text, not as a tag.
std::string esc(const std::string& s) { return markup_escape(visible(s)); }

}  // namespace

std::string compose_plan_text(const PlanDocumentInput& in, const Rammeverk& rv, Lang lang) {
  const Document d = build_document(in, Texts{rv, lang});
  std::string out = d.title + "\n" + std::string(std::min<std::size_t>(display_width(d.title), 72), '=') + "\n";
  for (const auto& h : d.header) out += h + "\n";
  for (const auto& s : d.sections) {
    out += "\n" + s.title + "\n" + std::string(std::min<std::size_t>(display_width(s.title), 72), '-') + "\n";
    for (const auto& para : s.paragraphs) {
      out += para.head + "\n";
      for (const auto& l : para.lines) out += "    " + l + "\n";
    }
  }
  return out;
}

std::string compose_plan_html(const PlanDocumentInput& in, const Rammeverk& rv, Lang lang) {
  const Document d = build_document(in, Texts{rv, lang});
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(lang)) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + esc(d.title) + "</title>\n";
  out += R"css(<style>
  body { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #111; }
  h1 { font-size: 1.7rem; margin-bottom: .2rem; }
  header p { margin: .1rem 0; color: #444; }
  h2 { font-size: 1.15rem; border-bottom: 1px solid #999; padding-bottom: .15rem; margin-top: 1.6rem; }
  section p { margin: .5rem 0 0 0; }
  section p strong { display: block; }
  section p span { display: block; margin-left: 1.2rem; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    h2 { break-after: avoid; page-break-after: avoid; }
    section p { break-inside: avoid; page-break-inside: avoid; }
  }
</style>
)css";
  out += "</head>\n<body>\n<header>\n<h1>" + esc(d.title) + "</h1>\n";
  for (const auto& h : d.header) out += "<p>" + esc(h) + "</p>\n";
  out += "</header>\n";
  for (const auto& s : d.sections) {
    out += "<section>\n<h2>" + esc(s.title) + "</h2>\n";
    for (const auto& para : s.paragraphs) {
      out += "<p><strong>" + esc(para.head) + "</strong>";
      for (const auto& l : para.lines) out += "<span>" + esc(l) + "</span>";
      out += "</p>\n";
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace oppteam::documents
