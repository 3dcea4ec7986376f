#pragma once
// The person's document (innsyn): what the municipality holds about them,
// case by case and in plain sentences, where it came from, who has read or
// changed it and when, and their rights to correction, deletion and
// complaint (Datatilsynet). Composed from the export that export_person()
// (process/person_export.hpp) gathers; composing reads no database. The
// same text is printed by `person export` and goes into its --pdf.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/i18n/messages.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace oppteam {

// The document of `doc` (export_person's {"person", "cases", "audit", ...})
// in `lang`, the rammeverk's labels for its ids. Audit times are shown as
// the day and time of the machine's time zone (TZ).
std::string compose_person_document(const nlohmann::json& doc, const Rammeverk& rv, Lang lang);

}  // namespace oppteam
