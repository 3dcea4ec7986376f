// The PDF renderer (issue 19) as a module of its own (issue 18): cairo and
// pango are loaded only by the commands that make a PDF. The seam and why:
// src/documents/pdf_renderer.hpp. Built from this file alone; it links
// nothing of oppteam's libraries, so nothing here reaches the catalogue or
// throws across the seam.
#include "../pdf_renderer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

namespace oppteam::documents::renderer {

namespace {

// A failure reported by cairo or the stream, in its own words.
struct Failure {
  std::string what;
};
// A4 in points, and the page's frame.
constexpr double kPageWidth = 595.2756;
constexpr double kPageHeight = 841.8898;
constexpr double kMarginX = 62.0;        // 22 mm
constexpr double kHeaderTop = 40.0;
constexpr double kBodyTop = 118.0;
constexpr double kBodyBottom = kPageHeight - 72.0;
constexpr double kFooterBaseline = kPageHeight - 40.0;
constexpr double kIndent = 18.0;
constexpr double kBodyWidth = kPageWidth - 2 * kMarginX;

const char* kFont = "DejaVu Sans";

template <typename T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using Surface = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;
void unref_layout(PangoLayout* l) { g_object_unref(l); }
using Layout = std::unique_ptr<PangoLayout, Deleter<PangoLayout, unref_layout>>;

cairo_status_t write_to_stream(void* closure, const unsigned char* data, unsigned int length) {
  auto* out = static_cast<std::ostream*>(closure);
  out->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
  return *out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

// Text as pango needs it: valid UTF-8 (stored text from before the checks
// may hold stray bytes; they become U+FFFD).
std::string valid_utf8(const std::string& s) {
  gchar* v = g_utf8_make_valid(s.data(), static_cast<gssize>(s.size()));
  std::string out(v);
  g_free(v);
  return out;
}

// A layout of `text` in the document's language, wrapped at `width` points.
Layout make_layout(cairo_t* cr, const std::string& text, double size, bool bold, double width, const std::string& language) {
  Layout l(pango_cairo_create_layout(cr));
  PangoFontDescription* font = pango_font_description_from_string(kFont);
  pango_font_description_set_size(font, static_cast<gint>(size * PANGO_SCALE));
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l.get(), font);
  pango_font_description_free(font);
  // The language chooses pango's line-breaking and hyphenation rules.
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string(language.c_str())));
  pango_layout_set_attributes(l.get(), attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);  // a word longer than the line is broken, not cut off
  // "§ 7-2" is read as one: the space after a paragraph sign does not break.
  std::string t = valid_utf8(text);
  for (auto at = t.find("§ "); at != std::string::npos; at = t.find("§ ", at)) {
    t.replace(at + std::string_view("§").size(), 1, "\u00a0");
    at += std::string_view("§\u00a0").size();
  }
  pango_layout_set_text(l.get(), t.c_str(), static_cast<int>(t.size()));
  return l;
}

// One laid-out line of a block, placed on a page.
struct Line {
  PangoLayout* layout = nullptr;
  int index = 0;            // line number within the layout
  double x = 0;             // left edge on the page
  double height = 0;        // logical height in points
  double baseline = 0;      // from the line's top
  double gap_before = 0;    // space before it (first line of a block only)
  bool keep_with_next = false;
  int page = 0;
  double top = 0;
};

