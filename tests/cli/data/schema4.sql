-- A database as oppteam of schema version 4 (commit bda8f8c) left it:
-- init --example, refer import examples/batch.csv, consent give 2026/1, case show 2026/1.
-- Made with that binary and sqlite3 .dump; synthetic personal numbers only.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('created_at','2026-03-10T14:40:11.004Z');
INSERT INTO meta VALUES('created_by','kari');
INSERT INTO meta VALUES('audit_head','10 b3c2bde1275f9c03499670ccbea245dfbd8260da2b6c35e1afc1b2c684d73cc7');
CREATE TABLE rammeverk (
  id          INTEGER PRIMARY KEY,
  stored_at   TEXT NOT NULL,
  stored_by   TEXT NOT NULL,
  source_name TEXT NOT NULL,
  hash        TEXT NOT NULL,
  toml        TEXT NOT NULL
) STRICT;
INSERT INTO rammeverk VALUES(1,'2026-03-10T14:40:11.004Z','kari','examples/rammeverk.toml','d46b99572a690035018c308ac59ac6e558c800ee09e5bdf484e1f93fa99ea506',replace('# Rammeverk for oppfølgingsteam i Eksempel kommune.\n#\n# Dette er kommunens lokale tilpasning av rammeverket fra piloten\n# «Oppfølgingsteam» (Helsedirektoratet 2018–2023) og den nasjonale veilederen\n# «Oppfølging av personer med store og sammensatte behov». Alle nøkler har en\n# standardverdi fra veilederen; det som står her, overstyrer den.\n# Sjekk filen med:  oppteam config check rammeverk.toml\n\n[municipality]\nname = "Eksempel kommune"\nnumber = "9999"\nlanguage = "nb"                 # nb | nn | en\nallow_synthetic_ids = true      # testmiljø: godta syntetiske personnummer (måned + 80)\n\n[deadlines]                     # dager\npreliminary_reply = 30          # foreløpig svar etter forvaltningsloven § 11a\ndecision = 56                   # mål for når vedtak skal være fattet\nevaluation_interval = 90        # evaluering med brukeren hver tredje måned\nconsent_review = 365            # samtykke gjennomgås årlig\nappeal = 28                     # klagefrist, pasient- og brukerrettighetsloven § 7-5\n\n[rules]\nconsent_required_for = ["assess", "team"]\nassessment_before_decision = true\ncoordinator_required = true\ngp_required = false\nconsent_age = 16\n\n[reports]\nmin_count = 5                   # tall under 5 vises som «<5»\nretention_years = 10\n\n# Kolonner i innsendte filer som har andre navn enn importformatet.\n[import.columns]\npersonnummer = "fnr"\nmottatt = "received"\nbehov = "need"\nkilde_system = ""               # tom: kolonnen leses ikke\n\n# --- Sektorer og tjenester ---------------------------------------------------\n\n[[sector]]\nid = "helse"\nlabel = "Helse og omsorg"\n\n[[sector]]\nid = "nav"\nlabel = "NAV"\n\n[[sector]]\nid = "oppvekst"\nlabel = "Oppvekst (skole og barnehage)"\n\n[[sector]]\nid = "barnevern"\nlabel = "Barnevern"\n\n[[sector]]\nid = "bolig"\nlabel = "Bolig"\n\n[[sector]]\nid = "spesialist"\nlabel = "Spesialisthelsetjenesten"\n\n[[service]]\nid = "fastlege"\nlabel = "Fastlegekontoret"\nsector = "helse"\n\n[[service]]\nid = "helse"\nlabel = "Helse- og omsorgstjenesten (samlet)"\nsector = "helse"\n\n[[service]]\nid = "hjemmetjenesten"\nlabel = "Hjemmetjenesten"\nsector = "helse"\n\n[[service]]\nid = "psykisk_helse_rus"\nlabel = "Psykisk helse og rus"\nsector = "helse"\n\n[[service]]\nid = "helsestasjon"\nlabel = "Helsestasjon og skolehelsetjeneste"\nsector = "helse"\n\n[[service]]\nid = "fysio_ergo"\nlabel = "Fysio- og ergoterapitjenesten"\nsector = "helse"\n\n[[service]]\nid = "nav"\nlabel = "NAV Eksempel"\nsector = "nav"\n\n[[service]]\nid = "skole"\nlabel = "Eksempel skole"\nsector = "oppvekst"\n\n[[service]]\nid = "barnehage"\nlabel = "Eksempel barnehage"\nsector = "oppvekst"\n\n[[service]]\nid = "barnevern"\nlabel = "Barneverntjenesten"\nsector = "barnevern"\n\n[[service]]\nid = "bolig"\nlabel = "Boligkontoret"\nsector = "bolig"\n\n[[service]]\nid = "sykehus"\nlabel = "Helseforetaket"\nsector = "spesialist"\n\n# --- Hvem kan melde behov ----------------------------------------------------\n\n[[reporter_type]]\nid = "bruker"\nlabel = "Bruker selv"\n\n[[reporter_type]]\nid = "parorende"\nlabel = "Pårørende"\n\n[[reporter_type]]\nid = "fastlege"\nlabel = "Fastlege"\n\n[[reporter_type]]\nid = "sykehus"\nlabel = "Sykehus"\n\n[[reporter_type]]\nid = "kommunal_tjeneste"\nlabel = "Kommunal tjeneste"\n\n[[reporter_type]]\nid = "barnehage"\nlabel = "Barnehage"\n\n[[reporter_type]]\nid = "skole"\nlabel = "Skole"\n\n[[reporter_type]]\nid = "nav"\nlabel = "NAV"\n\n[[reporter_type]]\nid = "annen"\nlabel = "Andre"\n\n# --- Roller i teamet ---------------------------------------------------------\n\n[[role]]\nid = "koordinator"\nlabel = "Koordinator"\nmay_coordinate = true\n\n[[role]]\nid = "fastlege"\nlabel = "Fastlege (medisinskfaglig koordinering)"\n\n[[role]]\nid = "sykepleier"\nlabel = "Sykepleier"\nmay_coordinate = true\n\n[[role]]\nid = "hjemmesykepleie"\nlabel = "Hjemmesykepleie"\n\n[[role]]\nid = "nav_veileder"\nlabel = "NAV-veileder"\nmay_coordinate = true\n\n[[role]]\nid = "miljoterapeut"\nlabel = "Miljøterapeut"\nmay_coordinate = true\n\n[[role]]\nid = "ergoterapeut"\nlabel = "Ergoterapeut"\n\n[[role]]\nid = "fysioterapeut"\nlabel = "Fysioterapeut"\n\n[[role]]\nid = "pedagog"\nlabel = "Lærer eller pedagog"\n\n[[role]]\nid = "barnevernkonsulent"\nlabel = "Barnevernkonsulent"\n\n[[role]]\nid = "boligkonsulent"\nlabel = "Boligkonsulent"\n\n[[role]]\nid = "bruker"\nlabel = "Bruker"\n\n[[role]]\nid = "parorende"\nlabel = "Pårørende"\n\n# --- Målgrupper (piloten) ----------------------------------------------------\n\n[[target_group]]\nid = "barn_unge"\nlabel = "Barn og unge og deres familier"\n\n[[target_group]]\nid = "psykisk_rus"\nlabel = "Personer med psykiske helse- og rusproblemer"\n\n[[target_group]]\nid = "skrope_eldre"\nlabel = "Skrøpelige eldre"\n\n[[target_group]]\nid = "kronisk_syke"\nlabel = "Kronisk syke"\n\n# --- Kartlegging -------------------------------------------------------------\n\n[[domain]]\nid = "helse"\nlabel = "Somatisk helse"\n\n[[domain]]\nid = "funksjon"\nlabel = "Funksjon i dagliglivet"\n\n[[domain]]\nid = "psykisk"\nlabel = "Psykisk helse og rus"\n\n[[domain]]\nid = "sosialt"\nlabel = "Sosiale, økonomiske og boligmessige forhold"\n\n[[domain]]\nid = "tjenester"\nlabel = "Tjenester og risiko"\n\n[[instrument]]\nid = "kjennetegn"\nname = "Kjennetegn ved store og sammensatte behov"\nversion = 1\nrecommend_at = 4                # samlet poengsum fra 4 anbefaler oppfølgingsteam\n\n  [[instrument.item]]\n  id = "flere_diagnoser"\n  text = "Flere samtidige sykdommer eller diagnoser"\n  domain = "helse"\n  weight = 1\n\n  [[instrument.item]]\n  id = "funksjonsfall"\n  text = "Nedsatt funksjon på flere livsområder (0 = ingen, 3 = stor)"\n  domain = "funksjon"\n  weight = 1\n  scale = [0, 3]\n\n  [[instrument.item]]\n  id = "psykisk_helse"\n  text = "Psykiske helseproblemer"\n  domain = "psykisk"\n  weight = 1\n\n  [[instrument.item]]\n  id = "rus"\n  text = "Rusmiddelproblemer"\n  domain = "psykisk"\n  weight = 1\n\n  [[instrument.item]]\n  id = "sosiale_forhold"\n  text = "Utfordringer med nettverk, økonomi, arbeid eller bolig"\n  domain = "sosialt"\n  weight = 1\n\n  [[instrument.item]]\n  id = "mange_tjenester"\n  text = "Mottar tjenester fra tre eller flere tjenesteytere"\n  domain = "tjenester"\n  weight = 2\n\n  [[instrument.item]]\n  id = "innleggelser"\n  text = "To eller flere sykehusinnleggelser siste år"\n  domain = "tjenester"\n  weight = 2\n\n  [[instrument.item]]\n  id = "parorende_belastning"\n  text = "Pårørende med stor belastning"\n  domain = "sosialt"\n  weight = 1\n\n[[instrument]]\nid = "risiko"\nname = "Risikovurdering hos fastlege"\nversion = 1\nrecommend_at = 3\n\n  [[instrument.item]]\n  id = "alder_over_75"\n  text = "75 år eller eldre"\n  domain = "helse"\n\n  [[instrument.item]]\n  id = "legemidler"\n  text = "Bruker fem eller flere legemidler fast"\n  domain = "helse"\n\n  [[instrument.item]]\n  id = "fall"\n  text = "Fall eller nesten-fall siste halvår"\n  domain = "funksjon"\n\n  [[instrument.item]]\n  id = "bor_alene"\n  text = "Bor alene uten daglig kontakt"\n  domain = "sosialt"\n\n# --- Indikatorer ved evaluering (pilotens resultatmål) -----------------------\n\n[[indicator]]\nid = "sykehusinnleggelser"\nlabel = "Sykehusinnleggelser siden forrige evaluering"\nkind = "count"\n\n[[indicator]]\nid = "reinnleggelser"\nlabel = "Reinnleggelser innen 30 dager"\nkind = "count"\n\n[[indicator]]\nid = "legevaktbesok"\nlabel = "Besøk på legevakt"\nkind = "count"\n\n[[indicator]]\nid = "tjenester_utsatt"\nlabel = "Kommunale tjenester forebygget eller utsatt"\nkind = "count"\n\n[[indicator]]\nid = "funksjon"\nlabel = "Funksjon (1 = svært nedsatt, 5 = god)"\nkind = "scale"\nscale = [1, 5]\n','\n',char(10)));
CREATE TABLE person (
  id         INTEGER PRIMARY KEY,
  fnr        TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('fodselsnummer', 'd_nummer', 'h_nummer')),
  birth_date TEXT NOT NULL,
  name       TEXT,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO person VALUES(1,'23923910069','fodselsnummer','1939-12-23','Per Hansen','2026-03-10T14:40:11.016Z');
