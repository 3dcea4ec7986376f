#include <oppteam/views/case_view.hpp>

#include <oppteam/domain/case.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/views/labels.hpp>
#include <oppteam/util/json_text.hpp>

namespace oppteam {

namespace {

using nlohmann::json;

std::string day(const json& j, Lang lang) { return j.is_string() ? long_date(j.get<std::string>(), lang) : ""; }

// A stored code (status, kind, decision) in the reader's language: the
// catalogue key `prefix + code`, or the code itself when there is none.
std::string code_text(Lang lang, const std::string& prefix, const json& code) {
  const std::string c = json_text(code);
  if (c.empty()) return "-";
  const std::string key = prefix + c;
  return has_message(key) ? tr(lang, key) : c;
}

// The history received from another municipality (case receive), each line
// marked as received: it is not this unit's own record.
std::string render_received(const json& received, Lang L) {
  std::string out;
  for (const auto& r : received) {
    const std::string from = json_text(r["received_from"]);
    out += "\n" + tr(L, "transfer.show_received", from, json_text(r["from_case"]), day(r["received_on"], L), json_text(r["bundle_sha256"])) + "\n";
    // Every line marked, also each line of a text of several (a goal, a need).
    auto line = [&](const std::string& text) {
      const std::string mark = "  [" + tr(L, "transfer.mark", from) + "] ";
      for (std::size_t start = 0;;) {
        const std::size_t nl = text.find('\n', start);
        out += mark + text.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    };
    for (const auto& x : r.value("referrals", json::array()))
      line(tr(L, "transfer.h_referral", day(x["received"], L), json_text(x["reporter_type"]), json_text(x["need"])));
    for (const auto& x : r.value("consents", json::array()))
      line(tr(L, "transfer.h_consent", choice_label(L, "scope", json_text(x["scope"])), choice_label(L, "form", json_text(x["form"])),
              choice_label(L, "given_by", json_text(x["given_by"])), day(x["given_on"], L),
              x["withdrawn_on"].is_null() ? "" : tr(L, "transfer.h_withdrawn", day(x["withdrawn_on"], L))));
    for (const auto& x : r.value("assessments", json::array()))
      line(tr(L, "transfer.h_assessment", day(x["assessed_on"], L), json_text(x["instrument"]), json_text(x["score"]), json_text(x["assessor"])));
    if (r.contains("decision") && r["decision"].is_object())
      line(tr(L, "transfer.h_decision", day(r["decision"]["decided_on"], L), code_text(L, "case.outcome.", r["decision"]["outcome"])));
    if (r.contains("team") && r["team"].is_object())
      for (const auto& m : r["team"]["members"]) line(tr(L, "transfer.h_member", json_text(m["name"]), json_text(m["role"])));
    if (r.contains("plan") && r["plan"].is_object()) {
      for (const auto& g : r["plan"]["goals"]) line(tr(L, "transfer.h_goal", json_text(g["number"]), json_text(g["text"])));
      for (const auto& m : r["plan"]["measures"])
        line(tr(L, "transfer.h_measure", json_text(m["goal"]), json_text(m["text"]), json_text(m["responsible"]), day(m["due"], L)));
    }
    for (const auto& x : r.value("evaluations", json::array()))
      line(tr(L, "transfer.h_evaluation", day(x["evaluated_on"], L), code_text(L, "evaluate.decision.", x["decision"])));
  }
  return out;
}

}  // namespace

std::string render_case(const nlohmann::json& d, Lang L, const TerminalStyle& style) {
  std::string out;
  auto heading = [&](std::string_view key) { out += "\n" + tr(L, key) + "\n"; };
  const json& p = d["person"];
  out += tr(L, "case.show_title", json_text(d["case"]), tr(L, "case.status." + json_text(d["status"]))) + "\n";
  out += tr(L, "case.show_person", p["name"].is_null() ? "-" : json_text(p["name"]), json_text(p["fnr"]), day(p["birth_date"], L),
            p.contains("age") ? json_text(p["age"]) : "?") + "\n";
  out += tr(L, "case.show_opened", day(d["opened_on"], L)) + "\n";
  if (d.contains("owner") && !d["owner"].is_null()) out += tr(L, "owner.show_line", json_text(d["owner"])) + "\n";
  if (!d["target_group"].is_null())
    out += tr(L, "target_group.show_line", json_text(d.value("target_group_label", d["target_group"]))) + "\n";
  if (d.contains("deadlines") && d["decision"].is_null() && d["status"] == to_stored(CaseStatus::received))
    out += tr(L, "case.show_deadlines", day(d["deadlines"]["preliminary_reply"], L), day(d["deadlines"]["decision"], L)) + "\n";

  heading("case.h_referrals");
  {
    Table t({tr(L, "case.col_received"), tr(L, "case.col_reporter"), tr(L, "case.col_reporter_name"), tr(L, "case.col_need")});
    for (const auto& r : d["referrals"])
      t.add({day(r["received"], L), json_text(r.value("reporter_type_label", r["reporter_type"])), json_text(r["reporter_name"]), json_text(r["need"])});
    out += t.render(style);
  }
  heading("case.h_consents");
  if (d["consents"].empty()) out += tr(L, "case.none") + "\n";
  else {
    Table t({tr(L, "case.col_scope"), tr(L, "case.col_form"), tr(L, "case.col_given_by"), tr(L, "case.col_given_on"),
             tr(L, "case.col_recorded_by"), tr(L, "case.col_state")});
    for (const auto& c : d["consents"]) {
      std::string by = choice_label(L, "given_by", json_text(c["given_by"]));
      if (!c["giver_name"].is_null()) by += " (" + json_text(c["giver_name"]) + ")";
      std::string state = c["withdrawn_on"].is_null() ? tr(L, c["valid"].get<bool>() ? "case.consent_valid" : "case.consent_pending")
                                                       : tr(L, "case.consent_withdrawn", day(c["withdrawn_on"], L));
      t.add({json_text(c.value("scope_label", c["scope"])), code_text(L, "choice.form.", c["form"]), by, day(c["given_on"], L), json_text(c["recorded_by"]), state});
    }
    out += t.render(style);
  }
  if (d.contains("declines"))
    for (const auto& x : d["declines"])
      out += tr(L, "decline.line", choice_label(L, "scope", json_text(x["scope"])), day(x["declined_on"], L),
                choice_label(L, "form", json_text(x["form"])), choice_label(L, "given_by", json_text(x["declined_by"])),
                json_text(x["recorded_by"])) + (x["note"].is_null() ? "" : ": " + json_text(x["note"])) + "\n";
  heading("case.h_assessments");
  if (d["assessments"].empty()) out += tr(L, "case.none") + "\n";
  else {
    // The assessor with their profession in one column: at 80 columns a
    // long name then wraps at its words and nothing is split.
    Table t({tr(L, "case.col_date"), tr(L, "case.col_instrument"), tr(L, "case.col_assessor"), tr(L, "case.col_score"),
             tr(L, "case.col_recommendation")});
    for (const auto& a : d["assessments"])
      t.add({day(a["assessed_on"], L), json_text(a["instrument"]), json_text(a["assessor"]) + " (" + json_text(a["profession"]) + ")",
             tr(L, "screens.score", json_text(a["score"]), json_text(a["threshold"])), code_text(L, "case.recommendation.", a["recommendation"])});
    out += t.render(style);
    std::string profs;
    for (const auto& pr : d["assessment_professions"]) profs += (profs.empty() ? "" : ", ") + json_text(pr);
    out += tr(L, "case.professions", profs) + "\n";
  }
  if (!d["what_matters"].empty()) {
    heading("case.h_what_matters");
    for (const auto& w : d["what_matters"]) out += "  - " + json_text(w) + "\n";
  }
  heading("case.h_decision");
  if (d["decision"].is_null()) {
    out += tr(L, "case.no_decision") + "\n";
    for (const auto& pr : d["preliminary_replies"])
      out += tr(L, "case.prelim_sent", day(pr["sent_on"], L), day(pr["expected_by"], L)) + "\n";
  } else {
    const json& dec = d["decision"];
    const std::string outcome = tr(L, "case.outcome." + json_text(dec["outcome"]));
    // A decision made in the appeal case has no appeal deadline: it is final.
    out += (dec["appeal_deadline"].is_null()
                ? tr(L, "case.decision_final", outcome, day(dec["decided_on"], L), json_text(dec["decided_by"]))
                : tr(L, "case.decision_line", outcome, day(dec["decided_on"], L), json_text(dec["decided_by"]), day(dec["appeal_deadline"], L))) +
           "\n";
    if (!dec["grounds"].is_null()) out += tr(L, "letter.grounds", json_text(dec["grounds"])) + "\n";
  }
  heading("case.h_team");
  if (d["team"].is_null()) out += tr(L, "case.none") + "\n";
  else {
    const json& t = d["team"];
    out += tr(L, "case.team_line", code_text(L, "team.status_", t["status"]), day(t["created_on"], L)) + "\n";
    if (t["status"] == "paused" && !t["paused_on"].is_null()) out += tr(L, "case.team_paused", day(t["paused_on"], L), json_text(t["pause_reason"])) + "\n";
    Table tb({tr(L, "case.col_name"), tr(L, "case.col_role"), tr(L, "case.col_service"), tr(L, "case.col_kind"), tr(L, "case.col_from")});
    for (const auto& m : t["members"])
      tb.add({json_text(m["name"]), json_text(m.value("role_label", m["role"])), json_text(m.value("service_label", m["service"])),
              code_text(L, "team.kind_", m["kind"]), day(m["added_on"], L)});
    out += tb.render(style);
    if (!t["history"].empty()) {
      out += tr(L, "case.team_history") + "\n";
      Table h({tr(L, "case.col_name"), tr(L, "case.col_role"), tr(L, "case.col_from"), tr(L, "case.col_to"), tr(L, "case.col_reason")});
      for (const auto& m : t["history"]) h.add({json_text(m["name"]), json_text(m.value("role_label", m["role"])), day(m["added_on"], L), day(m["removed_on"], L), json_text(m["removed_reason"])});
      out += h.render(style);
    }
  }
  heading("case.h_plan");
  if (d["plan"].is_null()) out += tr(L, "case.none") + "\n";
  else {
    const json& p2 = d["plan"];
    out += tr(L, "case.plan_line", code_text(L, "choice.plan_kind.", p2["kind"]), code_text(L, "plan.pstatus.", p2["status"]), json_text(p2["revision"]),
              p2["next_evaluation"].is_string() && !p2["next_evaluation"].get<std::string>().empty() ? day(p2["next_evaluation"], L) : "-") + "\n";
    if (!p2["goals"].empty()) {
      Table g({"#", tr(L, "case.col_goal"), tr(L, "case.col_state")});
      for (const auto& x : p2["goals"]) {
        std::string num = json_text(x["number"]);
        if (!x["parent"].is_null()) num = json_text(x["parent"]) + "." + num;
        g.add({num, json_text(x["text"]), code_text(L, "case.goal_status.", x["status"])});
      }
      out += g.render(style);
    }
    if (!p2["measures"].empty()) {
      Table m({"#", tr(L, "case.col_goal"), tr(L, "case.col_measure"), tr(L, "case.col_responsible"), tr(L, "case.col_due"), tr(L, "case.col_state")});
      for (const auto& x : p2["measures"]) {
        m.add({json_text(x["number"]), json_text(x["goal"]), json_text(x["text"]), json_text(x["responsible"]), day(x["due"], L), code_text(L, "plan.mstatus.", x["status"])});
        if (x.value("overdue", false)) m.mark(4, Mark::overdue);  // as plan show marks it
      }
      out += m.render(style);
      if (m.has_marks()) out += mark_legend(L) + "\n";
    }
  }
  if (d.contains("approvals") && !d["approvals"].empty()) {
    heading("case.h_approvals");
    for (const auto& a : d["approvals"])
      out += tr(L, "case.approval_line", tr(L, "approve.what." + json_text(a["what"])), json_text(a["ref"]),
                tr(L, "approve.status." + json_text(a["status"])), day(a["requested_on"], L), json_text(a["requested_by"])) + "\n";
  }
  if (d.contains("log") && !d["log"].empty()) {
    heading("case.h_log");
    out += render_log(d["log"], L, style);
  }
  heading("case.h_evaluations");
  if (d["evaluations"].empty()) out += tr(L, "case.none") + "\n";
  else {
    Table t({tr(L, "case.col_date"), tr(L, "case.col_quality"), tr(L, "case.col_decision"), tr(L, "case.col_indicators"), tr(L, "case.col_next")});
    for (const auto& e : d["evaluations"]) {
      std::string ind;
      for (const auto& [k, v] : e["indicators"].items()) ind += (ind.empty() ? "" : ", ") + k + "=" + json_text(v);
      t.add({day(e["evaluated_on"], L), json_text(e["quality"]), code_text(L, "evaluate.decision.", e["decision"]), ind,
             e["next_on"].is_string() && !e["next_on"].get<std::string>().empty() ? day(e["next_on"], L) : "-"});
    }
    out += t.render(style);
  }
  if (d.contains("corrections") && !d["corrections"].empty()) {
    heading("correct.h_corrections");
    Table t({tr(L, "case.col_date"), tr(L, "correct.col_what"), tr(L, "correct.col_before"), tr(L, "correct.col_after"),
             tr(L, "case.col_reason"), tr(L, "correct.col_by")});
    for (const auto& x : d["corrections"])
      t.add({day(x["corrected_on"], L), json_text(x["object"]) + " " + json_text(x["object_id"]) + ": " + json_text(x["field"]), json_text(x["before"]),
             json_text(x["after"]), json_text(x["reason"]), json_text(x["corrected_by"])});
    out += t.render(style);
  }
  if (d.contains("appeals") && !d["appeals"].empty()) {
    heading("appeal.h_appeals");
    for (const auto& a : d["appeals"]) {
      // Who appealed: "the person", or "the verge Ola Verge" when a name was given.
      const std::string name = json_text(a["name"]);
      const std::string from = choice_label(L, "given_by", json_text(a["from"])) + (name.empty() ? "" : " " + name);
      out += tr(L, "appeal.show_line", json_text(a["id"]), day(a["received_on"], L), from,
                tr(L, "case.outcome." + json_text(a["decision_outcome"])), tr(L, "appeal.state." + json_text(a["status"])),
                day(a["status_on"], L)) + "\n";
      if (a["late"] == true) out += tr(L, "appeal.show_late", day(a["deadline"], L)) + "\n";
      for (const auto& st : a["steps"])
        out += tr(L, "appeal.show_step", day(st["on"], L), json_text(st["step"]), json_text(st["result"]) + (st["grounds"].is_null() ? "" : " – " + json_text(st["grounds"])),
                  json_text(st["by"])) + "\n";
      if (!a["due"].is_null()) out += tr(L, "appeal.show_due", day(a["due"], L)) + "\n";
    }
  }
  if (d.contains("guardians") && !d["guardians"].empty()) {
    heading("guardian.h_guardians");
    for (const auto& g : d["guardians"])
      out += (g["ended_on"].is_null()
                  ? tr(L, "guardian.line", choice_label(L, "given_by", json_text(g["kind"])), json_text(g["name"]) + (g["address"].is_null() ? "" : ", " + json_text(g["address"])),
                       day(g["added_on"], L), json_text(g["added_by"]))
                  : tr(L, "guardian.line_ended", choice_label(L, "given_by", json_text(g["kind"])), json_text(g["name"]), day(g["added_on"], L), json_text(g["added_by"]),
                       day(g["ended_on"], L), json_text(g["ended_by"]))) +
             "\n";
  }
  if (d.contains("closings") && !d["closings"].empty()) {
    heading("closing.h_closings");
    for (const auto& cl : d["closings"]) {
      out += tr(L, "closing.show_line", day(cl["closed_on"], L), json_text(cl["reason_label"]), tr(L, "case.status." + json_text(cl["stage"])),
                json_text(cl["closed_by"])) + "\n";
      if (!cl["to_municipality"].is_null()) out += tr(L, "closing.show_moved", json_text(cl["to_municipality"])) + "\n";
      if (!cl["note"].is_null()) out += tr(L, "closing.show_note", json_text(cl["note"])) + "\n";
      if (!cl["reopened_on"].is_null())
        out += tr(L, "closing.show_reopened", day(cl["reopened_on"], L), json_text(cl["reopened_by"]), json_text(cl["reopen_reason"])) + "\n";
    }
  }
  if (d.contains("transfers"))
    for (const auto& x : d["transfers"])
      out += "\n" + tr(L, "transfer.show_sent", json_text(x["to"]), day(x["transferred_on"], L), json_text(x["transferred_by"]),
                       json_text(x["bundle_sha256"])) + "\n";
  if (d.contains("received")) out += render_received(d["received"], L);
  return out;
}

std::string render_case_list(const nlohmann::json& doc, Lang L, const TerminalStyle& style) {
  if (doc["cases"].empty()) return tr(L, "case.list_empty");
  Table t({tr(L, "case.col_case"), tr(L, "case.col_status"), tr(L, "case.col_received"), tr(L, "case.col_reporter"),
           tr(L, "case.col_name"), tr(L, "case.col_fnr"), tr(L, "screens.col_next_deadline"), tr(L, "screens.col_deadline_date")});
  // At 80 columns the reporter types, then the received date, give way
  // rather than split a name.
  t.drop_when_narrow(3);
  t.drop_when_narrow(2);
  for (const auto& c : doc["cases"]) {
    std::string types;
    for (const auto& x : c["reporter_types"]) types += (types.empty() ? "" : ", ") + json_text(x);
    const json& dl = c["deadline"];
    t.add({json_text(c["case"]), tr(L, "case.status." + json_text(c["status"])), day(c["received"], L), types, json_text(c["name"]), json_text(c["fnr"]),
           dl.is_null() ? "" : tr(L, "screens.deadline." + json_text(dl["kind"])), dl.is_null() ? "" : day(dl["date"], L)});
    if (!dl.is_null() && dl["overdue"].get<bool>()) t.mark(7, Mark::overdue);
  }
  std::string out = t.render(style);
  if (t.has_marks()) out += mark_legend(L) + "\n";
  if (doc.value("left_out", std::size_t(0)) > 0) return out + tr(L, "screens.list_more", doc["left_out"].get<std::size_t>());
  return out + tr(L, "case.list_count", doc["cases"].size());
}

std::string render_log(const nlohmann::json& entries, Lang L, const TerminalStyle& style) {
  Table t({tr(L, "log.col.date"), tr(L, "log.col.by"), tr(L, "log.col.text")});
  for (const auto& e : entries) t.add({day(e["date"], L), json_text(e["written_by"]), json_text(e["text"])});
  return t.render(style);
}

}  // namespace oppteam
