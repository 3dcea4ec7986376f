#include <oppteam/process/team.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/appeal.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/decision_store.hpp>
#include <oppteam/store/team_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>

#include <algorithm>

namespace oppteam {

namespace {

// The id of the role or service a member's spec names by its id or a label,
// as every option does (SPEC: "option values as their id or their nb/nn
// label"); 65 naming the nearest otherwise (id_named).
std::string role_id(const Rammeverk& rv, const std::string& role) { return id_named(rv.roles, role, "team.unknown_role"); }

std::string service_id(const Rammeverk& rv, const std::string& service) {
  return service.empty() ? service : id_named(rv.services, service, "team.unknown_service");
}

// When the person's consent limits sharing to named services, every member
// who is not a participant must come from one of them.
void check_sharing(const std::vector<std::string>& sharing, const std::string& case_number, const std::string& name,
                   const std::string& service) {
  if (sharing.empty()) return;
  if (service.empty()) throw make_error(ExitCode::refused, "team.rule_sharing_no_service", case_number, name, join(sharing));
  if (std::find(sharing.begin(), sharing.end(), service) == sharing.end())
    throw make_error(ExitCode::refused, "team.rule_sharing", case_number, name, service, join(sharing));
}

void check_may_coordinate(const Rammeverk& rv, const std::string& name, const std::string& role) {
  const Role* r = rv.find_role(role);
  if (!r || !r->may_coordinate) {
    std::vector<std::string> ids;
    for (const auto& x : rv.roles)
      if (x.may_coordinate) ids.push_back(x.id);
    throw make_error(ExitCode::refused, "team.rule_coordinator_role", name, role, join(ids));
  }
}

std::optional<Team> load_team(Database& db, const CaseRef& c) {
  return db.read_per_statement([&]() -> std::optional<Team> {
    auto stored = TeamStore(db).find(c.id);
    if (!stored) return std::nullopt;
    Team t{std::move(*stored), {}};
    t.case_number = c.number;
    t.fnr = c.fnr;
    AuditFilter f;
    f.object = c.number;
    for (const auto& e : audit_list(db, f)) {
      if (!e.action.starts_with("team.") || e.action == "team.show") continue;
      t.history.push_back({e.at, e.acted_on.empty() ? e.at.substr(0, 10) : e.acted_on, e.actor, e.action, e.detail,
                           read_audit_detail(e.action, e.detail)});
    }
    return t;
  });
}

Team require_team(Database& db, const CaseRef& c) {
  auto t = load_team(db, c);
  if (!t) throw make_error(ExitCode::not_found, "team.none", c.number);
  return *t;
}

void require_not_closed(const Context& ctx, const Team& t) {
  if (t.status == TeamStatus::closed) throw make_error(ExitCode::refused, "team.is_closed", t.case_number, long_date(t.closed_on, ctx.lang));
}

// Member `name` of the case's team, which must be open and have `name` as
// an active member (66, team.no_member, otherwise).
TeamMember require_active_member(const Context& ctx, const CaseRef& c, const std::string& name) {
  const Team t = require_team(ctx.db, c);
  require_not_closed(ctx, t);
  const TeamMember* m = t.find_active(name);
  if (!m) throw make_error(ExitCode::not_found, "team.no_member", name, c.number);
  return *m;
}

std::string describe(std::string_view action, MemberKind member_kind, const std::string& name, const std::string& role,
                     const std::string& service) {
  const std::string kind(to_stored(member_kind));
  return service.empty() ? audit_detail(action, "audit.d.team_member", {kind, name, role})
                         : audit_detail(action, "audit.d.team_member_service", {kind, name, role, service});
}

// A member added: the row's id and the detail of its audit entry.
struct Added {
  std::int64_t id;
  std::string detail;
};

// One `team.add` entry per member added, each sealing its row.
void append_added(AuditWriter& audit, const CaseRef& c, const std::vector<Added>& added) {
  for (const auto& a : added) {
    audit.after("team_member", a.id);
    audit.append("team.add", c.number, c.fnr, a.detail);
  }
}

// Validates and adds members, participants and a GP to team `t` (within
// the caller's transaction). Returns the members added, in order.
std::vector<Added> add_people(const Context& ctx, const CaseRef& c, const Team& t, const std::vector<MemberSpec>& members,
                              const std::vector<MemberSpec>& participants, const std::string& gp,
                              std::vector<std::string> taken_names) {
  auto take = [&](const std::string& name) {
    if (std::find(taken_names.begin(), taken_names.end(), name) != taken_names.end())
      throw make_error(ExitCode::refused, "team.duplicate_name", name, c.number);
    taken_names.push_back(name);
  };
  const auto sharing = sharing_services(ctx.db, c.id, ctx.today());
  for (const auto& m : members) check_sharing(sharing, c.number, m.name, m.service);
  if (!gp.empty()) take(gp);
  for (const auto& m : members) take(m.name);
  for (const auto& p : participants) take(p.name);

  TeamStore store(ctx.db);
  const std::string today = format_date(ctx.today());
  std::vector<Added> added;
  if (!gp.empty())
    added.push_back({store.add_member(t.id, {gp, "fastlege", ""}, MemberKind::gp, today),
                     describe("team.add", MemberKind::gp, gp, "fastlege", "")});
  for (const auto& m : members)
    added.push_back({store.add_member(t.id, m, MemberKind::member, today),
                     describe("team.add", MemberKind::member, m.name, m.role, m.service)});
  for (const auto& p : participants)
    added.push_back({store.add_member(t.id, {p.name, p.role, "", p.email, p.phone}, MemberKind::participant, today),
                     describe("team.add", MemberKind::participant, p.name, p.role, "")});
  return added;
}

// `specs` with their roles and services as ids (`with_service`: members; else participants).
std::vector<MemberSpec> with_ids(const Rammeverk& rv, std::vector<MemberSpec> specs, bool with_service) {
  for (auto& m : specs) {
    m.role = role_id(rv, m.role);
    if (with_service) m.service = service_id(rv, m.service);
  }
  return specs;
}

}  // namespace

namespace {

// Splits "A:B:key=value:..." into its positional parts and its key=value
// parts (which must come last). Error(usage) naming `option` otherwise.
struct SpecParts {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> keyed;
};

SpecParts split_spec(std::string_view text, std::string_view option, std::string_view bad_key) {
  require_text(text, option, TextField::line);
  SpecParts out;
  std::size_t start = 0;
  while (true) {
    auto colon = text.find(':', start);
    std::string part = trim(text.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
    const auto eq = part.find('=');
    if (!out.positional.empty() && eq != std::string::npos) {
      out.keyed.emplace_back(trim(part.substr(0, eq)), trim(part.substr(eq + 1)));
    } else {
      if (!out.keyed.empty()) throw make_error(ExitCode::usage, std::string(bad_key), option, text);
      out.positional.push_back(std::move(part));
    }
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return out;
}

// Applies the key=value parts of a spec: email, phone and (when allowed) service.
void apply_keyed(MemberSpec& m, const SpecParts& parts, bool service_key, std::string_view option, std::string_view text) {
  for (const auto& [key, value] : parts.keyed) {
    if (value.empty()) throw make_error(ExitCode::usage, "team.bad_contact_key", option, text, key);
    if (key == "email") {
      check_email(value, option);
      m.email = value;
    } else if (key == "phone") {
      check_phone(value, option);
      m.phone = value;
    } else if (key == "service" && service_key) {
      m.service = value;
    } else {
      throw make_error(ExitCode::usage, "team.bad_contact_key", option, text, key);
    }
  }
}

}  // namespace

void check_email(std::string_view email, std::string_view option) {
  if (!plausible_email(email)) throw make_error(ExitCode::data, "team.bad_email", option, email);
}

void check_phone(std::string_view phone, std::string_view option) {
  bool ok = !phone.empty() && phone.size() <= 32;
  for (char ch : phone) ok = ok && ((ch >= '0' && ch <= '9') || ch == ' ' || ch == '+' || ch == '-' || ch == '(' || ch == ')');
  if (!ok) throw make_error(ExitCode::data, "team.bad_phone", option, phone);
}

MemberSpec parse_member_spec(std::string_view text, bool with_service, std::string_view option) {
  const std::string_view bad_key = with_service ? "team.bad_member_spec" : "team.bad_participant_spec";
  const SpecParts parts = split_spec(text, option, bad_key);
  const auto& p = parts.positional;
  const std::size_t max_parts = with_service ? 3 : 2;
  bool ok = p.size() >= 2 && p.size() <= max_parts && !p[0].empty() && !p[1].empty();
  if (ok && p.size() == 3 && p[2].empty()) ok = false;
  if (!ok) throw make_error(ExitCode::usage, std::string(bad_key), option, text);
  MemberSpec m;
  m.name = p[0];
  m.role = p[1];
  if (p.size() == 3) m.service = p[2];
  apply_keyed(m, parts, false, option, text);
  return m;
}

MemberSpec parse_participant_spec(std::string_view text, std::string_view option) {
  const SpecParts parts = split_spec(text, option, "meeting.bad_participant_spec");
  const auto& p = parts.positional;
  if (p.empty() || p.size() > 2 || p[0].empty() || (p.size() == 2 && p[1].empty()))
    throw make_error(ExitCode::usage, "meeting.bad_participant_spec", option, text);
  MemberSpec m;
  m.name = p[0];
  if (p.size() == 2) m.role = p[1];
  apply_keyed(m, parts, true, option, text);
  return m;
}

Contact contact_details(const Context& ctx, std::string_view name) {
  Contact out;
  out.name = std::string(name);
  if (const Contact* k = ctx.rv.find_contact(name)) out = *k;
  if (!out.email.empty() && !out.phone.empty()) return out;
  // Team members only, never a meeting participant's address: anyone who
  // may add a participant could name a leader with their own address and
  // receive that leader's reminders.
  for (const auto& row : TeamStore(ctx.db).contacts_named(std::string(name))) {
    if (!out.email.empty() && !out.phone.empty()) break;
    if (out.email.empty()) out.email = row.email;
    if (out.phone.empty()) out.phone = row.phone;
  }
  return out;
}

const Role* default_coordinator_role(const Rammeverk& rv) {
  if (const Role* r = rv.find_role("koordinator"); r && r->may_coordinate) return r;
  for (const auto& r : rv.roles)
    if (r.may_coordinate) return &r;
  return nullptr;
}

Team create_team(const Context& ctx, const TeamCreateInput& in) {
  authorize_some(ctx, "team.write");
  require_text(in.coordinator, "--coordinator", TextField::line);
  require_text(in.gp, "--gp", TextField::line);
  const Rammeverk& rv = ctx.rv;
  const std::string coordinator = trim(in.coordinator);
  const std::string gp = trim(in.gp);
  // Usage errors first: unknown ids, before any rule is looked at.
  const std::vector<MemberSpec> members_in = with_ids(rv, in.members, true);
  const std::vector<MemberSpec> participants = with_ids(rv, in.participants, false);
  std::string coordinator_service = service_id(rv, trim(in.coordinator_service));
  std::string coordinator_role = trim(in.coordinator_role);
  if (!coordinator_role.empty()) coordinator_role = role_id(rv, coordinator_role);
  // The coordinator also listed as a --member is one person: the member's
  // service (and role, when it may coordinate and none was named) go to the
  // coordinator row.
  std::string coordinator_email, coordinator_phone;
  std::vector<MemberSpec> members;
  for (const auto& m : members_in) {
    if (coordinator.empty() || m.name != coordinator) {
      members.push_back(m);
      continue;
    }
    if (coordinator_service.empty()) coordinator_service = m.service;
    coordinator_email = m.email;
    coordinator_phone = m.phone;
    if (const Role* r = rv.find_role(m.role); coordinator_role.empty() && r && r->may_coordinate) coordinator_role = m.role;
  }

  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "team.write", in.case_number);
    if (auto existing = load_team(ctx.db, c))
      throw make_error(ExitCode::refused, "team.exists", c.number, status_text(ctx, existing->status),
                       long_date(existing->created_on, ctx.lang));
    if (c.status != CaseStatus::granted || !DecisionStore(ctx.db).granted(c.id))
      throw make_error(ExitCode::refused, "team.rule_decision_granted", c.number, status_text(ctx, c.status));
    require_consent_for(ctx, c, "team");
    if (coordinator.empty() && rv.rules.coordinator_required)
      throw make_error(ExitCode::refused, "team.rule_coordinator_required", c.number);
    if (!coordinator.empty()) {
      if (coordinator_role.empty()) {
        const Role* r = default_coordinator_role(rv);
        if (!r) throw make_error(ExitCode::refused, "team.rule_no_coordinating_role");
        coordinator_role = r->id;
      }
      check_may_coordinate(rv, coordinator, coordinator_role);
    }
    if (gp.empty() && rv.rules.gp_required) throw make_error(ExitCode::refused, "team.rule_gp_required", c.number);
    const auto sharing = sharing_services(ctx.db, c.id, ctx.today());
    if (!coordinator.empty() && !coordinator_service.empty()) check_sharing(sharing, c.number, coordinator, coordinator_service);

    const std::string today = format_date(ctx.today());
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    TeamStore store(ctx.db);
    Team t;
    t.id = store.create(c.id, today, ctx.actor);
    t.case_number = c.number;

    std::vector<std::string> taken;
    std::vector<Added> added;
    if (!coordinator.empty()) {
      const MemberSpec spec{coordinator, coordinator_role, coordinator_service, coordinator_email, coordinator_phone};
      added.push_back({store.add_member(t.id, spec, MemberKind::coordinator, today),
                       describe("team.add", MemberKind::coordinator, coordinator, coordinator_role, coordinator_service)});
      taken.push_back(coordinator);
    }
    auto more = add_people(ctx, c, t, members, participants, gp, taken);
    added.insert(added.end(), more.begin(), more.end());

    CaseStore(ctx.db).set_status(c.id, CaseStatus::active);

    audit.append("team.create", c.number, c.fnr, audit_detail("team.create", "audit.d.team_created", {std::to_string(added.size())}));
    append_added(audit, c, added);
    audit.flush();
    return require_team(ctx.db, c);
  });
}

