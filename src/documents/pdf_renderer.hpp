#pragma once
// The seam between oppteam and its PDF renderer (issue 18).
//
// The renderer is the only code that needs cairo, pango and the thirty
// libraries below them. Linked into the binary, they cost every command
// about 8 ms and 5 MiB at start, though few commands make a PDF. So the
// renderer is a module of its own (oppteam-pdf.so), loaded by
// documents::render_pdf() only when a PDF is asked for (src/documents/pdf.cpp
// says where it looks, and why that is safe in a setgid binary).
//
// The module is built from the same sources in the same build as the
// binary, so the request may carry C++ types; the build id guards against
// a module left over from another build. Nothing is thrown across the seam:
// a failure comes back as text.

#include <oppteam/documents/pdf.hpp>

#include <functional>
#include <ostream>
#include <string>

namespace oppteam::documents::renderer {

struct Request {
  const PdfDocument* doc = nullptr;
  std::ostream* out = nullptr;
  std::string language;  // "nb", "nn" or "en": pango's line breaking and hyphenation
  // The footer of page `page` of `pages` ("Side 2 av 3"), in the document's language.
  std::function<std::string(int page, int pages)> page_label;
};

struct Outcome {
  int pages = 0;
  std::string error;  // empty when the PDF was written
};

// What a module and the binary loading it must agree on: the project's
// version and the layout of the types that cross.
inline std::string build_id() {
  return std::string(OPPTEAM_PDF_BUILD_VERSION) + "/" + std::to_string(sizeof(Request)) + "/" +
         std::to_string(sizeof(Outcome)) + "/" + std::to_string(sizeof(PdfDocument)) + "/" +
         std::to_string(sizeof(Block));
}

}  // namespace oppteam::documents::renderer

// The module's two entry points (C names, so that dlsym finds them).
extern "C" {
using oppteam_pdf_build_id_fn = const char*();
using oppteam_pdf_render_fn = void(const oppteam::documents::renderer::Request&,
                                   oppteam::documents::renderer::Outcome&) noexcept;
}
