#include <oppteam/views/approval_view.hpp>

namespace oppteam {

std::string render_approval_decided(const std::string& case_number, const Approval& a, bool rejected, Lang lang) {
  return tr(lang, rejected ? "approve.rejected" : "approve.approved", case_number, tr(lang, "approve.what." + std::string(to_stored(a.what))), a.ref);
}

}  // namespace oppteam
