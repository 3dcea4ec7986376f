#include <oppteam/documents/archive.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/documents/pdf.hpp>
#include <oppteam/domain/case_number.hpp>
#include <oppteam/io/output_file.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/fhir.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/store/archive_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/hash.hpp>
#include <oppteam/util/markup.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <map>
#include <sstream>
#include <sys/stat.h>

namespace oppteam::documents {

namespace {

// The XML text of `s` (element content).
std::string xml(std::string_view s) { return markup_escape(s, true); }

// A Noark systemID: a name-based UUID, so that the same case and document
// give the same id in every package.
std::string system_id(std::string_view name) { return deterministic_urn_uuid(name).substr(9); }

// xs:dateTime of a stored date or timestamp ("2026-03-20" → "2026-03-20T00:00:00").
std::string date_time(const std::string& s) {
  if (s.size() == 10) return s + "T00:00:00";
  if (s.size() >= 19) return s.substr(0, 10) + "T" + s.substr(11, 8) + (s.back() == 'Z' ? "Z" : "");
  return s;
}

// Checks a folder of the package: true when it exists (a real folder, not a
// link: else 64), false when it is to be made.
bool check_folder(const std::string& dir) {
  struct stat st{};
  if (::lstat(dir.c_str(), &st) != 0) {
    if (errno != ENOENT) throw make_error(ExitCode::io, "archive.dir_unusable", dir, errno_reason(errno));
    return false;
  }
  if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)) throw make_error(ExitCode::usage, "archive.not_a_dir", dir);
  return true;
}

// Checks the folder the package goes to: absent (made later), or an empty
// real folder (not a link), or any folder with `force`. Writes nothing.
void check_dir(const std::string& dir, bool force) {
  if (!check_folder(dir)) return;
  DIR* d = ::opendir(dir.c_str());
  if (!d) throw make_error(ExitCode::io, "archive.dir_unusable", dir, errno_reason(errno));
  bool empty = true;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") empty = false;
  }
  ::closedir(d);
  if (!empty && !force) throw make_error(ExitCode::refused, "archive.dir_not_empty", dir);
}

// What one run wrote into the package: its folders and files, removed again
// (files first, then the folders it made, when empty) unless the run kept
// them, so that a run that fails leaves none of the letters it had written.
class Written {
 public:
  Written() = default;
  Written(const Written&) = delete;
  Written& operator=(const Written&) = delete;
  ~Written() {
    if (kept_) return;
    for (auto f = files_.rbegin(); f != files_.rend(); ++f) ::unlink(f->c_str());
    for (auto d = folders_.rbegin(); d != folders_.rend(); ++d) ::rmdir(d->c_str());
  }
  // Makes the folder `dir` (0700) unless it is there.
  void folder(const std::string& dir) {
    if (check_folder(dir)) return;
    if (::mkdir(dir.c_str(), 0700) != 0) throw make_error(ExitCode::io, "archive.dir_unusable", dir, errno_reason(errno));
    folders_.push_back(dir);
  }
  // Writes `data` to `path` (io::write_output_file) and remembers it.
  void file(const ArchiveRequest& req, const std::string& path, const std::string& data) {
    io::write_output_file(path, data, req.force, req.forbidden);
    files_.push_back(path);
  }
  void keep() { kept_ = true; }

 private:
  std::vector<std::string> folders_, files_;
  bool kept_ = false;
};

// One document of a case, rendered.
struct ArchiveDocument {
  std::string kind;        // decision | preliminary_reply | plan
  std::string title;
  std::string date;        // ISO date of the document
  std::string created_at;  // when it was made (timestamp or date)
  std::string author;      // who made it
  std::string file;        // path inside the package
  std::string sha256;
  std::size_t size = 0;
  std::string key;         // stable name for its systemIDs
  PdfDocument pdf;         // what is rendered into `file`
};

struct ArchiveCase : ArchiveCaseRow {
  std::string coordinator;
  std::vector<ArchiveDocument> documents;
};

std::vector<ArchiveCase> select_cases(const Context& ctx, const ArchiveRequest& req) {
  ArchiveStore store(ctx.db);
  std::vector<ArchiveCase> out;
  auto add = [&](ArchiveCaseRow row) {
    for (const auto& a : out)
      if (a.id == row.id) return;
    ArchiveCase a;
    static_cast<ArchiveCaseRow&>(a) = std::move(row);
    out.push_back(std::move(a));
  };
  for (const auto& number : req.cases) {
    const CaseRef c = find_case(ctx.db, number);
    ArchiveCaseRow row = store.case_by_id(c.id);
    if (!row.closed) throw make_error(ExitCode::refused, "archive.not_closed", c.number, status_text(ctx, c.status));
    add(std::move(row));
  }
  if (req.closed_before)
    for (auto& row : store.closed_before(format_date(*req.closed_before))) add(std::move(row));
  return out;
}

