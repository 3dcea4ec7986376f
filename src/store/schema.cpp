// The schema, as versioned migrations. A migration is never edited once it
// has shipped: change the schema by appending a new one with the next
// number. Versions are consecutive (a test checks it): PRAGMA user_version
// holds the last one applied, and a database opens by applying every
// migration above it, in order.

#include <oppteam/store/database.hpp>

namespace oppteam {

namespace {

// 1: the core process from referral to team, and the audit log.
constexpr const char* kCore = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every rammeverk stored (at init and by `config store`); the newest is in force.
CREATE TABLE rammeverk (
  id          INTEGER PRIMARY KEY,
  stored_at   TEXT NOT NULL,
  stored_by   TEXT NOT NULL,
  source_name TEXT NOT NULL,
  hash        TEXT NOT NULL,
  toml        TEXT NOT NULL
) STRICT;

CREATE TABLE person (
  id         INTEGER PRIMARY KEY,
  fnr        TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('fodselsnummer', 'd_nummer', 'h_nummer')),
  birth_date TEXT NOT NULL,
  name       TEXT,
  created_at TEXT NOT NULL
) STRICT;

-- A case (sak): number YYYY/N.
CREATE TABLE case_file (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,
  year         INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  person_id    INTEGER NOT NULL REFERENCES person(id),
  status       TEXT NOT NULL DEFAULT 'received'
               CHECK (status IN ('received', 'granted', 'refused', 'active', 'closed')),
  opened_on    TEXT NOT NULL,
  target_group TEXT,
  closed_on    TEXT,
  close_reason TEXT,
  UNIQUE (year, seq)
) STRICT;
CREATE INDEX case_file_person ON case_file(person_id);
CREATE INDEX case_file_status ON case_file(status);

-- Melding om behov. A batch referral keeps the sender's external_id.
CREATE TABLE referral (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  sender        TEXT,
  external_id   TEXT,
  reporter_type TEXT NOT NULL,
  reporter_name TEXT,
  received_on   TEXT NOT NULL,
  need          TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX referral_external ON referral(sender, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX referral_case ON referral(case_id);

-- Samtykke. Withdrawal fills the withdrawn_* columns; rows are never deleted.
CREATE TABLE consent (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  scope           TEXT NOT NULL,   -- utredning | team | deling:<service>
  form            TEXT NOT NULL CHECK (form IN ('muntlig', 'skriftlig')),
  given_by        TEXT NOT NULL CHECK (given_by IN ('person', 'foresatt', 'verge')),
  giver_name      TEXT,
  reason          TEXT,
  document_ref    TEXT,
  given_on        TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  recorded_at     TEXT NOT NULL,
  withdrawn_on    TEXT,
  withdrawn_by    TEXT,
  withdraw_reason TEXT
) STRICT;
CREATE INDEX consent_case ON consent(case_id);

-- Kartlegging: scores are stored as computed, never recomputed.
CREATE TABLE assessment (
  id                 INTEGER PRIMARY KEY,
  case_id            INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  instrument         TEXT NOT NULL,
  instrument_version INTEGER NOT NULL,
  rammeverk_hash     TEXT NOT NULL,
  assessor           TEXT NOT NULL,
  profession         TEXT NOT NULL,
  assessed_on        TEXT NOT NULL,
  score              INTEGER NOT NULL,
  threshold          INTEGER NOT NULL,
  recommendation     TEXT NOT NULL CHECK (recommendation IN ('team', 'no_team')),
  partial            INTEGER NOT NULL DEFAULT 0,
  answers            TEXT NOT NULL,   -- JSON object item -> answer
  domains            TEXT NOT NULL,   -- JSON object domain -> score
  unanswered         TEXT NOT NULL DEFAULT '[]',
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX assessment_case ON assessment(case_id);

-- "Hva er viktig for deg?" in the person's own words.
CREATE TABLE what_matters (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  assessment_id INTEGER REFERENCES assessment(id) ON DELETE CASCADE,
  text          TEXT NOT NULL
) STRICT;
CREATE INDEX what_matters_case ON what_matters(case_id);

CREATE TABLE decision (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL UNIQUE REFERENCES case_file(id) ON DELETE CASCADE,
  outcome         TEXT NOT NULL CHECK (outcome IN ('granted', 'refused')),
  grounds         TEXT,
  decided_on      TEXT NOT NULL,
  decided_by      TEXT NOT NULL,
  appeal_deadline TEXT NOT NULL,
  letter          TEXT NOT NULL
) STRICT;

-- Foreløpig svar (forvaltningsloven § 11a).
CREATE TABLE preliminary_reply (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  sent_on     TEXT NOT NULL,
  expected_by TEXT,
  text        TEXT NOT NULL,
  sent_by     TEXT NOT NULL
) STRICT;
CREATE INDEX preliminary_reply_case ON preliminary_reply(case_id);

CREATE TABLE team (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL UNIQUE REFERENCES case_file(id) ON DELETE CASCADE,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
  created_on   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  paused_on    TEXT,
  pause_reason TEXT,
  closed_on    TEXT,
  close_reason TEXT
) STRICT;
CREATE INDEX team_status ON team(status);

-- Members with history: removal sets removed_on. kind 'coordinator' is the
-- koordinator (at most one not removed), 'gp' the fastlege, 'participant'
-- the person or next of kin.
CREATE TABLE team_member (
  id             INTEGER PRIMARY KEY,
  team_id        INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL,
  service        TEXT,
  kind           TEXT NOT NULL DEFAULT 'member' CHECK (kind IN ('member', 'coordinator', 'gp', 'participant')),
  added_on       TEXT NOT NULL,
  removed_on     TEXT,
  removed_reason TEXT
) STRICT;
CREATE INDEX team_member_team ON team_member(team_id);

-- The audit log: a hash chain. hash = sha256 over the entry's fields and
-- prev_hash. meta 'audit_head' holds the last id and hash.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  object    TEXT NOT NULL DEFAULT '',
  person    TEXT NOT NULL DEFAULT '',
  detail    TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_person ON audit(person) WHERE person <> '';
CREATE INDEX audit_object ON audit(object) WHERE object <> '';
)sql";

// 2: the plan (every revision kept) and its evaluations.
constexpr const char* kPlan = R"sql(
CREATE TABLE plan (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL UNIQUE REFERENCES case_file(id) ON DELETE CASCADE,
  kind             TEXT NOT NULL DEFAULT 'ip' CHECK (kind IN ('ip', 'oppfolgingsplan')),
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'revising', 'closed')),
  revision         INTEGER NOT NULL DEFAULT 0,
  created_on       TEXT NOT NULL,
  participated_how TEXT,
  participated_on  TEXT,
  resources        TEXT,
  needs            TEXT,
  contributions    TEXT,
  period_from      TEXT,
  period_to        TEXT,
  next_evaluation  TEXT
) STRICT;
CREATE INDEX plan_next_evaluation ON plan(next_evaluation);

-- A full snapshot (JSON) of the plan after each change.
CREATE TABLE plan_revision (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  revision   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  change     TEXT NOT NULL,
  snapshot   TEXT NOT NULL,
  UNIQUE (plan_id, revision)
) STRICT;

CREATE TABLE goal (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  number     INTEGER NOT NULL,
  parent     INTEGER,                 -- delmål: the number of the goal it belongs to
  text       TEXT NOT NULL,
  source     TEXT,                    -- e.g. 'what_matters:3'
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reached', 'dropped')),
  UNIQUE (plan_id, number)
) STRICT;

CREATE TABLE measure (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  goal_number INTEGER NOT NULL,
  number      INTEGER NOT NULL,
  text        TEXT NOT NULL,
  responsible TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  every_days  INTEGER,
  scope       TEXT,
  how         TEXT,
  status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'started', 'done', 'cancelled')),
  UNIQUE (plan_id, number)
) STRICT;
CREATE INDEX measure_due ON measure(due_on) WHERE status IN ('planned', 'started');

