#pragma once
// Documents that leave the house as PDF (issue 19): the decision letter, the
// foreløpig svar, the § 19 plan document and the person's access export.
// A small renderer over cairo and pango: A4 pages, the unit's header on
// every page (the rammeverk's municipality name, unit and address), "Side N
// av M" at the foot, DejaVu Sans, and line breaking (with hyphenation) by
// pango's rules for the document's language (nb, nn or en).
//
// Documents are made of blocks; text for people (letters, plan documents)
// is turned into blocks by blocks_from_text(), so the PDF and the text that
// goes to the terminal say the same thing.

#include <oppteam/config/rammeverk.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace oppteam::documents {

enum class BlockKind {
  title,      // the document's title, large and bold
  heading,    // a section heading, bold
  paragraph,  // body text, wrapped
  indented,   // body text, wrapped and indented one step
  space,      // an empty line's worth of vertical space
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;
};

// What every page carries at its head: the unit's name and address lines.
struct Letterhead {
  std::string name;                // municipality name (and unit, when the rammeverk names one)
  std::vector<std::string> lines;  // address lines; may be empty
};

struct PdfDocument {
  Letterhead head;
  Lang lang = Lang::nb;
  std::string title;     // PDF metadata title
  std::string subject;   // PDF metadata subject (e.g. the case number)
  std::vector<Block> blocks;
};

// The letterhead from the rammeverk's [municipality] name, unit and address.
Letterhead letterhead(const Rammeverk& rv);

// Plain text to blocks: a line followed by a line of '=' is the title, by a
// line of '-' a heading; a line starting with spaces is indented; an empty
// line is space; every other line a paragraph of its own.
std::vector<Block> blocks_from_text(const std::string& text);

// A letter (as stored and printed to the terminal) to blocks: its first
// lines, when they are the letterhead's (`head_lines`: the municipality's
// name, the unit, the address, in that order), are left to the letterhead;
// the next line is the title; the rest as blocks_from_text.
std::vector<Block> letter_blocks(const std::string& letter, const std::vector<std::string>& head_lines);

// Renders the document as PDF onto `out`, every text as visible() shows it
// on the terminal (a bidi override as <U+202E>). Returns the number of pages.
// Throws Error (74) when cairo reports a failure.
int render_pdf(std::ostream& out, const PdfDocument& doc);

// Renders the document into `target` through io::OutputFile (never the
// database or an input, 64; an existing file only with `force`, else 2;
// mode 0600, temporary file + rename). Returns the number of pages.
int write_pdf_file(const std::string& target, bool force, const std::vector<std::string>& forbidden, const PdfDocument& doc);

// A letter as it was stored (decision letter, foreløpig svar), under the
// rammeverk's letterhead, in the language it was written in.
PdfDocument letter_pdf(const Rammeverk& rv, Lang lang, const std::string& subject, const std::string& letter);

// Any text for people (plan document, access export) under the letterhead:
// the title is the text's first title, or `title` when it has none.
PdfDocument text_pdf(const Rammeverk& rv, Lang lang, const std::string& title, const std::string& subject,
                     const std::string& text);

}  // namespace oppteam::documents
