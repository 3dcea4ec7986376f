#include <oppteam/process/plan.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/appeal.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/documents/plan_document.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/process/approval.hpp>
#include <oppteam/process/case_log.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/store/plan_store.hpp>
#include <oppteam/store/team_store.hpp>
#include <oppteam/store/stored_enum.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

namespace oppteam {

namespace {

// The rules every change of a plan checks: an active team and, when the
// rammeverk asks for it, consent for the plan.
void require_plan_rules(const Context& ctx, const CaseRef& c) {
  auto t = TeamStore(ctx.db).state(c.id);
  if (!t) throw make_error(ExitCode::refused, "plan.no_team", c.number);
  if (t->status != TeamStatus::active)
    throw make_error(ExitCode::refused, "plan.team_not_active", c.number, status_text(ctx, t->status));
  require_consent_for(ctx, c, "plan");
}

// The plan of the case (exit 1 without one); exit 2 when it is closed.
std::int64_t open_plan(const Context& ctx, const CaseRef& c, std::int64_t plan_id) {
  if (PlanStore(ctx.db).status(plan_id) == PlanStatus::closed) throw make_error(ExitCode::refused, "plan.closed", c.number);
  return plan_id;
}

std::int64_t any_plan(const Context& ctx, const CaseRef& c) {
  auto id = PlanStore(ctx.db).plan_of_case(c.id);
  if (!id) throw make_error(ExitCode::not_found, "plan.not_found", c.number);
  return *id;
}

std::int64_t existing_plan(const Context& ctx, const CaseRef& c) { return open_plan(ctx, c, any_plan(ctx, c)); }

// The plan of the case, created on first use: an individual plan when the
// person has consented to one (scope "ip"), else the team's follow-up plan.
std::int64_t ensure_plan(const Context& ctx, const CaseRef& c) {
  PlanStore store(ctx.db);
  if (auto id = store.plan_of_case(c.id)) return open_plan(ctx, c, *id);
  const PlanKind kind = consent_valid(ctx.db, c.id, "ip", ctx.today()) ? PlanKind::ip : PlanKind::follow_up;
  return store.create(c.id, kind, format_date(ctx.today()));
}

// The plan's current state with the team and the consents in force today.
Plan load_current(const Context& ctx, std::int64_t plan_id, const CaseRef& c) {
  PlanStore store(ctx.db);
  auto p = store.read(plan_id);
  if (!p) throw make_error(ExitCode::not_found, "plan.not_found", c.number);
  p->case_number = c.number;
  p->person_name = store.person_name(c.person_id);
  for (const TeamMember& m : TeamStore(ctx.db).current_members(c.id))
    p->team.push_back({m.name, m.role, m.service, m.kind});
  p->consents = store.consents_in_force(c.id, format_date(ctx.today()));
  return std::move(*p);
}

std::string change_json(const std::string& key, const std::vector<std::string>& args) {
  return nlohmann::json{{"key", key}, {"args", args}}.dump();
}

// The argument of a change that holds a status, a decision or a plan kind
// as its id, and the catalogue's words for it (the labels the plan's
// screens and the options use: `prefix` + id, else `or_prefix` + id).
struct ChangeWord {
  std::string_view key;
  std::size_t arg;
  std::string_view prefix;
  std::string_view or_prefix;
};
constexpr ChangeWord kChangeWords[] = {
    {"plan.change.status", 1, "plan.mstatus.", ""},
    {"plan.change.goal_status", 1, "case.goal_status.", "choice.goal_status."},
    {"plan.change.evaluation", 1, "evaluate.decision.", ""},
    {"plan.change.kind", 0, "choice.plan_kind.", ""},
};

// A stored change in `lang`, its ids in the reader's words (trial s12 #12).
std::string render_change(Lang lang, const std::string& stored) {
  auto j = nlohmann::json::parse(stored, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return stored;
  const std::string key = j.value("key", "");
  auto args = j.value("args", std::vector<std::string>{});
  for (const auto& w : kChangeWords) {
    if (w.key != key || w.arg >= args.size()) continue;
    for (const std::string_view prefix : {w.prefix, w.or_prefix})
      if (!prefix.empty() && has_message(std::string(prefix) + args[w.arg])) {
        args[w.arg] = tr(lang, std::string(prefix) + args[w.arg]);
        break;
      }
  }
  return render_message(lang, key, args);
}

// The entry of a plan change; `inserted`: the row of that table it added, sealed with it.
void audit_change(const Context& ctx, const CaseRef& c, const std::string& action, const std::string& detail,
                  const char* inserted = nullptr, std::int64_t inserted_id = 0) {
  AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
  if (inserted) audit.after(inserted, inserted_id);
  audit.append(action, c.number, c.fnr, detail);
  audit.flush();
}

}  // namespace

nlohmann::json to_json(const Plan& p) {
  using nlohmann::json;
  auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json goals = json::array();
  for (const auto& g : p.goals) {
    goals.push_back({{"number", g.number},
                     {"parent", g.parent ? json(*g.parent) : json(nullptr)},
                     {"text", g.text},
                     {"source", opt(g.source)},
                     {"status", std::string(to_stored(g.status))}});
    if (!g.status_note.empty()) goals.back()["status_note"] = g.status_note;
  }
  json measures = json::array();
  for (const auto& m : p.measures) {
    measures.push_back({{"number", m.number},
                        {"goal", m.goal},
                        {"text", m.text},
                        {"responsible", m.responsible},
                        {"due", m.due_on},
                        {"every_days", m.every_days ? json(*m.every_days) : json(nullptr)},
                        {"scope", opt(m.scope)},
                        {"how", opt(m.how)},
                        {"status", std::string(to_stored(m.status))}});
  }
  json team = json::array();
  for (const auto& t : p.team) {
    team.push_back({{"name", t.name}, {"role", t.role}, {"service", opt(t.service)}, {"kind", std::string(to_stored(t.kind))}});
  }
  json consents = json::array();
  for (const auto& c : p.consents) {
    consents.push_back({{"scope", c.scope}, {"form", c.form}, {"given_by", c.given_by}, {"given_on", c.given_on}});
  }
  return {{"case", p.case_number},
          {"person_name", opt(p.person_name)},
          {"kind", std::string(to_stored(p.kind))},
          {"status", std::string(to_stored(p.status))},
          {"revision", p.revision},
          {"revised_at", opt(p.revised_at)},
          {"created_on", p.created_on},
          {"participation", {{"how", opt(p.participated_how)}, {"on", opt(p.participated_on)}}},
          {"resources", opt(p.resources)},
          {"needs", opt(p.needs)},
          {"contributions", opt(p.contributions)},
          {"period", {{"from", opt(p.period_from)}, {"to", opt(p.period_to)}}},
          {"next_evaluation", opt(p.next_evaluation)},
          {"goals", goals},
          {"measures", measures},
          {"team", team},
          {"consents", consents}};
}

Plan plan_from_json(const nlohmann::json& j) {
  auto s = [](const nlohmann::json& o, const char* k) {
    auto it = o.find(k);
    return (it == o.end() || it->is_null()) ? std::string() : it->get<std::string>();
  };
  Plan p;
  p.case_number = s(j, "case");
  p.person_name = s(j, "person_name");
  p.kind = stored_enum(plan_kind_from, "plan_revision.snapshot", s(j, "kind"));
  p.status = stored_enum(plan_status_from, "plan_revision.snapshot", s(j, "status"));
  p.revision = j.value("revision", 0);
  p.revised_at = s(j, "revised_at");
  p.created_on = s(j, "created_on");
  if (j.contains("participation")) {
    p.participated_how = s(j["participation"], "how");
    p.participated_on = s(j["participation"], "on");
  }
  p.resources = s(j, "resources");
  p.needs = s(j, "needs");
  p.contributions = s(j, "contributions");
  if (j.contains("period")) {
    p.period_from = s(j["period"], "from");
    p.period_to = s(j["period"], "to");
  }
  p.next_evaluation = s(j, "next_evaluation");
  for (const auto& g : j.value("goals", nlohmann::json::array())) {
    Goal x;
    x.number = g.value("number", 0);
    if (g.contains("parent") && !g["parent"].is_null()) x.parent = g["parent"].get<int>();
    x.text = s(g, "text");
    x.source = s(g, "source");
    x.status = stored_enum(goal_status_from, "plan_revision.snapshot", s(g, "status"));
    x.status_note = s(g, "status_note");
    p.goals.push_back(std::move(x));
  }
  for (const auto& m : j.value("measures", nlohmann::json::array())) {
    Measure x;
    x.number = m.value("number", 0);
    x.goal = m.value("goal", 0);
    x.text = s(m, "text");
    x.responsible = s(m, "responsible");
    x.due_on = s(m, "due");
    if (m.contains("every_days") && !m["every_days"].is_null()) x.every_days = m["every_days"].get<int>();
    x.scope = s(m, "scope");
    x.how = s(m, "how");
    x.status = stored_enum(measure_status_from, "plan_revision.snapshot", s(m, "status"));
    p.measures.push_back(std::move(x));
  }
  for (const auto& t : j.value("team", nlohmann::json::array()))
    p.team.push_back({s(t, "name"), s(t, "role"), s(t, "service"),
                      stored_enum(member_kind_from, "plan_revision.snapshot", s(t, "kind"))});
  for (const auto& c : j.value("consents", nlohmann::json::array()))
    p.consents.push_back({s(c, "scope"), s(c, "form"), s(c, "given_by"), s(c, "given_on")});
  return p;
}

std::optional<std::int64_t> plan_id_of(Database& db, std::int64_t case_id) { return PlanStore(db).plan_of_case(case_id); }

void record_plan_revision(const Context& ctx, std::int64_t plan_id, const CaseRef& c, const std::string& change_key,
                          const std::vector<std::string>& change_args) {
  PlanStore store(ctx.db);
  store.bump_revision(plan_id);
  Plan p = load_current(ctx, plan_id, c);
  p.revised_at = ctx.clock.now_timestamp();
  store.add_revision(plan_id, p.revision, p.revised_at, ctx.actor, change_json(change_key, change_args), to_json(p).dump());
  request_approval(ctx, c, ApprovalWhat::plan, p.revision);  // [approvals] plan: pending until a leader approves
}

int add_goal(const Context& ctx, std::string_view case_number, const std::string& text_in, std::optional<int> from_what_matters,
             std::optional<int> parent) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  require_text(text_in, "--text");
  return ctx.db.write([&] {
    require_plan_rules(ctx, c);
    PlanStore store(ctx.db);
    std::string text = text_in;
    std::string source;
    if (from_what_matters) {
      auto answer = store.what_matters(c.id, *from_what_matters);
      if (!answer) throw make_error(ExitCode::not_found, "plan.no_what_matters", c.number, *from_what_matters);
      text = *answer;
      source = fmt::format("what_matters:{}", *from_what_matters);
    }
    if (text.empty()) throw make_error(ExitCode::usage, "plan.goal_text_missing");
    const std::int64_t plan_id = ensure_plan(ctx, c);
    if (parent && !store.goal_exists(plan_id, *parent))
      throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, *parent);
    const int number = store.next_goal_number(plan_id);
    const std::int64_t goal_id = store.add_goal(plan_id, number, parent, text, source);
    if (parent) record_plan_revision(ctx, plan_id, c, "plan.change.subgoal", {std::to_string(number), std::to_string(*parent)});
    else record_plan_revision(ctx, plan_id, c, "plan.change.goal", {std::to_string(number)});
    audit_change(ctx, c, "plan.goal", audit_detail("plan.goal", "audit.d.goal", {std::to_string(number)}), "goal", goal_id);
    return number;
  });
}