CREATE TABLE evaluation (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  evaluated_on TEXT NOT NULL,
  quality      INTEGER CHECK (quality BETWEEN 1 AND 5),
  decision     TEXT NOT NULL CHECK (decision IN ('continue', 'revise', 'close')),
  reason       TEXT,
  comment      TEXT,
  next_on      TEXT,
  goals        TEXT NOT NULL DEFAULT '{}',  -- JSON object goal number -> GAS score
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX evaluation_case ON evaluation(case_id);

CREATE TABLE indicator_value (
  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
  indicator     TEXT NOT NULL,
  value         INTEGER NOT NULL,
  PRIMARY KEY (evaluation_id, indicator)
) STRICT;
)sql";

// 3: partial indexes for remind's set-based query (src/process/reminders.cpp):
// the current coordinator of a team, plans never evaluated, withdrawn consents.
constexpr const char* kRemindIndexes = R"sql(
CREATE INDEX team_member_coordinator ON team_member(team_id, name) WHERE kind = 'coordinator' AND removed_on IS NULL;
CREATE INDEX plan_unevaluated ON plan(created_on) WHERE next_evaluation IS NULL AND status <> 'closed';
CREATE INDEX consent_withdrawn ON consent(withdrawn_on) WHERE withdrawn_on IS NOT NULL;
)sql";

