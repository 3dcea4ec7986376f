#include <oppteam/views/case_view.hpp>

#include <oppteam/domain/case.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>

namespace oppteam {

namespace {

using nlohmann::json;

std::string str(const json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

std::string day(const json& j, Lang lang) { return j.is_string() ? long_date(j.get<std::string>(), lang) : ""; }

// A stored code (status, kind, decision) in the reader's language: the
// catalogue key `prefix + code`, or the code itself when there is none.
std::string code_text(Lang lang, const std::string& prefix, const json& code) {
  const std::string c = str(code);
  if (c.empty()) return "-";
  const std::string key = prefix + c;
  return has_message(key) ? tr(lang, key) : c;
}

// The history received from another municipality (case receive), each line
// marked as received: it is not this unit's own record.
std::string render_received(const json& received, Lang L) {
  std::string out;
  for (const auto& r : received) {
    const std::string from = str(r["received_from"]);
    out += "\n" + tr(L, "transfer.show_received", from, str(r["from_case"]), day(r["received_on"], L), str(r["bundle_sha256"])) + "\n";
    auto line = [&](const std::string& text) { out += "  [" + tr(L, "transfer.mark", from) + "] " + text + "\n"; };
    for (const auto& x : r.value("referrals", json::array()))
      line(tr(L, "transfer.h_referral", day(x["received"], L), str(x["reporter_type"]), str(x["need"])));
    for (const auto& x : r.value("consents", json::array()))
      line(tr(L, "transfer.h_consent", str(x["scope"]), str(x["form"]), str(x["given_by"]), day(x["given_on"], L),
              x["withdrawn_on"].is_null() ? "" : tr(L, "transfer.h_withdrawn", day(x["withdrawn_on"], L))));
    for (const auto& x : r.value("assessments", json::array()))
      line(tr(L, "transfer.h_assessment", day(x["assessed_on"], L), str(x["instrument"]), str(x["score"]), str(x["assessor"])));
    if (r.contains("decision") && r["decision"].is_object())
      line(tr(L, "transfer.h_decision", day(r["decision"]["decided_on"], L), code_text(L, "case.outcome.", r["decision"]["outcome"])));
    if (r.contains("team") && r["team"].is_object())
      for (const auto& m : r["team"]["members"]) line(tr(L, "transfer.h_member", str(m["name"]), str(m["role"])));
    if (r.contains("plan") && r["plan"].is_object()) {
      for (const auto& g : r["plan"]["goals"]) line(tr(L, "transfer.h_goal", str(g["number"]), str(g["text"])));
      for (const auto& m : r["plan"]["measures"])
        line(tr(L, "transfer.h_measure", str(m["goal"]), str(m["text"]), str(m["responsible"]), day(m["due"], L)));
    }
    for (const auto& x : r.value("evaluations", json::array()))
      line(tr(L, "transfer.h_evaluation", day(x["evaluated_on"], L), str(x["decision"])));
  }
  return out;
}

}  // namespace

std::string render_case(const nlohmann::json& d, Lang L, const TerminalStyle& style) {
  std::string out;
  auto heading = [&](std::string_view key) { out += "\n" + tr(L, key) + "\n"; };
  const json& p = d["person"];
  out += tr(L, "case.show_title", str(d["case"]), tr(L, "case.status." + str(d["status"]))) + "\n";
  out += tr(L, "case.show_person", p["name"].is_null() ? "-" : str(p["name"]), str(p["fnr"]), day(p["birth_date"], L),
            p.contains("age") ? str(p["age"]) : "?") + "\n";
  out += tr(L, "case.show_opened", day(d["opened_on"], L)) + "\n";
  if (d.contains("owner") && !d["owner"].is_null()) out += tr(L, "owner.show_line", str(d["owner"])) + "\n";
  if (!d["target_group"].is_null())
    out += tr(L, "target_group.show_line", str(d.value("target_group_label", d["target_group"]))) + "\n";
  if (d.contains("deadlines") && d["decision"].is_null() && d["status"] == kCaseReceived)
    out += tr(L, "case.show_deadlines", day(d["deadlines"]["preliminary_reply"], L), day(d["deadlines"]["decision"], L)) + "\n";

  heading("case.h_referrals");
  {
    Table t({tr(L, "case.col_received"), tr(L, "case.col_reporter"), tr(L, "case.col_reporter_name"), tr(L, "case.col_need")});
    for (const auto& r : d["referrals"])
      t.add({day(r["received"], L), str(r.value("reporter_type_label", r["reporter_type"])), str(r["reporter_name"]), str(r["need"])});
    out += t.render(style);
  }
  heading("case.h_consents");
  if (d["consents"].empty()) out += tr(L, "case.none") + "\n";
  else {
    Table t({tr(L, "case.col_scope"), tr(L, "case.col_form"), tr(L, "case.col_given_by"), tr(L, "case.col_given_on"),
             tr(L, "case.col_recorded_by"), tr(L, "case.col_state")});
    for (const auto& c : d["consents"]) {
      std::string by = str(c["given_by"]);
      if (!c["giver_name"].is_null()) by += " (" + str(c["giver_name"]) + ")";
      std::string state = c["withdrawn_on"].is_null() ? tr(L, c["valid"].get<bool>() ? "case.consent_valid" : "case.consent_pending")
                                                       : tr(L, "case.consent_withdrawn", day(c["withdrawn_on"], L));
      t.add({str(c.value("scope_label", c["scope"])), code_text(L, "choice.form.", c["form"]), by, day(c["given_on"], L), str(c["recorded_by"]), state});
    }
    out += t.render(style);
  }
  if (d.contains("declines"))
    for (const auto& x : d["declines"])
      out += tr(L, "decline.line", str(x["scope"]), day(x["declined_on"], L), str(x["form"]), str(x["declined_by"]),
                str(x["recorded_by"])) + (x["note"].is_null() ? "" : ": " + str(x["note"])) + "\n";
  heading("case.h_assessments");
  if (d["assessments"].empty()) out += tr(L, "case.none") + "\n";
  else {
    // The assessor with their profession in one column: at 80 columns a
    // long name then wraps at its words and nothing is split.
    Table t({tr(L, "case.col_date"), tr(L, "case.col_instrument"), tr(L, "case.col_assessor"), tr(L, "case.col_score"),
             tr(L, "case.col_recommendation")});
    for (const auto& a : d["assessments"])
      t.add({day(a["assessed_on"], L), str(a["instrument"]), str(a["assessor"]) + " (" + str(a["profession"]) + ")",
             tr(L, "screens.score", str(a["score"]), str(a["threshold"])), code_text(L, "case.recommendation.", a["recommendation"])});
    out += t.render(style);
    std::string profs;
    for (const auto& pr : d["assessment_professions"]) profs += (profs.empty() ? "" : ", ") + str(pr);
    out += tr(L, "case.professions", profs) + "\n";
  }
  if (!d["what_matters"].empty()) {
    heading("case.h_what_matters");
    for (const auto& w : d["what_matters"]) out += "  - " + str(w) + "\n";
  }
  heading("case.h_decision");
  if (d["decision"].is_null()) {
    out += tr(L, "case.no_decision") + "\n";
    for (const auto& pr : d["preliminary_replies"])
      out += tr(L, "case.prelim_sent", day(pr["sent_on"], L), day(pr["expected_by"], L)) + "\n";
  } else {
    const json& dec = d["decision"];
    out += tr(L, "case.decision_line", tr(L, "case.outcome." + str(dec["outcome"])), day(dec["decided_on"], L), str(dec["decided_by"]),
              day(dec["appeal_deadline"], L)) + "\n";
    if (!dec["grounds"].is_null()) out += tr(L, "letter.grounds", str(dec["grounds"])) + "\n";
  }
  heading("case.h_team");
  if (d["team"].is_null()) out += tr(L, "case.none") + "\n";
  else {
    const json& t = d["team"];
    out += tr(L, "case.team_line", code_text(L, "team.status_", t["status"]), day(t["created_on"], L)) + "\n";
    if (t["status"] == "paused" && !t["paused_on"].is_null()) out += tr(L, "case.team_paused", day(t["paused_on"], L), str(t["pause_reason"])) + "\n";
    Table tb({tr(L, "case.col_name"), tr(L, "case.col_role"), tr(L, "case.col_service"), tr(L, "case.col_kind"), tr(L, "case.col_from")});
    for (const auto& m : t["members"])
      tb.add({str(m["name"]), str(m.value("role_label", m["role"])), str(m.value("service_label", m["service"])),
              code_text(L, "team.kind_", m["kind"]), day(m["added_on"], L)});
    out += tb.render(style);
    if (!t["history"].empty()) {
      out += tr(L, "case.team_history") + "\n";
      Table h({tr(L, "case.col_name"), tr(L, "case.col_role"), tr(L, "case.col_from"), tr(L, "case.col_to"), tr(L, "case.col_reason")});
      for (const auto& m : t["history"]) h.add({str(m["name"]), str(m.value("role_label", m["role"])), day(m["added_on"], L), day(m["removed_on"], L), str(m["removed_reason"])});
      out += h.render(style);
    }
  }
  heading("case.h_plan");
  if (d["plan"].is_null()) out += tr(L, "case.none") + "\n";
  else {
    const json& p2 = d["plan"];
    out += tr(L, "case.plan_line", code_text(L, "choice.plan_kind.", p2["kind"]), code_text(L, "plan.pstatus.", p2["status"]), str(p2["revision"]),
              p2["next_evaluation"].is_string() && !p2["next_evaluation"].get<std::string>().empty() ? day(p2["next_evaluation"], L) : "-") + "\n";
    if (!p2["goals"].empty()) {
      Table g({"#", tr(L, "case.col_goal"), tr(L, "case.col_state")});
      for (const auto& x : p2["goals"]) {
        std::string num = str(x["number"]);
        if (!x["parent"].is_null()) num = str(x["parent"]) + "." + num;
        g.add({num, str(x["text"]), code_text(L, "case.goal_status.", x["status"])});
      }
      out += g.render(style);
    }
    if (!p2["measures"].empty()) {
      Table m({"#", tr(L, "case.col_goal"), tr(L, "case.col_measure"), tr(L, "case.col_responsible"), tr(L, "case.col_due"), tr(L, "case.col_state")});
      for (const auto& x : p2["measures"]) {
        m.add({str(x["number"]), str(x["goal"]), str(x["text"]), str(x["responsible"]), day(x["due"], L), code_text(L, "plan.mstatus.", x["status"])});
        if (x.value("overdue", false)) m.mark(4, Mark::overdue);  // as plan show marks it
      }
      out += m.render(style);
      if (m.has_marks()) out += mark_legend(L) + "\n";
    }
  }
  if (d.contains("approvals") && !d["approvals"].empty()) {
    heading("case.h_approvals");
    for (const auto& a : d["approvals"])
      out += tr(L, "case.approval_line", tr(L, "approve.what." + str(a["what"])), str(a["ref"]),
                tr(L, "approve.status." + str(a["status"])), day(a["requested_on"], L), str(a["requested_by"])) + "\n";
  }
  if (d.contains("log") && !d["log"].empty()) {
    heading("case.h_log");
    Table t({tr(L, "log.col.date"), tr(L, "log.col.by"), tr(L, "log.col.text")});
    for (const auto& e : d["log"]) t.add({day(e["date"], L), str(e["written_by"]), str(e["text"])});
    out += t.render(style);
  }
  heading("case.h_evaluations");
  if (d["evaluations"].empty()) out += tr(L, "case.none") + "\n";
  else {
    Table t({tr(L, "case.col_date"), tr(L, "case.col_quality"), tr(L, "case.col_decision"), tr(L, "case.col_indicators"), tr(L, "case.col_next")});
    for (const auto& e : d["evaluations"]) {
      std::string ind;
      for (const auto& [k, v] : e["indicators"].items()) ind += (ind.empty() ? "" : ", ") + k + "=" + str(v);
      t.add({day(e["evaluated_on"], L), str(e["quality"]), code_text(L, "evaluate.decision.", e["decision"]), ind,
             e["next_on"].is_string() && !e["next_on"].get<std::string>().empty() ? day(e["next_on"], L) : "-"});
    }
    out += t.render(style);
  }
  if (d.contains("corrections") && !d["corrections"].empty()) {
    heading("correct.h_corrections");
    Table t({tr(L, "case.col_date"), tr(L, "correct.col_what"), tr(L, "correct.col_before"), tr(L, "correct.col_after"),
             tr(L, "case.col_reason"), tr(L, "correct.col_by")});
    for (const auto& x : d["corrections"])
      t.add({day(x["corrected_on"], L), str(x["object"]) + " " + str(x["object_id"]) + ": " + str(x["field"]), str(x["before"]),
             str(x["after"]), str(x["reason"]), str(x["corrected_by"])});
    out += t.render(style);
  }
  if (d.contains("appeals") && !d["appeals"].empty()) {
    heading("appeal.h_appeals");
    for (const auto& a : d["appeals"]) {
      out += tr(L, "appeal.show_line", str(a["id"]), day(a["received_on"], L), str(a["from"]), str(a["name"]),
                tr(L, "case.outcome." + str(a["decision_outcome"])), tr(L, "appeal.state." + str(a["status"])),
                day(a["status_on"], L)) + "\n";
      if (a["late"] == true) out += tr(L, "appeal.show_late", day(a["deadline"], L)) + "\n";
      for (const auto& st : a["steps"])
        out += tr(L, "appeal.show_step", day(st["on"], L), str(st["step"]), str(st["result"]) + (st["grounds"].is_null() ? "" : " – " + str(st["grounds"])),
                  str(st["by"])) + "\n";
      if (!a["due"].is_null()) out += tr(L, "appeal.show_due", day(a["due"], L)) + "\n";
    }
  }
  if (d.contains("guardians") && !d["guardians"].empty()) {
    heading("guardian.h_guardians");
    for (const auto& g : d["guardians"])
      out += (g["ended_on"].is_null()
                  ? tr(L, "guardian.line", str(g["kind"]), str(g["name"]) + (g["address"].is_null() ? "" : ", " + str(g["address"])),
                       day(g["added_on"], L), str(g["added_by"]))
                  : tr(L, "guardian.line_ended", str(g["kind"]), str(g["name"]), day(g["added_on"], L), str(g["added_by"]),
                       day(g["ended_on"], L), str(g["ended_by"]))) +
             "\n";
  }
  if (d.contains("closings") && !d["closings"].empty()) {
    heading("closing.h_closings");
    for (const auto& cl : d["closings"]) {
      out += tr(L, "closing.show_line", day(cl["closed_on"], L), str(cl["reason_label"]), tr(L, "case.status." + str(cl["stage"])),
                str(cl["closed_by"])) + "\n";
      if (!cl["to_municipality"].is_null()) out += tr(L, "closing.show_moved", str(cl["to_municipality"])) + "\n";
      if (!cl["note"].is_null()) out += tr(L, "closing.show_note", str(cl["note"])) + "\n";
      if (!cl["reopened_on"].is_null())
        out += tr(L, "closing.show_reopened", day(cl["reopened_on"], L), str(cl["reopened_by"]), str(cl["reopen_reason"])) + "\n";
    }
  }
  if (d.contains("transfers"))
    for (const auto& x : d["transfers"])
      out += "\n" + tr(L, "transfer.show_sent", str(x["to"]), day(x["transferred_on"], L), str(x["transferred_by"]),
                       str(x["bundle_sha256"])) + "\n";
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
    for (const auto& x : c["reporter_types"]) types += (types.empty() ? "" : ", ") + str(x);
    const json& dl = c["deadline"];
    t.add({str(c["case"]), tr(L, "case.status." + str(c["status"])), day(c["received"], L), types, str(c["name"]), str(c["fnr"]),
           dl.is_null() ? "" : tr(L, "screens.deadline." + str(dl["kind"])), dl.is_null() ? "" : day(dl["date"], L)});
    if (!dl.is_null() && dl["overdue"].get<bool>()) t.mark(7, Mark::overdue);
  }
  std::string out = t.render(style);
  if (t.has_marks()) out += mark_legend(L) + "\n";
  if (doc.value("left_out", std::size_t(0)) > 0) return out + tr(L, "screens.list_more", doc["left_out"].get<std::size_t>());
  return out + tr(L, "case.list_count", doc["cases"].size());
}

}  // namespace oppteam
