-- Three cases for the FHIR export check (tests/fhir/check.sh), inserted
-- straight into a database made by `oppteam init` with the example
-- rammeverk. Synthetic personal numbers only (month + 80).
--   2026/1: Kasper, 9, a child; his parents (foresatt) consented; team and plan.
--   2026/2: Klara, 77; consent to the team later withdrawn; evaluated.
--   2025/7: Per, 70; closed case (team closed after evaluation "close").
BEGIN;
INSERT INTO person (id, fnr, kind, birth_date, name, created_at) VALUES
  (1, '14851650181', 'fodselsnummer', '2016-05-14', 'Kasper Nilsen', '2026-03-02T09:00:00Z'),
  (2, '03894810016', 'fodselsnummer', '1948-09-03', 'Klara Berg', '2026-01-10T09:00:00Z'),
  (3, '21875520048', 'fodselsnummer', '1955-07-21', 'Per Hansen', '2025-02-01T09:00:00Z');

INSERT INTO case_file (id, number, year, seq, person_id, status, opened_on, target_group, closed_on, close_reason) VALUES
  (1, '2026/1', 2026, 1, 1, 'active', '2026-03-02', 'barn_unge', NULL, NULL),
  (2, '2026/2', 2026, 2, 2, 'active', '2026-01-10', 'skrope_eldre', NULL, NULL),
  (3, '2025/7', 2025, 7, 3, 'closed', '2025-02-01', 'kronisk_syke', '2025-12-15', 'Mål nådd');

INSERT INTO referral (id, case_id, sender, external_id, reporter_type, reporter_name, received_on, need, content_hash, created_at, created_by) VALUES
  (1, 1, NULL, NULL, 'barnehage', 'Styrer Eva Lund', '2026-03-02', 'Familien trenger koordinering mellom barnehage, helsestasjon og barnevern', 'h1', '2026-03-02T09:00:00Z', 'saksbehandler1'),
  (2, 2, 'fag-system', 'EXT-77', 'fastlege', 'Dr. Berg', '2026-01-10', 'Mange tjenester, hyppige innleggelser', 'h2', '2026-01-10T09:00:00Z', 'import'),
  (3, 2, NULL, NULL, 'parorende', 'Datter', '2026-01-20', 'Bekymret for at mor ikke klarer seg hjemme', 'h3', '2026-01-20T09:00:00Z', 'saksbehandler1'),
  (4, 3, NULL, NULL, 'fastlege', 'Dr. Berg', '2025-02-01', 'Risikoscreening hos fastlege', 'h4', '2025-02-01T09:00:00Z', 'saksbehandler1');

INSERT INTO consent (id, case_id, scope, form, given_by, giver_name, reason, document_ref, given_on, recorded_by, recorded_at, withdrawn_on, withdrawn_by, withdraw_reason) VALUES
  (1, 1, 'utredning', 'skriftlig', 'foresatt', 'Pia Nilsen', NULL, 'DOK-2026-11', '2026-03-03', 'saksbehandler1', '2026-03-03T10:00:00Z', NULL, NULL, NULL),
  (2, 1, 'team', 'skriftlig', 'foresatt', 'Pia Nilsen', NULL, 'DOK-2026-11', '2026-03-03', 'saksbehandler1', '2026-03-03T10:00:00Z', NULL, NULL, NULL),
  (3, 1, 'deling:barnevern', 'muntlig', 'foresatt', 'Pia Nilsen', NULL, NULL, '2026-03-03', 'saksbehandler1', '2026-03-03T10:00:00Z', NULL, NULL, NULL),
  (4, 2, 'utredning', 'muntlig', 'person', NULL, NULL, NULL, '2026-01-12', 'saksbehandler1', '2026-01-12T10:00:00Z', NULL, NULL, NULL),
  (5, 2, 'team', 'muntlig', 'person', NULL, NULL, NULL, '2026-01-12', 'saksbehandler1', '2026-01-12T10:00:00Z', '2026-05-02', 'person', 'Ønsker ikke team lenger'),
  (6, 3, 'utredning', 'skriftlig', 'person', NULL, NULL, 'DOK-2025-3', '2025-02-03', 'saksbehandler1', '2025-02-03T10:00:00Z', NULL, NULL, NULL),
  (7, 3, 'team', 'skriftlig', 'person', NULL, NULL, 'DOK-2025-3', '2025-02-03', 'saksbehandler1', '2025-02-03T10:00:00Z', NULL, NULL, NULL);