// 4: covering indexes, so remind's joins are answered from indexes alone.
constexpr const char* kRemindCovering = R"sql(
CREATE INDEX team_open ON team(status, created_on, case_id);
CREATE INDEX team_case_status ON team(case_id, status);
CREATE INDEX measure_open ON measure(due_on, plan_id, number, responsible) WHERE status IN ('planned', 'started');
CREATE INDEX consent_open ON consent(case_id, scope, given_on) WHERE withdrawn_on IS NULL;
CREATE INDEX plan_evaluation_due ON plan(next_evaluation, status, case_id) WHERE next_evaluation IS NOT NULL;
)sql";

// 5: leaner rows for batch intake (issue 3). The person and case_file
// tables are rebuilt (SQLite cannot alter a constraint in place;
// this is its documented twelve-step procedure, run with foreign keys off
// and checked with foreign_key_check before the commit, see Migration):
// - CHECK (x IN (...)) becomes CHECK (x = ... OR ...): SQLite builds a
//   temporary table for an IN list on every row it checks.
// - case_file.number keeps its text but loses its own UNIQUE index: it is
//   always year || '/' || seq, unique through UNIQUE (year, seq), and is
//   found through that index (find_case parses the number).
// - referral.content_hash holds the first 128 bits of a SHA-256 as 32 hex
//   characters for new rows; rows stored before keep their 64-character SHA-256.
// - import_batch links one audit entry per import to the contiguous range
//   of referral ids it stored, instead of one audit entry per row.
constexpr const char* kLeanIntake = R"sql(
CREATE TABLE person_v5 (
  id         INTEGER PRIMARY KEY,
  fnr        TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind = 'fodselsnummer' OR kind = 'd_nummer' OR kind = 'h_nummer'),
  birth_date TEXT NOT NULL,
  name       TEXT,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO person_v5(id, fnr, kind, birth_date, name, created_at)
  SELECT id, fnr, kind, birth_date, name, created_at FROM person;
DROP TABLE person;
ALTER TABLE person_v5 RENAME TO person;

CREATE TABLE case_file_v5 (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL,
  year         INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  person_id    INTEGER NOT NULL REFERENCES person(id),
  status       TEXT NOT NULL DEFAULT 'received'
               CHECK (status = 'received' OR status = 'granted' OR status = 'refused' OR status = 'active' OR status = 'closed'),
  opened_on    TEXT NOT NULL,
  target_group TEXT,
  closed_on    TEXT,
  close_reason TEXT,
  UNIQUE (year, seq)
) STRICT;
INSERT INTO case_file_v5(id, number, year, seq, person_id, status, opened_on, target_group, closed_on, close_reason)
  SELECT id, number, year, seq, person_id, status, opened_on, target_group, closed_on, close_reason FROM case_file;
DROP TABLE case_file;
ALTER TABLE case_file_v5 RENAME TO case_file;
CREATE INDEX case_file_person ON case_file(person_id);
CREATE INDEX case_file_status ON case_file(status);

-- One row per import that stored referrals: its audit entry and the ids of
-- the referrals it stored (an import holds the write lock, so they are one range).
CREATE TABLE import_batch (
  first_referral INTEGER PRIMARY KEY,
  last_referral  INTEGER NOT NULL,
  audit_id       INTEGER NOT NULL
) STRICT;
)sql";


// 6: an audit log that tells the truth (issue 13), and case numbers never
// given twice.
// - Each entry keeps the date the command acted on (`--today`, else the real
//   date; `at` is always the real clock), the SHA-256 of the rammeverk it was
//   made under, and its hash format: 1 for entries written before (0x1F
//   between the fields), 2 for new ones (each field preceded by its length,
//   and the entry's seals hashed in).
// - audit_seal: what each entry recorded of the rows it wrote, as digests
//   (src/audit/audit_log.cpp). A seal covers the rows first_id..last_id of
//   an audited table (one row, or the range an import stored) with the
//   SHA-256 over their row digests in id order; `before` is the digest a
//   single row had before the change ('' when it was inserted). audit_id is
//   NULL for the baseline of the rows written before this migration: the
//   first command that writes to the audit log records it in an entry of
//   its own, `audit.baseline`.
// - case_sequence: the highest case number given in each year; purge never
//   lowers it. Filled from the cases there are and the cases purged before.
constexpr const char* kTruthfulAudit = R"sql(
ALTER TABLE audit ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit ADD COLUMN acted_on TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN rammeverk TEXT NOT NULL DEFAULT '';