INSERT INTO person VALUES(2,'04875110077','fodselsnummer','1951-07-04','Klara Nilsen','2026-03-10T14:40:11.016Z');
INSERT INTO person VALUES(3,'15811450038','fodselsnummer','2014-01-15','Kasper Olsen','2026-03-10T14:40:11.016Z');
INSERT INTO person VALUES(4,'09899810071','fodselsnummer','1998-09-09','Morten Dahl','2026-03-10T14:40:11.016Z');
INSERT INTO person VALUES(5,'01854810088','fodselsnummer','1948-05-01',NULL,'2026-03-10T14:40:11.016Z');
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
INSERT INTO case_file VALUES(1,'2026/1',2026,1,1,'received','2026-03-02',NULL,NULL,NULL);
INSERT INTO case_file VALUES(2,'2026/2',2026,2,2,'received','2026-03-03',NULL,NULL,NULL);
INSERT INTO case_file VALUES(3,'2026/3',2026,3,3,'received','2026-03-04',NULL,NULL,NULL);
INSERT INTO case_file VALUES(4,'2026/4',2026,4,4,'received','2026-03-05',NULL,NULL,NULL);
INSERT INTO case_file VALUES(5,'2026/5',2026,5,5,'received','2026-03-06',NULL,NULL,NULL);
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
INSERT INTO referral VALUES(1,1,'default','EPJ-2026-0001','fastlege','Dr. Berg','2026-03-02','Bruker mange tjenester; ønsker én kontaktperson','dddf31e3b35dae47e61687bdde0b4412686e6ba5f890d76be8fbc4e2f1db965e','2026-03-10T14:40:11.016Z','kari');
INSERT INTO referral VALUES(2,2,'default','EPJ-2026-0002','sykehus','Medisinsk avdeling','2026-03-03','Tre innleggelser siste halvår, bor alene, trenger koordinering ved utskriving','a1549bc305ce644e94b538b705fad26c4d64e5b28e5ce7ddfe5355f7957a6b4b','2026-03-10T14:40:11.016Z','kari');
INSERT INTO referral VALUES(3,3,'default','EPJ-2026-0003','skole','Eksempel skole','2026-03-04','Skole, barnevern og BUP involvert; foreldrene ber om "én dør inn"','7fca727d3de91b633b9459218b9aa737af681d8ad3d9113834525c9240efa73a','2026-03-10T14:40:11.016Z','kari');
INSERT INTO referral VALUES(4,4,'default','EPJ-2026-0004','nav','NAV Eksempel','2026-03-05',replace('Psykisk helse og rus,\nuten fast bolig','\n',char(10)),'f1d2d3d06a799ca6866e07a0ae67101645891ebc64711391cdba656c9891d14c','2026-03-10T14:40:11.016Z','kari');
INSERT INTO referral VALUES(5,5,'default','EPJ-2026-0005','parorende','Datter','2026-03-06','Pårørende er slitne; usikker hjemmesituasjon','d73b53ae34c6dc431ff6967fdc1392b760a95d6e2329300ef124cccbee3fbfe7','2026-03-10T14:40:11.016Z','kari');
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
INSERT INTO consent VALUES(1,1,'utredning','muntlig','person',NULL,NULL,NULL,'2026-03-10','kari','2026-03-10T14:40:11.026Z',NULL,NULL,NULL);
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
CREATE TABLE what_matters (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  assessment_id INTEGER REFERENCES assessment(id) ON DELETE CASCADE,
  text          TEXT NOT NULL
) STRICT;
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
CREATE TABLE preliminary_reply (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  sent_on     TEXT NOT NULL,
  expected_by TEXT,
  text        TEXT NOT NULL,
  sent_by     TEXT NOT NULL
) STRICT;
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
INSERT INTO audit VALUES(1,'2026-03-10T14:40:11.004Z','kari','init','s4.db','','','0000000000000000000000000000000000000000000000000000000000000000','f820b4d1866a3b8c6ebb4ef6d01824dbc346ede7e3b58c2eeb683ddbdf62d0b2');
INSERT INTO audit VALUES(2,'2026-03-10T14:40:11.004Z','kari','config.store','rammeverk','','examples/rammeverk.toml d46b99572a69','f820b4d1866a3b8c6ebb4ef6d01824dbc346ede7e3b58c2eeb683ddbdf62d0b2','eb0c2a6a262e3c1ef07afc580a6874873186c143222eeeac135fe1cd64b46bf3');
INSERT INTO audit VALUES(3,'2026-03-10T14:40:11.016Z','kari','refer.import','2026/1','23923910069','sender default, external_id EPJ-2026-0001','eb0c2a6a262e3c1ef07afc580a6874873186c143222eeeac135fe1cd64b46bf3','22c1aec37505773cbe899de7a7513bebbab9656297ebe4a7b036dbb6aa06f118');
INSERT INTO audit VALUES(4,'2026-03-10T14:40:11.016Z','kari','refer.import','2026/2','04875110077','sender default, external_id EPJ-2026-0002','22c1aec37505773cbe899de7a7513bebbab9656297ebe4a7b036dbb6aa06f118','50cd2ec52424bd2c67f86bd90e7ac855f37c45dad0ad66212114e0f42e0aa4ac');
INSERT INTO audit VALUES(5,'2026-03-10T14:40:11.016Z','kari','refer.import','2026/3','15811450038','sender default, external_id EPJ-2026-0003','50cd2ec52424bd2c67f86bd90e7ac855f37c45dad0ad66212114e0f42e0aa4ac','51fa780a78d06162b0fe334e85c539a3dc27dc50ae9fe032ff848eba8083032d');
INSERT INTO audit VALUES(6,'2026-03-10T14:40:11.016Z','kari','refer.import','2026/4','09899810071','sender default, external_id EPJ-2026-0004','51fa780a78d06162b0fe334e85c539a3dc27dc50ae9fe032ff848eba8083032d','0cba631b1e9a5170a493063e549c4bd84fea87807d693bee1359b02268d933a2');
INSERT INTO audit VALUES(7,'2026-03-10T14:40:11.016Z','kari','refer.import','2026/5','01854810088','sender default, external_id EPJ-2026-0005','0cba631b1e9a5170a493063e549c4bd84fea87807d693bee1359b02268d933a2','0320217309bf508046714a30605f176ce2d0385ff08ae5a7d4838cc2c773969d');
INSERT INTO audit VALUES(8,'2026-03-10T14:40:11.016Z','kari','refer.import','import:batch.csv','','read 5, stored 5, duplicates 0, rejected 0','0320217309bf508046714a30605f176ce2d0385ff08ae5a7d4838cc2c773969d','21312d52e888f82ae18bccadcd274151d3f2df05bd998f7742cdcc0dce6b60f3');
INSERT INTO audit VALUES(9,'2026-03-10T14:40:11.026Z','kari','consent.give','2026/1','23923910069','utredning muntlig by person','21312d52e888f82ae18bccadcd274151d3f2df05bd998f7742cdcc0dce6b60f3','5883a22174ca85e526e5fcde9ab3653c86883fe0f759d13ca11edc39b5e41ce0');
INSERT INTO audit VALUES(10,'2026-03-10T14:40:11.037Z','kari','case.show','2026/1','23923910069','','5883a22174ca85e526e5fcde9ab3653c86883fe0f759d13ca11edc39b5e41ce0','b3c2bde1275f9c03499670ccbea245dfbd8260da2b6c35e1afc1b2c684d73cc7');
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
CREATE TABLE indicator_value (
  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
  indicator     TEXT NOT NULL,
  value         INTEGER NOT NULL,
  PRIMARY KEY (evaluation_id, indicator)
) STRICT;
CREATE INDEX case_file_person ON case_file(person_id);
CREATE INDEX case_file_status ON case_file(status);
CREATE UNIQUE INDEX referral_external ON referral(sender, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX referral_case ON referral(case_id);
CREATE INDEX consent_case ON consent(case_id);
CREATE INDEX assessment_case ON assessment(case_id);
CREATE INDEX what_matters_case ON what_matters(case_id);
CREATE INDEX preliminary_reply_case ON preliminary_reply(case_id);
CREATE INDEX team_status ON team(status);
CREATE INDEX team_member_team ON team_member(team_id);
CREATE INDEX audit_person ON audit(person) WHERE person <> '';
CREATE INDEX audit_object ON audit(object) WHERE object <> '';
CREATE INDEX plan_next_evaluation ON plan(next_evaluation);
CREATE INDEX measure_due ON measure(due_on) WHERE status IN ('planned', 'started');
CREATE INDEX evaluation_case ON evaluation(case_id);
CREATE INDEX team_member_coordinator ON team_member(team_id, name) WHERE kind = 'coordinator' AND removed_on IS NULL;
CREATE INDEX plan_unevaluated ON plan(created_on) WHERE next_evaluation IS NULL AND status <> 'closed';
CREATE INDEX consent_withdrawn ON consent(withdrawn_on) WHERE withdrawn_on IS NOT NULL;
CREATE INDEX team_open ON team(status, created_on, case_id);
CREATE INDEX team_case_status ON team(case_id, status);
CREATE INDEX measure_open ON measure(due_on, plan_id, number, responsible) WHERE status IN ('planned', 'started');
CREATE INDEX consent_open ON consent(case_id, scope, given_on) WHERE withdrawn_on IS NULL;
CREATE INDEX plan_evaluation_due ON plan(next_evaluation, status, case_id) WHERE next_evaluation IS NOT NULL;
COMMIT;
PRAGMA user_version=4;
PRAGMA journal_mode=WAL;