Team show_team(const Context& ctx, std::string_view case_number) {
  authorize_some(ctx, "case.read");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "case.read", case_number);
    Team t = require_team(ctx.db, c);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "team.show", c.number, c.fnr, "");
    return t;
  });
}

Team add_to_team(const Context& ctx, std::string_view case_number, const std::vector<MemberSpec>& members_in,
                 const std::vector<MemberSpec>& participants_in, const std::string& gp_name) {
  authorize_some(ctx, "team.write");
  require_text(gp_name, "--gp", TextField::line);
  const std::string gp = trim(gp_name);
  const std::vector<MemberSpec> members = with_ids(ctx.rv, members_in, true);
  const std::vector<MemberSpec> participants = with_ids(ctx.rv, participants_in, false);
  if (members.empty() && participants.empty() && gp.empty())
    throw make_error(ExitCode::usage, "team.nothing_to_add");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "team.write", case_number);
    Team t = require_team(ctx.db, c);
    require_not_closed(ctx, t);
    require_consent_for(ctx, c, "team");
    std::vector<std::string> taken;
    for (const auto& m : t.members) {
      if (!m.active()) continue;
      taken.push_back(m.name);
      if (!gp.empty() && m.kind == MemberKind::gp) throw make_error(ExitCode::refused, "team.gp_exists", c.number, m.name);
    }
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    append_added(audit, c, add_people(ctx, c, t, members, participants, gp, taken));
    audit.flush();
    return require_team(ctx.db, c);
  });
}

