#include <oppteam/process/guardian.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

// A guardian is a foresatt or a verge (64 otherwise).
void check_kind(const std::string& kind) {
  if (kind != "foresatt" && kind != "verge") throw make_error(ExitCode::usage, "guardian.bad_kind", kind);
}

// The id of the person with number `fnr` (1 when there is none).
std::int64_t person_id_of(Database& db, const std::string& fnr) {
  SQLite::Statement q(db.sql(), "SELECT id FROM person WHERE fnr = ?");
  q.bind(1, fnr);
  if (!q.executeStep()) throw make_error(ExitCode::not_found, "person.not_found", fnr);
  return q.getColumn(0).getInt64();
}

}  // namespace

Guardian add_guardian(const Context& ctx, std::string_view fnr_text, const GuardianInput& in) {
  authorize(ctx, "person.correct");
  check_kind(in.kind);
  const std::string name = required_value(in.name, "--name");
  require_text(in.address, "--address", TextField::lines);
  const std::string address = trim(in.address);
  const std::string fnr = PersonalNumber::parse(fnr_text, ctx.pnr_options()).str();
  return ctx.db.write([&] {
    const std::int64_t person_id = person_id_of(ctx.db, fnr);
    for (const auto& g : read_guardians(ctx.db, person_id))
      if (g.ended_on.empty() && g.kind == in.kind && g.name == name)
        throw make_error(ExitCode::refused, "guardian.already", name, in.kind);
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO person_guardian(person_id, kind, name, address, added_on, added_by) VALUES (?, ?, ?, ?, ?, ?)");
    ins.bind(1, person_id);
    ins.bind(2, in.kind);
    ins.bind(3, name);
    if (address.empty()) ins.bind(4);
    else ins.bind(4, address);
    ins.bind(5, format_date(ctx.today()));
    ins.bind(6, ctx.actor);
    ins.exec();
    const std::int64_t id = ctx.db.sql().getLastInsertRowid();
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "person.guardian_add", "", fnr, in.kind + " " + std::to_string(id));
    return Guardian{id, in.kind, name, address, format_date(ctx.today()), ctx.actor, "", ""};
  });
}

Guardian end_guardian(const Context& ctx, std::string_view fnr_text, const GuardianEnd& in) {
  authorize(ctx, "person.correct");
  if (!in.kind.empty()) check_kind(in.kind);
  const std::string name = required_value(in.name, "--name");
  const std::string fnr = PersonalNumber::parse(fnr_text, ctx.pnr_options()).str();
  const Date today = ctx.today();
  const Date on = in.on.value_or(today);
  if (on > today) throw make_error(ExitCode::data, "guardian.end_future", format_date(on));
  return ctx.db.write([&] {
    const std::int64_t person_id = person_id_of(ctx.db, fnr);
    std::vector<Guardian> holding;
    for (auto& g : read_guardians(ctx.db, person_id))
      if (g.ended_on.empty() && g.name == name && (in.kind.empty() || g.kind == in.kind)) holding.push_back(std::move(g));
    if (holding.empty()) throw make_error(ExitCode::not_found, "guardian.not_found", name, fnr);
    if (holding.size() > 1) throw make_error(ExitCode::usage, "guardian.which_kind", name);
    Guardian g = std::move(holding.front());
    if (format_date(on) < g.added_on) throw make_error(ExitCode::data, "guardian.end_before", format_date(on), g.added_on);
    SQLite::Statement up(ctx.db.sql(), "UPDATE person_guardian SET ended_on = ?, ended_by = ? WHERE id = ?");
    up.bind(1, format_date(on));
    up.bind(2, ctx.actor);
    up.bind(3, g.id);
    up.exec();
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "person.guardian_end", "", fnr, g.kind + " " + std::to_string(g.id));
    g.ended_on = format_date(on);
    g.ended_by = ctx.actor;
    return g;
  });
}

std::vector<Guardian> read_guardians(Database& db, std::int64_t person_id) {
  SQLite::Statement q(db.sql(),
                      "SELECT id, kind, name, coalesce(address, ''), added_on, added_by, coalesce(ended_on, ''), "
                      "coalesce(ended_by, '') FROM person_guardian WHERE person_id = ? ORDER BY id");
  q.bind(1, person_id);
  std::vector<Guardian> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
                   q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString(),
                   q.getColumn(7).getString()});
  return out;
}

}  // namespace oppteam