int add_measure(const Context& ctx, std::string_view case_number, const MeasureInput& m) {
  return add_measure(ctx, authorize_case(ctx, "plan.write", case_number), m);
}

int add_measure(const Context& ctx, const AuthorisedCase& ac, const MeasureInput& m) {
  const AuthorisedCase plan = ac.permission() == "plan.write" ? ac : authorize_also(ctx, "plan.write", ac);
  const CaseRef& c = plan;
  require_text(m.text, "--text");
  require_text(m.responsible, "--responsible", TextField::line);
  require_text(m.how, "--how");
  return ctx.db.write([&] {
    require_plan_rules(ctx, c);
    PlanStore store(ctx.db);
    const std::int64_t plan_id = existing_plan(ctx, c);
    if (!store.goal_exists(plan_id, m.goal)) throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, m.goal);
    if (m.text.empty()) throw make_error(ExitCode::usage, "plan.measure_text_missing");
    // A recurring measure recurs at least once a year (a bad value: 65, as evaluate's scales).
    if (m.every_days && (*m.every_days < 1 || *m.every_days > kMaxEveryDays))
      throw make_error(ExitCode::data, "plan.bad_every", *m.every_days, kMaxEveryDays);
    if (!TeamStore(ctx.db).is_current_member(c.id, m.responsible))
      throw make_error(ExitCode::refused, "plan.responsible_not_member", m.responsible, c.number);
    Measure row;
    row.number = store.next_measure_number(plan_id);
    row.goal = m.goal;
    row.text = m.text;
    row.responsible = m.responsible;
    row.due_on = format_date(m.due);
    row.every_days = m.every_days;
    row.scope = m.scope;
    row.how = m.how;
    const std::int64_t measure_id = store.add_measure(plan_id, row);
    record_plan_revision(ctx, plan_id, c, "plan.change.measure", {std::to_string(row.number), std::to_string(m.goal)});
    audit_change(ctx, c, "plan.measure", audit_detail("plan.measure", "audit.d.measure", {std::to_string(row.number)}), "measure",
                 measure_id);
    return row.number;
  });
}

