#pragma once
// The letters of a case that leave the house: the decision letter (vedtak,
// also after an appeal), the foreløpig svar (forvaltningsloven § 11a) and
// the grounds of a decision statsforvalteren reversed. Each is plain text in
// the rammeverk's language ([municipality] language), from values the
// process hands over: composing reads no database and decides no rule (who
// the letter goes to is the process's rule; here it is only written out).

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/util/clock.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// Whom a letter is about and whom it goes to.
struct LetterRecipient {
  std::string name;      // the person's name, or the masked number when none is known
  std::string masked;    // birth date part of the number, the rest hidden
  enum class To { person, verge, foresatte } to = To::person;
  struct Guardian {
    std::string name;
    std::string address;  // empty: none known
  };
  std::vector<Guardian> guardians;  // for verge and foresatte, in order
};

// Who signs: `signed_by` as given, else the acting user's full name and
// title of [[access.user]], the unit under it; else the unit itself (never
// the user name: a citizen gets no letter from a login).
struct LetterSigner {
  std::string signed_by;  // as given with --signed-by; empty: from the user
  std::string actor;      // the acting user
};

struct DecisionLetterInput {
  std::string case_number;
  LetterRecipient to;
  LetterSigner signer;
  bool grant = false;
  std::string grounds;          // empty: none
  Date decided_on;
  Date appeal_deadline;         // the deadline for a letter received on its own date (not for a final one)
  std::string received;         // the first referral's received date (ISO)
  std::string appeal_received;  // after an appeal: the date it was received (ISO), else empty
  // Made in the appeal case after statsforvalteren reversed the decision:
  // it cannot be appealed further (forvaltningsloven § 28 third paragraph).
  bool final_in_appeal = false;
};

// The decision letter: the municipality's letterhead, the outcome, the
// grounds, the right to appeal (the deadline counted from the day the letter
// is received, and the last day for a letter received on its date) or, for
// a decision made in the appeal case, that it is final; the right to see the
// documents, the signature.
std::string compose_decision_letter(const Rammeverk& rv, const DecisionLetterInput& in);

struct PreliminaryReplyInput {
  std::string case_number;
  LetterRecipient to;
  LetterSigner signer;
  Date sent_on;
  Date expected_by;
  std::string received;  // the first referral's received date (ISO)
  std::string reason;    // empty: none
};

// The foreløpig svar: why the case takes time and when a decision is expected.
std::string compose_preliminary_reply(const Rammeverk& rv, const PreliminaryReplyInput& in);

// The grounds written in the new decision when statsforvalteren reversed
// it on appeal (the outcome received on `on`).
std::string compose_reversed_on_appeal_grounds(const Rammeverk& rv, Date on);

}  // namespace oppteam