// Draws `text` at (kMarginX, y) in `gray`; returns its height.
double draw_text(cairo_t* cr, const Request& r, const std::string& text, double size, bool bold, double gray, double y) {
  Layout l = make_layout(cr, text, size, bold, kBodyWidth, r.language);
  cairo_set_source_rgb(cr, gray, gray, gray);
  cairo_move_to(cr, kMarginX, y);
  pango_cairo_show_layout(cr, l.get());
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void draw_header(cairo_t* cr, const Request& r) {
  double y = kHeaderTop;
  y += draw_text(cr, r, r.doc->head.name, 11.5, true, 0.05, y);
  for (const auto& line : r.doc->head.lines) y += draw_text(cr, r, line, 9, false, 0.3, y);
  cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
  cairo_set_line_width(cr, 0.6);
  const double rule = std::min(y + 8.0, kBodyTop - 10.0);
  cairo_move_to(cr, kMarginX, rule);
  cairo_line_to(cr, kPageWidth - kMarginX, rule);
  cairo_stroke(cr);
}

void draw_footer(cairo_t* cr, const Request& r, int page, int pages) {
  Layout l = make_layout(cr, r.page_label(page, pages), 9, false, kBodyWidth, r.language);
  pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  PangoLayoutLine* line = pango_layout_get_line_readonly(l.get(), 0);
  PangoRectangle logical;
  pango_layout_line_get_extents(line, nullptr, &logical);
  cairo_move_to(cr, kPageWidth - kMarginX - static_cast<double>(logical.width) / PANGO_SCALE, kFooterBaseline);
  pango_cairo_show_layout_line(cr, line);
}

// Lays out and draws the document; returns the number of pages, or throws
// Failure with cairo's words.
int render(const Request& r) {
  const PdfDocument& doc = *r.doc;
  std::ostream& out = *r.out;
  Surface surface(cairo_pdf_surface_create_for_stream(write_to_stream, &out, kPageWidth, kPageHeight));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, valid_utf8(doc.title).c_str());
  if (!doc.subject.empty())
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, valid_utf8(doc.subject).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "oppteam");
  Cairo cr(cairo_create(surface.get()));

  // Lay out every block, then place its lines on pages.
  std::vector<Layout> layouts;
  std::vector<Line> lines;
  double pending_gap = 0;
  for (const auto& b : doc.blocks) {
    if (b.kind == BlockKind::space) {
      pending_gap += 7.0;
      continue;
    }
    double size = 10.5, gap = 2.0, x = kMarginX;
    bool bold = false;
    switch (b.kind) {
      case BlockKind::title: size = 15; bold = true; gap = 0; break;
      case BlockKind::heading: size = 11.5; bold = true; gap = 8; break;
      case BlockKind::indented: x += kIndent; break;
      default: break;
    }
    layouts.push_back(make_layout(cr.get(), b.text, size, bold, kPageWidth - kMarginX - x, r.language));
    PangoLayout* l = layouts.back().get();
    PangoLayoutIter* it = pango_layout_get_iter(l);
    int index = 0;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      Line line;
      line.layout = l;
      line.index = index++;
      line.x = x + static_cast<double>(logical.x) / PANGO_SCALE;
      line.height = static_cast<double>(logical.height) / PANGO_SCALE;
      line.baseline = static_cast<double>(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
      if (line.index == 0) line.gap_before = gap + pending_gap;
      line.keep_with_next = b.kind == BlockKind::heading || b.kind == BlockKind::title;
      lines.push_back(line);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    pending_gap = 0;
  }

  int page = 1;
  double y = kBodyTop;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    const double gap = y == kBodyTop ? 0 : line.gap_before;
    double need = gap + line.height;
    // A heading is not left alone at the foot of a page.
    if (line.keep_with_next && i + 1 < lines.size()) need += lines[i + 1].gap_before + lines[i + 1].height;
    if (y + need > kBodyBottom && y > kBodyTop) {
      ++page;
      y = kBodyTop;
    } else {
      y += gap;
    }
    line.page = page;
    line.top = y;
    y += line.height;
  }
  const int pages = page;

  std::size_t next = 0;
  for (int p = 1; p <= pages; ++p) {
    draw_header(cr.get(), r);
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    for (; next < lines.size() && lines[next].page == p; ++next) {
      const Line& line = lines[next];
      cairo_move_to(cr.get(), line.x, line.top + line.baseline);
      pango_cairo_show_layout_line(cr.get(), pango_layout_get_line_readonly(line.layout, line.index));
    }
    draw_footer(cr.get(), r, p, pages);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  const cairo_status_t status = cairo_surface_status(surface.get());
  if (status != CAIRO_STATUS_SUCCESS) throw Failure{cairo_status_to_string(status)};
  out.flush();
  if (!out) throw Failure{"write"};
  return pages;
}

}  // namespace

}  // namespace oppteam::documents::renderer

extern "C" {

__attribute__((visibility("default"))) const char* oppteam_pdf_build_id() {
  static const std::string id = oppteam::documents::renderer::build_id();
  return id.c_str();
}

__attribute__((visibility("default"))) void oppteam_pdf_render(const oppteam::documents::renderer::Request& r,
                                                               oppteam::documents::renderer::Outcome& outcome) noexcept {
  try {
    outcome.pages = oppteam::documents::renderer::render(r);
    outcome.error.clear();
  } catch (const oppteam::documents::renderer::Failure& f) {
    outcome.error = f.what;
  } catch (const std::exception& e) {
    outcome.error = e.what();
  } catch (...) {
    outcome.error = "unknown failure";
  }
}

}  // extern "C"
