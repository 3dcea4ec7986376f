#include <oppteam/util/markup.hpp>

namespace oppteam {

std::string markup_escape(std::string_view text, bool xml_chars) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (xml_chars && static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n') continue;
        out += ch;
    }
  }
  return out;
}

}  // namespace oppteam
