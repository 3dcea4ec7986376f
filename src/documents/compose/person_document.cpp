#include <oppteam/documents/person_document.hpp>

#include <oppteam/documents/plan_document.hpp>  // consent_scope_label
#include <oppteam/i18n/dates.hpp>
#include <oppteam/util/display_width.hpp>
#include <oppteam/util/json_text.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <utility>

namespace oppteam {

namespace {

using nlohmann::json;

// What the document is written from: the rammeverk's labels, in the reader's language.
struct Texts {
  const Rammeverk& rv;
  Lang lang;
};

bool has(const json& row, const char* key) {
  return row.contains(key) && !row[key].is_null() && !(row[key].is_string() && row[key].get<std::string>().empty());
}

// The person's document: sections of plain sentences, each item a wrapped
// paragraph; every stored value through the catalogue or as typed, never a
// column name, a flag or JSON.
class Writer {
 public:
  explicit Writer(const Texts& ctx) : ctx_(ctx), L_(ctx.lang) {}

  template <typename... Args>
  std::string t(std::string_view key, const Args&... args) const {
    return tr(L_, key, args...);
  }
  // A stored code in words: the catalogue key `prefix + code`, else the code.
  std::string code(const std::string& prefix, const json& value) const {
    const std::string key = prefix + json_text(value);
    return has_message(key) ? tr(L_, key) : json_text(value);
  }
  std::string day(const json& v) const { return v.is_string() ? long_date(v.get<std::string>(), L_) : std::string(); }
  std::string label(const std::vector<ReporterType>& list, const json& id) const { return find(list, id); }
  std::string role(const json& id) const { return find(ctx_.rv.roles, id); }
  std::string service(const json& id) const { return find(ctx_.rv.services, id); }
  std::string domain(const std::string& id) const { return find(ctx_.rv.domains, json(id)); }
  std::string target_group(const json& id) const { return find(ctx_.rv.target_groups, id); }
  std::string instrument(const json& id) const {
    const auto* ins = ctx_.rv.find_instrument(json_text(id));
    return ins && !ins->name.empty() ? ins->name_in(ctx_.lang) : json_text(id);
  }
  std::string closing_reason(const json& id) const {
    return label_of(ctx_.rv.closing_reasons, json_text(id), ctx_.lang);
  }
  std::string scope(const json& id) const { return documents::consent_scope_label(ctx_.rv, ctx_.lang, json_text(id)); }

  // A title and the section headings are underlined ('=' and '-'), which
  // reads well at a terminal and makes them a title and headings in the PDF
  // (documents/pdf.cpp).
  void title(const std::string& text) { out_ += text + "\n" + std::string(display_width(text), '=') + "\n"; }
  void heading(const std::string& text) { out_ += "\n" + text + "\n" + std::string(display_width(text), '-') + "\n"; }
  void subheading(const std::string& text) { out_ += "\n  " + text + "\n"; }
  void item(const std::string& text) { out_ += "  - " + text + "\n"; }
  void line(const std::string& text) { out_ += text + "\n"; }
  // A text as the person or the team wrote it, quoted, on its own indented lines.
  void quote(const std::string& text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      auto nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      out_ += "      " + text.substr(start, nl - start) + "\n";
      start = nl + 1;
    }
  }
  std::string& out() { return out_; }