Team remove_from_team(const Context& ctx, std::string_view case_number, std::string_view name_in, const std::string& reason) {
  authorize_some(ctx, "team.write");
  require_text(reason, "--reason", TextField::line);
  const std::string name = trim(name_in);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "team.write", case_number);
    const TeamMember m = require_active_member(ctx, c, name);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("team_member", m.id);
    TeamStore(ctx.db).close_member(m.id, format_date(ctx.today()), trim(reason));
    audit.append("team.remove", c.number, c.fnr, describe("team.remove", m.kind, m.name, m.role, m.service));
    audit.flush();
    return require_team(ctx.db, c);
  });
}

Team change_contact(const Context& ctx, std::string_view case_number, std::string_view name_in, const ContactChange& change) {
  authorize_some(ctx, "team.write");
  require_text(name_in, "NAME", TextField::line);
  if (!change.email && !change.phone) throw make_error(ExitCode::usage, "team.contact_nothing");
  if (change.email && !change.email->empty()) check_email(*change.email, "--email");
  if (change.phone && !change.phone->empty()) check_phone(*change.phone, "--phone");
  const std::string name = trim(name_in);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "team.write", case_number);
    const TeamMember m = require_active_member(ctx, c, name);
    std::vector<std::string> values{m.name};  // the name, then old and new value of each column changed
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("team_member", m.id);
    TeamStore store(ctx.db);
    auto note = [&](const std::optional<std::string>& value, const std::string& old) {
      values.push_back(old.empty() ? "-" : old);
      values.push_back(value->empty() ? "-" : *value);
    };
    if (change.email) {
      store.set_email(m.id, *change.email);
      note(change.email, m.email);
    }
    if (change.phone) {
      store.set_phone(m.id, *change.phone);
      note(change.phone, m.phone);
    }
    const char* key = change.email && change.phone ? "audit.d.contact_both" : change.email ? "audit.d.contact_email" : "audit.d.contact_phone";
    audit.append("team.contact", c.number, c.fnr, audit_detail("team.contact", key, values));
    audit.flush();
    return require_team(ctx.db, c);
  });
}

