#include <oppteam/process/transfer.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/io/output_file.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/closing.hpp>
#include <oppteam/process/fhir.hpp>
#include <oppteam/process/person_export.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/hash.hpp>
#include <oppteam/util/text.hpp>
#include <oppteam/util/json_text.hpp>

#include <fmt/format.h>
#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <fstream>
#include <map>
#include <set>

namespace oppteam {

namespace {

using json = nlohmann::json;

constexpr std::string_view kTransferReason = "transferred";
constexpr const char* kSysTransfer = "urn:oppteam:transfer";

// What the consent to the transfer covers (docs/transfer.md): the case
// itself (referrals, foreløpig svar, decision) and the record of the
// consents to the follow-up; the assessment only while the person's
// consent to it (utredning) is in force, the team, plan and evaluations
// only while the consent to the team (or the individual plan) is. Never
// sent: consents to share with named services (deling:<service>, given to
// this municipality's services), the case log, meetings, reviews,
// approvals, corrections, owners and the audit log.
json covered_rows(const Context& ctx, const CaseRef& c, TransferResult& r) {
  json rows = case_rows(ctx.db, c.id);
  const Date today = ctx.today();
  json consents = json::array();
  bool sharing_left_out = false;
  for (const auto& k : rows["consents"]) {
    if (json_text(k["scope"]).rfind("deling:", 0) == 0) sharing_left_out = true;
    else consents.push_back(k);
  }
  rows["consents"] = consents;
  r.sent = {"person", "referrals", "consents"};
  if (!rows["decision"].is_null() || !rows["preliminary_replies"].empty()) r.sent.push_back("decision");
  if (sharing_left_out) r.left_out.push_back("sharing_consents");
  if (consent_valid(ctx.db, c.id, "utredning", today)) {
    if (!rows["assessments"].empty()) r.sent.push_back("assessments");
  } else if (!rows["assessments"].empty() || !rows["what_matters"].empty()) {
    rows["assessments"] = json::array();
    rows["what_matters"] = json::array();
    r.left_out.push_back("assessments");
  }
  const bool follow_up = consent_valid(ctx.db, c.id, "team", today) || consent_valid(ctx.db, c.id, "ip", today);
  const bool has_follow_up = !rows["team"].is_null() || !rows["plan"].is_null() || !rows["evaluations"].empty();
  if (follow_up) {
    if (!rows["team"].is_null()) r.sent.push_back("team");
    if (!rows["plan"].is_null()) r.sent.push_back("plan");
    if (!rows["evaluations"].empty()) r.sent.push_back("evaluations");
  } else if (has_follow_up) {
    rows["team"] = nullptr;
    rows["team_members"] = json::array();
    rows["plan"] = nullptr;
    rows["goals"] = json::array();
    rows["measures"] = json::array();
    rows["evaluations"] = json::array();
    r.left_out.push_back("team_plan_evaluations");
  }
  for (const char* internal : {"log", "meetings", "meeting_actions", "team_reviews", "approvals", "corrections", "owners"})
    if (rows.contains(internal) && !rows[internal].empty()) r.left_out.push_back(internal);
  return rows;
}

}  // namespace

TransferResult transfer_case(const Context& ctx, std::string_view case_number, const TransferInput& in) {
  authorize_some(ctx, "case.transfer");
  require_text(in.to, "--to", TextField::line);
  const std::string to = trim(in.to);
  if (to.empty()) throw make_error(ExitCode::usage, "transfer.to_required");
  // Refused before the case is read (and the reading audited).
  io::check_output_target(in.out, in.force, in.forbidden);
  if (!ctx.rv.find_closing_reason(kTransferReason))
    throw make_error(ExitCode::data, "closing.unknown_reason", kTransferReason, closing_reason_list(ctx.rv));
  TransferResult r;
  r.to = to;
  r.file = in.out;
  bool written = false;
  try {
    return ctx.db.write([&] {
      const CaseRef c = authorize_case(ctx, "case.transfer", case_number);
      r.case_number = c.number;
      if (c.status == CaseStatus::closed) throw make_error(ExitCode::refused, "transfer.case_closed", c.number);
      if (!consent_valid(ctx.db, c.id, kScopeTransfer, ctx.today()))
        throw make_error(ExitCode::refused, "transfer.no_consent", c.number, c.number, kScopeTransfer);
      json bundle = case_fhir_bundle(ctx, c, covered_rows(ctx, c, r));
      bundle["meta"] = {{"tag", json::array({{{"system", kSysTransfer}, {"code", "transfer"}, {"display", "Overføring til " + to}}})}};
      bundle["timestamp"] = ctx.clock.now_timestamp();
      r.entries = bundle["entry"].size();
      bool replaced = false;
      const std::string text = dump_json(bundle, 2, replaced) + "\n";
      r.sha256 = sha256_hex(text);

      CloseInput close;
      close.reason = std::string(kTransferReason);
      close.to_municipality = to;
      close.transfer = true;
      close_case(ctx, c.number, close);
      NewTransfer sent{"out", to, r.sha256, format_date(ctx.today()), ctx.clock.now_timestamp(), ctx.actor, {}, {}, in.out, {}};
      CaseStore(ctx.db).add_transfer(c.id, sent);
      audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "case.transfer", c.number, c.fnr,
                   audit_detail("case.transfer", "audit.d.transferred", {to, std::to_string(r.entries), r.sha256}));
      // The file last: a failure here rolls the closing back.
      io::OutputFile file(in.out, in.force, in.forbidden);
      file.stream() << text;
      file.commit();
      written = true;
      return r;
    });
  } catch (...) {
    // The database did not take the transfer: no file either.
    if (written) std::remove(in.out.c_str());
    throw;
  }
}

