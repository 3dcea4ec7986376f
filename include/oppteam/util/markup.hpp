#pragma once
// Text put into markup (the plan document's HTML, the archive's XML).

#include <string>
#include <string_view>

namespace oppteam {

// `text` with the five characters HTML and XML give meaning to (& < > " ')
// as entities. With `xml_chars`, also without the control characters XML 1.0
// cannot carry (all C0 controls but tab and newline); done by hand because
// it is a handful of replacements and no dependency does only this.
std::string markup_escape(std::string_view text, bool xml_chars = false);

}  // namespace oppteam
