#pragma once
// `--pdf FILE` (and `--force`) on the commands that print a document for a
// person (issue 19): decide (the letter, the foreløpig svar), plan show
// --document, person export. The document goes to the file as PDF instead
// of to stdout; stdout says where it went (with --json: "pdf" and "pages"
// beside the command's usual keys).

#include "cli/session.hpp"

#include <oppteam/documents/pdf.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace oppteam::cli {

struct PdfOption {
  std::string file;
  bool force = false;
  bool wanted() const { return !file.empty(); }
};

// Declares --pdf FILE and --force on `cmd`; returns the --pdf option.
CLI::Option* add_pdf_option(CLI::App* cmd, PdfOption& o);

// What a document may never be written over: the database files and the rammeverk file in force.
std::vector<std::string> output_forbidden(Session& s);

// Refuses the target before the command does any work (64 / 2, as io::OutputFile).
void check_pdf_target(Session& s, const PdfOption& o);

// Writes `doc` to the --pdf file and prints where it went: `what` names the
// document for people; `json` gets "pdf" and "pages".
void emit_pdf(Session& s, const PdfOption& o, const documents::PdfDocument& doc, const std::string& what, nlohmann::json json);

}  // namespace oppteam::cli
