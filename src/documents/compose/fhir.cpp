#include <oppteam/documents/fhir.hpp>

#include <oppteam/util/hash.hpp>

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

namespace oppteam {

namespace {

using json = nlohmann::json;

// Code systems of our own: ids from the rammeverk, not national code lists.
constexpr const char* kSysRole = "urn:oppteam:role";
constexpr const char* kSysService = "urn:oppteam:service";
constexpr const char* kSysIndicator = "urn:oppteam:indicator";
constexpr const char* kSysTeamFunction = "urn:oppteam:team-function";
constexpr const char* kSysDocument = "urn:oppteam:document";
constexpr const char* kSysAppealStatus = "urn:oppteam:appeal-status";
constexpr const char* kSysRoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

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
  // The resource added under `full_url` (which must have been added).
  json& entry_for(const std::string& full_url) {
    for (auto& e : entries_)
      if (e["fullUrl"] == full_url) return e["resource"];
    throw std::logic_error("fhir: no entry " + full_url);
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

// The tax authority's synthetic test numbers (month + 80) are nobody's
// number: they go under a system of their own, never a national OID.
bool synthetic_number(const std::string& fnr) {
  return fnr.size() == 11 && fnr[2] >= '8' && fnr[2] <= '9';
}

std::string identifier_system(const std::string& kind, const std::string& fnr) {
  if (synthetic_number(fnr)) return std::string(kSysSyntheticNumber);
  if (kind == "d_nummer") return std::string(kOidDNummer);
  if (kind == "h_nummer") return std::string(kOidHNummer);
  return std::string(kOidFodselsnummer);
}

std::string label_or(const Labelled* l, const std::string& id) { return l ? l->label : id; }

std::string base64(const std::string& text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool contains_nocase(std::string hay, std::string needle) {
  for (auto& ch : hay) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (auto& ch : needle) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return hay.find(needle) != std::string::npos;
}

// A team member's role as one text: the role's label, and what the member
// is to the team only when the label does not say it already.
std::string role_text(const std::string& kind, const std::string& label) {
  if (kind == "coordinator" && !contains_nocase(label, "koordinator")) return "Koordinator, " + label;
  if (kind == "gp" && !contains_nocase(label, "fastlege")) return "Fastlege, " + label;
  return label;
}

}  // namespace

std::string deterministic_urn_uuid(std::string_view name) {
  std::string h = sha256_hex(name).substr(0, 32);
  h[12] = '8';                                            // version 8 (custom, name-based)
  const char variants[] = "89ab";                         // RFC 9562 variant 10xx
  h[16] = variants[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return fmt::format("urn:uuid:{}-{}-{}-{}-{}", h.substr(0, 8), h.substr(8, 4), h.substr(12, 4), h.substr(16, 4), h.substr(20, 12));
}

nlohmann::json compose_fhir_bundle(const Rammeverk& rv, const FhirCase& c, const nlohmann::json& rows) {
  const json person = {{"fnr", c.person.fnr}, {"kind", c.person.kind}, {"birth_date", c.person.birth_date},
                       {"name", c.person.name ? json(*c.person.name) : json(nullptr)}};
  BundleBuilder b(rv.municipality.number, c.number);
  const std::string& kase = c.number;
  const bool case_closed = c.closed;
  const std::string team_status = rows["team"].is_null() ? "" : s(rows["team"]["status"]);

  // Patient
  const std::string fnr = s(person["fnr"]);
  const std::string patient = b.url("Patient", fnr);
  {
    json p = {{"resourceType", "Patient"},
              {"identifier", json::array({{{"use", "official"},
                                           {"system", identifier_system(s(person["kind"]), fnr)},
                                           {"value", fnr}}})},
              {"birthDate", s(person["birth_date"])}};
    if (fnr.size() == 11) p["gender"] = ((fnr[8] - '0') % 2) ? "male" : "female";  // 9th digit: odd is male
    if (!person["name"].is_null()) p["name"] = json::array({{{"text", s(person["name"])}}});
    b.add(patient, p);
  }
  const json subject = reference_to(patient);

  // Organizations: the municipality (its coordinating unit) and each service named.
  const auto& m = rv.municipality;
  const std::string municipality = b.url("Organization", "municipality");  // added at the end
  std::map<std::string, std::string> service_org;
  auto organization_for = [&](const std::string& service) {
    if (service.empty()) return municipality;
    auto it = service_org.find(service);
    if (it != service_org.end()) return it->second;
    const std::string url = b.url("Organization", "service:" + service);
    b.add(url, {{"resourceType", "Organization"},
                {"identifier", list({{"system", kSysService}, {"value", service}})},
                {"active", true},
                {"name", label_or(rv.find_service(service), service)}});
    return service_org[service] = url;
  };

  // RelatedPerson: a parent (foresatt) or guardian (verge) who gave consent,
  // and pårørende taking part in the team; one per name.
  std::map<std::string, std::string> related_url;
  std::map<std::string, std::vector<std::string>> related_roles;  // name -> v3 RoleCodes, consent givers' first
  auto relate = [&related_roles](const std::string& name, const std::string& code) {
    auto& codes = related_roles[name];
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  };
  for (const auto& k : rows["consents"]) {
    const std::string giver = s(k["given_by"]);
    if (giver != "person" && !k["giver_name"].is_null()) relate(s(k["giver_name"]), giver == "verge" ? "GUARD" : "PRN");
  }
  for (const auto& mbr : rows["team_members"])
    if (s(mbr["kind"]) == "participant") relate(s(mbr["name"]), "NOK");
  for (const auto& [name, roles] : related_roles) {
    json relationship = json::array();
    for (const auto& r : roles) {
      const std::string display = r == "PRN" ? "parent" : r == "GUARD" ? "guardian" : "next of kin";
      const std::string text = r == "PRN" ? "Foresatt" : r == "GUARD" ? "Verge" : "Pårørende";
      relationship.push_back({{"coding", list(coding(kSysRoleCode, r, display))}, {"text", text}});
    }
    const std::string url = b.url("RelatedPerson", name);
    related_url[name] = url;
    b.add(url, {{"resourceType", "RelatedPerson"},
                {"active", true},
                {"patient", subject},
                {"relationship", relationship},
                {"name", list({{"text", name}})}});
  }

  // ServiceRequest per referral (melding om behov): active while the case
  // runs, completed once it is closed, revoked when refused.
  const json& decision = rows["decision"];
  std::string sr_status = "active";
  if (case_closed) sr_status = "completed";
  if (!decision.is_null() && s(decision["outcome"]) == "refused") sr_status = "revoked";
  std::string first_request;
  for (const auto& r : rows["referrals"]) {
    json sr = {{"resourceType", "ServiceRequest"},
               {"status", sr_status},
               {"intent", "order"},
               {"category", list(codeable(kSysReporterType, s(r["reporter_type"]),
                                                 label_or(rv.find_reporter_type(s(r["reporter_type"])), s(r["reporter_type"]))))},
               {"code", {{"text", "Oppfølgingsteam: behov for koordinering"}}},
               {"subject", subject},
               {"authoredOn", date_part(r["received_on"])},
               {"performer", list(reference_to(municipality))},
               {"note", json::array({{{"text", s(r["need"])}}})}};
    if (!r["reporter_name"].is_null()) sr["requester"] = {{"display", s(r["reporter_name"])}};
    if (!r["external_id"].is_null())
      sr["identifier"] = json::array({{{"system", "urn:oppteam:sender:" + (r["sender"].is_null() ? std::string("ukjent") : s(r["sender"]))},
                                       {"value", s(r["external_id"])}}});
    const std::string url = b.url("ServiceRequest", s(r["id"]));
    if (first_request.empty()) first_request = url;
    b.add(url, sr);
  }

  // The letters (decision letter, foreløpig svar) as DocumentReferences.
  auto letter = [&](const std::string& key, const std::string& type, const std::string& title, const std::string& on,
                    const std::string& text) {
    const std::string url = b.url("DocumentReference", key);
    b.add(url, {{"resourceType", "DocumentReference"},
                {"status", "current"},
                {"docStatus", "final"},
                {"type", codeable(kSysDocument, type, title)},
                {"subject", subject},
                {"author", list(reference_to(municipality))},
                {"description", title + " " + kase},
                {"content", list({{"attachment", {{"contentType", "text/plain; charset=utf-8"},
                                                   {"language", std::string(lang_code(m.language))},
                                                   {"data", base64(text)},
                                                   {"title", title + " " + kase},
                                                   {"creation", on}}}})}});
    return url;
  };
  for (const auto& pr : rows["preliminary_replies"])
    letter("preliminary_reply:" + s(pr["id"]), "preliminary-reply", "Foreløpig svar", date_part(pr["sent_on"]), s(pr["text"]));

  // A decision as a Task: its outcome, grounds (statusReason), date, who
  // made it, and as outputs the appeal deadline (none for a decision made in
  // the appeal case: it is final) and the letter.
  auto decision_task = [&](const json& d, const std::string& letter_url, const char* status, const json& code) {
    const bool granted = s(d["outcome"]) == "granted";
    const std::string on = date_part(d["decided_on"]);
    json outputs = json::array();
    if (!s(d["appeal_deadline"]).empty())
      outputs.push_back({{"type", codeable(kSysTask, "appeal-deadline", "Klagefrist")}, {"valueDate", date_part(d["appeal_deadline"])}});
    outputs.push_back({{"type", codeable(kSysTask, "decision-letter", "Vedtaksbrev")}, {"valueReference", reference_to(letter_url)}});
    json task = {{"resourceType", "Task"},
                 {"status", status},
                 {"businessStatus", codeable(kSysDecision, granted ? "granted" : "refused", granted ? "Innvilget" : "Avslag")},
                 {"intent", "order"},
                 {"code", code},
                 {"for", subject},
                 {"authoredOn", on},
                 {"executionPeriod", {{"end", on}}},
                 {"owner", reference_to(municipality)},
                 {"output", outputs},
                 {"note", list({{"text", "Vedtatt av " + s(d["decided_by"])}})}};
    if (!first_request.empty()) task["focus"] = reference_to(first_request);
    if (!d["grounds"].is_null()) task["statusReason"] = {{"text", s(d["grounds"])}};
    return task;
  };

  // Decisions an appeal replaced (omgjort etter klage): Tasks of their own
  // kind, cancelled from the day they were replaced, their letters
  // superseded by the letter that replaced them (relatesTo "replaces").
  std::vector<std::pair<json, std::string>> replaced_tasks;  // history row, Task fullUrl
  std::string replaced_letter;                                // the newest replaced letter
  for (const auto& d : rows["replaced_decisions"]) {
    const std::string key = "replaced_decision:" + s(d["id"]);
    const std::string letter_url = letter(key, "decision-letter", "Vedtaksbrev", date_part(d["decided_on"]), s(d["letter"]));
    b.entry_for(letter_url)["status"] = "superseded";
    json task = decision_task(d, letter_url, "cancelled", codeable(kSysTask, "replaced-decision", "Vedtak omgjort etter klage"));
    task["executionPeriod"] = {{"start", date_part(d["decided_on"])}, {"end", date_part(d["replaced_on"])}};
    const std::string url = b.url("Task", key);
    b.add(url, task);
    replaced_tasks.emplace_back(d, url);
    replaced_letter = letter_url;
  }

  // The decision in force (vedtak): a Task that decided the referral.
  // Granted: completed; refused: rejected.
  std::string current_task;
  if (!decision.is_null()) {
    const bool granted = s(decision["outcome"]) == "granted";
    const std::string letter_url =
        letter("decision", "decision-letter", "Vedtaksbrev", date_part(decision["decided_on"]), s(decision["letter"]));
    if (!replaced_letter.empty())
      b.entry_for(letter_url)["relatesTo"] = list({{"code", "replaces"}, {"target", reference_to(replaced_letter)}});
    current_task = b.url("Task", "decision");
    b.add(current_task, decision_task(decision, letter_url, granted ? "completed" : "rejected",
                                      codeable(kSysTask, "vedtak", "Vedtak om oppfølgingsteam")));
  }

  // Appeals (klage): a Task per appeal, focused on the decision it
  // appealed, with each step (the unit's review, forwarding to
  // statsforvalteren, the outcome) as a dated note.
  for (const auto& a : rows["appeals"]) {
    const std::string st = s(a["status"]);
    const bool done = st == "reversed" || st == "final_upheld" || st == "final_reversed";
    json task = {{"resourceType", "Task"},
                 {"status", st == "received" ? "received" : done ? "completed" : "in-progress"},
                 {"businessStatus", codeable(kSysAppealStatus, st, tr(m.language, "appeal.state." + st))},
                 {"intent", "order"},
                 {"code", codeable(kSysTask, "appeal", "Klage på vedtak")},
                 {"for", subject},
                 {"authoredOn", date_part(a["received_on"])},
                 {"owner", reference_to(municipality)},
                 {"restriction", {{"period", {{"end", date_part(a["deadline"])}}}}},
                 {"input", list({{"type", codeable(kSysTask, "appeal-timeliness", "Innen klagefristen")},
                                 {"valueCodeableConcept", a["late"].get<std::int64_t>() != 0
                                                              ? codeable(kSysTask, "late", "Etter klagefristen (fvl. § 31)")
                                                              : codeable(kSysTask, "in-time", "Innen klagefristen")}})}};
    if (s(a["appellant"]) == "person") task["requester"] = subject;
    else task["requester"] = {{"display", a["appellant_name"].is_null() ? s(a["appellant"]) : s(a["appellant_name"])}};
    // The decision it was about: the version it replaced, else the first
    // version replaced after it came in, else the decision in force.
    std::string appealed = current_task;
    for (auto it = replaced_tasks.rbegin(); it != replaced_tasks.rend(); ++it)
      if (it->first["appeal_id"] == a["id"] || s(it->first["replaced_on"]) >= s(a["received_on"])) appealed = it->second;
    if (!appealed.empty()) task["focus"] = reference_to(appealed);
    json notes = json::array();
    for (const auto& step : rows["appeal_steps"]) {
      if (step["appeal_id"] != a["id"]) continue;
      std::string text = s(step["step"]);
      if (!step["result"].is_null()) text += ": " + s(step["result"]);
      if (!step["grounds"].is_null()) text += " (" + s(step["grounds"]) + ")";
      notes.push_back({{"time", date_part(step["step_on"])}, {"text", text}});
    }
    if (!notes.empty()) task["note"] = notes;
    b.add(b.url("Task", "appeal:" + s(a["id"])), task);
  }

  // Consent per consent: active, or inactive once withdrawn
  for (const auto& k : rows["consents"]) {
    const std::string scope = s(k["scope"]);
    const bool sharing = scope.rfind("deling:", 0) == 0;
    const bool withdrawn = !k["withdrawn_on"].is_null();
    std::string scope_text = scope == "utredning" ? "Samtykke til kartlegging/utredning"
                             : scope == "team"    ? "Samtykke til oppfølgingsteam"
                             : scope == "ip"      ? "Samtykke til individuell plan"
                             : scope == "overforing" ? "Samtykke til overføring til en annen kommune"
                                                  : "Samtykke til deling av opplysninger med " +
                                                        label_or(rv.find_service(scope.substr(7)), scope.substr(7));
    json period = {{"start", date_part(k["given_on"])}};
    if (withdrawn) period["end"] = date_part(k["withdrawn_on"]);
    json provision = {{"type", "permit"},
                      {"period", period},
                      {"code", json::array({{{"coding", list(coding(kSysConsentScope, scope))}, {"text", scope_text}}})}};
    // Sharing: the service that may receive the information.
    if (sharing)
      provision["actor"] = list({{"role", codeable("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
                                                   "information recipient")},
                                 {"reference", reference_to(organization_for(scope.substr(7)))}});
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
        {"organization", list(reference_to(municipality))},
        {"policyRule", {{"coding", list(coding(kSysConsentScope, scope))}, {"text", scope_text}}},
        {"provision", provision}};
    // Who gave it: the person, or a parent (foresatt) or guardian (verge) as RelatedPerson.
    const std::string giver = s(k["given_by"]);
    json performer = {{"display", giver}};
    if (giver == "person") performer = reference_to(patient);
    else if (!k["giver_name"].is_null()) performer = reference_to(related_url[s(k["giver_name"])]);
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
    const auto* instrument = rv.find_instrument(s(a["instrument"]));
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

  // CareTeam of PractitionerRoles (a Practitioner per name, an Organization
  // per service) and the pårørende as RelatedPerson.
  std::string care_team;
  std::map<std::string, std::string> member_url;  // name -> PractitionerRole / RelatedPerson fullUrl
  if (!rows["team"].is_null()) {
    const json& t = rows["team"];
    care_team = b.url("CareTeam", s(t["id"]));
    json period = {{"start", date_part(t["created_on"])}};
    if (!t["closed_on"].is_null()) period["end"] = date_part(t["closed_on"]);
    std::map<std::string, std::string> practitioner;
    json participants = json::array();
    for (const auto& mbr : rows["team_members"]) {
      const std::string role = s(mbr["role"]);
      const std::string name = s(mbr["name"]);
      const std::string kind = s(mbr["kind"]);
      const std::string service = mbr["service"].is_null() ? "" : s(mbr["service"]);
      const std::string label = label_or(rv.find_role(role), role);
      json codings = list(coding(kSysRole, role, label));
      if (kind == "coordinator" || kind == "gp")
        codings.push_back(coding(kSysTeamFunction, kind, kind == "gp" ? "Fastlege" : "Koordinator"));
      const json role_concept = {{"coding", codings}, {"text", role_text(kind, label)}};
      json mp = {{"start", date_part(mbr["added_on"])}};
      if (!mbr["removed_on"].is_null()) mp["end"] = date_part(mbr["removed_on"]);
      json p = {{"role", list(role_concept)}, {"period", mp}};
      if (kind == "participant") {
        p["member"] = reference_to(related_url[name]);
        member_url.emplace(name, related_url[name]);
      } else {
        auto pit = practitioner.find(name);
        if (pit == practitioner.end()) {
          const std::string url = b.url("Practitioner", name);
          b.add(url, {{"resourceType", "Practitioner"}, {"active", true}, {"name", list({{"text", name}})}});
          pit = practitioner.emplace(name, url).first;
        }
        const std::string org = organization_for(service);
        const std::string pr_url = b.url("PractitionerRole", s(mbr["id"]));
        json pr = {{"resourceType", "PractitionerRole"},
                   {"active", mbr["removed_on"].is_null()},
                   {"period", mp},
                   {"practitioner", reference_to(pit->second)},
                   {"organization", reference_to(org)},
                   {"code", list(role_concept)}};
        b.add(pr_url, pr);
        p["member"] = reference_to(pr_url);
        p["onBehalfOf"] = reference_to(org);
        if (mbr["removed_on"].is_null() || !member_url.count(name)) member_url[name] = pr_url;
      }
      participants.push_back(p);
    }
    json team = {{"resourceType", "CareTeam"},
                 {"status", team_status == "closed" || case_closed ? "inactive" : team_status == "paused" ? "suspended" : "active"},
                 {"name", "Oppfølgingsteam " + kase},
                 {"subject", subject},
                 {"period", period},
                 {"managingOrganization", list(reference_to(municipality))}};
    if (!participants.empty()) team["participant"] = participants;
    b.add(care_team, team);
  }

  // The last GAS score of each goal (evaluations are in date order).
  std::map<std::int64_t, std::int64_t> last_score;
  for (const auto& e : rows["evaluations"]) {
    json goals = json::parse(s(e["goals"]), nullptr, false);
    if (goals.is_object())
      for (const auto& [number, score] : goals.items())
        if (score.is_number_integer()) last_score[std::stoll(number)] = score.get<std::int64_t>();
  }

  // Goals, CarePlan with an activity per measure. Statuses follow the case:
  // closed (case or plan) → completed, a paused team → on-hold.
  std::map<std::int64_t, std::string> goal_url;  // goal number -> fullUrl
  if (!rows["plan"].is_null()) {
    const json& pl = rows["plan"];
    const std::string ps = s(pl["status"]);
    const bool ended = case_closed || ps == "closed";
    for (const auto& g : rows["goals"]) goal_url[g["number"].get<std::int64_t>()] = b.url("Goal", s(g["id"]));
    for (const auto& g : rows["goals"]) {
      const std::string gs = s(g["status"]);
      const std::int64_t n = g["number"].get<std::int64_t>();
      std::string lifecycle = gs == "reached" ? "completed" : gs == "dropped" ? "cancelled" : "active";
      if (lifecycle == "active" && ended) lifecycle = "completed";
      if (lifecycle == "active" && team_status == "paused") lifecycle = "on-hold";
      json goal = {{"resourceType", "Goal"},
                   {"identifier", list({{"system", kSysGoalNumber}, {"value", std::to_string(n)}})},
                   {"lifecycleStatus", lifecycle},
                   {"description", {{"text", s(g["text"])}}},
                   {"subject", subject}};
      // The achievement: reached, or at the end as the last evaluation scored it
      // (GAS 0 is the expected outcome), else in progress once evaluated.
      auto score = last_score.find(n);
      std::string achievement;
      if (gs == "reached") achievement = "achieved";
      else if (ended && score != last_score.end()) achievement = score->second >= 0 ? "achieved" : "not-achieved";
      else if (score != last_score.end()) achievement = "in-progress";
      if (!achievement.empty()) {
        const std::string display = achievement == "achieved" ? "Achieved" : achievement == "not-achieved" ? "Not Achieved" : "In Progress";
        goal["achievementStatus"] = {{"coding", list(coding("http://terminology.hl7.org/CodeSystem/goal-achievement", achievement, display))}};
      }
      // A goal in the person's own words from "Hva er viktig for deg?".
      if (s(g["source"]).rfind("what_matters:", 0) == 0) goal["expressedBy"] = subject;
      // Its sub-goals (delmål) as milestones.
      json relations = json::array();
      for (const auto& sub : rows["goals"])
        if (!sub["parent"].is_null() && sub["parent"].get<std::int64_t>() == n)
          relations.push_back({{"url", "http://hl7.org/fhir/StructureDefinition/goal-relationship"},
                               {"extension", json::array({{{"url", "type"},
                                                           {"valueCodeableConcept",
                                                            {{"coding", list(coding("http://hl7.org/fhir/goal-relationship-type", "milestone",
                                                                                    "Milestone"))}}}},
                                                          {{"url", "target"},
                                                           {"valueReference", reference_to(goal_url[sub["number"].get<std::int64_t>()])}}})}});
      if (!relations.empty()) goal["extension"] = relations;
      if (!g["parent"].is_null()) goal["note"] = json::array({{{"text", fmt::format("Delmål av mål {}", s(g["parent"]))}}});
      b.add(goal_url[n], goal);
    }
    json activities = json::array();
    for (const auto& ms_row : rows["measures"]) {
      const std::string ms = s(ms_row["status"]);
      json detail = {{"status", ms == "planned" ? "not-started" : ms == "started" ? "in-progress" : ms == "done" ? "completed" : "cancelled"},
                     {"description", s(ms_row["text"])}};
      // The due date as a timing: once by the date, or every N days from it.
      const std::string due = date_part(ms_row["due_on"]);
      if (ms_row["every_days"].is_null()) detail["scheduledPeriod"] = {{"end", due}};
      else
        detail["scheduledTiming"] = {{"event", list(due)},
                                     {"repeat", {{"frequency", 1}, {"period", ms_row["every_days"].get<std::int64_t>()}, {"periodUnit", "d"}}}};
      const std::string responsible = s(ms_row["responsible"]);
      auto who = member_url.find(responsible);
      detail["performer"] = list(who != member_url.end() ? reference_to(who->second) : json{{"display", responsible}});
      auto it = goal_url.find(ms_row["goal_number"].get<std::int64_t>());
      if (it != goal_url.end()) detail["goal"] = list(reference_to(it->second));
      activities.push_back({{"detail", detail}});
    }
    std::string plan_status = "active";
    if (ended) plan_status = "completed";
    else if (team_status == "paused") plan_status = "on-hold";
    else if (ps == "revising") plan_status = "draft";  // under revision with the person: not in force as it stands
    json plan = {{"resourceType", "CarePlan"},
                 {"status", plan_status},
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

  // Per evaluation: its decision (continue, revise, close) as an Observation
  // holding the indicators, goal attainment and experienced quality.
  for (const auto& e : rows["evaluations"]) {
    const std::string eid = s(e["id"]);
    const std::string on = date_part(e["evaluated_on"]);
    json members = json::array();
    auto observation = [&](const std::string& key, json code, json value) {
      json o = {{"resourceType", "Observation"}, {"status", "final"}, {"code", code}, {"subject", subject}, {"effectiveDateTime", on}};
      for (auto& [k, v] : value.items()) o[k] = v;
      const std::string url = b.url("Observation", eid + ":" + key);
      b.add(url, o);
      return url;
    };
    for (const auto& iv : e["indicators"]) {
      const std::string id = s(iv["indicator"]);
      members.push_back(reference_to(observation("indicator:" + id, codeable(kSysIndicator, id, label_or(rv.find_indicator(id), id)),
                                                 {{"valueInteger", iv["value"].get<std::int64_t>()}})));
    }
    json goals = json::parse(s(e["goals"]), nullptr, false);
    if (goals.is_object()) {
      for (const auto& [number, score] : goals.items()) {
        if (!score.is_number()) continue;
        json extra = {{"valueInteger", score.get<std::int64_t>()}};
        auto it = goal_url.find(std::stoll(number));
        if (it != goal_url.end()) extra["focus"] = list(reference_to(it->second));
        extra["note"] = json::array({{{"text", "Mål " + number + " (GAS, -2 til +2)"}}});
        members.push_back(reference_to(observation("goal:" + number, codeable(kSysObservation, "goal-attainment", "Måloppnåelse (GAS)"), extra)));
      }
    }
    if (!e["quality"].is_null())
      members.push_back(reference_to(observation("quality", codeable(kSysObservation, "experienced-quality", "Opplevd kvalitet (1-5)"),
                                                 {{"valueInteger", e["quality"].get<std::int64_t>()}})));
    const std::string d = s(e["decision"]);
    json value = {{"valueCodeableConcept", codeable(kSysEvaluationDecision, d,
                                                    d == "close" ? "Avslutte" : d == "revise" ? "Revidere planen" : "Fortsette")}};
    json notes = json::array();
    if (!e["reason"].is_null()) notes.push_back({{"text", s(e["reason"])}});
    if (!e["comment"].is_null()) notes.push_back({{"text", s(e["comment"])}});
    if (!notes.empty()) value["note"] = notes;
    if (!members.empty()) value["hasMember"] = members;
    observation("decision", codeable(kSysObservation, "evaluation-decision", "Evaluering: beslutning"), value);
  }

  {
    json org = {{"resourceType", "Organization"},
                {"identifier", list({{"system", kSysMunicipality}, {"value", m.number}})},
                {"active", true},
                {"name", m.unit.empty() ? m.name : m.name + ", " + m.unit}};
    if (!m.address.empty()) org["address"] = list({{"text", m.address}});
    b.add(municipality, org);
  }
  return b.bundle(kase);
}

}  // namespace oppteam
