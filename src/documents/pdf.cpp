#include <oppteam/documents/pdf.hpp>

#include <oppteam/io/output_file.hpp>
#include <oppteam/util/error.hpp>

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string_view>
#include <ostream>

namespace oppteam::documents {

namespace {

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
Layout make_layout(cairo_t* cr, const std::string& text, double size, bool bold, double width, Lang lang) {
  Layout l(pango_cairo_create_layout(cr));
  PangoFontDescription* font = pango_font_description_from_string(kFont);
  pango_font_description_set_size(font, static_cast<gint>(size * PANGO_SCALE));
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l.get(), font);
  pango_font_description_free(font);
  // The language chooses pango's line-breaking and hyphenation rules.
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string(std::string(lang_code(lang)).c_str())));
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
double draw_text(cairo_t* cr, const PdfDocument& doc, const std::string& text, double size, bool bold, double gray, double y) {
  Layout l = make_layout(cr, text, size, bold, kBodyWidth, doc.lang);
  cairo_set_source_rgb(cr, gray, gray, gray);
  cairo_move_to(cr, kMarginX, y);
  pango_cairo_show_layout(cr, l.get());
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void draw_header(cairo_t* cr, const PdfDocument& doc) {
  double y = kHeaderTop;
  y += draw_text(cr, doc, doc.head.name, 11.5, true, 0.05, y);
  for (const auto& line : doc.head.lines) y += draw_text(cr, doc, line, 9, false, 0.3, y);
  cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
  cairo_set_line_width(cr, 0.6);
  const double rule = std::min(y + 8.0, kBodyTop - 10.0);
  cairo_move_to(cr, kMarginX, rule);
  cairo_line_to(cr, kPageWidth - kMarginX, rule);
  cairo_stroke(cr);
}

void draw_footer(cairo_t* cr, const PdfDocument& doc, int page, int pages) {
  Layout l = make_layout(cr, tr(doc.lang, "pdf.page", page, pages), 9, false, kBodyWidth, doc.lang);
  pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  PangoLayoutLine* line = pango_layout_get_line_readonly(l.get(), 0);
  PangoRectangle logical;
  pango_layout_line_get_extents(line, nullptr, &logical);
  cairo_move_to(cr, kPageWidth - kMarginX - static_cast<double>(logical.width) / PANGO_SCALE, kFooterBaseline);
  pango_cairo_show_layout_line(cr, line);
}

}  // namespace

Letterhead letterhead(const Rammeverk& rv) {
  Letterhead h;
  h.name = rv.municipality.name;
  if (!rv.municipality.unit.empty()) h.name += " – " + rv.municipality.unit;
  if (!rv.municipality.address.empty()) h.lines.push_back(rv.municipality.address);
  return h;
}

std::vector<Block> blocks_from_text(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  auto underline = [](const std::string& l, char c) {
    return l.size() >= 3 && l.find_first_not_of(c) == std::string::npos;
  };
  std::vector<Block> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    const bool next_title = i + 1 < lines.size() && underline(lines[i + 1], '=');
    const bool next_heading = i + 1 < lines.size() && underline(lines[i + 1], '-');
    if (l.find_first_not_of(" \t\r") == std::string::npos) {
      if (!out.empty() && out.back().kind != BlockKind::space) out.push_back({BlockKind::space, ""});
    } else if (next_title || next_heading) {
      out.push_back({next_title ? BlockKind::title : BlockKind::heading, l});
      ++i;
    } else if (l[0] == ' ' || l[0] == '\t') {
      out.push_back({BlockKind::indented, l.substr(l.find_first_not_of(" \t"))});
    } else {
      out.push_back({BlockKind::paragraph, l});
    }
  }
  while (!out.empty() && out.back().kind == BlockKind::space) out.pop_back();
  return out;
}

std::vector<Block> letter_blocks(const std::string& letter, const std::vector<std::string>& head_lines) {
  std::string rest = letter;
  auto first_line = [&rest] {
    const std::size_t nl = rest.find('\n');
    std::string l = rest.substr(0, nl);
    rest = nl == std::string::npos ? "" : rest.substr(nl + 1);
    return l;
  };
  std::vector<Block> out;
  std::string line = first_line();
  // The text letter's head (municipality, unit, address) is the PDF's letterhead.
  for (const auto& h : head_lines)
    if (!h.empty() && line == h) line = first_line();
  out.push_back({BlockKind::title, line});
  for (auto& b : blocks_from_text(rest)) {
    if (out.size() == 1 && b.kind == BlockKind::space) continue;
    out.push_back(std::move(b));
  }
  return out;
}

int render_pdf(std::ostream& out, const PdfDocument& doc) {
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
    layouts.push_back(make_layout(cr.get(), b.text, size, bold, kPageWidth - kMarginX - x, doc.lang));
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
    draw_header(cr.get(), doc);
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    for (; next < lines.size() && lines[next].page == p; ++next) {
      const Line& line = lines[next];
      cairo_move_to(cr.get(), line.x, line.top + line.baseline);
      pango_cairo_show_layout_line(cr.get(), pango_layout_get_line_readonly(line.layout, line.index));
    }
    draw_footer(cr.get(), doc, p, pages);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  const cairo_status_t status = cairo_surface_status(surface.get());
  if (status != CAIRO_STATUS_SUCCESS) throw make_error(ExitCode::io, "pdf.failed", cairo_status_to_string(status));
  out.flush();
  if (!out) throw make_error(ExitCode::io, "pdf.failed", "write");
  return pages;
}

int write_pdf_file(const std::string& target, bool force, const std::vector<std::string>& forbidden, const PdfDocument& doc) {
  io::OutputFile file(target, force, forbidden);
  const int pages = render_pdf(file.stream(), doc);
  file.commit();
  return pages;
}

PdfDocument letter_pdf(const Rammeverk& rv, Lang lang, const std::string& subject, const std::string& letter) {
  PdfDocument d;
  d.head = letterhead(rv);
  d.lang = lang;
  d.subject = subject;
  d.blocks = letter_blocks(letter, {rv.municipality.name, rv.municipality.unit, rv.municipality.address});
  d.title = d.blocks.empty() ? subject : d.blocks.front().text;
  // The letter's own section heading (the right to appeal) set as a heading.
  const std::string appeal = tr(lang, "letter.appeal_title");
  for (auto& b : d.blocks)
    if (b.kind == BlockKind::paragraph && b.text == appeal) b.kind = BlockKind::heading;
  return d;
}

PdfDocument text_pdf(const Rammeverk& rv, Lang lang, const std::string& title, const std::string& subject,
                     const std::string& text) {
  PdfDocument d;
  d.head = letterhead(rv);
  d.lang = lang;
  d.subject = subject;
  d.blocks = blocks_from_text(text);
  d.title = title;
  bool has_title = false;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::title) {
      d.title = b.text;
      has_title = true;
      break;
    }
  if (!has_title) d.blocks.insert(d.blocks.begin(), {BlockKind::title, title});
  return d;
}

}  // namespace oppteam::documents
