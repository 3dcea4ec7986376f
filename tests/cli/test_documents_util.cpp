#include "cli/test_documents_util.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace documents_test {

ToolResult tool(const std::vector<std::string>& args) {
  ToolResult r;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return r;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    r.code = 127;
    return r;
  }
  char buf[8192];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n > 0) r.out.append(buf, static_cast<std::size_t>(n));
    else if (n == 0) break;
    else if (errno != EINTR) break;
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

bool have(const std::string& name) { return tool({"sh", "-c", "command -v \"$0\" >/dev/null", name}).code == 0; }

std::string pdf_text(const std::string& pdf) {
  auto r = tool({"pdftotext", "-enc", "UTF-8", pdf, "-"});
  INFO("pdftotext " << pdf);
  REQUIRE(r.code == 0);
  return r.out;
}

int pdf_pages(const std::string& pdf) {
  auto r = tool({"pdfinfo", pdf});
  INFO("pdfinfo " << pdf << ": " << r.out);
  REQUIRE(r.code == 0);
  const auto at = r.out.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(r.out.substr(at + 6));
}

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

}  // namespace documents_test

namespace documents_test {

namespace {

// Children of each Noark 5 v5.0 element the export uses, in the order of
// the arkivstruktur schema (a saksmappe is a mappe and then its own
// elements; a journalpost likewise a registrering), and which are required.
struct Shape {
  std::string element;
  std::vector<std::string> order;
  std::vector<std::string> required;
};

const std::vector<Shape>& shapes() {
  static const std::vector<Shape> all = {
      {"arkiv",
       {"systemID", "tittel", "beskrivelse", "arkivstatus", "dokumentmedium", "oppbevaringssted", "opprettetDato", "opprettetAv",
        "avsluttetDato", "avsluttetAv", "arkivskaper", "arkivdel"},
       {"systemID", "tittel", "opprettetDato", "opprettetAv", "avsluttetDato", "avsluttetAv", "arkivskaper", "arkivdel"}},
      {"arkivskaper", {"arkivskaperID", "arkivskaperNavn", "beskrivelse"}, {"arkivskaperID", "arkivskaperNavn"}},
      {"arkivdel",
       {"systemID", "tittel", "beskrivelse", "arkivdelstatus", "dokumentmedium", "oppbevaringssted", "opprettetDato", "opprettetAv",
        "avsluttetDato", "avsluttetAv", "arkivperiodeStartDato", "arkivperiodeSluttDato", "referanseForloeper", "referanseArvtaker",
        "kassasjon", "utfoertKassasjon", "sletting", "skjerming", "gradering", "mappe"},
       {"systemID", "tittel", "arkivdelstatus", "opprettetDato", "opprettetAv", "avsluttetDato", "avsluttetAv"}},
      {"mappe",
       {"systemID", "mappeID", "tittel", "offentligTittel", "beskrivelse", "noekkelord", "dokumentmedium", "oppbevaringssted",
        "opprettetDato", "opprettetAv", "avsluttetDato", "avsluttetAv", "referanseArkivdel", "virksomhetsspesifikkeMetadata", "part",
        "kryssreferanse", "merknad", "kassasjon", "skjerming", "gradering", "registrering", "saksaar", "sakssekvensnummer",
        "saksdato", "administrativEnhet", "saksansvarlig", "journalenhet", "saksstatus"},
       {"systemID", "mappeID", "tittel", "opprettetDato", "opprettetAv", "avsluttetDato", "avsluttetAv", "saksaar",
        "sakssekvensnummer", "saksdato", "administrativEnhet", "saksansvarlig", "saksstatus"}},
      {"part", {"partID", "partNavn", "partRolle"}, {"partNavn", "partRolle"}},
      {"merknad", {"merknadstekst", "merknadstype", "merknadsdato", "merknadRegistrertAv"},
       {"merknadstekst", "merknadsdato", "merknadRegistrertAv"}},
      {"skjerming",
       {"tilgangsrestriksjon", "skjermingshjemmel", "skjermingMetadata", "skjermingDokument", "skjermingsvarighet",
        "skjermingOpphoererDato"},
       {"tilgangsrestriksjon", "skjermingshjemmel", "skjermingMetadata"}},
      {"registrering",
       {"systemID", "opprettetDato", "opprettetAv", "arkivertDato", "arkivertAv", "referanseArkivdel", "part", "kassasjon",
        "skjerming", "gradering", "dokumentbeskrivelse", "registreringsID", "tittel", "offentligTittel", "beskrivelse", "noekkelord",
        "forfatter", "dokumentmedium", "oppbevaringssted", "virksomhetsspesifikkeMetadata", "merknad", "kryssreferanse",
        "korrespondansepart", "journalaar", "journalsekvensnummer", "journalpostnummer", "journalposttype", "journalstatus",
        "journaldato", "dokumentetsDato", "mottattDato", "sendtDato"},
       {"systemID", "opprettetDato", "opprettetAv", "arkivertDato", "arkivertAv", "tittel", "korrespondansepart", "journalaar",
        "journalsekvensnummer", "journalpostnummer", "journalposttype", "journalstatus", "journaldato"}},
      {"korrespondansepart",
       {"korrespondanseparttype", "korrespondansepartNavn", "postadresse", "postnummer", "poststed", "land", "epostadresse",
        "telefonnummer", "kontaktperson", "administrativEnhet", "saksbehandler"},
       {"korrespondanseparttype", "korrespondansepartNavn"}},
      {"dokumentbeskrivelse",
       {"systemID", "dokumenttype", "dokumentstatus", "tittel", "beskrivelse", "forfatter", "opprettetDato", "opprettetAv",
        "dokumentmedium", "oppbevaringssted", "referanseArkivdel", "tilknyttetRegistreringSom", "dokumentnummer", "tilknyttetDato",
        "tilknyttetAv", "part", "merknad", "kassasjon", "utfoertKassasjon", "sletting", "skjerming", "gradering",
        "elektroniskSignatur", "dokumentobjekt"},
       {"systemID", "dokumenttype", "dokumentstatus", "tittel", "opprettetDato", "opprettetAv", "tilknyttetRegistreringSom",
        "dokumentnummer", "tilknyttetDato", "tilknyttetAv"}},
      {"dokumentobjekt",
       {"systemID", "versjonsnummer", "variantformat", "format", "formatDetaljer", "pronomMIME", "pronomPUID", "opprettetDato",
        "opprettetAv", "referanseDokumentfil", "sjekksum", "sjekksumAlgoritme", "filstoerrelse"},
       {"systemID", "versjonsnummer", "variantformat", "format", "opprettetDato", "opprettetAv", "referanseDokumentfil", "sjekksum",
        "sjekksumAlgoritme", "filstoerrelse"}},
  };
  return all;
}

// The code lists of the metadatakatalog for the values the export sets.
const std::vector<std::pair<std::string, std::vector<std::string>>>& code_lists() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> all = {
      {"arkivstatus", {"Opprettet", "Avsluttet"}},
      {"arkivdelstatus", {"Aktiv periode", "Overlappingsperiode", "Avsluttet periode", "Uaktuelle mapper"}},
      {"saksstatus", {"Under behandling", "Avsluttet", "Utgår"}},
      {"journalstatus", {"Journalført", "Ekspedert", "Arkivert", "Utgår"}},
      {"journalposttype", {"Inngående dokument", "Utgående dokument", "Organinternt dokument for oppfølging",
                           "Organinternt dokument uten oppfølging", "Saksframlegg"}},
      {"dokumentstatus", {"Dokumentet er under redigering", "Dokumentet er ferdigstilt"}},
      {"tilknyttetRegistreringSom", {"Hoveddokument", "Vedlegg"}},
      {"variantformat", {"Produksjonsformat", "Arkivformat", "Dokument hvor deler av innholdet er skjermet"}},
      {"korrespondanseparttype", {"Avsender", "Mottaker", "Kopimottaker", "Gruppemottaker", "Intern avsender", "Intern mottaker"}},
      {"dokumentmedium", {"Fysisk arkiv", "Elektronisk arkiv", "Blandet fysisk og elektronisk arkiv"}},
      {"tilgangsrestriksjon", {"Unntatt offentlighet"}},
      {"skjermingDokument", {"Skjerming av hele dokumentet", "Skjerming av deler av dokumentet"}},
  };
  return all;
}

std::string read_sums(const std::string& dir) {
  auto r = tool({"cat", dir + "/sjekksummer.sha256"});
  REQUIRE(r.code == 0);
  return r.out;
}

std::string named(const std::string& name) { return "local-name()='" + name + "'"; }

std::string any_of(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : " or ") + named(n);
  return s;
}

}  // namespace

