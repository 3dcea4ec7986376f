#include <oppteam/documents/letters.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

// The letterhead's lines: the municipality, the unit and its address ([municipality]).
std::string letter_header(const Rammeverk& rv) {
  std::string out = rv.municipality.name;
  if (!rv.municipality.unit.empty()) out += "\n" + rv.municipality.unit;
  if (!rv.municipality.address.empty()) out += "\n" + rv.municipality.address;
  return out;
}

// The "To:" line (and the guardians' addresses under it).
std::string letter_addressee(Lang L, const LetterRecipient& to) {
  if (to.to == LetterRecipient::To::person) return tr(L, "letter.to", to.name, to.masked);
  std::string names, addresses;
  for (const auto& g : to.guardians) {
    names += (names.empty() ? "" : tr(L, "letter.and")) + g.name;
    if (!g.address.empty()) addresses += "\n" + g.address;
  }
  const char* key = to.to == LetterRecipient::To::verge ? "letter.to_verge" : "letter.to_foresatte";
  return tr(L, key, names, to.name, to.masked) + addresses;
}

// Who signs: `signed_by` as given, else the acting user's full name (and
// title) of [[access.user]], with the unit and the municipality under it;
// with neither, the unit itself (its name, then the municipality's), never
// a login (trial s12 #15).
std::string letter_signature(const Rammeverk& rv, const LetterSigner& s) {
  const Lang L = rv.municipality.language;
  std::string who = trim(s.signed_by);
  if (who.empty())
    for (const auto& u : rv.access.users)
      if (u.name == s.actor && !u.full_name.empty()) {
        who = u.full_name + (u.title.empty() ? "" : ", " + u.title);
        break;
      }
  if (who.empty()) {
    if (rv.municipality.unit.empty()) return tr(L, "letter.signature_unit", rv.municipality.name);
    return tr(L, "letter.signature", rv.municipality.unit, rv.municipality.name);
  }
  std::string unit = rv.municipality.name;
  if (!rv.municipality.unit.empty()) unit = rv.municipality.unit + "\n" + unit;
  return tr(L, "letter.signature", who, unit);
}

// A letter's opening: the letterhead, its title (`title_key` of the case),
// to whom, and the letter's date.
std::string letter_opening(const Rammeverk& rv, const char* title_key, const std::string& case_number, const LetterRecipient& to,
                           Date dated) {
  const Lang L = rv.municipality.language;
  return letter_header(rv) + "\n" + tr(L, title_key, case_number) + "\n\n" + letter_addressee(L, to) + "\n" +
         tr(L, "letter.date", long_date(dated, L)) + "\n";
}

}  // namespace

std::string compose_decision_letter(const Rammeverk& rv, const DecisionLetterInput& in) {
  const Lang L = rv.municipality.language;
  std::string t = letter_opening(rv, "letter.decision_title", in.case_number, in.to, in.decided_on);
  t += tr(L, "letter.received", long_date(in.received, L)) + "\n\n";
  if (!in.appeal_received.empty()) t += tr(L, "letter.after_appeal", long_date(in.appeal_received, L)) + "\n\n";
  t += tr(L, in.grant ? "letter.granted" : "letter.refused") + "\n";
  if (!in.grounds.empty()) t += "\n" + tr(L, "letter.grounds", in.grounds) + "\n";
  if (in.final_in_appeal) {
    t += "\n" + tr(L, "letter.final_title") + "\n";
    t += tr(L, "letter.final") + "\n";
  } else {
    t += "\n" + tr(L, "letter.appeal_title") + "\n";
    t += tr(L, "letter.appeal_from_receipt", rv.municipality.name, rv.deadlines.appeal, long_date(in.appeal_deadline, L)) + "\n";
  }
  t += tr(L, "letter.access") + "\n\n";
  t += letter_signature(rv, in.signer) + "\n";
  return t;
}

std::string compose_preliminary_reply(const Rammeverk& rv, const PreliminaryReplyInput& in) {
  const Lang L = rv.municipality.language;
  std::string t = letter_opening(rv, "letter.prelim_title", in.case_number, in.to, in.sent_on) + "\n";
  t += tr(L, "letter.prelim_received", long_date(in.received, L), long_date(in.expected_by, L)) + "\n";
  if (!in.reason.empty()) t += tr(L, "letter.prelim_reason", in.reason) + "\n";
  t += "\n" + letter_signature(rv, in.signer) + "\n";
  return t;
}

std::string compose_reversed_on_appeal_grounds(const Rammeverk& rv, Date on) {
  const Lang L = rv.municipality.language;
  return tr(L, "appeal.reversed_grounds", long_date(on, L));
}

}  // namespace oppteam