CREATE TABLE audit_seal (
  audit_id INTEGER,
  tbl      TEXT NOT NULL,
  first_id INTEGER NOT NULL,
  last_id  INTEGER NOT NULL,
  digest   TEXT,
  before   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_seal_entry ON audit_seal(audit_id);

INSERT INTO audit_seal(audit_id, tbl, first_id, last_id)
  SELECT NULL, 'person', min(id), max(id) FROM person HAVING count(*) > 0
  UNION ALL SELECT NULL, 'referral', min(id), max(id) FROM referral HAVING count(*) > 0
  UNION ALL SELECT NULL, 'consent', min(id), max(id) FROM consent HAVING count(*) > 0
  UNION ALL SELECT NULL, 'decision', min(id), max(id) FROM decision HAVING count(*) > 0
  UNION ALL SELECT NULL, 'goal', min(id), max(id) FROM goal HAVING count(*) > 0
  UNION ALL SELECT NULL, 'measure', min(id), max(id) FROM measure HAVING count(*) > 0;

CREATE TABLE case_sequence (
  year     INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
) STRICT;
INSERT INTO case_sequence(year, last_seq)
  SELECT year, max(seq) FROM (
    SELECT year, seq FROM case_file
    UNION ALL
    SELECT CAST(substr(object, 1, 4) AS INTEGER), CAST(substr(object, 6) AS INTEGER) FROM audit
      WHERE action = 'purge' AND object GLOB '[0-9][0-9][0-9][0-9]/[1-9]*')
  GROUP BY year;
)sql";

// Issue 19: each case handed to the municipal archive as a Noark 5 package
// (`archive export`); purge deletes only archived cases unless forced.
const char* const kArchive = R"sql(
CREATE TABLE archive_export (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  exported_at TEXT NOT NULL,
  exported_by TEXT NOT NULL,
  package     TEXT NOT NULL,
  documents   INTEGER NOT NULL
) STRICT;
CREATE INDEX archive_export_case ON archive_export(case_id);
)sql";

// 8: every path a case takes (issue 14).
// - case_closing: each `case close` (reason id of the rammeverk, the case's
//   status when it was closed, a note, where the person moved), and its
//   reopening. team_status / plan_status keep what the closing changed, so
//   `case reopen` puts back exactly that.
// - consent_decline: the person's own no to a scope (consent decline, refer
//   add --declined), which is not a consent never asked for.
// - case_file.owner: the saksbehandler responsible for the case (case assign);
//   case_owner keeps every assignment.
// - case_target_group: every target group set on a case (at referral,
//   assessment, decision, import or by case target-group); case_file.target_group
//   holds the latest.
// - goal_status: every change of a goal's state (reached, partly, dropped,
//   active again) with a note; the goal row itself is not changed.
// - correction: every correction (person name, referral, goal, measure) and
//   void (consent, assessment) with the value before and after.
constexpr const char* kPaths = R"sql(
CREATE TABLE case_closing (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  reason          TEXT NOT NULL,
  stage           TEXT NOT NULL
                  CHECK (stage = 'received' OR stage = 'granted' OR stage = 'refused' OR stage = 'active'),
  note            TEXT,
  to_municipality TEXT,
  closed_on       TEXT NOT NULL,
  closed_by       TEXT NOT NULL,
  team_status     TEXT,
  plan_status     TEXT,
  reopened_on     TEXT,
  reopened_by     TEXT,
  reopen_reason   TEXT
) STRICT;
CREATE INDEX case_closing_case ON case_closing(case_id);

CREATE TABLE consent_decline (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  scope       TEXT NOT NULL,
  form        TEXT NOT NULL CHECK (form = 'muntlig' OR form = 'skriftlig'),
  declined_by TEXT NOT NULL CHECK (declined_by = 'person' OR declined_by = 'foresatt' OR declined_by = 'verge'),
  giver_name  TEXT,
  note        TEXT,
  declined_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX consent_decline_case ON consent_decline(case_id, scope);

ALTER TABLE case_file ADD COLUMN owner TEXT;
CREATE INDEX case_file_owner ON case_file(owner) WHERE owner IS NOT NULL;
CREATE TABLE case_owner (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  owner       TEXT NOT NULL,
  assigned_on TEXT NOT NULL,
  assigned_by TEXT NOT NULL
) STRICT;
CREATE INDEX case_owner_case ON case_owner(case_id);

CREATE TABLE case_target_group (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  target_group TEXT NOT NULL,
  step         TEXT NOT NULL
               CHECK (step = 'refer' OR step = 'import' OR step = 'assess' OR step = 'decide' OR step = 'case'),
  set_on       TEXT NOT NULL,
  set_by       TEXT NOT NULL
) STRICT;
CREATE INDEX case_target_group_case ON case_target_group(case_id);

-- A goal's life (plan goal-status): the latest row is its state; 'active'
-- shows as the goal's stored status ('open').
CREATE TABLE goal_status (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  goal_number INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status = 'active' OR status = 'reached' OR status = 'partly' OR status = 'dropped'),
  note        TEXT,
  set_on      TEXT NOT NULL,
  set_by      TEXT NOT NULL
) STRICT;
CREATE INDEX goal_status_goal ON goal_status(plan_id, goal_number);

