-- The 1,000,000-case benchmark population for bench/report_bench.sh,
-- generated with SQL into a database made by `oppteam init`. Deterministic
-- (no random()): every choice is a fixed function of the row number.
-- Person numbers are placeholders ('B' + 10 digits), never real numbers.
.bail on
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP TABLE n AS
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 1000000) SELECT i FROM s;

INSERT INTO person (id, fnr, kind, birth_date, created_at)
SELECT i, printf('B%010d', i), 'fodselsnummer', '1950-01-01', '2024-01-01T00:00:00Z' FROM n;

INSERT INTO case_file (id, number, year, seq, person_id, status, opened_on, target_group, closed_on)
SELECT i, '2024/' || i, 2024, i, i,
       CASE i % 10 WHEN 0 THEN 'received' WHEN 1 THEN 'refused' WHEN 2 THEN 'granted' WHEN 3 THEN 'closed' ELSE 'active' END,
       date('2024-01-01', '+' || (i * 7919 % 730) || ' days'),
       CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN 'barn_unge' WHEN 2 THEN 'psykisk_rus' WHEN 3 THEN 'skrope_eldre' ELSE 'kronisk_syke' END,
       CASE i % 10 WHEN 3 THEN date('2024-01-01', '+' || (i * 7919 % 730 + 200) || ' days') END
FROM n;

INSERT INTO referral (case_id, reporter_type, received_on, need, content_hash, created_at, created_by)
SELECT i, CASE WHEN i % 9973 = 0 THEN 'annen'
               ELSE CASE i * 31 % 8 WHEN 0 THEN 'bruker' WHEN 1 THEN 'parorende' WHEN 2 THEN 'fastlege' WHEN 3 THEN 'sykehus'
                                   WHEN 4 THEN 'kommunal_tjeneste' WHEN 5 THEN 'barnehage' WHEN 6 THEN 'skole' ELSE 'nav' END END,
       date('2024-01-01', '+' || (i * 7919 % 730) || ' days'), 'behov', 'h', '2024-01-01T00:00:00Z', 'bench'
FROM n;
INSERT INTO referral (case_id, reporter_type, received_on, need, content_hash, created_at, created_by)
SELECT i, 'parorende', date('2024-01-01', '+' || (i * 7919 % 730 + i % 20) || ' days'), 'behov', 'h', '2024-01-01T00:00:00Z', 'bench'
FROM n WHERE i % 10 = 7;

INSERT INTO decision (case_id, outcome, decided_on, decided_by, appeal_deadline, letter)
SELECT i, CASE WHEN i % 7 = 0 THEN 'refused' ELSE 'granted' END,
       date('2024-01-01', '+' || (i * 7919 % 730 + 3 + i * 13 % 70) || ' days'), 'bench', '2026-01-01', 'v'
FROM n WHERE i % 10 <> 0;

INSERT INTO preliminary_reply (case_id, sent_on, text, sent_by)
SELECT i, date('2024-01-01', '+' || (i * 7919 % 730 + 25) || ' days'), 'f', 'bench' FROM n WHERE i % 10 <> 0 AND i % 3 = 0;

INSERT INTO team (id, case_id, status, created_on, created_by)
SELECT i, i, CASE i % 10 WHEN 3 THEN 'closed' ELSE 'active' END,
       date('2024-01-01', '+' || (i * 7919 % 730 + 3 + i * 13 % 70 + 1 + i % 25) || ' days'), 'bench'
FROM n WHERE i % 10 <> 0 AND i % 7 <> 0 AND i % 5 <> 4;

CREATE TEMP TABLE k AS SELECT column1 AS j, column2 AS service FROM (VALUES
  (1, 'hjemmetjenesten'), (2, 'fastlege'), (3, 'nav'), (4, 'psykisk_helse_rus'), (5, 'fysio_ergo'),
  (6, 'skole'), (7, NULL), (8, 'barnevern'));
INSERT INTO team_member (team_id, name, role, service, kind, added_on, removed_on)
SELECT t.id, 'm' || k.j, 'koordinator', k.service, CASE k.j WHEN 1 THEN 'coordinator' ELSE 'member' END, t.created_on,
       CASE WHEN k.j = 2 AND t.id % 11 = 0 THEN t.created_on END
FROM team t JOIN k ON k.j <= 1 + t.id % 8;

INSERT INTO plan (id, case_id, created_on)
SELECT t.id, t.case_id, date(t.created_on, '+' || (t.id % 10) || ' days') FROM team t WHERE t.id % 10 <> 9;
INSERT INTO plan_revision (plan_id, revision, created_at, created_by, change, snapshot)
SELECT p.id, 1, date(p.created_on, '+' || (p.id % 7) || ' days') || 'T10:00:00Z', 'bench', 'c', '{}' FROM plan p;
INSERT INTO plan_revision (plan_id, revision, created_at, created_by, change, snapshot)
SELECT p.id, 2, date(p.created_on, '+' || (20 + p.id % 30) || ' days') || 'T10:00:00Z', 'bench', 'c', '{}' FROM plan p WHERE p.id % 2 = 0;

INSERT INTO evaluation (id, case_id, evaluated_on, quality, decision, goals, created_by, created_at)
SELECT p.id, p.case_id, date(p.created_on, '+' || (60 + p.id % 60) || ' days'), 1 + p.id % 5,
       CASE p.id % 10 WHEN 0 THEN 'close' WHEN 1 THEN 'revise' ELSE 'continue' END,
       '{"1": ' || (p.id % 5 - 2) || ', "2": ' || (p.id % 3 - 1) || '}', 'bench', '2025-01-01T00:00:00Z'
FROM plan p WHERE p.id % 5 < 3;
INSERT INTO indicator_value (evaluation_id, indicator, value)
SELECT e.id, 'sykehusinnleggelser', e.id % 4 FROM evaluation e;
INSERT INTO indicator_value (evaluation_id, indicator, value)
SELECT e.id, 'legevaktbesok', e.id % 3 FROM evaluation e WHERE e.id % 2 = 0;
INSERT INTO indicator_value (evaluation_id, indicator, value)
SELECT e.id, 'tjenester_utsatt', e.id % 2 FROM evaluation e WHERE e.id % 3 = 0;
COMMIT;
ANALYZE;