// ---------------------------------------------------------------- receive

namespace {

// Reads a bundle as untrusted input: every value is checked where it is
// read, and an error names the file, the place (JSON path) and what was
// expected (exit 65).
class BundleReader {
 public:
  BundleReader(const Context& ctx, std::string file) : ctx_(ctx), file_(std::move(file)) {}

  [[noreturn]] void bad(const std::string& where, std::string_view expect_key, const std::string& arg = {}) const {
    throw make_error(ExitCode::data, "receive.bad_field", file_, where, ctx_.text(expect_key, arg));
  }

  const json& field(const json& obj, const std::string& where, const char* key) const {
    if (!obj.is_object() || !obj.contains(key)) bad(where + "." + key, "receive.expect.present");
    return obj[key];
  }
  const json* optional(const json& obj, const char* key) const {
    if (!obj.is_object() || !obj.contains(key) || obj[key].is_null()) return nullptr;
    return &obj[key];
  }
  // A string checked with require_text().
  std::string text(const json& v, const std::string& where, TextField kind = TextField::line) const {
    if (!v.is_string()) bad(where, "receive.expect.text");
    const std::string t = v.get<std::string>();
    require_text(t, file_ + ": " + where, kind);
    return t;
  }
  std::string text_at(const json& obj, const std::string& where, const char* key, TextField kind = TextField::line) const {
    return text(field(obj, where, key), where + "." + key, kind);
  }
  std::string opt_text(const json& obj, const std::string& where, const char* key, TextField kind = TextField::line) const {
    const json* v = optional(obj, key);
    return v ? text(*v, where + "." + key, kind) : std::string();
  }
  std::string date(const json& v, const std::string& where) const {
    const std::string t = v.is_string() ? v.get<std::string>() : std::string();
    const std::string d = t.substr(0, 10);
    if (!v.is_string() || (t.size() != 10 && (t.size() < 11 || t[10] != 'T')) || !try_parse_date(d)) bad(where, "receive.expect.date");
    return d;
  }
  std::string date_at(const json& obj, const std::string& where, const char* key) const {
    return date(field(obj, where, key), where + "." + key);
  }
  std::int64_t integer(const json& v, const std::string& where, std::int64_t lo, std::int64_t hi) const {
    if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi)
      bad(where, "receive.expect.integer", fmt::format("{}..{}", lo, hi));
    return v.get<std::int64_t>();
  }
  // The code of the first coding of `cc` with the system `sys` (any system when empty).
  std::string code(const json& cc, const std::string& where, std::string_view sys = {}) const {
    const json* codings = optional(cc, "coding");
    if (codings && codings->is_array())
      for (std::size_t i = 0; i < codings->size(); ++i) {
        const json& c = (*codings)[i];
        if (!sys.empty() && (!c.is_object() || !c.contains("system") || c["system"] != sys)) continue;
        return text_at(c, fmt::format("{}.coding[{}]", where, i), "code");
      }
    bad(where, "receive.expect.coding", std::string(sys));
  }
  template <typename... Options>
  std::string one_of(const std::string& value, const std::string& where, const Options&... options) const {
    for (const char* o : {options...})
      if (value == o) return value;
    std::string list;
    for (const char* o : {options...}) list += (list.empty() ? "" : ", ") + std::string(o);
    bad(where, "receive.expect.one_of", list);
  }