Team change_coordinator(const Context& ctx, std::string_view case_number, std::string_view name_in, const std::string& role_in) {
  authorize_some(ctx, "team.write");
  require_text(name_in, "NAME", TextField::line);
  const std::string name = trim(name_in);
  std::string role = trim(role_in);
  if (name.empty()) throw make_error(ExitCode::usage, "error.missing_option", "NAME");
  if (!role.empty()) role = role_id(ctx.rv, role);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "team.write", case_number);
    Team t = require_team(ctx.db, c);
    require_not_closed(ctx, t);
    require_consent_for(ctx, c, "team");
    const TeamMember* old = t.coordinator();
    const TeamMember* existing = t.find_active(name);
    if (existing && existing->kind == MemberKind::participant)
      throw make_error(ExitCode::refused, "team.rule_participant_coordinator", name);
    std::string service;
    if (existing) service = existing->service;
    if (role.empty()) {
      if (old && old->name == name) role = old->role;
      else if (existing && ctx.rv.find_role(existing->role) && ctx.rv.find_role(existing->role)->may_coordinate)
        role = existing->role;
      else if (const Role* r = default_coordinator_role(ctx.rv)) role = r->id;
      else throw make_error(ExitCode::refused, "team.rule_no_coordinating_role");
    }
    check_may_coordinate(ctx.rv, name, role);
    if (old && old->name == name && old->role == role)
      throw make_error(ExitCode::refused, "team.already_coordinator", name, c.number);
    const auto sharing = sharing_services(ctx.db, c.id, ctx.today());
    if (!service.empty()) check_sharing(sharing, c.number, name, service);

    const std::string today = format_date(ctx.today());
    TeamStore store(ctx.db);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    if (old) {
      audit.before("team_member", old->id);
      store.close_member(old->id, today, "coordinator replaced");
      audit.append("team.remove", c.number, c.fnr, describe("team.remove", old->kind, old->name, old->role, old->service));
    }
    if (existing && (!old || existing->id != old->id)) {
      audit.before("team_member", existing->id);
      store.close_member(existing->id, today, "became coordinator");
    }
    // The contact details go with the person (kept when a member becomes coordinator).
    const TeamMember* same = existing ? existing : (old && old->name == name ? old : nullptr);
    audit.after("team_member",
                store.add_member(t.id, {name, role, service, same ? same->email : std::string(), same ? same->phone : std::string()},
                                 MemberKind::coordinator, today));
    audit.append("team.coordinator", c.number, c.fnr, describe("team.coordinator", MemberKind::coordinator, name, role, service));
    audit.flush();
    return require_team(ctx.db, c);
  });
}

