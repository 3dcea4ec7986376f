-- The SQL that `oppteam report --from 2025-01-01 --to 2025-12-31 --by quarter`
-- runs (src/process/report.cpp), with the dates written in, for the sqlite3
-- shell: the baseline of bench/report_bench.sh. Keep in step with report.cpp.
.output /dev/null
SELECT substr(opened_on, 1, 4) || '-Q' || ((CAST(substr(opened_on, 6, 2) AS INTEGER) + 2) / 3), status, COUNT(*)
  FROM case_file WHERE opened_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1, 2;
SELECT substr(received_on, 1, 4) || '-Q' || ((CAST(substr(received_on, 6, 2) AS INTEGER) + 2) / 3), reporter_type, COUNT(*)
  FROM referral WHERE received_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1, 2;
SELECT substr(r.received_on, 1, 4) || '-Q' || ((CAST(substr(r.received_on, 6, 2) AS INTEGER) + 2) / 3), COALESCE(c.target_group, ''), COUNT(*)
  FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.received_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1, 2;
SELECT substr(decided_on, 1, 4) || '-Q' || ((CAST(substr(decided_on, 6, 2) AS INTEGER) + 2) / 3), outcome, COUNT(*)
  FROM decision WHERE decided_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1, 2;
SELECT substr(evaluated_on, 1, 4) || '-Q' || ((CAST(substr(evaluated_on, 6, 2) AS INTEGER) + 2) / 3), decision, COUNT(*)
  FROM evaluation WHERE evaluated_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1, 2;
SELECT substr(created_on, 1, 4) || '-Q' || ((CAST(substr(created_on, 6, 2) AS INTEGER) + 2) / 3),
       CASE WHEN n = 0 THEN '0' WHEN n <= 3 THEN '1-3' WHEN n <= 5 THEN '4-5' WHEN n <= 7 THEN '6-7' ELSE '8+' END, COUNT(*)
  FROM (SELECT t.created_on AS created_on, (SELECT COUNT(*) FROM team_member m WHERE m.team_id = t.id AND m.removed_on IS NULL) AS n
          FROM team t WHERE t.created_on BETWEEN '2025-01-01' AND '2025-12-31') GROUP BY 1, 2;
CREATE TEMP TABLE IF NOT EXISTS report_service_sector (service TEXT PRIMARY KEY, sector TEXT NOT NULL);
DELETE FROM temp.report_service_sector;
INSERT OR REPLACE INTO temp.report_service_sector VALUES ('fastlege', 'helse'), ('hjemmetjenesten', 'helse'),
  ('psykisk_helse_rus', 'helse'), ('helsestasjon', 'helse'), ('fysio_ergo', 'helse'), ('nav', 'nav'), ('skole', 'oppvekst'),
  ('barnehage', 'oppvekst'), ('barnevern', 'barnevern'), ('bolig', 'bolig'), ('sykehus', 'spesialist');
SELECT substr(t.created_on, 1, 4) || '-Q' || ((CAST(substr(t.created_on, 6, 2) AS INTEGER) + 2) / 3), COALESCE(s.sector, m.service), COUNT(DISTINCT t.id)
  FROM team t JOIN team_member m ON m.team_id = t.id AND m.removed_on IS NULL AND m.service IS NOT NULL
  LEFT JOIN temp.report_service_sector s ON s.service = m.service
 WHERE t.created_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1, 2;
WITH d(m, days) AS (
  SELECT 'referral_to_decision', julianday(dc.decided_on) - julianday(fr.first)
    FROM decision dc JOIN (SELECT case_id, MIN(received_on) AS first FROM referral GROUP BY case_id) fr ON fr.case_id = dc.case_id
   WHERE dc.decided_on BETWEEN '2025-01-01' AND '2025-12-31'
  UNION ALL
  SELECT 'decision_to_team', julianday(t.created_on) - julianday(dc.decided_on)
    FROM team t JOIN decision dc ON dc.case_id = t.case_id
   WHERE t.created_on BETWEEN '2025-01-01' AND '2025-12-31'
  UNION ALL
  SELECT 'team_to_plan', julianday(fp.first) - julianday(t.created_on)
    FROM (SELECT plan_id, MIN(substr(created_at, 1, 10)) AS first FROM plan_revision GROUP BY plan_id) fp
    JOIN plan p ON p.id = fp.plan_id JOIN team t ON t.case_id = p.case_id
   WHERE fp.first BETWEEN '2025-01-01' AND '2025-12-31'
  UNION ALL
  SELECT 'plan_to_evaluation', julianday(fe.first) - julianday(p.created_on)
    FROM (SELECT case_id, MIN(evaluated_on) AS first FROM evaluation GROUP BY case_id) fe
    JOIN plan p ON p.case_id = fe.case_id
   WHERE fe.first BETWEEN '2025-01-01' AND '2025-12-31'
), ranked AS (
  SELECT m, days, ROW_NUMBER() OVER (PARTITION BY m ORDER BY days) AS rn, COUNT(*) OVER (PARTITION BY m) AS n FROM d
)
SELECT m, MAX(n), AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN days END),
       MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN days END)
  FROM ranked GROUP BY m;
SELECT COUNT(*), COALESCE(SUM(julianday(dc.decided_on) - julianday(fr.first) > 30
       AND NOT EXISTS (SELECT 1 FROM preliminary_reply pr WHERE pr.case_id = dc.case_id)), 0)
  FROM decision dc JOIN (SELECT case_id, MIN(received_on) AS first FROM referral GROUP BY case_id) fr ON fr.case_id = dc.case_id
 WHERE dc.decided_on BETWEEN '2025-01-01' AND '2025-12-31';
SELECT COUNT(DISTINCT e.case_id), COUNT(*), AVG(CAST(j.value AS REAL))
  FROM evaluation e, json_each(e.goals) j WHERE e.evaluated_on BETWEEN '2025-01-01' AND '2025-12-31';
SELECT substr(e.evaluated_on, 1, 4) || '-Q' || ((CAST(substr(e.evaluated_on, 6, 2) AS INTEGER) + 2) / 3), iv.indicator,
       COUNT(DISTINCT e.case_id), COUNT(*), SUM(iv.value), AVG(iv.value)
  FROM indicator_value iv JOIN evaluation e ON e.id = iv.evaluation_id
 WHERE e.evaluated_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1, 2 ORDER BY 1, 2;