INSERT INTO assessment (id, case_id, instrument, instrument_version, rammeverk_hash, assessor, profession, assessed_on, score, threshold, recommendation, partial, answers, domains, created_by, created_at) VALUES
  (1, 1, 'kjennetegn', 1, 'x', 'Ane Lie', 'sykepleier', '2026-03-05', 5, 4, 'team', 0, '{"flere_diagnoser": 1, "funksjonsfall": 2, "psykisk_helse": 1, "rus": 0}', '{"helse": 1, "funksjon": 2, "psykisk": 1}', 'saksbehandler1', '2026-03-05T10:00:00Z'),
  (2, 2, 'kjennetegn', 1, 'x', 'Ola Dahl', 'ergoterapeut', '2026-01-15', 3, 4, 'no_team', 1, '{"flere_diagnoser": 1, "funksjonsfall": 2}', '{"helse": 1, "funksjon": 2}', 'saksbehandler1', '2026-01-15T10:00:00Z'),
  (3, 3, 'kjennetegn', 1, 'x', 'Ane Lie', 'sykepleier', '2025-02-10', 6, 4, 'team', 0, '{"flere_diagnoser": 1, "funksjonsfall": 3, "psykisk_helse": 1, "rus": 1}', '{"helse": 1, "funksjon": 3, "psykisk": 2}', 'saksbehandler1', '2025-02-10T10:00:00Z');

INSERT INTO what_matters (id, case_id, assessment_id, text) VALUES
  (1, 1, 1, 'Å få leke med vennene i barnehagen'),
  (2, 2, 2, 'Å bo heime'),
  (3, 3, 3, 'Å klare meg selv');

INSERT INTO decision (id, case_id, outcome, grounds, decided_on, decided_by, appeal_deadline, letter) VALUES
  (1, 1, 'granted', NULL, '2026-03-10', 'saksbehandler1', '2026-04-07', 'Vedtak'),
  (2, 2, 'granted', NULL, '2026-02-20', 'saksbehandler1', '2026-03-20', 'Vedtak'),
  (3, 3, 'granted', NULL, '2025-02-20', 'saksbehandler1', '2025-03-20', 'Vedtak');

INSERT INTO preliminary_reply (id, case_id, sent_on, expected_by, text, sent_by) VALUES
  (1, 2, '2026-02-05', '2026-02-28', 'Foreløpig svar', 'saksbehandler1');

INSERT INTO team (id, case_id, status, created_on, created_by, closed_on, close_reason) VALUES
  (1, 1, 'active', '2026-03-12', 'saksbehandler1', NULL, NULL),
  (2, 2, 'paused', '2026-02-25', 'saksbehandler1', NULL, NULL),
  (3, 3, 'closed', '2025-02-25', 'saksbehandler1', '2025-12-15', 'Mål nådd');

INSERT INTO team_member (id, team_id, name, role, service, kind, added_on, removed_on, removed_reason) VALUES
  (1, 1, 'Ane Lie', 'koordinator', 'helsestasjon', 'coordinator', '2026-03-12', NULL, NULL),
  (2, 1, 'Dr. Berg', 'fastlege', 'fastlege', 'gp', '2026-03-12', NULL, NULL),
  (3, 1, 'Pia Nilsen', 'koordinator', NULL, 'participant', '2026-03-12', NULL, NULL),
  (4, 1, 'Siri Moe', 'koordinator', 'barnevern', 'member', '2026-03-12', '2026-04-01', 'Byttet jobb'),
  (5, 2, 'Ola Dahl', 'koordinator', 'hjemmetjenesten', 'coordinator', '2026-02-25', NULL, NULL),
  (6, 3, 'Ane Lie', 'koordinator', 'hjemmetjenesten', 'coordinator', '2025-02-25', NULL, NULL),
  (7, 3, 'Kari Nav', 'koordinator', 'nav', 'member', '2025-02-25', NULL, NULL);

