#include <oppteam/process/guardian.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/store/person_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

// A guardian is a foresatt or a verge (64 otherwise).
GuardianKind check_kind(const std::string& kind) {
  const auto k = guardian_kind_from(kind);
  if (!k) throw make_error(ExitCode::usage, "guardian.bad_kind", kind);
  return *k;
}

// The id of the person with number `fnr` (1 when there is none).
std::int64_t person_id_of(Database& db, const std::string& fnr) {
  const auto p = PersonStore(db).find(fnr);
  if (!p) throw make_error(ExitCode::not_found, "person.not_found", fnr);
  return p->id;
}

}  // namespace

Guardian add_guardian(const Context& ctx, std::string_view fnr_text, const GuardianInput& in) {
  authorize(ctx, "person.correct");
  const GuardianKind kind = check_kind(in.kind);
  const std::string name = required_value(in.name, "--name");
  require_text(in.address, "--address", TextField::lines);
  const std::string address = trim(in.address);
  const std::string fnr = PersonalNumber::parse(fnr_text, ctx.pnr_options()).str();
  return ctx.db.write([&] {
    const std::int64_t person_id = person_id_of(ctx.db, fnr);
    for (const auto& g : read_guardians(ctx.db, person_id))
      if (g.ended_on.empty() && g.kind == kind && g.name == name)
        throw make_error(ExitCode::refused, "guardian.already", name, in.kind);
    Guardian g{0, kind, name, address, format_date(ctx.today()), ctx.actor, "", ""};
    g.id = PersonStore(ctx.db).add_guardian(person_id, g);
    const std::int64_t id = g.id;
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "person.guardian_add", "", fnr, audit_detail("person.guardian_add", "audit.d.guardian_add", {in.kind, std::to_string(id)}));
    return g;
  });
}

Guardian end_guardian(const Context& ctx, std::string_view fnr_text, const GuardianEnd& in) {
  authorize(ctx, "person.correct");
  std::optional<GuardianKind> kind;
  if (!in.kind.empty()) kind = check_kind(in.kind);
  const std::string name = required_value(in.name, "--name");
  const std::string fnr = PersonalNumber::parse(fnr_text, ctx.pnr_options()).str();
  const Date today = ctx.today();
  const Date on = in.on.value_or(today);
  if (on > today) throw make_error(ExitCode::data, "guardian.end_future", long_date(on, ctx.lang));
  return ctx.db.write([&] {
    const std::int64_t person_id = person_id_of(ctx.db, fnr);
    std::vector<Guardian> holding;
    for (auto& g : read_guardians(ctx.db, person_id))
      if (g.ended_on.empty() && g.name == name && (!kind || g.kind == *kind)) holding.push_back(std::move(g));
    if (holding.empty()) throw make_error(ExitCode::not_found, "guardian.not_found", name, fnr);
    if (holding.size() > 1) throw make_error(ExitCode::usage, "guardian.which_kind", name);
    Guardian g = std::move(holding.front());
    if (format_date(on) < g.added_on) throw make_error(ExitCode::data, "guardian.end_before", long_date(on, ctx.lang), long_date(g.added_on, ctx.lang));
    PersonStore(ctx.db).end_guardian(g.id, format_date(on), ctx.actor);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "person.guardian_end", "", fnr, audit_detail("person.guardian_end", "audit.d.guardian_end", {std::string(to_stored(g.kind)), std::to_string(g.id)}));
    g.ended_on = format_date(on);
    g.ended_by = ctx.actor;
    return g;
  });
}

std::vector<Guardian> read_guardians(Database& db, std::int64_t person_id) { return PersonStore(db).guardians(person_id); }

}  // namespace oppteam
