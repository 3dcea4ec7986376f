#pragma once
// Helpers of the document tests ([documents]): running the outside tools
// that read what oppteam wrote (pdftotext, pdfinfo, xmllint, sha256sum).

#include <string>
#include <vector>

namespace documents_test {

struct ToolResult {
  int code = -1;    // exit code, or 128 + signal; 127 when the tool cannot be started
  std::string out;  // stdout (stderr is left on the test's stderr)
};

// Runs `args[0]` (found on PATH) with the rest as its arguments.
ToolResult tool(const std::vector<std::string>& args);

// True when `name` is a program on PATH.
bool have(const std::string& name);

// The text of a PDF as pdftotext reads it (fails the test when it cannot).
std::string pdf_text(const std::string& pdf);
// The page count pdfinfo reports (fails the test when it cannot).
int pdf_pages(const std::string& pdf);

// How often `needle` occurs in `hay`.
int count(const std::string& hay, const std::string& needle);

}  // namespace documents_test

namespace documents_test {

// XPath 1.0 `expr` over `xml_file` with xmllint, as a string ("" when it fails).
std::string xpath(const std::string& xml_file, const std::string& expr);
// The same, for an expression that yields a number.
long xpath_number(const std::string& xml_file, const std::string& expr);

// Checks the Noark 5 package in `dir` as an archive would take it in: the
// arkivstruktur.xml is well-formed, every element holds only the children
// the arkivstruktur schema (v5.0) allows, in its order, and the required
// ones; code values are from the metadatakatalog's lists; every
// dokumentobjekt names a file of the package whose SHA-256 and size are
// those given, and sjekksummer.sha256 verifies with sha256sum -c. Returns
// the case numbers of its saksmapper ("saksaar/sakssekvensnummer").
std::vector<std::string> check_noark_package(const std::string& dir);

}  // namespace documents_test