 private:
  const Context& ctx_;
  std::string file_;
};

std::string base64_decode(const std::string& in, const BundleReader& rd, const std::string& where) {
  if (in.size() % 4 != 0) rd.bad(where, "receive.expect.base64");
  std::string out(in.size() / 4 * 3 + 1, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(in.data()),
                                static_cast<int>(in.size()));
  if (n < 0) rd.bad(where, "receive.expect.base64");
  std::size_t size = static_cast<std::size_t>(n);
  for (std::size_t i = in.size(); i > 0 && in[i - 1] == '='; --i) --size;  // EVP_DecodeBlock counts the padding
  out.resize(size);
  return out;
}

// The file's bytes, at most kMaxBundleBytes (exit 66 unreadable, 65 larger).
std::string read_bundle_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw make_error(ExitCode::no_input, "error.cannot_read", path);
  std::string text;
  char buf[65536];
  while (f.read(buf, sizeof buf) || f.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(f.gcount()));
    if (text.size() > kMaxBundleBytes) throw make_error(ExitCode::data, "receive.too_large", path, kMaxBundleBytes);
  }
  if (f.bad()) throw make_error(ExitCode::no_input, "error.cannot_read", path);
  return text;
}

json parse_bundle_json(const std::string& path, const std::string& text) {
  json::parser_callback_t depth_limit = [&path](int depth, json::parse_event_t, json&) {
    if (depth > kMaxBundleDepth) throw make_error(ExitCode::data, "receive.too_deep", path, kMaxBundleDepth);
    return true;
  };
  try {
    return json::parse(text, depth_limit);
  } catch (const json::parse_error& e) {
    throw make_error(ExitCode::data, "receive.not_json", path, e.byte);
  }
}

struct Entry {
  std::string where;  // entry[i].resource
  const json* resource;
  std::string url;    // its fullUrl
};

// The received history, checked, in the form case show gives it.
struct Parsed {
  std::string fnr, name, birth_date;
  std::string from, from_number, from_case;
  json history;
};

