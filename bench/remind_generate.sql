-- The population of bench/remind_bench.sh: @N@ cases (one person each), of
-- which every tenth (@N@ / 10) has an active team and a plan, generated with
-- SQL into a database made by `oppteam init`. Deterministic: every choice is
-- a fixed function of the row number. The bench's "today" is @TODAY@.
--
-- Personal numbers are synthetic (month + 80, as the tax authority's test
-- register), with both control digits computed here, so every person is
-- one `oppteam` accepts when the rammeverk allows synthetic numbers.
--
-- Case i: year 2019 + (i-1) / (N/8), opened through that year.
--   i % 10 = 0            active: decision granted, active team (coordinator,
--                         GP, member), consents, plan with 2 goals, 3 measures,
--                         2 evaluations; a few lack a coordinator, a plan, or
--                         have withdrawn their team consent.
--   newest 2026 cases     received (no decision yet), some with a preliminary reply
--   next newest 2026      granted, no team yet
--   i % 3 = 1             refused
--   the rest              closed: team and plan closed
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -200000;
BEGIN;

CREATE TEMP TABLE cand AS
WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < @N@ * 13 / 10)
SELECT n,
       1 + n % 28 AS dd, 81 + (n / 28) % 12 AS mm, (n / 336) % 100 AS yy, (n / 33600) % 500 AS ind
FROM s;

CREATE TEMP TABLE digits AS
SELECT n, dd, mm, yy, ind,
       dd / 10 AS d1, dd % 10 AS d2, mm / 10 AS m1, mm % 10 AS m2, yy / 10 AS y1, yy % 10 AS y2,
       ind / 100 AS i1, (ind / 10) % 10 AS i2, ind % 10 AS i3
FROM cand;

CREATE TEMP TABLE k1 AS
SELECT *, (11 - (3*d1 + 7*d2 + 6*m1 + 1*m2 + 8*y1 + 9*y2 + 4*i1 + 5*i2 + 2*i3) % 11) % 11 AS c1 FROM digits;

CREATE TEMP TABLE valid AS
SELECT row_number() OVER (ORDER BY n) AS i, *
FROM (SELECT *, (11 - (5*d1 + 4*d2 + 3*m1 + 2*m2 + 7*y1 + 6*y2 + 5*i1 + 4*i2 + 3*i3 + 2*c1) % 11) % 11 AS c2
      FROM k1 WHERE c1 <> 10)
WHERE c2 <> 10
LIMIT @N@;