Measure set_measure_status(const Context& ctx, std::string_view case_number, int number, const std::string& status) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  const auto wanted = measure_status_from(status);
  if (!wanted) throw make_error(ExitCode::usage, "plan.bad_status", status);
  return ctx.db.write([&] {
    require_plan_rules(ctx, c);
    PlanStore store(ctx.db);
    const std::int64_t plan_id = existing_plan(ctx, c);
    auto row = store.measure(plan_id, number);
    if (!row) throw make_error(ExitCode::not_found, "plan.measure_not_found", c.number, number);
    Measure m = row->measure;
    const MeasureStatus old = m.status;  // decides what a recurring measure goes back to
    m.status = *wanted;
    if (*wanted == MeasureStatus::done && m.every_days) {
      // A recurring measure is done for this time: it stays open with its next date after today.
      m.due_on = format_date(next_recurrence(parse_date(m.due_on, "due_on"), *m.every_days, ctx.today()));
      m.status = (old == MeasureStatus::started) ? MeasureStatus::started : MeasureStatus::planned;
    }
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("measure", row->id);
    store.set_measure_status(plan_id, number, m.status, m.due_on);
    record_plan_revision(ctx, plan_id, c, "plan.change.status", {std::to_string(number), status});
    audit.append("plan.status", c.number, c.fnr, audit_detail("plan.status", "audit.d.measure_status", {std::to_string(number), status}));
    audit.flush();
    return m;
  });
}