-- Corrections without loss: the value before and after, the reason, who
-- and when. A void (consent, assessment entered in error) is field 'void'.
-- case_id is NULL for a person's name, which belongs to every case.
CREATE TABLE correction (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER REFERENCES case_file(id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  object       TEXT NOT NULL CHECK (object = 'person' OR object = 'referral' OR object = 'goal' OR object = 'measure'
                                    OR object = 'consent' OR object = 'assessment'),
  object_id    INTEGER NOT NULL,
  field        TEXT NOT NULL,
  before       TEXT,
  after        TEXT,
  reason       TEXT NOT NULL,
  corrected_on TEXT NOT NULL,
  corrected_by TEXT NOT NULL
) STRICT;
CREATE INDEX correction_case ON correction(case_id);
CREATE INDEX correction_person ON correction(person_id);
CREATE INDEX correction_object ON correction(object, object_id);
)sql";

// 9 (issue 15): the team at work. Meetings with
// their participants and agreed actions, the case log, the team's reviews
// of itself, approvals a leader must give, and contact details of members.
// - meeting: number per case; status 'planned' (meeting next) or 'held'.
// - meeting_action: number per case; measure = the plan measure it became.
// - approval: what ('plan' | 'assessment'), ref (plan revision or
//   assessment id), status pending -> approved | rejected.
constexpr const char* kTeamWork = R"sql(
CREATE TABLE meeting (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  kind           TEXT NOT NULL,
  held_on        TEXT NOT NULL,
  place          TEXT,
  status         TEXT NOT NULL CHECK (status = 'planned' OR status = 'held'),
  person_present INTEGER NOT NULL DEFAULT 0,
  minutes        TEXT,
  minutes_on     TEXT,
  created_by     TEXT NOT NULL,
  UNIQUE (case_id, number)
) STRICT;
CREATE INDEX meeting_open ON meeting(held_on, case_id) WHERE minutes IS NULL;
CREATE INDEX meeting_planned ON meeting(held_on, case_id) WHERE status = 'planned';

CREATE TABLE meeting_participant (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  role       TEXT,
  service    TEXT,
  phone      TEXT,
  email      TEXT
) STRICT;
CREATE INDEX meeting_participant_meeting ON meeting_participant(meeting_id);

CREATE TABLE meeting_action (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  text        TEXT NOT NULL,
  responsible TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'done'),
  done_on     TEXT,
  measure     INTEGER,
  UNIQUE (case_id, number)
) STRICT;
CREATE INDEX meeting_action_open ON meeting_action(due_on, case_id) WHERE status = 'open' AND measure IS NULL;

CREATE TABLE case_log (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  written_on TEXT NOT NULL,
  written_by TEXT NOT NULL,
  written_at TEXT NOT NULL,
  text       TEXT NOT NULL
) STRICT;
CREATE INDEX case_log_case ON case_log(case_id, written_on);

CREATE TABLE team_review (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  reviewed_on TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  answers     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX team_review_case ON team_review(case_id, reviewed_on);

CREATE TABLE approval (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  what         TEXT NOT NULL,
  ref          INTEGER,
  requested_on TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status = 'pending' OR status = 'approved' OR status = 'rejected'),
  decided_on   TEXT,
  decided_by   TEXT,
  reason       TEXT
) STRICT;
CREATE INDEX approval_pending ON approval(requested_on, case_id) WHERE status = 'pending';

ALTER TABLE team_member ADD COLUMN phone TEXT;
ALTER TABLE team_member ADD COLUMN email TEXT;
)sql";