Parsed parse_bundle(const Context& ctx, const std::string& path, const json& doc) {
  BundleReader rd(ctx, path);
  if (!doc.is_object() || !doc.contains("resourceType") || doc["resourceType"] != "Bundle")
    rd.bad("resourceType", "receive.expect.one_of", "Bundle");
  if (rd.text_at(doc, "Bundle", "type") != "collection") rd.bad("Bundle.type", "receive.expect.one_of", "collection");
  Parsed p;
  {
    const json& id = rd.field(doc, "Bundle", "identifier");
    if (rd.text_at(id, "Bundle.identifier", "system") != kSysCase) rd.bad("Bundle.identifier.system", "receive.expect.one_of", kSysCase);
    p.from_case = rd.text_at(id, "Bundle.identifier", "value");
    try {
      p.from_case = CaseNumber::parse(p.from_case).str();
    } catch (const Error&) {
      rd.bad("Bundle.identifier.value", "receive.expect.case_number");
    }
  }
  const json& entries = rd.field(doc, "Bundle", "entry");
  if (!entries.is_array() || entries.empty()) rd.bad("Bundle.entry", "receive.expect.entries");
  if (entries.size() > kMaxBundleEntries) rd.bad("Bundle.entry", "receive.expect.at_most", std::to_string(kMaxBundleEntries));

  std::map<std::string, Entry> by_url;
  std::map<std::string, std::vector<Entry>> by_type;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string where = fmt::format("entry[{}]", i);
    const json& e = entries[i];
    const std::string url = rd.text_at(e, where, "fullUrl");
    const json& res = rd.field(e, where, "resource");
    const std::string type = rd.text_at(res, where + ".resource", "resourceType");
    Entry en{where + ".resource", &res, url};
    if (!by_url.emplace(url, en).second) rd.bad(where + ".fullUrl", "receive.expect.unique");
    by_type[type].push_back(en);
  }
  auto all = [&](const char* type) -> const std::vector<Entry>& {
    static const std::vector<Entry> none;
    auto it = by_type.find(type);
    return it == by_type.end() ? none : it->second;
  };
  auto resolve = [&](const json& ref, const std::string& where) -> const Entry* {
    const json* r = rd.optional(ref, "reference");
    if (!r) return nullptr;
    auto it = by_url.find(rd.text(*r, where + ".reference"));
    return it == by_url.end() ? nullptr : &it->second;
  };
  // The name of a Practitioner, RelatedPerson or PractitionerRole (its practitioner).
  std::function<std::string(const json&, const std::string&)> name_of = [&](const json& ref, const std::string& where) -> std::string {
    if (const json* d = rd.optional(ref, "display")) return rd.text(*d, where + ".display");
    const Entry* e = resolve(ref, where);
    if (!e) rd.bad(where + ".reference", "receive.expect.reference");
    const json& res = *e->resource;
    if (res["resourceType"] == "PractitionerRole") return name_of(rd.field(res, e->where, "practitioner"), e->where + ".practitioner");
    const json& names = rd.field(res, e->where, "name");
    if (!names.is_array() || names.empty()) rd.bad(e->where + ".name", "receive.expect.present");
    return rd.text_at(names[0], e->where + ".name[0]", "text");
  };

  // The sending municipality.
  {
    const Entry* org = nullptr;
    for (const auto& e : all("Organization")) {
      const json* ids = rd.optional(*e.resource, "identifier");
      if (!ids || !ids->is_array()) continue;
      for (const auto& id : *ids)
        if (id.is_object() && id.contains("system") && id["system"] == kSysMunicipality) {
          if (org) rd.bad(e.where, "receive.expect.one_municipality");
          org = &e;
          p.from_number = rd.text_at(id, e.where + ".identifier", "value");
        }
    }
    if (!org) throw make_error(ExitCode::data, "receive.missing", path, "Organization (" + std::string(kSysMunicipality) + ")");
    p.from = rd.text_at(*org->resource, org->where, "name");
  }
  // The person.
  {
    const auto& patients = all("Patient");
    if (patients.size() != 1) throw make_error(ExitCode::data, "receive.missing", path, "Patient (1)");
    const Entry& e = patients[0];
    const json& ids = rd.field(*e.resource, e.where, "identifier");
    if (!ids.is_array() || ids.empty()) rd.bad(e.where + ".identifier", "receive.expect.present");
    p.fnr = rd.text_at(ids[0], e.where + ".identifier[0]", "value");
    p.birth_date = rd.date_at(*e.resource, e.where, "birthDate");
    if (const json* names = rd.optional(*e.resource, "name")) {
      if (!names->is_array() || names->empty()) rd.bad(e.where + ".name", "receive.expect.present");
      p.name = rd.opt_text((*names)[0], e.where + ".name[0]", "text");
    }
  }
  json h = json::object();
  // Referrals.
  {
    json list = json::array();
    for (const auto& e : all("ServiceRequest")) {
      const json& r = *e.resource;
      json ref = {{"received", rd.date_at(r, e.where, "authoredOn")}};
      const json& cat = rd.field(r, e.where, "category");
      if (!cat.is_array() || cat.empty()) rd.bad(e.where + ".category", "receive.expect.present");
      ref["reporter_type"] = rd.code(cat[0], e.where + ".category[0]", kSysReporterType);
      ref["reporter_label"] = rd.opt_text(cat[0], e.where + ".category[0]", "text");
      ref["reporter_name"] = nullptr;
      if (const json* req = rd.optional(r, "requester")) ref["reporter_name"] = rd.text_at(*req, e.where + ".requester", "display");
      const json& notes = rd.field(r, e.where, "note");
      if (!notes.is_array() || notes.empty()) rd.bad(e.where + ".note", "receive.expect.present");
      ref["need"] = rd.text_at(notes[0], e.where + ".note[0]", "text", TextField::lines);
      if (trim(ref["need"].get<std::string>()).empty()) rd.bad(e.where + ".note[0].text", "receive.expect.text");
      list.push_back(ref);
    }
    if (list.empty()) throw make_error(ExitCode::data, "receive.missing", path, "ServiceRequest");
    h["referrals"] = list;
  }
  // Consents.
  {
    json list = json::array();
    for (const auto& e : all("Consent")) {
      const json& k = *e.resource;
      const json& provision = rd.field(k, e.where, "provision");
      const json& codes = rd.field(provision, e.where + ".provision", "code");
      if (!codes.is_array() || codes.empty()) rd.bad(e.where + ".provision.code", "receive.expect.present");
      const std::string scope = rd.code(codes[0], e.where + ".provision.code[0]", kSysConsentScope);
      rd.one_of(scope, e.where + ".provision.code[0]", "utredning", "team", "ip", "overforing");
      const json& cats = rd.field(k, e.where, "category");
      std::string form;
      if (cats.is_array())
        for (std::size_t i = 0; i < cats.size() && form.empty(); ++i) {
          const json* codings = rd.optional(cats[i], "coding");
          if (codings && codings->is_array() && !codings->empty() && (*codings)[0].is_object() &&
              (*codings)[0].contains("system") && (*codings)[0]["system"] == kSysConsentForm)
            form = rd.code(cats[i], fmt::format("{}.category[{}]", e.where, i), kSysConsentForm);
        }
      if (form.empty()) rd.bad(e.where + ".category", "receive.expect.coding", kSysConsentForm);
      rd.one_of(form, e.where + ".category", "muntlig", "skriftlig");
      json c = {{"scope", scope}, {"form", form}, {"given_on", rd.date_at(k, e.where, "dateTime")}};
      // Who gave it: the person, or a foresatt / verge as RelatedPerson.
      std::string given_by = "person";
      json giver = nullptr;
      const json& performers = rd.field(k, e.where, "performer");
      if (!performers.is_array() || performers.empty()) rd.bad(e.where + ".performer", "receive.expect.present");
      const Entry* who = resolve(performers[0], e.where + ".performer[0]");
      if (who && (*who->resource)["resourceType"] == "RelatedPerson") {
        const json& rel = rd.field(*who->resource, who->where, "relationship");
        if (!rel.is_array() || rel.empty()) rd.bad(who->where + ".relationship", "receive.expect.present");
        given_by = rd.code(rel[0], who->where + ".relationship[0]") == "GUARD" ? "verge" : "foresatt";
        giver = name_of(performers[0], e.where + ".performer[0]");
      } else if (!who || (*who->resource)["resourceType"] != "Patient") {
        rd.bad(e.where + ".performer[0]", "receive.expect.reference");
      }
      c["given_by"] = given_by;
      c["giver_name"] = giver;
      const std::string status = rd.one_of(rd.text_at(k, e.where, "status"), e.where + ".status", "active", "inactive");
      c["withdrawn_on"] = nullptr;
      if (status == "inactive") {
        const json& period = rd.field(provision, e.where + ".provision", "period");
        c["withdrawn_on"] = rd.date_at(period, e.where + ".provision.period", "end");
      }
      list.push_back(c);
    }
    h["consents"] = list;
  }
  // Assessments: the RiskAssessment with its QuestionnaireResponse.
  {
    json list = json::array();
    for (const auto& e : all("RiskAssessment")) {
      const json& ra = *e.resource;
      json a = {{"assessed_on", rd.date_at(ra, e.where, "occurrenceDateTime")},
                {"assessor", rd.text_at(rd.field(ra, e.where, "performer"), e.where + ".performer", "display")},
                {"instrument", rd.code(rd.field(ra, e.where, "method"), e.where + ".method", "urn:oppteam:instrument")}};
      const std::string mitigation = rd.text_at(ra, e.where, "mitigation", TextField::lines);
      a["recommendation"] = mitigation.find("ikke") == std::string::npos ? "team" : "no_team";
      a["score"] = nullptr;
      a["threshold"] = nullptr;
      if (const json* notes = rd.optional(ra, "note"); notes && notes->is_array() && !notes->empty()) {
        const std::string note = rd.text_at((*notes)[0], e.where + ".note[0]", "text", TextField::lines);
        long long score = 0, threshold = 0;
        if (std::sscanf(note.c_str(), "Poengsum %lld (terskel %lld)", &score, &threshold) == 2) {
          a["score"] = score;
          a["threshold"] = threshold;
        }
      }
      a["profession"] = nullptr;
      json answers = json::object();
      json what_matters = json::array();
      const json& basis = rd.field(ra, e.where, "basis");
      if (!basis.is_array() || basis.empty()) rd.bad(e.where + ".basis", "receive.expect.present");
      const Entry* qr = resolve(basis[0], e.where + ".basis[0]");
      if (!qr || (*qr->resource)["resourceType"] != "QuestionnaireResponse") rd.bad(e.where + ".basis[0]", "receive.expect.reference");
      const json& q = *qr->resource;
      if (const json* author = rd.optional(q, "author")) {
        const std::string d = rd.text_at(*author, qr->where + ".author", "display");
        const auto open = d.rfind(" (");
        if (open != std::string::npos && d.back() == ')') a["profession"] = d.substr(open + 2, d.size() - open - 3);
      }
      const std::string questionnaire = rd.text_at(q, qr->where, "questionnaire");
      const auto bar = questionnaire.rfind('|');
      a["instrument_version"] = nullptr;
      if (bar != std::string::npos) {
        const std::string v = questionnaire.substr(bar + 1);
        if (!v.empty() && v.size() < 10 && v.find_first_not_of("0123456789") == std::string::npos) a["instrument_version"] = std::stoll(v);
      }
      if (const json* items = rd.optional(q, "item")) {
        if (!items->is_array()) rd.bad(qr->where + ".item", "receive.expect.list");
        for (std::size_t i = 0; i < items->size(); ++i) {
          const std::string w = fmt::format("{}.item[{}]", qr->where, i);
          const json& it = (*items)[i];
          const std::string link = rd.text_at(it, w, "linkId");
          const json& ans = rd.field(it, w, "answer");
          if (!ans.is_array() || ans.empty() || !ans[0].is_object()) rd.bad(w + ".answer", "receive.expect.present");
          json value;
          if (ans[0].contains("valueInteger")) value = rd.integer(ans[0]["valueInteger"], w + ".answer[0].valueInteger", -1000000, 1000000);
          else value = rd.text_at(ans[0], w + ".answer[0]", "valueString", TextField::lines);
          if (link == "hva_er_viktig_for_deg") what_matters.push_back(value);
          else answers[link] = value;
        }
      }
      a["answers"] = answers;
      a["what_matters"] = what_matters;
      list.push_back(a);
    }
    h["assessments"] = list;
  }
  // The decision: the Task "vedtak" and its letter.
  h["decision"] = nullptr;
  for (const auto& e : all("Task")) {
    const json& t = *e.resource;
    if (rd.code(rd.field(t, e.where, "code"), e.where + ".code", kSysTask) != "vedtak") continue;
    if (!h["decision"].is_null()) rd.bad(e.where, "receive.expect.one_decision");
    json d = {{"outcome", rd.one_of(rd.code(rd.field(t, e.where, "businessStatus"), e.where + ".businessStatus", kSysDecision),
                                    e.where + ".businessStatus", "granted", "refused")},
              {"decided_on", rd.date_at(t, e.where, "authoredOn")},
              {"grounds", nullptr}, {"decided_by", nullptr}, {"appeal_deadline", nullptr}, {"letter", nullptr}};
    if (const json* reason = rd.optional(t, "statusReason")) d["grounds"] = rd.text_at(*reason, e.where + ".statusReason", "text", TextField::lines);
    if (const json* notes = rd.optional(t, "note"); notes && notes->is_array() && !notes->empty()) {
      const std::string n = rd.text_at((*notes)[0], e.where + ".note[0]", "text");
      constexpr std::string_view prefix = "Vedtatt av ";
      if (n.rfind(prefix, 0) == 0) d["decided_by"] = n.substr(prefix.size());
    }
    if (const json* outputs = rd.optional(t, "output"); outputs && outputs->is_array()) {
      for (std::size_t i = 0; i < outputs->size(); ++i) {
        const std::string w = fmt::format("{}.output[{}]", e.where, i);
        const json& o = (*outputs)[i];
        const std::string type = rd.code(rd.field(o, w, "type"), w + ".type", kSysTask);
        if (type == "appeal-deadline") d["appeal_deadline"] = rd.date_at(o, w, "valueDate");
        if (type == "decision-letter") {
          const Entry* doc_ref = resolve(rd.field(o, w, "valueReference"), w + ".valueReference");
          if (!doc_ref || (*doc_ref->resource)["resourceType"] != "DocumentReference") rd.bad(w + ".valueReference", "receive.expect.reference");
          const json& content = rd.field(*doc_ref->resource, doc_ref->where, "content");
          if (!content.is_array() || content.empty()) rd.bad(doc_ref->where + ".content", "receive.expect.present");
          const std::string aw = doc_ref->where + ".content[0].attachment";
          const json& att = rd.field(content[0], doc_ref->where + ".content[0]", "attachment");
          const std::string letter = base64_decode(rd.text_at(att, aw, "data"), rd, aw + ".data");
          require_text(letter, path + ": " + aw + ".data", TextField::lines);
          d["letter"] = letter;
        }
      }
    }
    h["decision"] = d;
  }
  // The team: the CareTeam's participants.
  h["team"] = nullptr;
  for (const auto& e : all("CareTeam")) {
    json members = json::array();
    if (const json* parts = rd.optional(*e.resource, "participant")) {
      if (!parts->is_array()) rd.bad(e.where + ".participant", "receive.expect.list");
      for (std::size_t i = 0; i < parts->size(); ++i) {
        const std::string w = fmt::format("{}.participant[{}]", e.where, i);
        const json& part = (*parts)[i];
        json m = {{"name", name_of(rd.field(part, w, "member"), w + ".member")}, {"role", nullptr}, {"until", nullptr}};
        if (const json* roles = rd.optional(part, "role"); roles && roles->is_array() && !roles->empty())
          m["role"] = rd.text_at((*roles)[0], w + ".role[0]", "text");
        if (const json* period = rd.optional(part, "period"))
          if (rd.optional(*period, "end")) m["until"] = rd.date_at(*period, w + ".period", "end");
        members.push_back(m);
      }
    }
    h["team"] = {{"members", members}};
  }
  // The plan: goals and measures.
  h["plan"] = nullptr;
  for (const auto& e : all("CarePlan")) {
    const json& cp = *e.resource;
    json plan = {{"kind", rd.text_at(cp, e.where, "title") == "Individuell plan" ? "ip" : "oppfolgingsplan"}};
    std::map<std::string, std::int64_t> goal_number;  // fullUrl -> number
    json goals = json::array();
    for (const auto& g : all("Goal")) {
      const json& gr = *g.resource;
      std::int64_t number = static_cast<std::int64_t>(goals.size()) + 1;
      if (const json* ids = rd.optional(gr, "identifier"); ids && ids->is_array())
        for (const auto& id : *ids)
          if (id.is_object() && id.contains("system") && id["system"] == kSysGoalNumber) {
            const std::string v = rd.text_at(id, g.where + ".identifier", "value");
            if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos)
              rd.bad(g.where + ".identifier.value", "receive.expect.integer", "1..999999");
            number = std::stoll(v);
          }
      goal_number[g.url] = number;
      goals.push_back({{"number", number},
                       {"text", rd.text_at(rd.field(gr, g.where, "description"), g.where + ".description", "text", TextField::lines)},
                       {"status", rd.one_of(rd.text_at(gr, g.where, "lifecycleStatus"), g.where + ".lifecycleStatus", "active",
                                            "completed", "cancelled", "on-hold")},
                       {"expressed_by_person", rd.optional(gr, "expressedBy") != nullptr}});
    }
    json measures = json::array();
    if (const json* acts = rd.optional(cp, "activity")) {
      if (!acts->is_array()) rd.bad(e.where + ".activity", "receive.expect.list");
      for (std::size_t i = 0; i < acts->size(); ++i) {
        const std::string w = fmt::format("{}.activity[{}].detail", e.where, i);
        const json& d = rd.field((*acts)[i], fmt::format("{}.activity[{}]", e.where, i), "detail");
        json m = {{"number", static_cast<std::int64_t>(i) + 1},
                  {"text", rd.text_at(d, w, "description", TextField::lines)},
                  {"status", rd.one_of(rd.text_at(d, w, "status"), w + ".status", "not-started", "in-progress", "completed",
                                       "cancelled")},
                  {"goal", nullptr}, {"responsible", nullptr}, {"due", nullptr}, {"every_days", nullptr}};
        if (const json* per = rd.optional(d, "scheduledPeriod")) m["due"] = rd.date_at(*per, w + ".scheduledPeriod", "end");
        if (const json* timing = rd.optional(d, "scheduledTiming")) {
          const json& ev = rd.field(*timing, w + ".scheduledTiming", "event");
          if (!ev.is_array() || ev.empty()) rd.bad(w + ".scheduledTiming.event", "receive.expect.present");
          m["due"] = rd.date(ev[0], w + ".scheduledTiming.event[0]");
          const json& rep = rd.field(*timing, w + ".scheduledTiming", "repeat");
          m["every_days"] = rd.integer(rd.field(rep, w + ".scheduledTiming.repeat", "period"), w + ".scheduledTiming.repeat.period", 1, 3660);
        }
        if (const json* perf = rd.optional(d, "performer"); perf && perf->is_array() && !perf->empty())
          m["responsible"] = name_of((*perf)[0], w + ".performer[0]");
        if (const json* gl = rd.optional(d, "goal"); gl && gl->is_array() && !gl->empty()) {
          const Entry* ge = resolve((*gl)[0], w + ".goal[0]");
          const auto number = ge ? goal_number.find(ge->url) : goal_number.end();
          if (number == goal_number.end()) rd.bad(w + ".goal[0]", "receive.expect.reference");
          m["goal"] = number->second;
        }
        measures.push_back(m);
      }
    }
    plan["goals"] = goals;
    plan["measures"] = measures;
    h["plan"] = plan;
  }
  // Evaluations: their decisions.
  {
    json list = json::array();
    for (const auto& e : all("Observation")) {
      const json& o = *e.resource;
      if (rd.code(rd.field(o, e.where, "code"), e.where + ".code") != "evaluation-decision") continue;
      list.push_back({{"evaluated_on", rd.date_at(o, e.where, "effectiveDateTime")},
                      {"decision", rd.one_of(rd.code(rd.field(o, e.where, "valueCodeableConcept"), e.where + ".valueCodeableConcept",
                                                     kSysEvaluationDecision),
                                             e.where + ".valueCodeableConcept", "continue", "revise", "close")}});
    }
    h["evaluations"] = list;
  }
  p.history = h;
  return p;
}

}  // namespace