// The PDF of `d` written into the package; records its size and SHA-256.
void write_document(const ArchiveRequest& req, Written& written, ArchiveDocument& d) {
  std::ostringstream bytes;
  render_pdf(bytes, d.pdf);
  const std::string data = bytes.str();
  d.sha256 = sha256_hex(data);
  d.size = data.size();
  written.file(req, req.out_dir + "/" + d.file, data);
}

// The documents of case `a`, each with its file name and what goes into it
// (rendered later, once every target is known to be writable).
void collect_documents(const Context& ctx, ArchiveCase& a) {
  const Lang letter_lang = ctx.rv.municipality.language;
  const std::string stem = fmt::format("dokumenter/{}-{}-", a.year, a.seq);
  auto next_file = [&] { return stem + std::to_string(a.documents.size() + 1) + ".pdf"; };
  // A letter sent to the person (a decision, a foreløpig svar): dated the
  // day it was sent, by who sent it.
  auto add_letter = [&](const char* kind, std::string title, std::string date, std::string author, std::string key,
                        const std::string& text) {
    ArchiveDocument d;
    d.kind = kind;
    d.title = std::move(title);
    d.date = std::move(date);
    d.created_at = d.date;
    d.author = std::move(author);
    d.key = std::move(key);
    d.file = next_file();
    d.pdf = letter_pdf(ctx.rv, letter_lang, a.number, text);
    a.documents.push_back(std::move(d));
  };
  auto outcome_title = [&](std::optional<DecisionOutcome> outcome, const char* granted, const char* refused) {
    return tr(letter_lang, outcome == DecisionOutcome::granted ? granted : refused, a.number);
  };
  ArchiveStore store(ctx.db);
  // Decisions an appeal replaced: their letters were sent and are archived
  // too, before the decision that replaced them.
  for (const auto& l : store.replaced_decisions(a.id))
    add_letter("decision", outcome_title(l.outcome, "archive.title.replaced_granted", "archive.title.replaced_refused"), l.date,
               l.author, "replaced_decision:" + std::to_string(l.id), l.text);
  if (const auto l = store.decision(a.id))
    add_letter("decision", outcome_title(l->outcome, "archive.title.granted", "archive.title.refused"), l->date, l->author,
               "decision", l->text);
  for (const auto& l : store.preliminary_replies(a.id))
    add_letter("preliminary_reply", tr(letter_lang, "archive.title.preliminary", a.number), l.date, l.author,
               "preliminary_reply:" + std::to_string(l.id), l.text);
  {
    const auto revisions = store.plan_revisions(a.id);
    for (std::size_t i = 0; i < revisions.size(); ++i) {
      const auto& rev = revisions[i];
      const int revision = rev.revision;
      Plan plan = plan_from_json(nlohmann::json::parse(rev.snapshot));
      // Each older version says which later one replaced it.
      if (i + 1 < revisions.size()) plan.replaced = PlanReplacement{revisions.back().revision, revisions[i + 1].revision, revisions[i + 1].created_at};
      ArchiveDocument d;
      d.kind = "plan";
      d.title = tr(ctx.lang, "archive.title.plan", a.number, revision);
      d.created_at = rev.created_at;
      d.date = d.created_at.substr(0, 10);
      d.author = rev.created_by;
      d.key = "plan:" + std::to_string(revision);
      d.file = next_file();
      d.pdf = text_pdf(ctx.rv, ctx.lang, d.title, a.number, plan_document_text(ctx, plan));
      if (a.coordinator.empty())
        if (const auto* co = plan.coordinator()) a.coordinator = co->name;
      a.documents.push_back(std::move(d));
    }
  }
}