// 10: a case's last change as a column, kept by a trigger on the audit log,
// so that remind's stale_case item reads one column per open case instead
// of scanning each case's audit entries. What counts as a change is said
// once, here: an entry naming the case that is not a read (show, list,
// export, history) nor a refusal. Its day is the day acted on (--today),
// else the day of the entry; the latest day is kept. NULL: nothing changed
// since the case was opened (an import's entry names the import, not its
// cases). Case numbers are YEAR/SEQ, found through UNIQUE (year, seq).
// No index on the column: remind reads the open cases through
// case_file_status anyway, and an index would cost every imported case.
constexpr const char* kLastChanged = R"sql(
ALTER TABLE case_file ADD COLUMN last_changed TEXT;
UPDATE case_file SET last_changed =
  (SELECT max(CASE WHEN a.acted_on <> '' THEN a.acted_on ELSE substr(a.at, 1, 10) END)
   FROM audit a WHERE a.object = case_file.number AND a.object <> ''
     AND a.action NOT LIKE '%.show' AND a.action NOT LIKE '%.list' AND a.action NOT LIKE '%.export'
     AND a.action NOT LIKE '%.history' AND a.action <> 'access.refused');
CREATE TRIGGER audit_case_changed AFTER INSERT ON audit
  WHEN NEW.object GLOB '[0-9]*/[0-9]*'
   AND NEW.action NOT LIKE '%.show' AND NEW.action NOT LIKE '%.list' AND NEW.action NOT LIKE '%.export'
   AND NEW.action NOT LIKE '%.history' AND NEW.action <> 'access.refused'
BEGIN
  UPDATE case_file
     SET last_changed = max(COALESCE(last_changed, ''),
                            CASE WHEN NEW.acted_on <> '' THEN NEW.acted_on ELSE substr(NEW.at, 1, 10) END)
   WHERE year = CAST(substr(NEW.object, 1, instr(NEW.object, '/') - 1) AS INTEGER)
     AND seq = CAST(substr(NEW.object, instr(NEW.object, '/') + 1) AS INTEGER)
     AND number = NEW.object;
END;
)sql";

// 11: transfer between municipalities (issue 19). One row per case sent
// (direction 'out': to whom, the file and its SHA-256) or received ('in':
// from which municipality and case, the bundle's SHA-256, and the received
// history as checked JSON, kept apart from the receiving unit's own rows).
constexpr const char* kTransfer = R"sql(
CREATE TABLE case_transfer (
  id                  INTEGER PRIMARY KEY,
  case_id             INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  direction           TEXT NOT NULL CHECK (direction = 'out' OR direction = 'in'),
  municipality        TEXT NOT NULL,
  municipality_number TEXT,
  remote_case         TEXT,
  bundle_sha256       TEXT NOT NULL,
  file                TEXT,
  history             TEXT,
  transferred_on      TEXT NOT NULL,
  transferred_at      TEXT NOT NULL,
  transferred_by      TEXT NOT NULL
) STRICT;
CREATE INDEX case_transfer_case ON case_transfer(case_id);
CREATE UNIQUE INDEX case_transfer_in_bundle ON case_transfer(bundle_sha256) WHERE direction = 'in';
CREATE UNIQUE INDEX case_transfer_in_case ON case_transfer(municipality_number, remote_case) WHERE direction = 'in';
)sql";

// 12: issue 14, points 3 and 8: appeals (klage) with their steps, the
// decisions an appeal replaced, and a person's foresatte and verge.
constexpr const char* kAppeals = R"sql(
CREATE TABLE appeal (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  decision_id      INTEGER NOT NULL,
  received_on      TEXT NOT NULL,
  appellant        TEXT NOT NULL CHECK (appellant = 'person' OR appellant = 'foresatt' OR appellant = 'verge'),
  appellant_name   TEXT,
  deadline         TEXT NOT NULL,
  late             INTEGER NOT NULL CHECK (late = 0 OR late = 1),
  decision_outcome TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status = 'received' OR status = 'reversed' OR status = 'upheld'
                                        OR status = 'forwarded' OR status = 'returned' OR status = 'final_upheld'
                                        OR status = 'final_reversed'),
  status_on        TEXT NOT NULL,
  registered_on    TEXT NOT NULL,
  registered_by    TEXT NOT NULL
) STRICT;
CREATE INDEX appeal_case ON appeal(case_id);
CREATE INDEX appeal_open ON appeal(status, case_id)
  WHERE status = 'received' OR status = 'returned' OR status = 'upheld' OR status = 'forwarded';