ReceiveResult receive_case(const Context& ctx, const std::string& path) {
  authorize(ctx, "case.receive");
  const std::string text = read_bundle_file(path);
  const std::string sha = sha256_hex(text);
  const Parsed p = parse_bundle(ctx, path, parse_bundle_json(path, text));
  const auto birth = try_parse_date(p.birth_date);
  const PersonalNumber pnr = [&] {
    try {
      return check_fnr(ctx, p.fnr, birth ? std::optional<int>(int(std::chrono::year_month_day(*birth).year())) : std::nullopt);
    } catch (const Error& e) {
      // Where it was: the Patient's identifier (the reason as check_fnr gives it).
      throw make_error(ExitCode::data, "receive.bad_field", path, "Patient.identifier[0].value", render_message(ctx.lang, e.key(), e.args()));
    }
  }();

  // The referral to this municipality: the transfer itself, received today.
  ReferralInput in;
  in.fnr = pnr.str();
  in.name = p.name;
  in.reporter_type = "kommunal_tjeneste";
  if (!ctx.rv.find_reporter_type(in.reporter_type)) {
    in.reporter_type = p.history["referrals"][0]["reporter_type"].get<std::string>();
    if (!ctx.rv.find_reporter_type(in.reporter_type))
      throw make_error(ExitCode::data, "receive.no_reporter_type", path, "kommunal_tjeneste");
  }
  in.reporter_name = p.from;
  in.received = format_date(ctx.today());
  for (const auto& r : p.history["referrals"]) in.need += (in.need.empty() ? "" : "\n\n") + r["need"].get<std::string>();
  in.sender = "overforing:" + p.from_number;
  in.external_id = p.from_case;

  return ctx.db.write([&] {
    if (const auto before = CaseStore(ctx.db).received_before(sha, p.from_number, p.from_case))
      throw make_error(ExitCode::refused, "receive.already", path, p.from_case, p.from, long_date(before->second, ctx.lang), before->first);
    const ReferralResult ref = add_referral(ctx, in);
    if (ref.duplicate)
      throw make_error(ExitCode::refused, "receive.already", path, p.from_case, p.from, long_date(in.received, ctx.lang), ref.case_number);
    const CaseRef c = find_case(ctx.db, ref.case_number);
    NewTransfer received{"in", p.from, sha, in.received, ctx.clock.now_timestamp(), ctx.actor, p.from_number, p.from_case, {},
                         p.history.dump()};
    CaseStore(ctx.db).add_transfer(c.id, received);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "case.receive", c.number, c.fnr,
                 audit_detail("case.receive", "audit.d.received", {p.from, p.from_number, p.from_case, sha}));
    return ReceiveResult{c.number, ref.new_case, p.from, p.from_number, p.from_case, sha, in.received, p.history};
  });
}