std::string xpath(const std::string& xml_file, const std::string& expr) {
  auto r = tool({"xmllint", "--xpath", expr, xml_file});
  if (r.code != 0) return "";
  if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();  // newer xmllint ends its answer with one
  return r.out;
}

long xpath_number(const std::string& xml_file, const std::string& expr) {
  auto r = tool({"xmllint", "--xpath", expr, xml_file});
  INFO("xmllint --xpath " << expr);
  REQUIRE(r.code == 0);
  return std::stol(r.out);
}

std::vector<std::string> check_noark_package(const std::string& dir) {
  const std::string x = dir + "/arkivstruktur.xml";
  REQUIRE(tool({"xmllint", "--noout", x}).code == 0);  // well-formed
  CHECK(xpath(x, "namespace-uri(/*)") == "http://www.arkivverket.no/standarder/noark5/arkivstruktur");
  CHECK(xpath(x, "local-name(/*)") == "arkiv");
  for (const auto& s : shapes()) {
    INFO("element " << s.element);
    const std::string parent = "//*[" + named(s.element) + "]";
    CHECK(xpath_number(x, "count(" + parent + ")") > 0);
    // only the children the schema allows
    CHECK(xpath_number(x, "count(" + parent + "/*[not(" + any_of(s.order) + ")])") == 0);
    // in its order: no child has a sibling before it that the schema puts after it
    std::string misplaced;
    for (std::size_t i = 0; i + 1 < s.order.size(); ++i) {
      const std::vector<std::string> later(s.order.begin() + static_cast<long>(i) + 1, s.order.end());
      misplaced += (misplaced.empty() ? "" : " or ") + std::string("(") + named(s.order[i]) + " and preceding-sibling::*[" +
                   any_of(later) + "])";
    }
    CHECK(xpath_number(x, "count(" + parent + "/*[" + misplaced + "])") == 0);
    // and the required ones
    for (const auto& r : s.required) {
      INFO("required " << r);
      CHECK(xpath_number(x, "count(" + parent + "[not(*[" + named(r) + "])])") == 0);
    }
  }
  for (const auto& [element, values] : code_lists()) {
    INFO("code list " << element);
    std::string allowed;
    for (const auto& v : values) allowed += (allowed.empty() ? "" : " or ") + std::string(".='") + v + "'";
    CHECK(xpath_number(x, "count(//*[" + named(element) + "][not(" + allowed + ")])") == 0);
  }
  CHECK(xpath_number(x, "count(//*[" + named("mappe") + "][not(@*[local-name()='type']='saksmappe')])") == 0);
  CHECK(xpath_number(x, "count(//*[" + named("registrering") + "][not(@*[local-name()='type']='journalpost')])") == 0);
  // xs:date and xs:dateTime values
  for (const char* d : {"saksdato", "journaldato", "dokumentetsDato"})
    CHECK(xpath_number(x, "count(//*[" + named(d) + "][string-length(.) != 10 or substring(., 5, 1) != '-'])") == 0);
  for (const char* d : {"opprettetDato", "avsluttetDato", "arkivertDato", "tilknyttetDato"})
    CHECK(xpath_number(x, "count(//*[" + named(d) + "][substring(., 11, 1) != 'T'])") == 0);

  // Every document object names a file of the package with its SHA-256 and size.
  const long objects = xpath_number(x, "count(//*[" + named("dokumentobjekt") + "])");
  CHECK(objects == xpath_number(x, "count(//*[" + named("registrering") + "])"));
  const std::string sums = read_sums(dir);
  for (long i = 1; i <= objects; ++i) {
    const std::string o = "(//*[" + named("dokumentobjekt") + "])[" + std::to_string(i) + "]";
    const std::string file = xpath(x, "string(" + o + "/*[" + named("referanseDokumentfil") + "])");
    const std::string sum = xpath(x, "string(" + o + "/*[" + named("sjekksum") + "])");
    INFO("dokumentobjekt " << i << ": " << file);
    CHECK(xpath(x, "string(" + o + "/*[" + named("sjekksumAlgoritme") + "])") == "SHA256");
    CHECK(file.rfind("dokumenter/", 0) == 0);
    CHECK(sum.size() == 64);
    CHECK(sums.find(sum + "  " + file + "\n") != std::string::npos);
    const auto size = tool({"stat", "-c", "%s", dir + "/" + file});
    REQUIRE(size.code == 0);
    CHECK(std::stol(size.out) == std::stol(xpath(x, "string(" + o + "/*[" + named("filstoerrelse") + "])")));
  }
  // The checksum list verifies every file, the structure itself included.
  CHECK(sums.find("  arkivstruktur.xml\n") != std::string::npos);
  CHECK(tool({"sh", "-c", "cd \"$0\" && sha256sum --quiet -c sjekksummer.sha256", dir}).code == 0);

  std::vector<std::string> cases;
  const long folders = xpath_number(x, "count(//*[" + named("mappe") + "])");
  for (long i = 1; i <= folders; ++i) {
    const std::string m = "(//*[" + named("mappe") + "])[" + std::to_string(i) + "]";
    const std::string year = xpath(x, "string(" + m + "/*[" + named("saksaar") + "])");
    const std::string seq = xpath(x, "string(" + m + "/*[" + named("sakssekvensnummer") + "])");
    CHECK(xpath(x, "string(" + m + "/*[" + named("mappeID") + "])") == year + "/" + seq);
    cases.push_back(year + "/" + seq);
  }
  return cases;
}

}  // namespace documents_test
