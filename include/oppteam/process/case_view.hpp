#pragma once
// Everything about a case, read straight from the store (the schema is the
// contract between the areas): person, referrals, consents, assessments,
// decision, team, plan and evaluations. Showing and listing cases are
// audited reads. The JSON documents here are what `case show --json` and
// `case list --json` print (SPEC.md); views/case_view.hpp lays them out for
// people.

#include <oppteam/domain/case.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace oppteam {

// The case document: keys case, status, person, referrals, consents,
// assessments, decision, team, plan, evaluations (and a few more).
nlohmann::json show_case(const Context& ctx, std::string_view case_number);

struct CaseFilter {
  std::optional<CaseStatus> status;  // none: any
  std::string reporter_type;   // cases with a referral of this type
  std::optional<Date> received_from, received_to;  // first referral received within
  bool overdue = false;        // waiting for a decision past a deadline
  std::string owner;           // cases this user owns (case list --owner, --mine)
  bool unassigned = false;     // cases with no owner
  std::string name;            // cases whose person's name contains this (any case)
  std::size_t limit = 0;       // 0: all
};

// {"cases": [...], "total": N, "left_out": M}: each case with case, status,
// received, reporter_types, fnr, name, owner, decision_due, deadline (what
// an undecided case waits for: {"kind": "preliminary_reply" | "decision",
// "date", "overdue"}, else null) and overdue (the kind when overdue, else
// null). `total` counts every match, `left_out` those past the limit. A
// search by name is audited as a read of each person it shows.
nlohmann::json list_cases(const Context& ctx, const CaseFilter& filter);

}  // namespace oppteam