-- Names as a register holds them: a given name (53), a family name (97)
-- and every third a second family name (89), so a full name is shared by
-- about two persons and a family name by some ten thousand (as "Hansen"
-- is in Norway). All synthetic combinations.
INSERT INTO person (id, fnr, kind, birth_date, name, created_at)
SELECT i, printf('%02d%02d%02d%03d%d%d', dd, mm, yy, ind, c1, c2), 'fodselsnummer',
       printf('19%02d-%02d-%02d', yy, mm - 80, dd),
       json_extract('["Kari","Ola","Per","Anne","Ingrid","Lars","Siri","Jonas","Åse","Øystein","Marit","Knut","Hilde",
                      "Espen","Tone","Bjørn","Ragnhild","Eirik","Solveig","Håkon","Liv","Arne","Gunn","Terje","Randi",
                      "Geir","Berit","Svein","Turid","Odd","Astrid","Jan","Kjersti","Rune","Marianne","Tor","Heidi",
                      "Stein","Wenche","Nils","Grete","Magnus","Ida","Emil","Nora","Jakob","Emma","Sander","Sofie",
                      "Aksel","Ingeborg","Filip","Sigrid"]', '$[' || (i % 53) || ']')
       || ' ' ||
       json_extract('["Hansen","Johansen","Olsen","Larsen","Andersen","Pedersen","Nilsen","Kristiansen","Jensen",
                      "Karlsen","Johnsen","Pettersen","Eriksen","Berg","Haugen","Hagen","Johannessen","Andreassen",
                      "Jacobsen","Dahl","Jørgensen","Henriksen","Lund","Halvorsen","Sørensen","Jakobsen","Moen",
                      "Gundersen","Iversen","Strand","Solberg","Svendsen","Eide","Knutsen","Martinsen","Paulsen",
                      "Bakken","Kristoffersen","Mathisen","Lie","Amundsen","Nguyen","Rasmussen","Ali","Lunde",
                      "Solheim","Berge","Moe","Nygård","Bakke","Kristensen","Fredriksen","Holm","Lien","Hauge",
                      "Christensen","Andresen","Nielsen","Knudsen","Evensen","Sæther","Aas","Myhre","Hanssen",
                      "Ahmed","Haugland","Thomassen","Sivertsen","Simonsen","Danielsen","Berntsen","Sandvik",
                      "Rønning","Arnesen","Antonsen","Næss","Vik","Haug","Ellingsen","Thorsen","Edvardsen",
                      "Birkeland","Isaksen","Gulbrandsen","Ruud","Aasen","Strøm","Myklebust","Tangen","Ødegård",
                      "Eliassen","Helland","Bøe","Jenssen","Aune","Mikkelsen","Tveit"]', '$[' || ((i / 53) % 97) || ']')
       || CASE WHEN i % 3 = 0 THEN '-' ||
       json_extract('["Østby","Haugland","Bergersen","Kristiansen","Lie","Moe","Dahl","Berg","Strand","Lunde","Vik",
                      "Bakke","Holm","Hauge","Eide","Sæther","Aas","Myhre","Ruud","Tveit","Aune","Lien","Haug",
                      "Næss","Rønning","Helland","Bøe","Tangen","Nygård","Sandvik","Solheim","Birkeland","Strøm",
                      "Myklebust","Ødegård","Brekke","Fossum","Grønli","Hovland","Kvam","Løvås","Mæland","Nesse",
                      "Opsahl","Rød","Skaug","Torp","Ulstein","Vold","Wold","Ask","Bjerke","Dale","Foss","Gjerde",
                      "Hella","Istad","Juvik","Kolstad","Lia","Moland","Nordby","Os","Prestegård","Rustad","Sletten",
                      "Tofte","Utne","Vatne","Ystad","Åsen","Berget","Dalen","Engen","Fjeld","Grande","Haga",
                      "Jordet","Kleven","Lunden","Mo","Nes","Orheim","Rise","Steen","Tho","Uthaug","Vestby","Ødegaard"]',
                    '$[' || ((i / 5141) % 89) || ']') ELSE '' END,
       '2019-01-01T00:00:00Z'
FROM valid;

-- Per year: @N@ / 8 cases.
CREATE TEMP TABLE c AS
SELECT i, 2019 + (i - 1) / (@N@ / 8) AS year, (i - 1) % (@N@ / 8) + 1 AS seq,
       CASE WHEN i % 10 = 0 THEN 'active'
            WHEN (i - 1) / (@N@ / 8) = 7 AND (i - 1) % (@N@ / 8) + 1 > (@N@ / 8) * 90 / 100 THEN 'received'
            WHEN (i - 1) / (@N@ / 8) = 7 AND (i - 1) % (@N@ / 8) + 1 > (@N@ / 8) * 88 / 100 THEN 'granted'
            WHEN i % 3 = 1 THEN 'refused'
            ELSE 'closed' END AS status
FROM valid;
ALTER TABLE c ADD COLUMN opened TEXT;
UPDATE c SET opened = date(year || '-01-01', '+' || ((seq - 1) * 333 / (@N@ / 8)) || ' days');

INSERT INTO case_file (id, number, year, seq, person_id, status, opened_on, closed_on, close_reason)
SELECT i, year || '/' || seq, year, seq, i, status, opened,
       CASE status WHEN 'closed' THEN date(opened, '+300 days') END,
       CASE status WHEN 'closed' THEN 'Målene er nådd' END
