#include <oppteam/process/referral.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/referral_batch.hpp>
#include <oppteam/process/referral_checks.hpp>
#include <oppteam/process/target_group.hpp>
#include <oppteam/store/person_store.hpp>
#include <oppteam/util/text.hpp>
#include <oppteam/util/dates.hpp>

#include <string>
#include <vector>

namespace oppteam {

ReferralResult add_referral(const Context& ctx, const ReferralInput& in) {
  authorize(ctx, "refer.add");
  // The checks of the import (referral_checks.cpp), every field given.
  ReferralFields fields;
  fields[io::kExternalId] = &in.external_id;
  fields[io::kFnr] = &in.fnr;
  fields[io::kName] = &in.name;
  fields[io::kReporterType] = &in.reporter_type;
  fields[io::kReporterName] = &in.reporter_name;
  fields[io::kReceived] = &in.received;
  fields[io::kNeed] = &in.need;
  fields[io::kTargetGroup] = &in.target_group;
  CheckedReferral checked;
  std::vector<FieldProblem> problems;
  ReferralChecks(ctx, Intake::single).check(fields, in.birth_year, checked, problems);
  if (!problems.empty()) throw problems.front().error();
  check_sender(in.sender);
  const std::string target_group = checked.target_group ? checked.target_group->id : std::string();
  return ctx.db.write([&] {
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    ReferralBatch batch(ctx, audit, 1);
    PendingReferral& p = batch.add();
    // As checked (the import stores the same): the id without its spaces, the reporter type's id.
    p.external_id = checked.external_id;
    p.sender = p.external_id.empty() ? std::string() : in.sender.empty() ? std::string("default") : in.sender;
    p.name = in.name;
    p.reporter_type = checked.reporter_type->id;
    p.reporter_name = in.reporter_name;
    p.received = format_date(checked.received);  // as typed: "i dag", "2.3.2026"; stored ISO
    p.need = in.need;
    complete(p, *checked.pnr, checked.received);
    batch.classify();
    ReferralResult r;
    switch (p.outcome) {
      case PendingReferral::Outcome::duplicate:
        r.duplicate = true;
        r.case_number = p.case_number;
        r.status = find_case(ctx.db, p.case_number).status;
        return r;
      case PendingReferral::Outcome::conflict:
        throw make_error(ExitCode::data, "refer.conflict", p.sender, p.external_id, p.case_number);
      case PendingReferral::Outcome::fresh: break;
    }
    // What was on record (the name, the target group) is said only to a
    // user who may read cases: to others it would answer a personal number
    // with its person's name and health.
    const bool may_read = permitted(ctx.rv, ctx.actor, "case.read");
    // A person known by a name keeps it (an unnamed one takes this one).
    if (!p.new_person && !p.name.empty() && may_read)
      if (const auto person = PersonStore(ctx.db).find(p.fnr); person && !person->name.empty() && person->name != trim(p.name))
        r.name_on_record = person->name;
    batch.store();
    r.case_number = p.case_number;
    r.status = p.status;
    r.new_case = p.new_case;
    r.referral_id = p.referral_id;
    audit.after_range("person", batch.first_new_person(), batch.last_new_person());
    audit.after("referral", p.referral_id);
    audit.append("refer.add", r.case_number, p.fnr,
                 audit_detail("refer.add", r.new_case ? "audit.d.new_case" : "audit.d.open_case", {p.reporter_type}));
    audit.flush();
    if (!target_group.empty()) {
      const TargetGroupSet set = set_target_group(ctx, r.case_number, target_group, "refer");
      r.target_group = set.target_group;
      if (set.previous != set.target_group && may_read) r.target_group_before = set.previous;
    }
    return r;
  });
}

}  // namespace oppteam