CREATE TABLE appeal_step (
  id          INTEGER PRIMARY KEY,
  appeal_id   INTEGER NOT NULL REFERENCES appeal(id) ON DELETE CASCADE,
  step        TEXT NOT NULL CHECK (step = 'review' OR step = 'forward' OR step = 'outcome'),
  result      TEXT,
  step_on     TEXT NOT NULL,
  grounds     TEXT,
  recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX appeal_step_appeal ON appeal_step(appeal_id);

CREATE TABLE decision_history (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  decision_id     INTEGER NOT NULL,
  appeal_id       INTEGER REFERENCES appeal(id) ON DELETE CASCADE,
  outcome         TEXT NOT NULL,
  grounds         TEXT,
  decided_on      TEXT NOT NULL,
  decided_by      TEXT NOT NULL,
  appeal_deadline TEXT NOT NULL,
  letter          TEXT NOT NULL,
  replaced_on     TEXT NOT NULL,
  replaced_by     TEXT NOT NULL
) STRICT;
CREATE INDEX decision_history_case ON decision_history(case_id);

CREATE TABLE person_guardian (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind = 'foresatt' OR kind = 'verge'),
  name      TEXT NOT NULL,
  address   TEXT,
  added_on  TEXT NOT NULL,
  added_by  TEXT NOT NULL,
  ended_on  TEXT,
  ended_by  TEXT
) STRICT;
CREATE INDEX person_guardian_person ON person_guardian(person_id);
)sql";

// 13: finding a person by a part of their name (case list --name) without
// reading every person (issue 18: under 20 ms over a million). An FTS5
// trigram index over person.name: substrings of three characters or more,
// case-folded, are looked up instead of scanned; the caller still checks
// each candidate with its own folding. External content (the names stay in
// person only), detail=none (rowids only) and columnsize=0 (no per-name
// length row, needed only for ranking) keep it small and cheap to fill.
//
// The index covers the persons up to person_name_search_state.indexed_to;
// a name search first indexes the persons after it in one go
// (store/name_search.cpp). So a batch import does not pay for an index it
// may never be asked (indexing names row by row added a quarter to an
// import of a million); the first search after it does, about two seconds
// a million. Triggers keep the covered persons in step with every rename
// and purge. No trigger runs on an insert (it would cost the import a
// check per row): a new person's id is above the mark because the mark
// never passes the highest id; a purge, after which SQLite may give the
// highest id again, lowers it (store/name_search.cpp).
constexpr const char* kNameSearch = R"sql(
CREATE VIRTUAL TABLE person_name_search USING fts5(
  name, content = 'person', content_rowid = 'id', tokenize = 'trigram case_sensitive 0', detail = 'none', columnsize = 0);
CREATE TABLE person_name_search_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_to INTEGER NOT NULL
) STRICT;
INSERT INTO person_name_search(rowid, name) SELECT id, name FROM person WHERE name IS NOT NULL;
INSERT INTO person_name_search_state(id, indexed_to) VALUES (1, coalesce((SELECT max(id) FROM person), 0));
CREATE TRIGGER person_name_search_update AFTER UPDATE OF name ON person
WHEN old.id <= (SELECT indexed_to FROM person_name_search_state) BEGIN
  INSERT INTO person_name_search(person_name_search, rowid, name) SELECT 'delete', old.id, old.name WHERE old.name IS NOT NULL;
  INSERT INTO person_name_search(rowid, name) SELECT new.id, new.name WHERE new.name IS NOT NULL;
END;
CREATE TRIGGER person_name_search_delete AFTER DELETE ON person
WHEN old.name IS NOT NULL AND old.id <= (SELECT indexed_to FROM person_name_search_state) BEGIN
  INSERT INTO person_name_search(person_name_search, rowid, name) VALUES ('delete', old.id, old.name);
END;
)sql";

// 14: the scores behind a vedtak, the evaluations, an appeal's steps and a
// team's members are sealed too (src/audit/audit_log.cpp, kAuditedTables).
// As in schema 6, the rows already there are announced by seals with no
// entry; the first command that writes to the audit log after this records
// them in an `audit.baseline` entry. Entries are written in hash format 3
// from now on, so `audit verify` accepts these seals only while the log
// holds no entry of that format.
constexpr const char* kMoreSeals = R"sql(
INSERT INTO audit_seal(audit_id, tbl, first_id, last_id)
  SELECT NULL, 'assessment', min(id), max(id) FROM assessment HAVING count(*) > 0
  UNION ALL SELECT NULL, 'evaluation', min(id), max(id) FROM evaluation HAVING count(*) > 0
  UNION ALL SELECT NULL, 'appeal_step', min(id), max(id) FROM appeal_step HAVING count(*) > 0
  UNION ALL SELECT NULL, 'team_member', min(id), max(id) FROM team_member HAVING count(*) > 0;
)sql";