Team pause_team(const Context& ctx, std::string_view case_number, const std::string& reason_in) {
  authorize_some(ctx, "team.write");
  require_text(reason_in, "--reason", TextField::line);
  const std::string reason = trim(reason_in);
  if (reason.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--reason");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "team.write", case_number);
    Team t = require_team(ctx.db, c);
    require_not_closed(ctx, t);
    if (t.status != TeamStatus::active)
      throw make_error(ExitCode::refused, "team.not_active", c.number, status_text(ctx, t.status));
    TeamStore(ctx.db).pause(t.id, format_date(ctx.today()), reason);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "team.pause", c.number, c.fnr, audit_detail("team.pause", "audit.d.paused", {}));
    return require_team(ctx.db, c);
  });
}

Team resume_team(const Context& ctx, std::string_view case_number) {
  authorize_some(ctx, "team.write");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "team.write", case_number);
    Team t = require_team(ctx.db, c);
    require_not_closed(ctx, t);
    if (t.status != TeamStatus::paused)
      throw make_error(ExitCode::refused, "team.not_paused", c.number, status_text(ctx, t.status));
    require_consent_for(ctx, c, "team");
    TeamStore(ctx.db).resume(t.id);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "team.resume", c.number, c.fnr, audit_detail("team.resume", "audit.d.resumed", {}));
    return require_team(ctx.db, c);
  });
}

Team close_team(const Context& ctx, std::string_view case_number, const std::string& reason_in, bool close_case) {
  authorize_some(ctx, "team.write");
  require_text(reason_in, "--reason", TextField::line);
  const std::string reason = trim(reason_in);
  if (reason.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--reason");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "team.write", case_number);
    Team t = require_team(ctx.db, c);
    require_not_closed(ctx, t);
    if (close_case) require_no_appeal_owed(ctx, c);
    const std::string today = format_date(ctx.today());
    TeamStore(ctx.db).close(t.id, today, reason);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("team.close", c.number, c.fnr,
                 audit_detail("team.close", close_case ? "audit.d.team_case_closed" : "audit.d.team_closed", {}));
    if (close_case) {
      CaseStore(ctx.db).close(c.id, today, reason);
      audit.append("case.close", c.number, c.fnr, audit_detail("case.close", "audit.d.closed_with_team", {}));
    }
    audit.flush();
    return require_team(ctx.db, c);
  });
}

}  // namespace oppteam