INSERT INTO plan (id, case_id, kind, status, revision, created_on, participated_how, participated_on, period_from, period_to, next_evaluation) VALUES
  (1, 1, 'ip', 'open', 2, '2026-03-15', 'Møte med foreldrene', '2026-03-15', '2026-03-15', '2026-12-31', '2026-06-15'),
  (2, 2, 'oppfolgingsplan', 'open', 1, '2026-03-01', 'Hjemmebesøk', '2026-03-01', NULL, NULL, '2026-06-01'),
  (3, 3, 'ip', 'closed', 3, '2025-03-01', 'Samtale', '2025-03-01', '2025-03-01', '2025-12-31', NULL);

INSERT INTO plan_revision (id, plan_id, revision, created_at, created_by, change, snapshot) VALUES
  (1, 1, 1, '2026-03-15T10:00:00Z', 'saksbehandler1', 'goal 1', '{}'),
  (2, 1, 2, '2026-03-16T10:00:00Z', 'saksbehandler1', 'measure 1', '{}'),
  (3, 2, 1, '2026-03-01T10:00:00Z', 'saksbehandler1', 'goal 1', '{}'),
  (4, 3, 1, '2025-03-01T10:00:00Z', 'saksbehandler1', 'goal 1', '{}');

INSERT INTO goal (id, plan_id, number, parent, text, source, status) VALUES
  (1, 1, 1, NULL, 'Å få leke med vennene i barnehagen', 'what_matters:1', 'open'),
  (2, 1, 2, 1, 'Fast assistent i barnehagen', NULL, 'open'),
  (3, 2, 1, NULL, 'Bo trygt heime', 'what_matters:2', 'open'),
  (4, 3, 1, NULL, 'Klare meg selv', 'what_matters:3', 'reached'),
  (5, 3, 2, NULL, 'Trene to ganger i uka', NULL, 'dropped');

INSERT INTO measure (id, plan_id, goal_number, number, text, responsible, due_on, every_days, status) VALUES
  (1, 1, 2, 1, 'Søke om assistent', 'Ane Lie', '2026-04-01', NULL, 'started'),
  (2, 1, 1, 2, 'Ukentlig samtale med foreldrene', 'Ane Lie', '2026-04-01', 7, 'planned'),
  (3, 2, 1, 1, 'Ukentlig besøk', 'Ola Dahl', '2026-05-01', 7, 'planned'),
  (4, 3, 1, 1, 'Trygghetsalarm', 'Ane Lie', '2025-04-01', NULL, 'done'),
  (5, 3, 2, 2, 'Treningsgruppe', 'Kari Nav', '2025-05-01', NULL, 'cancelled');

INSERT INTO evaluation (id, case_id, evaluated_on, quality, decision, reason, comment, next_on, goals, created_by, created_at) VALUES
  (1, 2, '2026-04-20', 4, 'revise', NULL, NULL, '2026-07-20', '{"1": 1}', 'saksbehandler1', '2026-04-20T10:00:00Z'),
  (2, 3, '2025-06-01', 3, 'continue', NULL, NULL, '2025-09-01', '{"1": 0, "2": -1}', 'saksbehandler1', '2025-06-01T10:00:00Z'),
  (3, 3, '2025-12-10', 5, 'close', 'Mål nådd', NULL, NULL, '{"1": 2, "2": -2}', 'saksbehandler1', '2025-12-10T10:00:00Z');

INSERT INTO indicator_value (evaluation_id, indicator, value) VALUES
  (1, 'sykehusinnleggelser', 1),
  (1, 'legevaktbesok', 2),
  (2, 'sykehusinnleggelser', 2),
  (3, 'sykehusinnleggelser', 0),
  (3, 'tjenester_utsatt', 1);
COMMIT;
