#pragma once
// The plan as the person's own document (what forskrift om habilitering og
// rehabilitering, individuell plan og koordinator § 19 asks a plan to hold),
// composed in a language: plain text, or a self-contained HTML page that
// prints well. A composer takes the plan and what the document shows beside
// it (appeals, the case log) as values; it reads no store and applies no
// rule of the process (the caller gives the next evaluation date).

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/domain/decision.hpp>
#include <oppteam/domain/plan.hpp>
#include <oppteam/i18n/messages.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam::documents {

// An appeal against the decision and where it stands.
struct PlanDocumentAppeal {
  AppealStatus status = AppealStatus::received;  // shown as its appeal.state. text
  std::string status_on;
  std::string received_on;
  std::string from;  // an appeal.from. id
};

// An entry of the case log.
struct PlanDocumentLogEntry {
  std::string text, date, written_by;
};

struct PlanDocumentInput {
  const Plan& plan;
  std::string next_evaluation;  // ISO date; shown for a plan that is not closed
  std::vector<PlanDocumentAppeal> appeals;
  std::optional<std::vector<PlanDocumentLogEntry>> log;  // the case log, when the rammeverk shows it ([plan_document] log)
};

std::string compose_plan_text(const PlanDocumentInput& in, const Rammeverk& rv, Lang lang);
std::string compose_plan_html(const PlanDocumentInput& in, const Rammeverk& rv, Lang lang);

// A consent's scope as people read it ("Oppfølgingsteam", "Deling av
// opplysninger med Hjemmetjenesten").
std::string consent_scope_label(const Rammeverk& rv, Lang lang, const std::string& scope);

}  // namespace oppteam::documents