// 15: an evaluation's indicator values, an assessment's "what matters"
// answers and the corrections (voids included) are sealed too
// (src/audit/audit_log.cpp, kAuditedTables). A seal names rows by id:
// indicator_value, keyed by (evaluation_id, indicator) alone, gets an id,
// each row keeping its rowid as its id (VACUUM may renumber the rowids of
// a table without one), and its key stays unique. As in schemas 6 and 14,
// the rows already there are announced by seals with no entry for the
// first command after this to record (`audit.baseline`); entries are
// written in hash format 4 from now on, so `audit verify` accepts these
// seals only while the log holds no entry of that format. Run again on a
// table already rebuilt (user_version set back by hand), it copies the
// same rows: the rowid is then the id.
constexpr const char* kLastSeals = R"sql(
CREATE TABLE indicator_value_new (
  id            INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
  indicator     TEXT NOT NULL,
  value         INTEGER NOT NULL,
  UNIQUE (evaluation_id, indicator)
) STRICT;
INSERT INTO indicator_value_new(id, evaluation_id, indicator, value)
  SELECT rowid, evaluation_id, indicator, value FROM indicator_value ORDER BY rowid;
DROP TABLE indicator_value;
ALTER TABLE indicator_value_new RENAME TO indicator_value;
INSERT INTO audit_seal(audit_id, tbl, first_id, last_id)
  SELECT NULL, 'indicator_value', min(id), max(id) FROM indicator_value HAVING count(*) > 0
  UNION ALL SELECT NULL, 'what_matters', min(id), max(id) FROM what_matters HAVING count(*) > 0
  UNION ALL SELECT NULL, 'correction', min(id), max(id) FROM correction HAVING count(*) > 0;
)sql";

// 16: a planned meeting that does not take place is cancelled, with the
// day and the reason, instead of being recorded as held to end its
// reminders (trial s12 #9). SQLite cannot widen a CHECK in place: the table
// is rebuilt (foreign keys off, as in schema 5; meeting_participant and
// meeting_action keep their references by id), every row kept. The minutes
// reminder's index leaves cancelled meetings out.
constexpr const char* kMeetingCancel = R"sql(
CREATE TABLE meeting_new (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  kind           TEXT NOT NULL,
  held_on        TEXT NOT NULL,
  place          TEXT,
  status         TEXT NOT NULL CHECK (status = 'planned' OR status = 'held' OR status = 'cancelled'),
  person_present INTEGER NOT NULL DEFAULT 0,
  minutes        TEXT,
  minutes_on     TEXT,
  created_by     TEXT NOT NULL,
  cancelled_on   TEXT,
  cancel_reason  TEXT,
  UNIQUE (case_id, number)
) STRICT;
INSERT INTO meeting_new(id, case_id, number, kind, held_on, place, status, person_present, minutes, minutes_on, created_by)
  SELECT id, case_id, number, kind, held_on, place, status, person_present, minutes, minutes_on, created_by FROM meeting ORDER BY id;
DROP TABLE meeting;
ALTER TABLE meeting_new RENAME TO meeting;
CREATE INDEX meeting_open ON meeting(held_on, case_id) WHERE minutes IS NULL AND status <> 'cancelled';
CREATE INDEX meeting_planned ON meeting(held_on, case_id) WHERE status = 'planned';
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "core process and audit log", kCore},
      {2, "plan and evaluation", kPlan},
      {3, "indexes for remind", kRemindIndexes},
      {4, "covering indexes for remind", kRemindCovering},
      {5, "lean rows for batch intake", kLeanIntake, true},
      {6, "truthful audit log and case sequence", kTruthfulAudit},
      {7, "archive exports", kArchive},
      {8, "every path a case takes: closing, decline, owner, target group, goal status, corrections", kPaths},
      {9, "meetings, case log, team reviews, approvals, contact details", kTeamWork},
      {10, "a case's last change, for stale cases", kLastChanged},
      {11, "transfer between municipalities", kTransfer},
      {12, "appeals, replaced decisions, guardians", kAppeals},
      {13, "a person found by part of their name", kNameSearch},
      {14, "assessments, evaluations, appeal steps and team members sealed", kMoreSeals},
      {15, "indicator values, what-matters answers and corrections sealed", kLastSeals},
      {16, "a planned meeting can be cancelled", kMeetingCancel, true},
  };
  return all;
}

int latest_schema_version() { return migrations().back().version; }

}  // namespace oppteam
