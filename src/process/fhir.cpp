#include <oppteam/process/fhir.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/person_export.hpp>
#include <oppteam/util/hash.hpp>

#include <fmt/format.h>

#include <map>

namespace oppteam {

namespace {

using json = nlohmann::json;

// Code systems of our own: ids from the rammeverk, not national code lists.
constexpr const char* kSysReporterType = "urn:oppteam:reporter-type";
constexpr const char* kSysConsentScope = "urn:oppteam:consent-scope";
constexpr const char* kSysConsentForm = "urn:oppteam:consent-form";
constexpr const char* kSysConsentGiver = "urn:oppteam:consent-given-by";
constexpr const char* kSysRole = "urn:oppteam:role";
constexpr const char* kSysService = "urn:oppteam:service";
constexpr const char* kSysIndicator = "urn:oppteam:indicator";
constexpr const char* kSysObservation = "urn:oppteam:observation";
constexpr const char* kSysCase = "urn:oppteam:case";

std::string s(const json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

// A one-element array (json::array({x}) with a json x is ambiguous in nlohmann::json).
json list(json x) {
  json a = json::array();
  a.push_back(std::move(x));
  return a;
}

json coding(const std::string& system, const std::string& code, const std::string& display = {}) {
  json c = {{"system", system}, {"code", code}};
  if (!display.empty()) c["display"] = display;
  return c;
}

json codeable(const std::string& system, const std::string& code, const std::string& display) {
  return {{"coding", list(coding(system, code, display))}, {"text", display.empty() ? code : display}};
}

json reference_to(const std::string& url) {
  json r = json::object();
  r["reference"] = url;
  return r;
}

// "2026-03-02T10:00:00Z"-like timestamps stay; a bare date stays a date.
std::string date_part(const json& j) { return s(j).substr(0, 10); }

class BundleBuilder {
 public:
  BundleBuilder(std::string municipality, std::string case_number)
      : base_(fmt::format("oppteam:{}:{}", std::move(municipality), std::move(case_number))) {}

  std::string url(const std::string& type, const std::string& key) const {
    return deterministic_urn_uuid(fmt::format("{}:{}:{}", base_, type, key));
  }
  void add(const std::string& full_url, json resource) {
    entries_.push_back({{"fullUrl", full_url}, {"resource", std::move(resource)}});
  }
  json bundle(const std::string& case_number) const {
    return {{"resourceType", "Bundle"},
            {"identifier", {{"system", kSysCase}, {"value", case_number}}},
            {"type", "collection"},
            {"entry", entries_}};
  }

 private:
  std::string base_;
  json entries_ = json::array();
};

std::string identifier_system(const std::string& kind) {
  if (kind == "d_nummer") return std::string(kOidDNummer);
  if (kind == "h_nummer") return std::string(kOidHNummer);
  return std::string(kOidFodselsnummer);
}

std::string label_or(const Labelled* l, const std::string& id) { return l ? l->label : id; }

}  // namespace

std::string deterministic_urn_uuid(std::string_view name) {
  std::string h = sha256_hex(name).substr(0, 32);
  h[12] = '8';                                            // version 8 (custom, name-based)
  const char variants[] = "89ab";                         // RFC 9562 variant 10xx
  h[16] = variants[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return fmt::format("urn:uuid:{}-{}-{}-{}-{}", h.substr(0, 8), h.substr(8, 4), h.substr(12, 4), h.substr(16, 4), h.substr(20, 12));
}

nlohmann::json export_case_fhir(const Context& ctx, std::string_view number) {
  const CaseRef c = find_case(ctx.db, number);
  return ctx.db.write([&] {
    const json rows = case_rows(ctx.db, c.id);
    json person;
    {
      SQLite::Statement q(ctx.db.sql(), "SELECT fnr, kind, birth_date, name FROM person WHERE id = ?");
      q.bind(1, c.person_id);
      q.executeStep();
      person = {{"fnr", q.getColumn(0).getString()}, {"kind", q.getColumn(1).getString()},
                {"birth_date", q.getColumn(2).getString()},
                {"name", q.getColumn(3).isNull() ? json(nullptr) : json(q.getColumn(3).getString())}};
    }
    BundleBuilder b(ctx.rv.municipality.number, c.number);
    const std::string& kase = c.number;

    // Patient
    const std::string patient = b.url("Patient", s(person["fnr"]));
    {
      json p = {{"resourceType", "Patient"},
                {"identifier", json::array({{{"use", "official"}, {"system", identifier_system(s(person["kind"]))},
                                             {"value", s(person["fnr"])}}})},
                {"birthDate", s(person["birth_date"])}};
      const std::string fnr = s(person["fnr"]);
      if (fnr.size() == 11) p["gender"] = ((fnr[8] - '0') % 2) ? "male" : "female";  // 9th digit: odd is male
      if (!person["name"].is_null()) p["name"] = json::array({{{"text", s(person["name"])}}});
      b.add(patient, p);
    }
    const json subject = reference_to(patient);

    // ServiceRequest per referral (melding om behov)
    const json& decision = rows["decision"];
    std::string sr_status = "active";
    if (!decision.is_null()) sr_status = s(decision["outcome"]) == "granted" ? "completed" : "revoked";
    for (const auto& r : rows["referrals"]) {
      json sr = {{"resourceType", "ServiceRequest"},
                 {"status", sr_status},
                 {"intent", "order"},
                 {"category", list(codeable(kSysReporterType, s(r["reporter_type"]),
                                                   label_or(ctx.rv.find_reporter_type(s(r["reporter_type"])), s(r["reporter_type"]))))},
                 {"code", {{"text", "Oppfølgingsteam: behov for koordinering"}}},
                 {"subject", subject},
                 {"authoredOn", date_part(r["received_on"])},
                 {"note", json::array({{{"text", s(r["need"])}}})}};
      if (!r["reporter_name"].is_null()) sr["requester"] = {{"display", s(r["reporter_name"])}};
      if (!r["external_id"].is_null())
        sr["identifier"] = json::array({{{"system", "urn:oppteam:sender:" + (r["sender"].is_null() ? std::string("ukjent") : s(r["sender"]))},
                                         {"value", s(r["external_id"])}}});
      b.add(b.url("ServiceRequest", s(r["id"])), sr);
    }

    // Consent per consent: active, or inactive once withdrawn
    for (const auto& k : rows["consents"]) {
      const std::string scope = s(k["scope"]);
      const bool sharing = scope.rfind("deling:", 0) == 0;
      const bool withdrawn = !k["withdrawn_on"].is_null();
      std::string scope_text = scope == "utredning" ? "Samtykke til kartlegging/utredning"
                               : scope == "team"    ? "Samtykke til oppfølgingsteam"
                               : scope == "ip"      ? "Samtykke til individuell plan"
                                                    : "Samtykke til deling av opplysninger med " +
                                                          label_or(ctx.rv.find_service(scope.substr(7)), scope.substr(7));
      json period = {{"start", date_part(k["given_on"])}};
      if (withdrawn) period["end"] = date_part(k["withdrawn_on"]);
      json consent = {
          {"resourceType", "Consent"},
          {"status", withdrawn ? "inactive" : "active"},
          {"scope", {{"coding", list(coding("http://terminology.hl7.org/CodeSystem/consentscope",
                                                    sharing ? "patient-privacy" : "treatment",
                                                    sharing ? "Privacy Consent" : "Treatment"))}}},
          {"category", json::array({{{"coding", list(coding("http://loinc.org", "59284-0", "Patient Consent"))}},
                                    codeable(kSysConsentForm, s(k["form"]), s(k["form"]) == "muntlig" ? "Muntlig samtykke" : "Skriftlig samtykke")})},
          {"patient", subject},
          {"dateTime", date_part(k["given_on"])},
          {"policyRule", {{"coding", list(coding(kSysConsentScope, scope))}, {"text", scope_text}}},
          {"provision", {{"type", "permit"},
                         {"period", period},
                         {"code", json::array({{{"coding", list(coding(kSysConsentScope, scope))}, {"text", scope_text}}})}}}};
      // Who gave it: the person, a parent (foresatt) or a guardian (verge).
      const std::string giver = s(k["given_by"]);
      json performer = {{"display", k["giver_name"].is_null() ? giver : s(k["giver_name"]) + " (" + giver + ")"}};
      if (giver == "person") performer = {{"reference", patient}};
      consent["performer"] = list(performer);
      if (!k["document_ref"].is_null()) consent["sourceAttachment"] = {{"title", s(k["document_ref"])}};
      b.add(b.url("Consent", s(k["id"])), consent);
    }

    // QuestionnaireResponse and RiskAssessment per assessment
    std::map<std::int64_t, std::vector<std::string>> what_matters;
    for (const auto& w : rows["what_matters"])
      if (!w["assessment_id"].is_null()) what_matters[w["assessment_id"].get<std::int64_t>()].push_back(s(w["text"]));
    for (const auto& a : rows["assessments"]) {
      const std::string aid = s(a["id"]);
      const auto* instrument = ctx.rv.find_instrument(s(a["instrument"]));
      json items = json::array();
      json answers = json::parse(s(a["answers"]), nullptr, false);
      if (answers.is_object()) {
        for (const auto& [item, value] : answers.items()) {
          json it = {{"linkId", item}};
          if (instrument)
            if (const auto* ii = instrument->find_item(item)) it["text"] = ii->text;
          if (value.is_number_integer()) it["answer"] = json::array({{{"valueInteger", value.get<int>()}}});
          else it["answer"] = json::array({{{"valueString", value.is_string() ? value.get<std::string>() : value.dump()}}});
          items.push_back(it);
        }
      }
      for (const auto& text : what_matters[a["id"].get<std::int64_t>()])
        items.push_back({{"linkId", "hva_er_viktig_for_deg"}, {"text", "Hva er viktig for deg?"},
                         {"answer", json::array({{{"valueString", text}}})}});
      const std::string qr_url = b.url("QuestionnaireResponse", aid);
      json qr = {{"resourceType", "QuestionnaireResponse"},
                 {"questionnaire", fmt::format("urn:oppteam:instrument:{}|{}", s(a["instrument"]), s(a["instrument_version"]))},
                 {"status", a["partial"].get<std::int64_t>() ? "in-progress" : "completed"},
                 {"subject", subject},
                 {"authored", date_part(a["assessed_on"])},
                 {"author", {{"display", s(a["assessor"]) + " (" + s(a["profession"]) + ")"}}}};
      if (!items.empty()) qr["item"] = items;
      b.add(qr_url, qr);
      const bool team = s(a["recommendation"]) == "team";
      json ra = {{"resourceType", "RiskAssessment"},
                 {"status", "final"},
                 {"subject", subject},
                 {"occurrenceDateTime", date_part(a["assessed_on"])},
                 {"method", codeable("urn:oppteam:instrument", s(a["instrument"]), instrument ? instrument->name : s(a["instrument"]))},
                 {"performer", {{"display", s(a["assessor"])}}},
                 {"basis", list(reference_to(qr_url))},
                 {"code", {{"text", "Kartlegging av store og sammensatte behov"}}},
                 // The recommendation is given as mitigation and note, not as a
                 // prediction: the instrument gives a score, not a probability.
                 {"mitigation", team ? "Store og sammensatte behov: oppfølgingsteam anbefales" : "Oppfølgingsteam anbefales ikke"},
                 {"note", json::array({{{"text", fmt::format("Poengsum {} (terskel {}): {}", s(a["score"]), s(a["threshold"]),
                                                             team ? "oppfølgingsteam anbefales" : "oppfølgingsteam anbefales ikke")}}})}};
      b.add(b.url("RiskAssessment", aid), ra);
    }

    // CareTeam
    std::string care_team;
    if (!rows["team"].is_null()) {
      const json& t = rows["team"];
      care_team = b.url("CareTeam", s(t["id"]));
      const std::string ts = s(t["status"]);
      json period = {{"start", date_part(t["created_on"])}};
      if (!t["closed_on"].is_null()) period["end"] = date_part(t["closed_on"]);
      json participants = json::array();
      for (const auto& m : rows["team_members"]) {
        const std::string role = s(m["role"]);
        json codings = list(coding(kSysRole, role, label_or(ctx.rv.find_role(role), role)));
        if (!m["service"].is_null())
          codings.push_back(coding(kSysService, s(m["service"]), label_or(ctx.rv.find_service(s(m["service"])), s(m["service"]))));
        const std::string kind = s(m["kind"]);
        std::string text = label_or(ctx.rv.find_role(role), role);
        if (kind == "coordinator") text = "Koordinator (" + text + ")";
        if (kind == "gp") text = "Fastlege (" + text + ")";
        json p = {{"role", json::array({{{"coding", codings}, {"text", text}}})}, {"member", {{"display", s(m["name"])}}}};
        json mp = {{"start", date_part(m["added_on"])}};
        if (!m["removed_on"].is_null()) mp["end"] = date_part(m["removed_on"]);
        p["period"] = mp;
        participants.push_back(p);
      }
      json team = {{"resourceType", "CareTeam"},
                   {"status", ts == "closed" ? "inactive" : ts == "paused" ? "suspended" : "active"},
                   {"name", "Oppfølgingsteam " + kase},
                   {"subject", subject},
                   {"period", period}};
      if (!participants.empty()) team["participant"] = participants;
      b.add(care_team, team);
    }

    // Goals, CarePlan with an activity per measure
    std::map<std::int64_t, std::string> goal_url;  // goal number -> fullUrl
    if (!rows["plan"].is_null()) {
      const json& pl = rows["plan"];
      for (const auto& g : rows["goals"]) {
        const std::string gs = s(g["status"]);
        const std::string url = b.url("Goal", s(g["id"]));
        goal_url[g["number"].get<std::int64_t>()] = url;
        std::string text = s(g["text"]);
        json goal = {{"resourceType", "Goal"},
                     {"lifecycleStatus", gs == "reached" ? "completed" : gs == "dropped" ? "cancelled" : "active"},
                     {"description", {{"text", text}}},
                     {"subject", subject}};
        if (gs == "reached")
          goal["achievementStatus"] = {{"coding", list(coding("http://terminology.hl7.org/CodeSystem/goal-achievement", "achieved", "Achieved"))}};
        if (!g["parent"].is_null()) goal["note"] = json::array({{{"text", fmt::format("Delmål av mål {}", s(g["parent"]))}}});
        b.add(url, goal);
      }
      json activities = json::array();
      for (const auto& m : rows["measures"]) {
        const std::string ms = s(m["status"]);
        json detail = {{"status", ms == "planned" ? "not-started" : ms == "started" ? "in-progress" : ms == "done" ? "completed" : "cancelled"},
                       {"description", s(m["text"])},
                       {"scheduledString", "Frist " + date_part(m["due_on"]) +
                                               (m["every_days"].is_null() ? std::string() : ", hver " + s(m["every_days"]) + ". dag")},
                       {"performer", json::array({{{"display", s(m["responsible"])}}})}};
        auto it = goal_url.find(m["goal_number"].get<std::int64_t>());
        if (it != goal_url.end()) detail["goal"] = list(reference_to(it->second));
        activities.push_back({{"detail", detail}});
      }
      const std::string ps = s(pl["status"]);
      json plan = {{"resourceType", "CarePlan"},
                   {"status", ps == "closed" ? "completed" : "active"},
                   {"intent", "plan"},
                   {"title", s(pl["kind"]) == "ip" ? "Individuell plan" : "Oppfølgingsplan"},
                   {"subject", subject},
                   {"created", date_part(pl["created_on"])}};
      if (!pl["period_from"].is_null()) {
        plan["period"] = {{"start", date_part(pl["period_from"])}};
        if (!pl["period_to"].is_null()) plan["period"]["end"] = date_part(pl["period_to"]);
      }
      if (!care_team.empty()) plan["careTeam"] = list(reference_to(care_team));
      json goals = json::array();
      for (const auto& [n, url] : goal_url) goals.push_back(reference_to(url));
      if (!goals.empty()) plan["goal"] = goals;
      if (!activities.empty()) plan["activity"] = activities;
      b.add(b.url("CarePlan", s(pl["id"])), plan);
    }

    // Observations: indicators, goal attainment and experienced quality per evaluation
    for (const auto& e : rows["evaluations"]) {
      const std::string eid = s(e["id"]);
      const std::string on = date_part(e["evaluated_on"]);
      auto observation = [&](const std::string& key, json code, json value) {
        json o = {{"resourceType", "Observation"}, {"status", "final"}, {"code", code}, {"subject", subject}, {"effectiveDateTime", on}};
        for (auto& [k, v] : value.items()) o[k] = v;
        b.add(b.url("Observation", eid + ":" + key), o);
      };
      for (const auto& iv : e["indicators"]) {
        const std::string id = s(iv["indicator"]);
        observation("indicator:" + id, codeable(kSysIndicator, id, label_or(ctx.rv.find_indicator(id), id)),
                    {{"valueInteger", iv["value"].get<std::int64_t>()}});
      }
      json goals = json::parse(s(e["goals"]), nullptr, false);
      if (goals.is_object()) {
        for (const auto& [number, score] : goals.items()) {
          if (!score.is_number()) continue;
          json extra = {{"valueInteger", score.get<std::int64_t>()}};
          auto it = goal_url.find(std::stoll(number));
          if (it != goal_url.end()) extra["focus"] = list(reference_to(it->second));
          extra["note"] = json::array({{{"text", "Mål " + number + " (GAS, -2 til +2)"}}});
          observation("goal:" + number, codeable(kSysObservation, "goal-attainment", "Måloppnåelse (GAS)"), extra);
        }
      }
      if (!e["quality"].is_null())
        observation("quality", codeable(kSysObservation, "experienced-quality", "Opplevd kvalitet (1-5)"),
                    {{"valueInteger", e["quality"].get<std::int64_t>()}});
    }

    json bundle = b.bundle(kase);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "case.export", kase, c.fnr,
                 fmt::format("fhir, {} entries", bundle["entry"].size()));
    return bundle;
  });
}

}  // namespace oppteam