 private:
  template <typename T>
  std::string find(const std::vector<T>& list, const json& id) const {
    return label_of(list, json_text(id), ctx_.lang);
  }
  const Texts& ctx_;
  Lang L_;
  std::string out_;
};

void write_case(Writer& w, const Texts& ctx, const json& c) {
  const json& k = c["case"];
  w.heading(w.t("pe.case", json_text(k["number"]), w.code("case.status.", k["status"]), w.day(k["opened_on"])));
  if (has(k, "target_group")) w.line("  " + w.t("pe.target_group", w.target_group(k["target_group"])));

  if (!c["referrals"].empty()) {
    w.subheading(w.t("pe.h_referrals"));
    for (const auto& r : c["referrals"]) {
      std::string from = w.label(ctx.rv.reporter_types, r["reporter_type"]);
      if (has(r, "reporter_name")) from += " (" + json_text(r["reporter_name"]) + ")";
      std::string text = w.t("pe.referral", w.day(r["received_on"]), from);
      if (has(r, "sender")) text += " " + w.t("pe.referral_sender", json_text(r["sender"]), json_text(r["external_id"]));
      w.item(text);
      w.quote(json_text(r["need"]));
    }
  }
  if (!c["consents"].empty() || (c.contains("declines") && !c["declines"].empty())) {
    w.subheading(w.t("pe.h_consents"));
    for (const auto& x : c["consents"]) {
      std::string text = w.t("pe.consent", w.scope(x["scope"]), w.code("choice.form.", x["form"]), w.day(x["given_on"]),
                             w.code("pe.given_by.", x["given_by"]));
      if (has(x, "withdrawn_on")) text += " " + w.t("pe.consent_withdrawn", w.day(x["withdrawn_on"]));
      w.item(text);
    }
    if (c.contains("declines"))
      for (const auto& x : c["declines"]) w.item(w.t("pe.decline", w.scope(x["scope"]), w.day(x["declined_on"])));
  }
  if (!c["assessments"].empty()) {
    w.subheading(w.t("pe.h_assessments"));
    for (const auto& a : c["assessments"]) {
      std::string text = w.t("pe.assessment", w.day(a["assessed_on"]), w.instrument(a["instrument"]), json_text(a["assessor"]),
                             json_text(a["profession"]), w.t("pe.score", json_text(a["score"]), json_text(a["threshold"])),
                             w.code("case.recommendation.", a["recommendation"]));
      if (a["partial"].is_number() && a["partial"].get<std::int64_t>() != 0) text += " " + w.t("pe.assessment_partial");
      w.item(text);
      // The points per area, as the assessment stored them.
      const json domains = json::parse(json_text(a["domains"]), nullptr, false);
      if (domains.is_object() && !domains.empty()) {
        // In the rammeverk's order of the areas, then any it no longer has.
        std::string parts;
        for (const auto& d : ctx.rv.domains)
          if (domains.contains(d.id)) parts += (parts.empty() ? "" : ", ") + w.domain(d.id) + " " + json_text(domains[d.id]);
        for (auto it = domains.begin(); it != domains.end(); ++it) {
          const std::string& id = it.key();
          if (std::none_of(ctx.rv.domains.begin(), ctx.rv.domains.end(), [&](const Domain& x) { return x.id == id; }))
            parts += (parts.empty() ? "" : ", ") + id + " " + json_text(it.value());
        }
        w.quote(w.t("pe.assessment_domains", parts));
      }
    }
  }
  if (!c["what_matters"].empty()) {
    w.subheading(w.t("pe.h_what_matters"));
    for (const auto& x : c["what_matters"]) w.item("«" + json_text(x["text"]) + "»");
  }
  if (!c["preliminary_replies"].empty() || !c["decision"].is_null()) {
    w.subheading(w.t("pe.h_decision"));
    for (const auto& pr : c["preliminary_replies"])
      w.item(has(pr, "expected_by") ? w.t("pe.prelim", w.day(pr["sent_on"]), w.day(pr["expected_by"]))
                                    : w.t("pe.prelim_no_date", w.day(pr["sent_on"])));
    if (!c["decision"].is_null()) {
      const json& d = c["decision"];
      // A decision made in the appeal case has no appeal deadline: it is final.
      w.item(has(d, "appeal_deadline")
                 ? w.t("pe.decision", w.code("case.outcome.", d["outcome"]), w.day(d["decided_on"]), json_text(d["decided_by"]),
                       w.day(d["appeal_deadline"]))
                 : w.t("pe.decision_final", w.code("case.outcome.", d["outcome"]), w.day(d["decided_on"]), json_text(d["decided_by"])));
      if (has(d, "grounds")) w.quote(w.t("pe.grounds", json_text(d["grounds"])));
    }
  }
  if (!c["team"].is_null()) {
    w.subheading(w.t("pe.h_team", w.day(c["team"]["created_on"]), w.code("team.status_", c["team"]["status"])));
    for (const auto& m : c["team_members"]) {
      std::string who = json_text(m["name"]) + ", " + w.code("team.kind_", m["kind"]);
      if (json_text(m["kind"]) != "participant") who += " (" + w.role(m["role"]) + (has(m, "service") ? ", " + w.service(m["service"]) : "") + ")";
      w.item(has(m, "removed_on") ? w.t("pe.member_until", who, w.day(m["added_on"]), w.day(m["removed_on"]))
                                  : w.t("pe.member", who, w.day(m["added_on"])));
    }
  }
  if (!c["plan"].is_null()) {
    const json& p = c["plan"];
    w.subheading(w.t("pe.h_plan", w.code("choice.plan_kind.", p["kind"]), w.day(p["created_on"]), json_text(p["revision"])));
    for (const auto& g : c["goals"])
      w.item(w.t("pe.goal", json_text(g["number"]), json_text(g["text"]), w.code("case.goal_status.", g["status"])));
    for (const auto& m : c["measures"])
      w.item(w.t("pe.measure", json_text(m["number"]), json_text(m["text"]), json_text(m["responsible"]), w.day(m["due_on"]),
                 w.code("plan.mstatus.", m["status"])));
  }
  if (!c["evaluations"].empty()) {
    w.subheading(w.t("pe.h_evaluations"));
    for (const auto& e : c["evaluations"]) {
      std::string text = w.t("pe.evaluation", w.day(e["evaluated_on"]), w.code("evaluate.decision.", e["decision"]));
      if (has(e, "next_on")) text += " " + w.t("pe.evaluation_next", w.day(e["next_on"]));
      w.item(text);
      if (has(e, "comment")) w.quote(json_text(e["comment"]));
    }
  }
  if (c.contains("meetings") && !c["meetings"].empty()) {
    w.subheading(w.t("pe.h_meetings"));
    for (const auto& m : c["meetings"]) {
      std::string names;
      for (const auto& x : m["participants"]) names += (names.empty() ? "" : ", ") + json_text(x["name"]);
      w.item(w.t("pe.meeting", w.day(m["held_on"]), w.code("meeting.status.", m["status"]), names.empty() ? "-" : names));
      if (has(m, "minutes")) w.quote(json_text(m["minutes"]));
    }
    for (const auto& a : c["meeting_actions"])
      w.item(w.t("pe.action", json_text(a["text"]), json_text(a["responsible"]), w.day(a["due_on"])));
  }
  if (c.contains("log") && !c["log"].empty()) {
    w.subheading(w.t("pe.h_log"));
    for (const auto& e : c["log"]) {
      w.item(w.t("pe.log", w.day(e["written_on"]), json_text(e["written_by"])));
      w.quote(json_text(e["text"]));
    }
  }
  if (c.contains("corrections") && !c["corrections"].empty()) {
    w.subheading(w.t("pe.h_corrections"));
    for (const auto& x : c["corrections"])
      w.item(w.t("pe.correction", w.day(x["corrected_on"]), json_text(x["corrected_by"]), json_text(x["before"]), json_text(x["after"]), json_text(x["reason"])));
  }
  if (c.contains("closings") && !c["closings"].empty()) {
    w.subheading(w.t("pe.h_closings"));
    for (const auto& x : c["closings"]) {
      w.item(w.t("pe.closing", w.day(x["closed_on"]), w.closing_reason(x["reason"])));
      if (has(x, "reopened_on")) w.item(w.t("pe.reopened", w.day(x["reopened_on"])));
    }
  }
  if (c.contains("appeals") && !c["appeals"].empty()) {
    w.subheading(w.t("pe.h_appeals"));
    for (const auto& a : c["appeals"])
      w.item(w.t("pe.appeal", w.day(a["received_on"]), w.code("appeal.from.", a["appellant"]),
                 w.code("appeal.state.", a["status"]), w.day(a["status_on"])));
    if (c.contains("replaced_decisions"))
      for (const auto& d : c["replaced_decisions"])
        w.item(w.t("pe.replaced_decision", w.code("case.outcome.", d["outcome"]), w.day(d["decided_on"]), w.day(d["replaced_on"])));
  }
  if (c.contains("owners") && !c["owners"].empty()) {
    w.subheading(w.t("pe.h_owners"));
    for (const auto& x : c["owners"]) w.item(w.t("pe.owner", json_text(x["owner"]), w.day(x["assigned_on"])));
  }
}

// An audit time stamp (ISO 8601, UTC) as the local day (ISO) and "HH:MM" in
// the machine's time zone (TZ), as the person's clock showed it; the text
// unchanged (and no time) when it is not one.
std::pair<std::string, std::string> local_day_time(const std::string& at) {
  std::tm utc{};
  if (std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour, &utc.tm_min,
                  &utc.tm_sec) != 6)
    return {at.substr(0, 10), ""};
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  const std::time_t t = ::timegm(&utc);
  std::tm local{};
  if (!::localtime_r(&t, &local)) return {at.substr(0, 10), ""};
  return {fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday),
          fmt::format("{:02}:{:02}", local.tm_hour, local.tm_min)};
}