void record_participation(const Context& ctx, std::string_view case_number, const std::string& how) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  require_text(how, "--how");
  if (how.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--how");
  ctx.db.write([&] {
    require_plan_rules(ctx, c);
    const std::int64_t plan_id = ensure_plan(ctx, c);
    PlanStore(ctx.db).set_participation(plan_id, how, format_date(ctx.today()));
    record_plan_revision(ctx, plan_id, c, "plan.change.participated", {});
    audit_change(ctx, c, "plan.participated", "");
  });
}

void set_plan_fields(const Context& ctx, std::string_view case_number, const PlanFields& f) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  if (f.resources) require_text(*f.resources, "--resources");
  if (f.needs) require_text(*f.needs, "--needs");
  if (f.contributions) require_text(*f.contributions, "--contributions");
  if (!f.resources && !f.needs && !f.contributions && !f.period_from && !f.period_to)
    throw make_error(ExitCode::usage, "plan.set_nothing");
  ctx.db.write([&] {
    require_plan_rules(ctx, c);
    const std::int64_t plan_id = ensure_plan(ctx, c);
    PlanStore store(ctx.db);
    // The period as it will be (an end not given is the stored one) may not
    // end before it begins: bad input (65), naming the end, then the beginning.
    if (f.period_from || f.period_to) {
      const auto stored = store.read(plan_id);
      const std::string from = f.period_from ? format_date(*f.period_from) : stored ? stored->period_from : "";
      const std::string to = f.period_to ? format_date(*f.period_to) : stored ? stored->period_to : "";
      if (!from.empty() && !to.empty() && to < from)
        throw make_error(ExitCode::data, "plan.bad_period", long_date(to, ctx.lang), long_date(from, ctx.lang));
    }
    std::vector<std::string> changed;
    auto set = [&](PlanField field, const std::string& value) {
      store.set_field(plan_id, field, value);
      changed.emplace_back(column_of(field));
    };
    if (f.resources) set(PlanField::resources, *f.resources);
    if (f.needs) set(PlanField::needs, *f.needs);
    if (f.contributions) set(PlanField::contributions, *f.contributions);
    if (f.period_from) set(PlanField::period_from, format_date(*f.period_from));
    if (f.period_to) set(PlanField::period_to, format_date(*f.period_to));
    const std::string list = join(changed);
    record_plan_revision(ctx, plan_id, c, "plan.change.fields", {list});
    audit_change(ctx, c, "plan.set", audit_detail("plan.set", "audit.d.plan_fields", {list}));
  });
}