// arkivstruktur.xml, in the element order of Noark 5 v5.0's arkivstruktur.xsd.
std::string arkivstruktur(const Context& ctx, const std::string& package, const std::string& now,
                          const std::vector<ArchiveCase>& cases) {
  const auto& m = ctx.rv.municipality;
  const std::string unit = m.unit.empty() ? m.name : m.unit;
  std::string x;
  auto el = [&x](std::string_view indent, std::string_view name, std::string_view value) {
    x += fmt::format("{}<{}>{}</{}>\n", indent, name, xml(value), name);
  };
  x += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<arkiv xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur arkivstruktur.xsd\">\n";
  el("  ", "systemID", package);
  el("  ", "tittel", tr(ctx.lang, "archive.arkiv_title", m.name));
  el("  ", "arkivstatus", "Avsluttet");
  el("  ", "dokumentmedium", "Elektronisk arkiv");
  // Made and closed by this export.
  auto made_and_closed = [&](std::string_view indent) {
    el(indent, "opprettetDato", now);
    el(indent, "opprettetAv", ctx.actor);
    el(indent, "avsluttetDato", now);
    el(indent, "avsluttetAv", ctx.actor);
  };
  made_and_closed("  ");
  x += "  <arkivskaper>\n";
  el("    ", "arkivskaperID", m.number);
  el("    ", "arkivskaperNavn", m.name);
  x += "  </arkivskaper>\n";
  x += "  <arkivdel>\n";
  el("    ", "systemID", system_id(package + ":arkivdel"));
  el("    ", "tittel", tr(ctx.lang, "archive.arkivdel_title", unit));
  el("    ", "arkivdelstatus", "Avsluttet periode");
  el("    ", "dokumentmedium", "Elektronisk arkiv");
  made_and_closed("    ");
  std::map<std::string, int> journal;  // running journalsekvensnummer per journalaar, within the package
  for (const auto& a : cases) {
    const std::string base = fmt::format("oppteam:{}:{}", m.number, a.number);
    x += "    <mappe xsi:type=\"saksmappe\">\n";
    el("      ", "systemID", system_id(base));
    el("      ", "mappeID", a.number);
    el("      ", "tittel", tr(ctx.lang, "archive.case_title", a.number, a.person_name.empty() ? a.fnr.substr(0, 6) : a.person_name));
    el("      ", "offentligTittel", tr(ctx.lang, "archive.case_public_title", a.number));
    el("      ", "dokumentmedium", "Elektronisk arkiv");
    el("      ", "opprettetDato", date_time(a.opened_on));
    el("      ", "opprettetAv", "oppteam");
    el("      ", "avsluttetDato", date_time(a.closed_on));
    el("      ", "avsluttetAv", "oppteam");
    x += "      <part>\n";
    el("        ", "partID", a.fnr);
    el("        ", "partNavn", a.person_name.empty() ? a.fnr : a.person_name);
    el("        ", "partRolle", tr(ctx.lang, "archive.part_role"));
    x += "      </part>\n";
    if (!a.close_reason.empty()) {
      x += "      <merknad>\n";
      el("        ", "merknadstekst", a.close_reason);
      el("        ", "merknadstype", tr(ctx.lang, "archive.note_closed"));
      el("        ", "merknadsdato", date_time(a.closed_on));
      el("        ", "merknadRegistrertAv", "oppteam");
      x += "      </merknad>\n";
    }
    // Health information about a person: exempt from public access
    // (offentleglova § 13, forvaltningsloven § 13 and helsepersonelloven § 21).
    x += "      <skjerming>\n";
    el("        ", "tilgangsrestriksjon", "Unntatt offentlighet");
    el("        ", "skjermingshjemmel", "Offl. § 13, jf. fvl. § 13 første ledd nr. 1");
    el("        ", "skjermingMetadata", "Skjerming navn part i sak");
    el("        ", "skjermingDokument", "Skjerming av hele dokumentet");
    x += "      </skjerming>\n";
    int number = 0;
    for (const auto& d : a.documents) {
      ++number;
      const std::string id = base + ":" + d.key;
      const bool letter = d.kind != "plan";
      x += "      <registrering xsi:type=\"journalpost\">\n";
      el("        ", "systemID", system_id(id));
      el("        ", "opprettetDato", date_time(d.created_at));
      el("        ", "opprettetAv", d.author);
      el("        ", "arkivertDato", now);
      el("        ", "arkivertAv", ctx.actor);
      x += "        <dokumentbeskrivelse>\n";
      el("          ", "systemID", system_id(id + ":dokumentbeskrivelse"));
      el("          ", "dokumenttype", tr(ctx.lang, letter ? "archive.type.letter" : "archive.type.plan"));
      el("          ", "dokumentstatus", "Dokumentet er ferdigstilt");
      el("          ", "tittel", d.title);
      el("          ", "opprettetDato", date_time(d.created_at));
      el("          ", "opprettetAv", d.author);
      el("          ", "tilknyttetRegistreringSom", "Hoveddokument");
      el("          ", "dokumentnummer", "1");
      el("          ", "tilknyttetDato", now);
      el("          ", "tilknyttetAv", ctx.actor);
      x += "          <dokumentobjekt>\n";
      el("            ", "systemID", system_id(id + ":dokumentobjekt"));
      el("            ", "versjonsnummer", "1");
      el("            ", "variantformat", "Produksjonsformat");
      el("            ", "format", "PDF");
      el("            ", "formatDetaljer", "PDF 1.5 (cairo), A4");
      el("            ", "pronomMIME", "application/pdf");
      el("            ", "opprettetDato", now);
      el("            ", "opprettetAv", "oppteam");
      el("            ", "referanseDokumentfil", d.file);
      el("            ", "sjekksum", d.sha256);
      el("            ", "sjekksumAlgoritme", "SHA256");
      el("            ", "filstoerrelse", std::to_string(d.size));
      x += "          </dokumentobjekt>\n";
      x += "        </dokumentbeskrivelse>\n";
      el("        ", "registreringsID", fmt::format("{}-{}", a.number, number));
      el("        ", "tittel", d.title);
      x += "        <korrespondansepart>\n";
      el("          ", "korrespondanseparttype", letter ? "Mottaker" : "Intern mottaker");
      el("          ", "korrespondansepartNavn", letter ? (a.person_name.empty() ? a.fnr : a.person_name) : unit);
      el("          ", "administrativEnhet", unit);
      el("          ", "saksbehandler", d.author);
      x += "        </korrespondansepart>\n";
      el("        ", "journalaar", d.date.substr(0, 4));
      el("        ", "journalsekvensnummer", std::to_string(++journal[d.date.substr(0, 4)]));
      el("        ", "journalpostnummer", std::to_string(number));
      el("        ", "journalposttype", letter ? "Utgående dokument" : "Organinternt dokument uten oppfølging");
      el("        ", "journalstatus", "Arkivert");
      el("        ", "journaldato", d.date);
      el("        ", "dokumentetsDato", d.date);
      x += "      </registrering>\n";
    }
    el("      ", "saksaar", std::to_string(a.year));
    el("      ", "sakssekvensnummer", std::to_string(a.seq));
    el("      ", "saksdato", a.opened_on.substr(0, 10));
    el("      ", "administrativEnhet", unit);
    el("      ", "saksansvarlig", a.coordinator.empty() ? unit : a.coordinator);
    el("      ", "saksstatus", "Avsluttet");
    x += "    </mappe>\n";
  }
  x += "  </arkivdel>\n";
  x += "</arkiv>\n";
  return x;
}

}  // namespace

