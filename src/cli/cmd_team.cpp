// oppteam team create | show | add | remove | coordinator | pause | resume | close

#include "cli/commands.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/team.hpp>
#include <oppteam/views/team_view.hpp>

#include <fmt/format.h>

namespace oppteam::cli {

namespace {

nlohmann::json member_json(const Rammeverk& rv, const TeamMember& m, Lang lang) {
  nlohmann::json j = {{"name", m.name},
                      {"role", m.role},
                      {"role_label", label_of(rv.roles, m.role, lang)},
                      {"kind", std::string(to_stored(m.kind))},
                      {"added_on", m.added_on}};
  j["service"] = m.service.empty() ? nlohmann::json() : nlohmann::json(m.service);
  j["service_label"] = m.service.empty() ? nlohmann::json() : nlohmann::json(label_of(rv.services, m.service, lang));
  const std::string sector = service_sector(rv, m.service);
  j["sector"] = sector.empty() ? nlohmann::json() : nlohmann::json(sector);
  j["email"] = m.email.empty() ? nlohmann::json() : nlohmann::json(m.email);
  j["phone"] = m.phone.empty() ? nlohmann::json() : nlohmann::json(m.phone);
  j["removed_on"] = m.removed_on.empty() ? nlohmann::json() : nlohmann::json(m.removed_on);
  j["removed_reason"] = m.removed_reason.empty() ? nlohmann::json() : nlohmann::json(m.removed_reason);
  return j;
}

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json team_json(const Rammeverk& rv, const Team& t, std::string_view action, Lang lang) {
  nlohmann::json members = nlohmann::json::array();
  nlohmann::json current = nlohmann::json::array();
  std::vector<std::string> services, sectors;
  for (const auto& m : t.members) {
    members.push_back(member_json(rv, m, lang));
    if (!m.active()) continue;
    current.push_back(member_json(rv, m, lang));
    if (!m.service.empty() && std::find(services.begin(), services.end(), m.service) == services.end())
      services.push_back(m.service);
    const std::string sector = service_sector(rv, m.service);
    if (!sector.empty() && std::find(sectors.begin(), sectors.end(), sector) == sectors.end()) sectors.push_back(sector);
  }
  nlohmann::json history = nlohmann::json::array();
  for (const auto& e : t.history)
    history.push_back({{"at", e.at}, {"date", e.on}, {"actor", e.actor}, {"action", e.action}, {"detail", e.detail}});
  const TeamMember* coord = t.coordinator();
  return {{"action", action},
          {"case", t.case_number},
          {"case_status", std::string(to_stored(t.case_status))},
          {"team",
           {{"id", t.id},
            {"status", std::string(to_stored(t.status))},
            {"created_on", t.created_on},
            {"created_by", t.created_by},
            {"paused_on", or_null(t.paused_on)},
            {"pause_reason", or_null(t.pause_reason)},
            {"closed_on", or_null(t.closed_on)},
            {"close_reason", or_null(t.close_reason)},
            {"coordinator", coord ? member_json(rv, *coord, lang) : nlohmann::json()},
            {"has_coordinator", coord != nullptr},
            {"current", current},
            {"members", members},
            {"services", services},
            {"sectors", sectors},
            {"history", history}}}};
}

std::vector<MemberSpec> parse_specs(const std::vector<std::string>& texts, bool with_service, std::string_view option) {
  std::vector<MemberSpec> out;
  for (const auto& t : texts) out.push_back(parse_member_spec(t, with_service, option));
  return out;
}

void emit_team(Session& s, const Team& t, std::string_view action, const std::string& message) {
  const Rammeverk& rv = s.ctx().rv;
  const std::string screen = render_team(rv, t, s.lang(), s.style());
  s.emit(team_json(rv, t, action, s.lang()), message.empty() ? screen : message + "\n\n" + screen);
}

// The options of team create fill its input, but for the members and participants as typed.
struct CreateOptions {
  TeamCreateInput in;
  std::vector<std::string> members, participants;
};

struct ChangeOptions {
  std::string case_number, name, role, reason, gp;
  std::vector<std::string> members, participants;
  bool close_case = false;
};

}  // namespace

void setup_team(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(&app, "team", "Oppfølgingsteam: put the team together and keep it up to date",
                                {"oppteam --db k.db team create 2026/1 --coordinator \"Ane Lie\" --gp \"Dr. Berg\"",
                                 "oppteam --db k.db team show 2026/1"});

  auto c = std::make_shared<CreateOptions>();
  auto* create = cmd->add_subcommand("create", "Create the team of a granted case: coordinator, GP, members, participants");
  add_case(create, c->in.case_number);
  create->add_option("--coordinator", c->in.coordinator, "the koordinator's name");
  create->add_option("--coordinator-role", c->in.coordinator_role,
                     "the koordinator's role (default: koordinator, else the first role that may coordinate)");
  create->add_option("--coordinator-service", c->in.coordinator_service, "the service the koordinator comes from");
  create->add_option("--gp", c->in.gp, "the fastlege's name");
  create->add_option("--member", c->members, "NAME:ROLE[:SERVICE], roles and services from the rammeverk, then optionally :email=ADDRESS and "
                     ":phone=NUMBER (repeat)")
      ->allow_extra_args(false);
  create->add_option("--participant", c->participants, "NAME:ROLE for the person and next of kin, e.g. \"Per Hansen:bruker\", optionally with "
                     ":email=ADDRESS and :phone=NUMBER (repeat)")
      ->allow_extra_args(false);
  examples(create, {"oppteam --db k.db team create 2026/1 --coordinator \"Ane Lie\" --gp \"Dr. Berg\" "
                    "--member \"Ola Dahl:nav_veileder:nav\" --member \"Siri Moe:hjemmesykepleie:hjemmetjenesten\" "
                    "--participant \"Per Hansen:bruker\""});
  create->callback([&s, c] {
    auto& ctx = s.ctx();
    TeamCreateInput& in = c->in;
    in.members = parse_specs(c->members, true, "--member");
    in.participants = parse_specs(c->participants, false, "--participant");
    Team t = create_team(ctx, in);
    std::size_t n = 0;
    for (const auto& m : t.members) n += m.active() ? 1 : 0;
    emit_team(s, t, "create", s.text("team.created", t.case_number, n));
  });

  add_case_command(cmd, "show", "Show the team: members, roles, services, coordinator and history",
                   {"oppteam --db k.db team show 2026/1", "oppteam --db k.db team show 2026/1 --json"},
                   [&s](const std::string& number) { emit_team(s, show_team(s.ctx(), number), "show", ""); });

  auto [add, a] = add_case_subcommand<ChangeOptions>(cmd, "add", "Add members, participants or a GP to the team");
  add->add_option("--member", a->members, "NAME:ROLE[:SERVICE][:email=ADDRESS][:phone=NUMBER] (repeat)")->allow_extra_args(false);
  add->add_option("--participant", a->participants, "NAME:ROLE[:email=ADDRESS][:phone=NUMBER] (repeat)")->allow_extra_args(false);
  add->add_option("--gp", a->gp, "the fastlege's name");
  examples(add, {"oppteam --db k.db team add 2026/1 --member \"Kari Nes:ergoterapeut:fysio_ergo\"",
                 "oppteam --db k.db team add 2026/1 --member \"Eva Li:ergoterapeut:fysio_ergo:email=eva.li@kommune.example:phone=+47 900 00 000\""});
  add->callback([&s, a] {
    Team t = add_to_team(s.ctx(), a->case_number, parse_specs(a->members, true, "--member"),
                         parse_specs(a->participants, false, "--participant"), a->gp);
    emit_team(s, t, "add", s.text("team.added", t.case_number));
  });

  auto [remove, r] =
      add_case_subcommand<ChangeOptions>(cmd, "remove", "Remove a member (kept in the history with the date)");
  remove->add_option("NAME", r->name, "the member's name")->required();
  remove->add_option("--reason", r->reason, "why the member leaves");
  examples(remove, {"oppteam --db k.db team remove 2026/1 \"Ola Dahl\" --reason \"Ikke lenger NAV-tiltak\""});
  remove->callback([&s, r] {
    Team t = remove_from_team(s.ctx(), r->case_number, r->name, r->reason);
    std::string msg = s.text("team.removed", r->name, t.case_number);
    if (!t.coordinator()) msg += "\n" + s.text("team.warn_no_coordinator", t.case_number);
    emit_team(s, t, "remove", msg);
  });

  auto [coord, k] = add_case_subcommand<ChangeOptions>(
      cmd, "coordinator", "Make NAME the koordinator (the former one leaves, history kept)");
  coord->add_option("NAME", k->name, "the new koordinator's name")->required();
  coord->add_option("--role", k->role, "the role (must have may_coordinate)");
  examples(coord, {"oppteam --db k.db team coordinator 2026/1 \"Siri Moe\" --role sykepleier"});
  coord->callback([&s, k] {
    Team t = change_coordinator(s.ctx(), k->case_number, k->name, k->role);
    emit_team(s, t, "coordinator", s.text("team.coordinator_changed", t.case_number, k->name));
  });

  struct ContactOptions {
    std::string case_number, name, email, phone;
  };
  auto [contact, ko] = add_case_subcommand<ContactOptions>(
      cmd, "contact", "Change a member's e-mail address or phone number (\"\" removes it)");
  contact->add_option("NAME", ko->name, "the member's name")->required();
  auto* email = contact->add_option("--email", ko->email, "the new e-mail address (\"\" removes it)");
  auto* phone = contact->add_option("--phone", ko->phone, "the new phone number (\"\" removes it)");
  examples(contact, {"oppteam --db k.db team contact 2026/1 \"Siri Moe\" --email siri.moe@kommune.example --phone \"+47 400 00 000\""});
  contact->callback([&s, ko, email, phone] {
    ContactChange change;
    if (email->count() > 0) change.email = ko->email;
    if (phone->count() > 0) change.phone = ko->phone;
    Team t = change_contact(s.ctx(), ko->case_number, ko->name, change);
    emit_team(s, t, "contact", s.text("team.contact_changed", ko->name, t.case_number));
  });

  auto [pause, p] =
      add_case_subcommand<ChangeOptions>(cmd, "pause", "Pause the team's work (e.g. a long hospital stay)");
  pause->add_option("--reason", p->reason, "why the team pauses")->required();
  examples(pause, {"oppteam --db k.db team pause 2026/1 --reason \"Innlagt på sykehus\""});
  pause->callback([&s, p] {
    Team t = pause_team(s.ctx(), p->case_number, p->reason);
    emit_team(s, t, "pause", s.text("team.paused", t.case_number));
  });

  add_case_command(cmd, "resume", "Resume a paused team (needs valid consent for team)",
                   {"oppteam --db k.db team resume 2026/1"}, [&s](const std::string& number) {
                     const Team t = resume_team(s.ctx(), number);
                     emit_team(s, t, "resume", s.text("team.resumed", t.case_number));
                   });

  auto [close, z] = add_case_subcommand<ChangeOptions>(
      cmd, "close", "Close the team; the case stays open for its final evaluation unless --close-case");
  close->add_option("--reason", z->reason, "why the team closes")->required();
  close->add_flag("--close-case", z->close_case, "close the case too");
  examples(close, {"oppteam --db k.db team close 2026/1 --reason \"Målene er nådd\"",
                   "oppteam --db k.db team close 2026/1 --reason \"Flyttet\" --close-case"});
  close->callback([&s, z] {
    Team t = close_team(s.ctx(), z->case_number, z->reason, z->close_case);
    emit_team(s, t, "close", s.text(z->close_case ? "team.closed_with_case" : "team.closed", t.case_number));
  });
}

}  // namespace oppteam::cli