void set_plan_kind(const Context& ctx, std::string_view case_number, const std::string& kind) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  const auto wanted = plan_kind_from(kind);
  if (!wanted) throw make_error(ExitCode::usage, "plan.bad_kind", kind);
  ctx.db.write([&] {
    require_plan_rules(ctx, c);
    if (*wanted == PlanKind::ip && !consent_valid(ctx.db, c.id, "ip", ctx.today()))
      throw make_error(ExitCode::refused, "plan.ip_needs_consent", c.number);
    const std::int64_t plan_id = ensure_plan(ctx, c);
    PlanStore(ctx.db).set_kind(plan_id, *wanted);
    record_plan_revision(ctx, plan_id, c, "plan.change.kind", {kind});
    audit_change(ctx, c, "plan.kind", audit_detail("plan.kind", "audit.d.plan_kind", {kind}));
  });
}

Plan show_plan(const Context& ctx, std::string_view case_number, std::optional<int> revision) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    PlanStore store(ctx.db);
    const std::int64_t plan_id = any_plan(ctx, c);
    Plan p;
    if (revision) {
      auto snapshot = store.snapshot(plan_id, *revision);
      if (!snapshot) throw make_error(ExitCode::not_found, "plan.revision_not_found", c.number, *revision);
      p = plan_from_json(nlohmann::json::parse(*snapshot));
      // An old revision says it was replaced, by which revision and when.
      const int latest = store.latest_revision(plan_id);
      if (*revision < latest)
        p.replaced = PlanReplacement{latest, *revision + 1, store.revision_time(plan_id, *revision + 1).value_or("")};
    } else {
      p = load_current(ctx, plan_id, c);
      p.revised_at = store.revision_time(plan_id, p.revision).value_or("");
    }
    audit_change(ctx, c, "plan.show", audit_detail("plan.show", "audit.d.revision", {std::to_string(p.revision)}));
    p.case_id = c.id;
    return p;
  });
}

std::vector<RevisionInfo> plan_history(const Context& ctx, std::string_view case_number) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    const std::int64_t plan_id = any_plan(ctx, c);
    std::vector<RevisionInfo> out;
    for (const auto& r : PlanStore(ctx.db).revisions(plan_id))
      out.push_back({r.revision, r.created_at, r.created_by, render_change(ctx.lang, r.change)});
    audit_change(ctx, c, "plan.history", audit_detail("plan.history", "audit.d.revisions", {std::to_string(out.size())}));
    return out;
  });
}

std::string consent_scope_label(const Context& ctx, const std::string& scope) {
  return documents::consent_scope_label(ctx.rv, ctx.lang, scope);
}

std::string plan_next_evaluation(const Rammeverk& rv, const Plan& p) {
  if (!p.next_evaluation.empty()) return p.next_evaluation;
  if (auto created = try_parse_date(p.created_on)) return format_date(next_evaluation_due(rv, *created));
  return {};
}

namespace {

// What the document shows beside the plan: the appeals, and the case log
// where the rammeverk says so ([plan_document] log: the plan's readers, the
// person among them, then see what the team wrote between meetings). Read
// with the plan (whose read is audited).
documents::PlanDocumentInput document_input(const Context& ctx, const Plan& p) {
  documents::PlanDocumentInput in{p, p.status == PlanStatus::closed ? std::string() : plan_next_evaluation(ctx.rv, p), {}, {}};
  const std::int64_t case_id = find_case(ctx.db, p.case_number).id;
  for (const auto& a : read_appeals(ctx, case_id)) in.appeals.push_back({a.status, a.status_on, a.received_on, a.from});
  if (ctx.rv.plan_document.log) {
    in.log.emplace();
    for (const auto& e : read_log(ctx.db, case_id)) in.log->push_back({e.text, e.date, e.written_by});
  }
  return in;
}

}  // namespace