FROM c;

INSERT INTO referral (case_id, reporter_type, received_on, need, content_hash, created_at, created_by)
SELECT i, CASE i % 4 WHEN 0 THEN 'fastlege' WHEN 1 THEN 'parorende' WHEN 2 THEN 'kommunal_tjeneste' ELSE 'bruker' END,
       opened, 'Trenger koordinering', printf('%064d', i), opened || 'T08:00:00Z', 'bench'
FROM c;

-- Assessment consent for every case; for active cases given recently (renewed).
INSERT INTO consent (case_id, scope, form, given_by, given_on, recorded_by, recorded_at)
SELECT i, 'utredning', 'muntlig', 'person',
       CASE WHEN status = 'active' THEN date('@TODAY@', '-' || (i % 360) || ' days') ELSE date(opened, '+1 day') END,
       'bench', opened || 'T09:00:00Z'
FROM c;

INSERT INTO decision (case_id, outcome, decided_on, decided_by, appeal_deadline, letter)
SELECT i, CASE status WHEN 'refused' THEN 'refused' ELSE 'granted' END, date(opened, '+20 days'), 'bench',
       date(opened, '+48 days'), 'Vedtak'
FROM c WHERE status <> 'received';

INSERT INTO preliminary_reply (case_id, sent_on, text, sent_by)
SELECT i, date(opened, '+25 days'), 'Foreløpig svar', 'bench' FROM c WHERE status = 'received' AND i % 2 = 0;

INSERT INTO team (id, case_id, status, created_on, created_by, closed_on, close_reason)
SELECT i, i, CASE status WHEN 'active' THEN 'active' ELSE 'closed' END, date(opened, '+30 days'), 'bench',
       CASE status WHEN 'closed' THEN date(opened, '+300 days') END, CASE status WHEN 'closed' THEN 'Målene er nådd' END
FROM c WHERE status IN ('active', 'closed');

-- Team consent: active cases renewed within the last 400 days (some due for
-- review); 1 in 500 withdrawn last month.
INSERT INTO consent (case_id, scope, form, given_by, given_on, recorded_by, recorded_at, withdrawn_on, withdrawn_by)
SELECT i, 'team', 'skriftlig', 'person',
       CASE WHEN status = 'active' THEN date('@TODAY@', '-' || (i * 7 % 400) || ' days') ELSE date(opened, '+2 days') END,
       'bench', opened || 'T09:00:00Z',
       CASE WHEN status = 'active' AND i % 5000 = 0 THEN date('@TODAY@', '-' || (i % 30) || ' days') END,
       CASE WHEN status = 'active' AND i % 5000 = 0 THEN 'person' END
FROM c WHERE status IN ('active', 'closed');

-- Members: a coordinator (500 coordinators share the caseload; 1 in 1000
-- teams has lost theirs), the GP and one more.
INSERT INTO team_member (team_id, name, role, service, kind, added_on, removed_on, removed_reason)
SELECT i, 'Koordinator ' || (i / 10 % 500), 'sykepleier', 'hjemmetjenesten', 'coordinator', date(opened, '+30 days'),
       CASE WHEN status = 'active' AND i % 10000 = 0 THEN date('@TODAY@', '-10 days') END,
       CASE WHEN status = 'active' AND i % 10000 = 0 THEN 'sluttet' END
FROM c WHERE status IN ('active', 'closed');
INSERT INTO team_member (team_id, name, role, service, kind, added_on)
SELECT i, 'Lege ' || (i % 800), 'fastlege', 'fastlege', 'gp', date(opened, '+30 days') FROM c WHERE status = 'active';
INSERT INTO team_member (team_id, name, role, service, kind, added_on)
SELECT i, 'Tjenesteyter ' || (i % 3000), 'nav_veileder', 'nav', 'member', date(opened, '+30 days') FROM c WHERE status = 'active';

