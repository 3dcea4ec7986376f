// The case's owner (process/owner.hpp) and target group
// (process/target_group.hpp): two values of case_file, each with its
// history (issue 14).

#include <oppteam/process/owner.hpp>
#include <oppteam/process/target_group.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>

#include <algorithm>

namespace oppteam {

namespace {

// Sets the case's `field` to `value` and returns the value before ("" when none).
std::string replace_case_value(const Context& ctx, std::int64_t case_id, CaseStore::Field field, const std::string& value) {
  CaseStore store(ctx.db);
  std::string previous = store.value(case_id, field);
  store.set_value(case_id, field, value);
  return previous;
}

}  // namespace

CaseAssigned assign_case(const Context& ctx, std::string_view case_number, const std::string& user_in) {
  authorize_some(ctx, "case.assign");
  const std::string user = required_value(user_in, "--to");
  std::size_t chars = 0;
  for (unsigned char b : user) chars += (b & 0xc0) != 0x80;
  if (chars > kMaxActorChars) throw make_error(ExitCode::data, "owner.too_long", clip(user), kMaxActorChars);
  if (ctx.rv.access.enforce &&
      std::none_of(ctx.rv.access.users.begin(), ctx.rv.access.users.end(), [&](const AccessUser& u) { return u.name == user; }))
    throw make_error(ExitCode::data, "owner.unknown_user", user);
  return ctx.db.write([&] {
    const CaseRef c = authorize_assign(ctx, case_number, user);
    CaseAssigned out{c.number, user, replace_case_value(ctx, c.id, CaseStore::Field::owner, user)};
    CaseStore(ctx.db).add_owner(c.id, user, format_date(ctx.today()), ctx.actor);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "case.assign", c.number, c.fnr,
                 out.previous.empty() ? audit_detail("case.assign", "audit.d.owner", {user})
                                      : audit_detail("case.assign", "audit.d.owner_was", {user, out.previous}));
    return out;
  });
}

const TargetGroup* find_target_group_by_name(const Rammeverk& rv, std::string_view id_or_label) {
  return find_by_word(rv.target_groups, id_or_label);
}

std::string check_target_group(const Rammeverk& rv, std::string_view id_or_label) {
  if (const auto* g = find_target_group_by_name(rv, id_or_label)) return g->id;
  const auto ids = entry_ids(rv.target_groups);
  throw unknown_value("target_group.unknown", {std::string(id_or_label), join(ids)}, id_or_label, ids);
}

TargetGroupSet set_target_group(const Context& ctx, std::string_view case_number, std::string_view id_or_label,
                                std::string_view step) {
  // The target group is set by the step that found it, under that step's permission.
  const std::string_view permission = step == "refer" ? "refer.add" : step == "assess" ? "assess" : "case.assign";
  authorize_some(ctx, permission);
  const std::string id = check_target_group(ctx.rv, id_or_label);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, permission, case_number);
    TargetGroupSet out{c.number, id, replace_case_value(ctx, c.id, CaseStore::Field::target_group, id)};
    CaseStore(ctx.db).add_target_group(c.id, id, step, format_date(ctx.today()), ctx.actor);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "case.target_group", c.number, c.fnr,
                 out.previous.empty()
                     ? audit_detail("case.target_group", "audit.d.target_group", {id, std::string(step)})
                     : audit_detail("case.target_group", "audit.d.target_group_was", {id, std::string(step), out.previous}));
    return out;
  });
}

}  // namespace oppteam