ArchiveResult export_archive(const Context& ctx, const ArchiveRequest& req) {
  authorize(ctx, "archive.export");
  if (!req.closed_before && req.cases.empty()) throw make_error(ExitCode::usage, "archive.what");
  // Every file and folder this run writes, removed again unless the export
  // is recorded (a failure while writing, or at the commit, leaves none).
  Written written;
  ArchiveResult result = ctx.db.write([&] {
    std::vector<ArchiveCase> cases = select_cases(ctx, req);
    if (cases.empty()) throw make_error(ExitCode::refused, "archive.nothing");
    const std::string docs = req.out_dir + "/dokumenter";
    const std::string structure_file = req.out_dir + "/arkivstruktur.xml", sums_file = req.out_dir + "/sjekksummer.sha256";
    // Every check of the target before anything is written: the folders,
    // then each file of the package (never the database or an input, never
    // a link or a folder; an existing file only with --force).
    check_dir(req.out_dir, req.force);
    check_folder(docs);
    ArchiveResult r;
    r.dir = req.out_dir;
    for (auto& a : cases) {
      collect_documents(ctx, a);
      r.cases.push_back(a.number);
      r.documents += static_cast<int>(a.documents.size());
    }
    for (const auto& a : cases)
      for (const auto& d : a.documents) io::check_output_target(req.out_dir + "/" + d.file, req.force, req.forbidden);
    io::check_output_target(structure_file, req.force, req.forbidden);
    io::check_output_target(sums_file, req.force, req.forbidden);

    written.folder(req.out_dir);
    written.folder(docs);
    for (auto& a : cases)
      for (auto& d : a.documents) write_document(req, written, d);
    const std::string now = Clock::real_timestamp().substr(0, 19) + "Z";
    r.package = system_id(fmt::format("oppteam:{}:archive:{}", ctx.rv.municipality.number, Clock::real_timestamp()));
    const std::string structure = arkivstruktur(ctx, r.package, now, cases);
    written.file(req, structure_file, structure);
    std::string sums = sha256_hex(structure) + "  arkivstruktur.xml\n";
    for (const auto& a : cases)
      for (const auto& d : a.documents) sums += d.sha256 + "  " + d.file + "\n";
    written.file(req, sums_file, sums);

    ArchiveStore store(ctx.db);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    for (const auto& a : cases) {
      store.record_export(a.id, now, ctx.actor, r.package, static_cast<int>(a.documents.size()));
      audit.append("archive.export", a.number, a.fnr,
                   audit_detail("archive.export", "audit.d.archived", {r.package, std::to_string(a.documents.size())}));
    }
    audit.flush();
    return r;
  });
  written.keep();
  return result;
}

}  // namespace oppteam::documents