-- Plans: every active team but 1 in 200 (made late), and every closed team.
INSERT INTO plan (id, case_id, kind, status, revision, created_on, participated_how, participated_on,
                  resources, needs, contributions, period_from, next_evaluation)
SELECT i, i, CASE WHEN i % 3 = 0 THEN 'ip' ELSE 'oppfolgingsplan' END,
       CASE status WHEN 'active' THEN 'open' ELSE 'closed' END, 1, date(opened, '+40 days'),
       'Planmøte', date(opened, '+40 days'), 'Nettverk', 'Koordinering', 'Familien bidrar', date(opened, '+40 days'),
       CASE WHEN status = 'active' THEN date('@TODAY@', printf('%+d days', i / 10 * 11 % 95 - 3)) END
FROM c WHERE status = 'closed' OR (status = 'active' AND i % 2000 <> 0);

INSERT INTO goal (plan_id, number, text, source)
SELECT p.id, g.n, CASE g.n WHEN 1 THEN 'Bo trygt heime' ELSE 'Være i aktivitet' END, NULL
FROM plan p, (SELECT 1 AS n UNION ALL SELECT 2) g;

-- Measures: active plans 3 each, due dates spread over the next ~10 months
-- (about 3 % overdue); closed plans 1 done measure.
INSERT INTO measure (plan_id, goal_number, number, text, responsible, due_on, every_days, status)
SELECT p.id, 1 + (m.n > 1), m.n, 'Tiltak ' || m.n, 'Tjenesteyter ' || (p.id % 3000),
       date('@TODAY@', printf('%+d days', (p.id / 10 * 7 + m.n * 131) % 300 - 10)),
       CASE m.n WHEN 3 THEN 7 END,
       CASE WHEN (p.id / 10 + m.n) % 4 = 0 THEN 'started' ELSE 'planned' END
FROM plan p, (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) m WHERE p.status = 'open';
INSERT INTO measure (plan_id, goal_number, number, text, responsible, due_on, status)
SELECT p.id, 1, 1, 'Tiltak 1', 'Koordinator ' || (p.id / 10 % 500), date(p.created_on, '+60 days'), 'done'
FROM plan p WHERE p.status = 'closed';

INSERT INTO plan_revision (plan_id, revision, created_at, created_by, change, snapshot)
SELECT p.id, 1, p.created_on || 'T10:00:00Z', 'bench', '{"key":"plan.change.goal","args":["1"]}',
       json_object('case', cf.number, 'person_name', (SELECT name FROM person WHERE id = p.case_id), 'kind', p.kind, 'status', p.status,
                   'revision', 1, 'created_on', p.created_on,
                   'goals', json_array(json_object('number', 1, 'text', 'Bo trygt heime', 'status', 'open')),
                   'measures', json_array(), 'team', json_array(), 'consents', json_array())
FROM plan p JOIN case_file cf ON cf.id = p.case_id;

INSERT INTO evaluation (case_id, evaluated_on, quality, decision, next_on, goals, created_by, created_at)
SELECT p.case_id, date(p.created_on, '+' || (90 * e.n) || ' days'), 3 + e.n % 2, 'continue',
       date(p.created_on, '+' || (90 * e.n + 90) || ' days'), '{"1":' || (e.n - 1) || '}', 'bench',
       p.created_on || 'T12:00:00Z'
FROM plan p, (SELECT 1 AS n UNION ALL SELECT 2) e
WHERE p.status = 'open' AND date(p.created_on, '+' || (90 * e.n) || ' days') <= '@TODAY@';
INSERT INTO indicator_value (evaluation_id, indicator, value)
SELECT id, 'sykehusinnleggelser', id % 3 FROM evaluation;

COMMIT;
DROP TABLE cand;
DROP TABLE digits;
DROP TABLE k1;
DROP TABLE valid;
DROP TABLE c;
