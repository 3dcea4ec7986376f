#include <oppteam/documents/pdf.hpp>

#include "pdf_renderer.hpp"

#include <oppteam/io/output_file.hpp>
#include <oppteam/util/error.hpp>
#include <oppteam/util/fd.hpp>
#include <oppteam/util/text.hpp>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <ostream>
#include <string_view>

namespace oppteam::documents {

namespace {

constexpr const char* kModuleName = "oppteam-pdf.so";

// The renderer from the module oppteam-pdf.so, loaded once.
//
// Where it is looked for: beside the binary (a build tree), then where
// `cmake --install` puts it relative to the binary (PREFIX/bin/oppteam →
// PREFIX/lib/oppteam/oppteam-pdf.so, whatever the prefix). Never a path from
// the environment or the working directory: a setgid binary (the shared
// layout of docs/deployment.md) runs with an environment its user chose.
// The module runs with the binary's rights, so it must be a regular file
// owned by root or by the binary's owner and writable by no one else. That
// is checked on the file already opened, and the same open file is loaded
// (through /proc/self/fd), so it cannot be swapped between check and load.
oppteam_pdf_render_fn* load_module() {
  std::string exe(PATH_MAX, '\0');
  const ssize_t n = ::readlink("/proc/self/exe", exe.data(), exe.size());
  struct stat exe_stat {};
  if (n <= 0 || ::stat("/proc/self/exe", &exe_stat) != 0)
    throw make_error(ExitCode::io, "pdf.module_missing", kModuleName, errno_reason(errno));
  exe.resize(static_cast<std::size_t>(n));
  const std::string dir = exe.substr(0, exe.rfind('/') + 1);
  const std::string candidates[] = {dir + kModuleName, dir + OPPTEAM_PDF_MODULE_RELDIR "/" + kModuleName};
  for (const std::string& path : candidates) {
    // Held open from its check to its load.
    const Fd file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) continue;
    struct stat st {};
    if (::fstat(file.get(), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_uid != 0 && st.st_uid != exe_stat.st_uid) ||
        (st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
      throw make_error(ExitCode::permission, "pdf.module_unsafe", path);
    void* handle = ::dlopen(("/proc/self/fd/" + std::to_string(file.get())).c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) throw make_error(ExitCode::io, "pdf.module_bad", path, ::dlerror());
    auto* build_id = reinterpret_cast<oppteam_pdf_build_id_fn*>(::dlsym(handle, "oppteam_pdf_build_id"));
    auto* render = reinterpret_cast<oppteam_pdf_render_fn*>(::dlsym(handle, "oppteam_pdf_render"));
    if (build_id == nullptr || render == nullptr || renderer::build_id() != build_id()) {
      ::dlclose(handle);
      throw make_error(ExitCode::io, "pdf.module_bad", path, "built for another version of oppteam");
    }
    return render;  // kept loaded for the rest of the process
  }
  throw make_error(ExitCode::io, "pdf.module_missing", candidates[1], errno_reason(ENOENT));
}

// Every program loads the module, the test programs included (a copy of it
// lies beside them): none links the renderer and its libraries.
oppteam_pdf_render_fn* renderer_function() {
  static oppteam_pdf_render_fn* const render = load_module();
  return render;
}

// The document as its reader is shown it: every text through visible(),
// the rule the terminal and the HTML follow (util/text.hpp), so that a bidi
// override in a goal or in a letter's grounds is shown, not obeyed by pango,
// and the PDF says what the officer read.
PdfDocument as_shown(const PdfDocument& doc) {
  PdfDocument d = doc;
  d.head.name = visible(d.head.name);
  for (auto& l : d.head.lines) l = visible(l);
  d.title = visible(d.title);
  d.subject = visible(d.subject);
  for (auto& b : d.blocks) b.text = visible(b.text);
  return d;
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

int render_pdf(std::ostream& out, const PdfDocument& document) {
  const PdfDocument doc = as_shown(document);
  renderer::Request request;
  request.doc = &doc;
  request.out = &out;
  request.language = std::string(lang_code(doc.lang));
  request.page_label = [&doc](int page, int pages) { return tr(doc.lang, "pdf.page", page, pages); };
  renderer::Outcome outcome;
  renderer_function()(request, outcome);
  if (!outcome.error.empty()) throw make_error(ExitCode::io, "pdf.failed", outcome.error);
  return outcome.pages;
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