// An audit action as the person reads it: what was done with their data.
std::string action_text(const Writer& w, const std::string& action) {
  const std::string key = "pe.action." + action;
  if (has_message(key)) return w.t(key);
  static constexpr std::string_view kReads[] = {".show", ".list", ".export", ".log", ".history"};
  for (auto r : kReads)
    if (action.ends_with(r)) return w.t("pe.action_read");
  return w.t("pe.action_change");
}

}  // namespace

std::string compose_person_document(const nlohmann::json& doc, const Rammeverk& rv, Lang lang) {
  const Texts ctx{rv, lang};
  Writer w(ctx);
  const auto& p = doc["person"];
  const std::string name = has(p, "name") ? json_text(p["name"]) : json_text(p["fnr"]);
  w.title(w.t("pe.title", name));
  w.line("");
  w.line(w.t("pe.intro", ctx.rv.municipality.name, w.day(json(local_day_time(json_text(doc["exported_on"])).first)), json_text(doc["exported_by"])));
  w.heading(w.t("pe.h_person"));
  w.item(w.t("pe.name", has(p, "name") ? json_text(p["name"]) : "-"));
  w.item(w.t("pe.fnr", json_text(p["fnr"])));
  w.item(w.t("pe.born", w.day(p["birth_date"])));
  if (doc.contains("corrections"))
    for (const auto& x : doc["corrections"])
      w.item(w.t("pe.correction", w.day(x["corrected_on"]), json_text(x["corrected_by"]), json_text(x["before"]), json_text(x["after"]), json_text(x["reason"])));
  if (doc.contains("guardians"))
    for (const auto& g : doc["guardians"])
      w.item(g["ended_on"].is_null()
                 ? w.t("pe.guardian", json_text(g["name"]), w.code("appeal.from.", g["kind"]), w.day(g["added_on"]))
                 : w.t("pe.guardian_ended", json_text(g["name"]), w.code("appeal.from.", g["kind"]), w.day(g["added_on"]), w.day(g["ended_on"])));
  if (doc["cases"].empty()) w.line(w.t("pe.no_cases"));
  for (const auto& c : doc["cases"]) write_case(w, ctx, c);

  w.heading(w.t("pe.h_audit"));
  w.line(w.t("pe.audit_intro"));
  if (doc["audit"].empty()) w.line(w.t("pe.audit_none"));
  // One item per entry, as sentences (a table would not survive the PDF's
  // proportional font); a stored field cannot break an item (visible()).
  for (const auto& a : doc["audit"]) {
    const auto [day, time] = local_day_time(json_text(a["at"]));
    const std::string case_no = json_text(a["object"]);
    std::string what = action_text(w, json_text(a["action"]));
    if (!case_no.empty()) what = w.t("pe.in_case", what, case_no);
    w.item(w.t("pe.audit_entry", w.day(json(day)), time, visible(json_text(a["actor"]), false), visible(what, false)));
  }
  w.heading(w.t("pe.h_rights"));
  for (const char* key : {"pe.right_correct", "pe.right_delete", "pe.right_complain"}) {
    w.line(w.t(key, ctx.rv.municipality.name));
    w.line("");
  }
  return w.out();
}

}  // namespace oppteam