nlohmann::json case_transfers(Database& db, std::int64_t case_id) {
  json out = {{"transfers", json::array()}, {"received", json::array()}};
  for (const auto& t : CaseStore(db).transfers(case_id)) {
    if (t.direction == "out") {
      out["transfers"].push_back({{"to", t.municipality}, {"transferred_on", t.transferred_on}, {"transferred_by", t.transferred_by},
                                  {"file", t.file}, {"bundle_sha256", t.bundle_sha256}});
      continue;
    }
    json h = json::parse(t.history, nullptr, false);
    if (!h.is_object()) h = json::object();
    const std::string& from = t.municipality;
    // Every received entry says where it came from.
    for (const char* list : {"referrals", "consents", "assessments", "evaluations"})
      if (h.contains(list))
        for (auto& e : h[list]) e["received_from"] = from;
    for (const char* one : {"decision", "team", "plan"})
      if (h.contains(one) && h[one].is_object()) h[one]["received_from"] = from;
    json r = {{"received_from", from}, {"from_number", t.municipality_number}, {"from_case", t.remote_case},
              {"received_on", t.transferred_on}, {"received_by", t.transferred_by}, {"bundle_sha256", t.bundle_sha256}};
    for (auto& [k, v] : h.items()) r[k] = v;
    out["received"].push_back(r);
  }
  return out;
}

}  // namespace oppteam