std::string plan_document_text(const Context& ctx, const Plan& p) {
  return documents::compose_plan_text(document_input(ctx, p), ctx.rv, ctx.lang);
}

std::string plan_document_html(const Context& ctx, const Plan& p) {
  return documents::compose_plan_html(document_input(ctx, p), ctx.rv, ctx.lang);
}

Goal set_goal_status(const Context& ctx, std::string_view case_number, int number, const std::string& status, const std::string& note) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  const auto mark = goal_mark_from(status);
  if (!mark) throw make_error(ExitCode::usage, "goal_status.bad_status", status);
  require_text(note, "--note", TextField::lines);
  return ctx.db.write([&] {
    PlanStore store(ctx.db);
    const std::int64_t plan_id = existing_plan(ctx, c);
    if (!store.goal_exists(plan_id, number)) throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, number);
    store.add_goal_mark(plan_id, number, *mark, note, format_date(ctx.today()), ctx.actor);
    record_plan_revision(ctx, plan_id, c, "plan.change.goal_status", {std::to_string(number), status});
    audit_change(ctx, c, "plan.goal_status", audit_detail("plan.goal_status", "audit.d.goal_status", {std::to_string(number), status}));
    return *store.read_goal(plan_id, number);
  });
}

Corrected correct_goal(const Context& ctx, std::string_view case_number, int number, const std::string& text_in, const std::string& reason_in) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  const std::string reason = correction_reason(reason_in);
  const std::string text = required_value(text_in, "--text", TextField::lines);
  return ctx.db.write([&] {
    const std::int64_t plan_id = existing_plan(ctx, c);
    auto goal = PlanStore(ctx.db).goal(plan_id, number);
    if (!goal) throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, number);
    Corrected out{c.number, "goal", goal->id, {{"text", goal->text, text}}};
    if (out.changes[0].before == text) throw make_error(ExitCode::usage, "correct.nothing");
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("goal", out.object_id);
    apply_correction(ctx, audit, "goal", out.object_id, out.changes[0], c.id, c.person_id, reason);
    record_plan_revision(ctx, plan_id, c, "plan.change.corrected_goal", {std::to_string(number)});
    audit.append("correct.goal", c.number, c.fnr, audit_detail("correct.goal", "audit.d.goal_text", {std::to_string(number)}));
    audit.flush();
    return out;
  });
}

Corrected correct_measure(const Context& ctx, std::string_view case_number, int number, const MeasureFix& fix, const std::string& reason_in) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  const std::string reason = correction_reason(reason_in);
  if (!fix.text && !fix.responsible && !fix.due) throw make_error(ExitCode::usage, "correct.nothing");
  if (fix.text) require_text(*fix.text, "--text");
  if (fix.responsible) require_text(*fix.responsible, "--responsible", TextField::line);
  return ctx.db.write([&] {
    PlanStore store(ctx.db);
    const std::int64_t plan_id = existing_plan(ctx, c);
    auto row = store.measure(plan_id, number);
    if (!row) throw make_error(ExitCode::not_found, "plan.measure_not_found", c.number, number);
    Corrected out{c.number, "measure", row->id, {}};
    auto change = [&](const char* field, const std::string& before, const std::string& after) {
      if (before != after) out.changes.push_back({field, before, after});
    };
    if (fix.text) change("text", row->measure.text, trim(*fix.text));
    if (fix.responsible) change("responsible", row->measure.responsible, trim(*fix.responsible));
    if (fix.due) change("due_on", row->measure.due_on, format_date(*fix.due));
    if (out.changes.empty()) throw make_error(ExitCode::usage, "correct.nothing");
    if (fix.responsible && !TeamStore(ctx.db).is_current_member(c.id, trim(*fix.responsible)))
      throw make_error(ExitCode::refused, "plan.responsible_not_member", trim(*fix.responsible), c.number);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("measure", out.object_id);
    for (const auto& ch : out.changes) apply_correction(ctx, audit, "measure", out.object_id, ch, c.id, c.person_id, reason);
    record_plan_revision(ctx, plan_id, c, "plan.change.corrected_measure", {std::to_string(number)});
    audit.append("correct.measure", c.number, c.fnr, audit_detail("correct.measure", "audit.d.measure", {std::to_string(number)}));
    audit.flush();
    return out;
  });
}

}  // namespace oppteam
