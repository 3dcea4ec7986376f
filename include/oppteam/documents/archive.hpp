#pragma once
// The archive (issue 19): closed cases handed to the municipality's archive
// (arkivlova) as a Noark 5 version 5.0 package, the form Norwegian archive
// systems take in. A package is a folder holding
//   arkivstruktur.xml   arkiv → arkivskaper → arkivdel → one saksmappe per
//                       case (saksaar and sakssekvensnummer from the case
//                       number) → one journalpost per document → its
//                       dokumentbeskrivelse → dokumentobjekt naming the file,
//                       its size and SHA-256 (sjekksum, sjekksumAlgoritme);
//   dokumenter/*.pdf    the decision letter, each foreløpig svar and each
//                       version of the plan document, as PDF;
//   sjekksummer.sha256  the SHA-256 of every other file of the package, in
//                       the format `sha256sum -c` reads.
// Every exported case is recorded (archive_export) and audited; `purge`
// deletes a case only once it has been archived (or with --force).
// docs/archive.md says how a municipality takes the package in.

#include <oppteam/process/context.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam::documents {

struct ArchiveRequest {
  std::optional<Date> closed_before;  // every closed case closed before this date
  std::vector<std::string> cases;     // and/or these cases (each must be closed)
  std::string out_dir;                // must not exist, or be an empty folder (else 2 unless force)
  bool force = false;                 // write into a folder that is not empty
  std::vector<std::string> forbidden; // files never written (the database, the rammeverk file)
};

struct ArchiveResult {
  std::string dir;
  std::string package;                // the arkiv's systemID
  std::vector<std::string> cases;     // the case numbers exported, in order
  int documents = 0;                  // journalposts (= PDF files)
};

// Writes the package. Exit 2 when a named case is not closed, when no case
// matches, or the folder is not empty (without force); 64 when the target
// is a symbolic link or not a folder, or a file of the package would be the
// database or an input; 1 when a named case does not exist. Every check of
// the target runs before anything is written; a failure after that (74, 75)
// removes every file and made folder of this run again.
// Appends one "archive.export" entry per case and records the export.
ArchiveResult export_archive(const Context& ctx, const ArchiveRequest& req);

}  // namespace oppteam::documents
