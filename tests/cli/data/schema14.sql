-- A database as oppteam of schema version 14 (commit 27ac28e, the last before
-- indicator_value, what_matters and correction were sealed) left it, with rows
-- in those three tables and a log of hash format 3
-- (tests/cli/test_audit_seal_last.cpp). As user kari, each with --today:
--   init --config examples/rammeverk.toml
--   2026/1: refer add, consent give utredning and team, assess kjennetegn
--     --what-matters "Å bo heime" --what-matters "Å treffe barnebarna",
--     decide --grant, team create (coordinator Ane Lie, GP Dr. Berg, Siri Moe),
--     plan goal --from-what-matters 1, plan participated, evaluate --goal 1=1
--     --indicator sykehusinnleggelser=1 --indicator funksjon=3 --decision
--     continue, person correct --name, refer correct 2026/1 1 --need
--   2026/2: refer add, consent give utredning and team, case void --consent 4,
--     assess --what-matters "Å kunne jobbe", assess again, case void
--     --assessment 3
--   case show 2026/1; audit verify (ok, 24 entries)
-- Made with that binary (built from the commit) and sqlite3 .dump, with the
-- two pragmas the dump leaves out appended (user_version 14, WAL, as the file
-- had); synthetic personal numbers only.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('created_at','2026-12-01T05:21:44.014Z');
INSERT INTO meta VALUES('created_by','kari');
INSERT INTO meta VALUES('audit_head','24 d85e1fbcd4d84e26913e0e23d1258127168087b6950a3dd2d595405a9e9775b2');
CREATE TABLE rammeverk (
  id          INTEGER PRIMARY KEY,
  stored_at   TEXT NOT NULL,
  stored_by   TEXT NOT NULL,
  source_name TEXT NOT NULL,
  hash        TEXT NOT NULL,
  toml        TEXT NOT NULL
) STRICT;
INSERT INTO rammeverk VALUES(1,'2026-12-01T05:21:44.015Z','kari','examples/rammeverk.toml','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8',replace('# Rammeverk for oppfølgingsteam i Eksempel kommune.\n#\n# Dette er kommunens lokale tilpasning av rammeverket fra piloten\n# «Oppfølgingsteam» (Helsedirektoratet 2018–2023) og den nasjonale veilederen\n# «Oppfølging av personer med store og sammensatte behov». Alle nøkler har en\n# standardverdi fra veilederen; det som står her, overstyrer den.\n# Sjekk filen med:  oppteam config check rammeverk.toml\n\n[municipality]\nname = "Eksempel kommune"\nnumber = "9999"\nunit = "Koordinerende enhet"    # brevhodet i PDF-brev: kommunens navn, enheten og adressen\naddress = "Rådhusplassen 1, 9999 Eksempelby"\nlanguage = "nb"                 # nb | nn | en\nallow_synthetic_ids = true      # testmiljø: godta syntetiske personnummer (måned + 80)\n\n[deadlines]                     # dager\npreliminary_reply = 30          # foreløpig svar etter forvaltningsloven § 11 a\ndecision = 56                   # mål for når vedtak skal være fattet\nevaluation_interval = 90        # evaluering med brukeren hver tredje måned\nconsent_review = 365            # samtykke gjennomgås årlig\nappeal = 28                     # klagefrist, pasient- og brukerrettighetsloven § 7-5\nteam_after_decision = 14        # team på plass etter vedtak (kommunens egen frist)\nplan_after_team = 30            # plan etter at teamet er satt sammen\nreopen_within_days = 90         # en avsluttet sak kan gjenåpnes så lenge etter (case reopen)\nmeeting_notice = 7              # påminnelse så lenge før et planlagt møte\nminutes_after = 7               # referat som mangler så lenge etter møtet\nteam_review_interval = 180      # teamet vurderer seg selv så ofte\nappeal_review = 21              # kommunen vurderer en klage innen (appeal review)\nappeal_forward = 7              # opprettholdt klage sendes statsforvalteren innen (fvl. § 33)\nappeal_outcome = 90             # følg opp statsforvalterens svar så lenge etter oversending\n\n[rules]\nconsent_required_for = ["assess", "team"]\nassessment_before_decision = true\ncoordinator_required = true\ngp_required = false\nconsent_age = 16\n\n[reports]\nmin_count = 5                   # tall under 5 vises som «<5»\nretention_years = 10\n\n# Kolonner i innsendte filer som har andre navn enn importformatet.\n[import.columns]\npersonnummer = "fnr"\nmottatt = "received"\nbehov = "need"\nkilde_system = ""               # tom: kolonnen leses ikke\n\n# --- Sektorer og tjenester ---------------------------------------------------\n# Hver label er på bokmål; label_nn og label_en gir den på nynorsk og engelsk\n# for dem som leser på de språkene (ellers vises bokmålsteksten).\n\n[[sector]]\nid = "helse"\nlabel = "Helse og omsorg"\nlabel_en = "Health and care"\n\n[[sector]]\nid = "nav"\nlabel = "NAV"\n\n[[sector]]\nid = "oppvekst"\nlabel = "Oppvekst (skole og barnehage)"\nlabel_nn = "Oppvekst (skule og barnehage)"\nlabel_en = "Growing up (school and kindergarten)"\n\n[[sector]]\nid = "barnevern"\nlabel = "Barnevern"\n\n[[sector]]\nid = "bolig"\nlabel = "Bolig"\nlabel_nn = "Bustad"\nlabel_en = "Housing"\n\n[[sector]]\nid = "spesialist"\nlabel = "Spesialisthelsetjenesten"\n\n[[service]]\nid = "fastlege"\nlabel = "Fastlegekontoret"\nsector = "helse"\n\n[[service]]\nid = "helse"\nlabel = "Helse- og omsorgstjenesten (samlet)"\nsector = "helse"\n\n[[service]]\nid = "hjemmetjenesten"\nlabel = "Hjemmetjenesten"\nsector = "helse"\n\n[[service]]\nid = "psykisk_helse_rus"\nlabel = "Psykisk helse og rus"\nsector = "helse"\n\n[[service]]\nid = "helsestasjon"\nlabel = "Helsestasjon og skolehelsetjeneste"\nsector = "helse"\n\n[[service]]\nid = "fysio_ergo"\nlabel = "Fysio- og ergoterapitjenesten"\nsector = "helse"\n\n[[service]]\nid = "nav"\nlabel = "NAV Eksempel"\nsector = "nav"\n\n[[service]]\nid = "skole"\nlabel = "Eksempel skole"\nsector = "oppvekst"\n\n[[service]]\nid = "barnehage"\nlabel = "Eksempel barnehage"\nsector = "oppvekst"\n\n[[service]]\nid = "barnevern"\nlabel = "Barneverntjenesten"\nsector = "barnevern"\n\n[[service]]\nid = "bolig"\nlabel = "Boligkontoret"\nsector = "bolig"\n\n[[service]]\nid = "sykehus"\nlabel = "Helseforetaket"\nsector = "spesialist"\n\n# --- Hvem kan melde behov ----------------------------------------------------\n\n[[reporter_type]]\nid = "bruker"\nlabel = "Bruker selv"\n\n[[reporter_type]]\nid = "parorende"\nlabel = "Pårørende"\n\n[[reporter_type]]\nid = "fastlege"\nlabel = "Fastlege"\n\n[[reporter_type]]\nid = "sykehus"\nlabel = "Sykehus"\n\n[[reporter_type]]\nid = "kommunal_tjeneste"\nlabel = "Kommunal tjeneste"\n\n[[reporter_type]]\nid = "barnehage"\nlabel = "Barnehage"\n\n[[reporter_type]]\nid = "skole"\nlabel = "Skole"\n\n[[reporter_type]]\nid = "nav"\nlabel = "NAV"\n\n[[reporter_type]]\nid = "annen"\nlabel = "Andre"\n\n# --- Roller i teamet ---------------------------------------------------------\n\n[[role]]\nid = "koordinator"\nlabel = "Koordinator"\nmay_coordinate = true\n\n[[role]]\nid = "fastlege"\nlabel = "Fastlege (medisinskfaglig koordinering)"\n\n[[role]]\nid = "sykepleier"\nlabel = "Sykepleier"\nmay_coordinate = true\n\n[[role]]\nid = "hjemmesykepleie"\nlabel = "Hjemmesykepleie"\n\n[[role]]\nid = "nav_veileder"\nlabel = "NAV-veileder"\nmay_coordinate = true\n\n[[role]]\nid = "miljoterapeut"\nlabel = "Miljøterapeut"\nmay_coordinate = true\n\n[[role]]\nid = "ergoterapeut"\nlabel = "Ergoterapeut"\n\n[[role]]\nid = "fysioterapeut"\nlabel = "Fysioterapeut"\n\n[[role]]\nid = "pedagog"\nlabel = "Lærer eller pedagog"\n\n[[role]]\nid = "barnevernkonsulent"\nlabel = "Barnevernkonsulent"\n\n[[role]]\nid = "boligkonsulent"\nlabel = "Boligkonsulent"\n\n[[role]]\nid = "bruker"\nlabel = "Bruker"\n\n[[role]]\nid = "parorende"\nlabel = "Pårørende"\n\n# --- Målgrupper (piloten) ----------------------------------------------------\n\n[[target_group]]\nid = "barn_unge"\nlabel = "Barn og unge og deres familier"\n\n[[target_group]]\nid = "psykisk_rus"\nlabel = "Personer med psykiske helse- og rusproblemer"\n\n[[target_group]]\nid = "skrope_eldre"\nlabel = "Skrøpelige eldre"\n\n[[target_group]]\nid = "kronisk_syke"\nlabel = "Kronisk syke"\n\n# --- Kartlegging -------------------------------------------------------------\n\n[[domain]]\nid = "helse"\nlabel = "Somatisk helse"\n\n[[domain]]\nid = "funksjon"\nlabel = "Funksjon i dagliglivet"\n\n[[domain]]\nid = "psykisk"\nlabel = "Psykisk helse og rus"\n\n[[domain]]\nid = "sosialt"\nlabel = "Sosiale, økonomiske og boligmessige forhold"\n\n[[domain]]\nid = "tjenester"\nlabel = "Tjenester og risiko"\n\n[[instrument]]\nid = "kjennetegn"\nname = "Kjennetegn ved store og sammensatte behov"\nversion = 1\nrecommend_at = 4                # samlet poengsum fra 4 anbefaler oppfølgingsteam\n\n  [[instrument.item]]\n  id = "flere_diagnoser"\n  text = "Flere samtidige sykdommer eller diagnoser"\n  domain = "helse"\n  weight = 1\n\n  [[instrument.item]]\n  id = "funksjonsfall"\n  text = "Nedsatt funksjon på flere livsområder (0 = ingen, 3 = stor)"\n  domain = "funksjon"\n  weight = 1\n  scale = [0, 3]\n\n  [[instrument.item]]\n  id = "psykisk_helse"\n  text = "Psykiske helseproblemer"\n  domain = "psykisk"\n  weight = 1\n\n  [[instrument.item]]\n  id = "rus"\n  text = "Rusmiddelproblemer"\n  domain = "psykisk"\n  weight = 1\n\n  [[instrument.item]]\n  id = "sosiale_forhold"\n  text = "Utfordringer med nettverk, økonomi, arbeid eller bolig"\n  domain = "sosialt"\n  weight = 1\n\n  [[instrument.item]]\n  id = "mange_tjenester"\n  text = "Mottar tjenester fra tre eller flere tjenesteytere"\n  domain = "tjenester"\n  weight = 2\n\n  [[instrument.item]]\n  id = "innleggelser"\n  text = "To eller flere sykehusinnleggelser siste år"\n  domain = "tjenester"\n  weight = 2\n\n  [[instrument.item]]\n  id = "parorende_belastning"\n  text = "Pårørende med stor belastning"\n  domain = "sosialt"\n  weight = 1\n\n[[instrument]]\nid = "risiko"\nname = "Risikovurdering hos fastlege"\nversion = 1\nrecommend_at = 3\n\n  [[instrument.item]]\n  id = "alder_over_75"\n  text = "75 år eller eldre"\n  domain = "helse"\n\n  [[instrument.item]]\n  id = "legemidler"\n  text = "Bruker fem eller flere legemidler fast"\n  domain = "helse"\n\n  [[instrument.item]]\n  id = "fall"\n  text = "Fall eller nesten-fall siste halvår"\n  domain = "funksjon"\n\n  [[instrument.item]]\n  id = "bor_alene"\n  text = "Bor alene uten daglig kontakt"\n  domain = "sosialt"\n\n# --- Indikatorer ved evaluering (pilotens resultatmål) -----------------------\n\n[[indicator]]\nid = "sykehusinnleggelser"\nlabel = "Sykehusinnleggelser siden forrige evaluering"\nkind = "count"\n\n[[indicator]]\nid = "reinnleggelser"\nlabel = "Reinnleggelser innen 30 dager"\nkind = "count"\n\n[[indicator]]\nid = "legevaktbesok"\nlabel = "Besøk på legevakt"\nkind = "count"\n\n[[indicator]]\nid = "tjenester_utsatt"\nlabel = "Kommunale tjenester forebygget eller utsatt"\nkind = "count"\n\n[[indicator]]\nid = "funksjon"\nlabel = "Funksjon (1 = svært nedsatt, 5 = god)"\nkind = "scale"\nscale = [1, 5]\n\n# Hvorfor en sak avsluttes (case close --reason). needs_municipality: hvilken\n# kommune personen flyttet til skal oppgis (--to-municipality).\n[[closing_reason]]\nid = "declines"\nlabel = "Personen ønsker ikke oppfølging"\n\n[[closing_reason]]\nid = "withdrawn"\nlabel = "Meldingen er trukket av melder"\n\n[[closing_reason]]\nid = "no_need"\nlabel = "Henlagt: ikke behov etter kartlegging"\n\n[[closing_reason]]\nid = "moved"\nlabel = "Flyttet til en annen kommune"\nneeds_municipality = true\n\n[[closing_reason]]\nid = "died"\nlabel = "Død"\n\n[[closing_reason]]\nid = "transferred"\nlabel = "Overført til en annen kommune eller tjeneste"\n\n[[closing_reason]]\nid = "team_ended"\nlabel = "Teamet er avsluttet"\n# Teamet i arbeid: møter, teamets egenvurdering, eskalering til ledere,\n# godkjenning og kontaktopplysninger.\n[escalation]\nafter_days = 14            # så mange dager over fristen: vises også for lederne (leder i [[access.user]])\nstale_days = 60            # en åpen sak uten endring så lenge blir en «stale_case»\n\n[approvals]\nplan = false               # en ny planversjon må godkjennes av leder (approve --what plan)\nassessment = false         # en kartlegging må godkjennes av leder (approve --what assessment)\nclosing = false            # en avslutning av saken må godkjennes av leder (approve --what closing)\n\n[plan_document]\nlog = false                # § 19-planen viser sakens logg (log add), nyeste først\n\n[[meeting_kind]]\nid = "ansvarsgruppemote"\nlabel = "Ansvarsgruppemøte"\n[[meeting_kind]]\nid = "nettverksmote"\nlabel = "Nettverksmøte"\n[[meeting_kind]]\nid = "planmote"\nlabel = "Planmøte"\n[[meeting_kind]]\nid = "evalueringsmote"\nlabel = "Evalueringsmøte"\n\n# «Når oppfølgingsteam fungerer som det skal» (piloten): ja/nei når scale ikke er gitt.\n[team_review]\n  [[team_review.item]]\n  id = "roller_avklart"\n  text = "Rollene i teamet er avklart"\n  [[team_review.item]]\n  id = "medlemmer_informert"\n  text = "Medlemmene har den informasjonen de trenger"\n  [[team_review.item]]\n  id = "koordinator_tid_myndighet"\n  text = "Koordinatoren har tid og myndighet til oppgaven"\n  [[team_review.item]]\n  id = "brukers_opplevelse"\n  text = "Personens opplevelse av teamet (1-5)"\n  scale = [1, 5]\n  [[team_review.item]]\n  id = "parorendes_opplevelse"\n  text = "Pårørendes opplevelse av teamet (1-5)"\n  scale = [1, 5]\n\n# Kontaktopplysninger for påminnelser på e-post (examples/remind-mail.sh);\n# teamets egne e-postadresser (team add --member "...:email=...") brukes ellers.\n[[contact]]\nname = "koordinerende enhet"\nemail = "koordinerende-enhet@kommune.example"\n','\n',char(10)));
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
INSERT INTO referral VALUES(1,1,NULL,NULL,'fastlege',NULL,'2026-03-02','Trenger koordinering av tjenester','38fafd609678f2d92abc212658d85c6c','2026-03-02T05:21:44.033Z','kari');
INSERT INTO referral VALUES(2,2,NULL,NULL,'fastlege',NULL,'2026-03-02','Trenger oppfølging','d455a62723f92bf49c911b2fdf895c74','2026-03-02T05:21:44.162Z','kari');
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
INSERT INTO consent VALUES(1,1,'utredning','muntlig','person',NULL,NULL,NULL,'2026-03-03','kari','2026-03-03T05:21:44.047Z',NULL,NULL,NULL);
INSERT INTO consent VALUES(2,1,'team','muntlig','person',NULL,NULL,NULL,'2026-03-03','kari','2026-03-03T05:21:44.057Z',NULL,NULL,NULL);
INSERT INTO consent VALUES(3,2,'utredning','muntlig','person',NULL,NULL,NULL,'2026-03-03','kari','2026-03-03T05:21:44.175Z',NULL,NULL,NULL);
INSERT INTO consent VALUES(4,2,'team','muntlig','person',NULL,NULL,NULL,'2026-03-03','kari','2026-03-03T05:21:44.187Z','2026-03-03','kari','Registrert på feil sak');
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
INSERT INTO assessment VALUES(1,1,'kjennetegn',1,'a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8','Ane Lie','sykepleier','2026-03-04',6,4,'team',0,'{"flere_diagnoser":1,"funksjonsfall":2,"innleggelser":0,"mange_tjenester":1,"parorende_belastning":0,"psykisk_helse":0,"rus":0,"sosiale_forhold":1}','{"helse":1,"funksjon":2,"psykisk":0,"sosialt":1,"tjenester":2}','[]','kari','2026-03-04T05:21:44.067Z');
INSERT INTO assessment VALUES(2,2,'kjennetegn',1,'a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8','Ane Lie','sykepleier','2026-03-04',6,4,'team',0,'{"flere_diagnoser":1,"funksjonsfall":2,"innleggelser":0,"mange_tjenester":1,"parorende_belastning":0,"psykisk_helse":0,"rus":0,"sosiale_forhold":1}','{"helse":1,"funksjon":2,"psykisk":0,"sosialt":1,"tjenester":2}','[]','kari','2026-03-04T05:21:44.207Z');
INSERT INTO assessment VALUES(3,2,'kjennetegn',1,'a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8','Ola Dahl','sykepleier','2026-03-05',6,4,'team',0,'{"flere_diagnoser":1,"funksjonsfall":2,"innleggelser":0,"mange_tjenester":1,"parorende_belastning":0,"psykisk_helse":0,"rus":0,"sosiale_forhold":1}','{"helse":1,"funksjon":2,"psykisk":0,"sosialt":1,"tjenester":2}','[]','kari','2026-03-05T05:21:44.217Z');
CREATE TABLE what_matters (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  assessment_id INTEGER REFERENCES assessment(id) ON DELETE CASCADE,
  text          TEXT NOT NULL
) STRICT;
INSERT INTO what_matters VALUES(1,1,1,'Å bo heime');
INSERT INTO what_matters VALUES(2,1,1,'Å treffe barnebarna');
INSERT INTO what_matters VALUES(3,2,2,'Å kunne jobbe');
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
INSERT INTO decision VALUES(1,1,'granted',NULL,'2026-03-10','kari','2026-04-07',replace('Eksempel kommune\nKoordinerende enhet\nRådhusplassen 1, 9999 Eksempelby\nVedtak om oppfølgingsteam – sak 2026/1\n\nTil: Per Hansen (fødselsnummer 239239*****)\nDato: 10. mars 2026\nGjelder: melding om behov for koordinering, mottatt 2. mars 2026\n\nVedtak: Søknaden er innvilget. Du får tilbud om oppfølgingsteam med koordinator.\n\nKlagerett\nDu kan klage på vedtaket til Statsforvalteren. Klagen sendes til Eksempel kommune, som vurderer saken på nytt og sender klagen videre til Statsforvalteren hvis vedtaket ikke endres (pasient- og brukerrettighetsloven § 7-2). Klagefristen er 28 dager og regnes fra den dagen du mottok dette brevet (pasient- og brukerrettighetsloven § 7-5). Mottar du brevet samme dag som det er datert, er siste dag for å sende klagen 7. april 2026.\nDu har rett til å se dokumentene i saken (forvaltningsloven § 18).\n\nMed hilsen\nkari\nKoordinerende enhet\nEksempel kommune\n','\n',char(10)));
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
INSERT INTO team VALUES(1,1,'active','2026-03-11','kari',NULL,NULL,NULL,NULL);
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
, phone TEXT, email TEXT) STRICT;
INSERT INTO team_member VALUES(1,1,'Ane Lie','koordinator',NULL,'coordinator','2026-03-11',NULL,NULL,NULL,NULL);
INSERT INTO team_member VALUES(2,1,'Dr. Berg','fastlege',NULL,'gp','2026-03-11',NULL,NULL,NULL,NULL);
INSERT INTO team_member VALUES(3,1,'Siri Moe','hjemmesykepleie','hjemmetjenesten','member','2026-03-11',NULL,NULL,NULL,NULL);
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
, format INTEGER NOT NULL DEFAULT 1, acted_on TEXT NOT NULL DEFAULT '', rammeverk TEXT NOT NULL DEFAULT '') STRICT;
INSERT INTO audit VALUES(1,'2026-12-01T05:21:44.015Z','kari','init','/tmp/seal2_old/s14.db','','','0000000000000000000000000000000000000000000000000000000000000000','34a2417b67d0198305ee5d3f34c6d5bfab0c6f2f85f38babac3071dbc33fd24a',3,'2026-12-01','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(2,'2026-12-01T05:21:44.015Z','kari','config.store','rammeverk','','examples/rammeverk.toml a1fe7a56a3a9','34a2417b67d0198305ee5d3f34c6d5bfab0c6f2f85f38babac3071dbc33fd24a','79fc6381d784b4dfc7d849d94ca00e7bb3b8ecf67aecbd7b76da3a484972f178',3,'2026-12-01','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(3,'2026-12-01T05:21:44.033Z','kari','refer.add','2026/1','23923901213','new case, reporter fastlege','79fc6381d784b4dfc7d849d94ca00e7bb3b8ecf67aecbd7b76da3a484972f178','c75b69fea1a662de598ae459a48ccfe420945e1560c1d104e68eb095649ef71a',3,'2026-03-02','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(4,'2026-12-01T05:21:44.047Z','kari','consent.give','2026/1','23923901213','utredning muntlig by person','c75b69fea1a662de598ae459a48ccfe420945e1560c1d104e68eb095649ef71a','58a5600a6c557ffc722adf2888ae07acc00c1fee9301440d356bc99d029f74ac',3,'2026-03-03','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(5,'2026-12-01T05:21:44.057Z','kari','consent.give','2026/1','23923901213','team muntlig by person','58a5600a6c557ffc722adf2888ae07acc00c1fee9301440d356bc99d029f74ac','2341c1949e61efea1abfd3c3d3505af8336f1f70f2fff1b25f527b2f6cc21716',3,'2026-03-03','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(6,'2026-12-01T05:21:44.067Z','kari','assess','2026/1','23923901213','assessment 1 instrument kjennetegn v1 by Ane Lie (sykepleier)','2341c1949e61efea1abfd3c3d3505af8336f1f70f2fff1b25f527b2f6cc21716','d2a4e1a8a52a7544c5b19441cdd388b22b9f6bd7952f7bb2912df51664857577',3,'2026-03-04','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(7,'2026-12-01T05:21:44.078Z','kari','decide.grant','2026/1','23923901213','appeal deadline 2026-04-07','d2a4e1a8a52a7544c5b19441cdd388b22b9f6bd7952f7bb2912df51664857577','3ac05fec1b80b77a3b2b6b8da552f135a68d33c79a3fac41e7e31c0dacd47c3b',3,'2026-03-10','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(8,'2026-12-01T05:21:44.088Z','kari','team.create','2026/1','23923901213','team created with 3 members','3ac05fec1b80b77a3b2b6b8da552f135a68d33c79a3fac41e7e31c0dacd47c3b','e801d47218875156442ee84a4f2be84877c24619125f9c1258cceca2572c6484',3,'2026-03-11','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(9,'2026-12-01T05:21:44.088Z','kari','team.add','2026/1','23923901213','coordinator Ane Lie (koordinator)','e801d47218875156442ee84a4f2be84877c24619125f9c1258cceca2572c6484','41012b50957aebbd42a2bb9b91bf587913c8fb920ea39e4dc21281f16735712e',3,'2026-03-11','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(10,'2026-12-01T05:21:44.088Z','kari','team.add','2026/1','23923901213','gp Dr. Berg (fastlege)','41012b50957aebbd42a2bb9b91bf587913c8fb920ea39e4dc21281f16735712e','d11173872f7eaec52a3de09362d8c571e7fe4d57d68059d00f43b61455d2bcb8',3,'2026-03-11','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(11,'2026-12-01T05:21:44.088Z','kari','team.add','2026/1','23923901213','member Siri Moe (hjemmesykepleie, hjemmetjenesten)','d11173872f7eaec52a3de09362d8c571e7fe4d57d68059d00f43b61455d2bcb8','ff83823370d202f6cf83dc054bfe0f4b241165c7e9d56bd8f0577565d59f5043',3,'2026-03-11','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(12,'2026-12-01T05:21:44.107Z','kari','plan.goal','2026/1','23923901213','goal 1','ff83823370d202f6cf83dc054bfe0f4b241165c7e9d56bd8f0577565d59f5043','ac42b6cd720ea45f191d72062d376a88b7a885f7b30f768e0510b407f5ae0768',3,'2026-03-12','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(13,'2026-12-01T05:21:44.122Z','kari','plan.participated','2026/1','23923901213','','ac42b6cd720ea45f191d72062d376a88b7a885f7b30f768e0510b407f5ae0768','1d0441f0855fc45bf513dc7ef8d1aaf2b3a602202b38a3f3f595ac8991511fa0',3,'2026-03-12','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(14,'2026-12-01T05:21:44.132Z','kari','evaluate','2026/1','23923901213','continue','1d0441f0855fc45bf513dc7ef8d1aaf2b3a602202b38a3f3f595ac8991511fa0','e81c8259301cd680bbe3a63031a1f2bd22d776a9618a9bc9b219652e0a49b947',3,'2026-04-01','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(15,'2026-12-01T05:21:44.142Z','kari','correct.name','','23923901213','person 1: name','e81c8259301cd680bbe3a63031a1f2bd22d776a9618a9bc9b219652e0a49b947','b1173bb06cc604df492f8bc9aba07e43c2922eee4b9151ba549e798810dacacf',3,'2026-04-02','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(16,'2026-12-01T05:21:44.152Z','kari','correct.referral','2026/1','23923901213','referral 1: need','b1173bb06cc604df492f8bc9aba07e43c2922eee4b9151ba549e798810dacacf','d0ce84e8dd701c67338582723b534a1028599f4173ca7d9ce6443ebe9fe553cf',3,'2026-04-02','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(17,'2026-12-01T05:21:44.162Z','kari','refer.add','2026/2','01854810088','new case, reporter fastlege','d0ce84e8dd701c67338582723b534a1028599f4173ca7d9ce6443ebe9fe553cf','9f462180559d586dfe3dcf494524f6fb7bae833cbf72c95f122905136d5413eb',3,'2026-03-02','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(18,'2026-12-01T05:21:44.176Z','kari','consent.give','2026/2','01854810088','utredning muntlig by person','9f462180559d586dfe3dcf494524f6fb7bae833cbf72c95f122905136d5413eb','d70cc6e922ea70d163af3afa67e43c694ecfdbcf2f2508c85a1ad0b1cc44c492',3,'2026-03-03','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(19,'2026-12-01T05:21:44.187Z','kari','consent.give','2026/2','01854810088','team muntlig by person','d70cc6e922ea70d163af3afa67e43c694ecfdbcf2f2508c85a1ad0b1cc44c492','eca7611562aa4ef7a7db72df14aa44f029c4cae3642aac50a662c720d61d08e9',3,'2026-03-03','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(20,'2026-12-01T05:21:44.196Z','kari','correct.void_consent','2026/2','01854810088','consent 4: void','eca7611562aa4ef7a7db72df14aa44f029c4cae3642aac50a662c720d61d08e9','b30af451434c958fb9595d4df751fa15306a3aa5cf972da28c8f7842b153c938',3,'2026-03-04','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(21,'2026-12-01T05:21:44.207Z','kari','assess','2026/2','01854810088','assessment 2 instrument kjennetegn v1 by Ane Lie (sykepleier)','b30af451434c958fb9595d4df751fa15306a3aa5cf972da28c8f7842b153c938','fd42bda067729bb4962550ddb07def3d0d74c800dd6dc400610fd347cd1bdb62',3,'2026-03-04','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(22,'2026-12-01T05:21:44.217Z','kari','assess','2026/2','01854810088','assessment 3 instrument kjennetegn v1 by Ola Dahl (sykepleier)','fd42bda067729bb4962550ddb07def3d0d74c800dd6dc400610fd347cd1bdb62','0a9f22a12a393047fccd9b5ba2eeec83772d2745fc09ef43c5380506e8fb006f',3,'2026-03-05','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(23,'2026-12-01T05:21:44.227Z','kari','correct.void_assessment','2026/2','01854810088','assessment 3: void','0a9f22a12a393047fccd9b5ba2eeec83772d2745fc09ef43c5380506e8fb006f','3cc51ef58fbde97abea16d0b3127726a275ba31e8b948052db95976c88d5bd41',3,'2026-03-06','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
INSERT INTO audit VALUES(24,'2026-12-01T05:21:44.238Z','kari','case.show','2026/1','23923901213','','3cc51ef58fbde97abea16d0b3127726a275ba31e8b948052db95976c88d5bd41','d85e1fbcd4d84e26913e0e23d1258127168087b6950a3dd2d595405a9e9775b2',3,'2026-04-02','a1fe7a56a3a99543a831addafe91b77a9567c4f05f7485e5f08e56151b8772b8');
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
INSERT INTO "plan" VALUES(1,1,'oppfolgingsplan','open',3,'2026-03-12','Planmøte heime','2026-03-12',NULL,NULL,NULL,'2026-03-12',NULL,'2026-06-30');
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
INSERT INTO plan_revision VALUES(1,1,1,'2026-03-12T05:21:44.106Z','kari','{"args":["1"],"key":"plan.change.goal"}','{"case":"2026/1","consents":[{"form":"muntlig","given_by":"person","given_on":"2026-03-03","scope":"utredning"},{"form":"muntlig","given_by":"person","given_on":"2026-03-03","scope":"team"}],"contributions":null,"created_on":"2026-03-12","goals":[{"number":1,"parent":null,"source":"what_matters:1","status":"open","text":"Å bo heime"}],"kind":"oppfolgingsplan","measures":[],"needs":null,"next_evaluation":null,"participation":{"how":null,"on":null},"period":{"from":"2026-03-12","to":null},"person_name":"Per Hansen","resources":null,"revised_at":"2026-03-12T05:21:44.106Z","revision":1,"status":"open","team":[{"kind":"coordinator","name":"Ane Lie","role":"koordinator","service":null},{"kind":"gp","name":"Dr. Berg","role":"fastlege","service":null},{"kind":"member","name":"Siri Moe","role":"hjemmesykepleie","service":"hjemmetjenesten"}]}');
INSERT INTO plan_revision VALUES(2,1,2,'2026-03-12T05:21:44.121Z','kari','{"args":[],"key":"plan.change.participated"}','{"case":"2026/1","consents":[{"form":"muntlig","given_by":"person","given_on":"2026-03-03","scope":"utredning"},{"form":"muntlig","given_by":"person","given_on":"2026-03-03","scope":"team"}],"contributions":null,"created_on":"2026-03-12","goals":[{"number":1,"parent":null,"source":"what_matters:1","status":"open","text":"Å bo heime"}],"kind":"oppfolgingsplan","measures":[],"needs":null,"next_evaluation":null,"participation":{"how":"Planmøte heime","on":"2026-03-12"},"period":{"from":"2026-03-12","to":null},"person_name":"Per Hansen","resources":null,"revised_at":"2026-03-12T05:21:44.121Z","revision":2,"status":"open","team":[{"kind":"coordinator","name":"Ane Lie","role":"koordinator","service":null},{"kind":"gp","name":"Dr. Berg","role":"fastlege","service":null},{"kind":"member","name":"Siri Moe","role":"hjemmesykepleie","service":"hjemmetjenesten"}]}');
INSERT INTO plan_revision VALUES(3,1,3,'2026-04-01T05:21:44.132Z','kari','{"args":["2026-04-01","continue"],"key":"plan.change.evaluation"}','{"case":"2026/1","consents":[{"form":"muntlig","given_by":"person","given_on":"2026-03-03","scope":"utredning"},{"form":"muntlig","given_by":"person","given_on":"2026-03-03","scope":"team"}],"contributions":null,"created_on":"2026-03-12","goals":[{"number":1,"parent":null,"source":"what_matters:1","status":"open","text":"Å bo heime"}],"kind":"oppfolgingsplan","measures":[],"needs":null,"next_evaluation":"2026-06-30","participation":{"how":"Planmøte heime","on":"2026-03-12"},"period":{"from":"2026-03-12","to":null},"person_name":"Per Hansen","resources":null,"revised_at":"2026-04-01T05:21:44.132Z","revision":3,"status":"open","team":[{"kind":"coordinator","name":"Ane Lie","role":"koordinator","service":null},{"kind":"gp","name":"Dr. Berg","role":"fastlege","service":null},{"kind":"member","name":"Siri Moe","role":"hjemmesykepleie","service":"hjemmetjenesten"}]}');
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
INSERT INTO goal VALUES(1,1,1,NULL,'Å bo heime','what_matters:1','open');
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
INSERT INTO evaluation VALUES(1,1,'2026-04-01',NULL,'continue',NULL,NULL,'2026-06-30','{"1":1}','kari','2026-04-01T05:21:44.132Z');
CREATE TABLE indicator_value (
  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
  indicator     TEXT NOT NULL,
  value         INTEGER NOT NULL,
  PRIMARY KEY (evaluation_id, indicator)
) STRICT;
INSERT INTO indicator_value VALUES(1,'funksjon',3);
INSERT INTO indicator_value VALUES(1,'sykehusinnleggelser',1);
CREATE TABLE IF NOT EXISTS "person" (
  id         INTEGER PRIMARY KEY,
  fnr        TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind = 'fodselsnummer' OR kind = 'd_nummer' OR kind = 'h_nummer'),
  birth_date TEXT NOT NULL,
  name       TEXT,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO person VALUES(1,'23923901213','fodselsnummer','1939-12-23','Per Hanssen','2026-03-02T05:21:44.033Z');
INSERT INTO person VALUES(2,'01854810088','fodselsnummer','1948-05-01',NULL,'2026-03-02T05:21:44.162Z');
CREATE TABLE IF NOT EXISTS "case_file" (
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
  close_reason TEXT, owner TEXT, last_changed TEXT,
  UNIQUE (year, seq)
) STRICT;
INSERT INTO case_file VALUES(1,'2026/1',2026,1,1,'active','2026-03-02',NULL,NULL,NULL,NULL,'2026-04-02');
INSERT INTO case_file VALUES(2,'2026/2',2026,2,2,'received','2026-03-02',NULL,NULL,NULL,NULL,'2026-03-06');
CREATE TABLE import_batch (
  first_referral INTEGER PRIMARY KEY,
  last_referral  INTEGER NOT NULL,
  audit_id       INTEGER NOT NULL
) STRICT;
CREATE TABLE audit_seal (
  audit_id INTEGER,
  tbl      TEXT NOT NULL,
  first_id INTEGER NOT NULL,
  last_id  INTEGER NOT NULL,
  digest   TEXT,
  before   TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO audit_seal VALUES(3,'person',1,1,'7f62a98f8ebcba370df86114aeb3fe26aeb0e326a5be1a1dcff10725656212eb','');
INSERT INTO audit_seal VALUES(3,'referral',1,1,'b1d26d09baaa96790c6d52e8a0322000395ef4c454a3618fbdeff89868b81850','');
INSERT INTO audit_seal VALUES(4,'consent',1,1,'c383f9d344f3b52c7bc63dee904f6552f72e68452922cc698524c6b39f8f309c','');
INSERT INTO audit_seal VALUES(5,'consent',2,2,'8a9c65d146f8594bf94c958457e5621cd9aa0fb35ac9642c86f5186176e822e0','');
INSERT INTO audit_seal VALUES(6,'assessment',1,1,'3e94d284121ed98b97144d95f9680191162a64fd89ec04b3b3f4ad74eaca8fff','');
INSERT INTO audit_seal VALUES(7,'decision',1,1,'9118044295e46355949a0b0ee5b43534a759af2bb56cb5d71e6f2d6c42fb5fda','');
INSERT INTO audit_seal VALUES(9,'team_member',1,1,'2169150802591b08fcee5299b34e592b4c7a8e657ef1765324e2ddfad188dccb','');
INSERT INTO audit_seal VALUES(10,'team_member',2,2,'5ff66647dd53f7f7335babde6b4375ec751a1bf6a9c94a0e1cd2179b94076da3','');
INSERT INTO audit_seal VALUES(11,'team_member',3,3,'3b60d6d443e6930f42c03a0a6ab2dd723b5e5596e9ff2bcb2dd49983d7515fe3','');
INSERT INTO audit_seal VALUES(12,'goal',1,1,'407011248683bf8f2889bb146ef2dbc3b97f8cf5fceef6993a113887b821220f','');
INSERT INTO audit_seal VALUES(14,'evaluation',1,1,'1a7958e3a771c536c6b100c006bccac4c85312a56e3da7ef9b7ff43782a49ab8','');
INSERT INTO audit_seal VALUES(15,'person',1,1,'9475cbbf8460b50dcfda30f79ae73b3b3a793233622b91a67f8ae55191fa1d9c','437b953f659682710b36e6e3cceab83cfd8dc8d5d15f1078f62c0abe625142a3');
INSERT INTO audit_seal VALUES(16,'referral',1,1,'7596ef09fdb0802a2cba57a3633b700824ad981d950f879280e24efe78ce3d1f','0edec0d3b6757160288ee597172a36ac9f914899a9f26fb27c33eed5bfea9240');
INSERT INTO audit_seal VALUES(17,'person',2,2,'dd3f4e2491103ddc223e9ad1735101bceddb40c8c3b110e20f95aa749d204d13','');
INSERT INTO audit_seal VALUES(17,'referral',2,2,'a834caa8bcdd4856d02aacf91210f945717fbcb3ccfea3d53f4cd932808e6526','');
INSERT INTO audit_seal VALUES(18,'consent',3,3,'5d8b76647a4f20941827301d8194a5a076e4995e736973346e8f9b572092c1b6','');
INSERT INTO audit_seal VALUES(19,'consent',4,4,'ed2180c67d0fae10a8c22e71fd1bdb3142e2562663002cff6bdc140b50e64d78','');
INSERT INTO audit_seal VALUES(20,'consent',4,4,'3d7f9219b00b2810c69741ffdef42f4a445d1cfe550f542a4e5624edd6812974','9d9c853f29f18657f3ae0d17f9649bd18a8f4f6d434982eedbf7eef661a17033');
INSERT INTO audit_seal VALUES(21,'assessment',2,2,'62b9d86c01b0fb58078789aaafcdfcb9bf7b5ef98a3078d08f910a6706030070','');
INSERT INTO audit_seal VALUES(22,'assessment',3,3,'8b207d9912a7ccfc7c872a780b885639f7d842aefe83e49cf29ec42ccf0ee893','');
CREATE TABLE case_sequence (
  year     INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
) STRICT;
INSERT INTO case_sequence VALUES(2026,2);
CREATE TABLE archive_export (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  exported_at TEXT NOT NULL,
  exported_by TEXT NOT NULL,
  package     TEXT NOT NULL,
  documents   INTEGER NOT NULL
) STRICT;
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
CREATE TABLE case_owner (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  owner       TEXT NOT NULL,
  assigned_on TEXT NOT NULL,
  assigned_by TEXT NOT NULL
) STRICT;
CREATE TABLE case_target_group (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  target_group TEXT NOT NULL,
  step         TEXT NOT NULL
               CHECK (step = 'refer' OR step = 'import' OR step = 'assess' OR step = 'decide' OR step = 'case'),
  set_on       TEXT NOT NULL,
  set_by       TEXT NOT NULL
) STRICT;
CREATE TABLE goal_status (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  goal_number INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status = 'active' OR status = 'reached' OR status = 'partly' OR status = 'dropped'),
  note        TEXT,
  set_on      TEXT NOT NULL,
  set_by      TEXT NOT NULL
) STRICT;
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
INSERT INTO correction VALUES(1,NULL,1,'person',1,'name','Per Hansen','Per Hanssen','Feilstavet','2026-04-02','kari');
INSERT INTO correction VALUES(2,1,1,'referral',1,'need','Trenger koordinering','Trenger koordinering av tjenester','Skrevet av feil','2026-04-02','kari');
INSERT INTO correction VALUES(3,2,2,'consent',4,'void','','2026-03-03','Registrert på feil sak','2026-03-04','kari');
INSERT INTO correction VALUES(4,2,2,'assessment',3,'void','','void','Feil person kartlagt','2026-03-06','kari');
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
CREATE TABLE meeting_participant (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  role       TEXT,
  service    TEXT,
  phone      TEXT,
  email      TEXT
) STRICT;
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
CREATE TABLE case_log (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  written_on TEXT NOT NULL,
  written_by TEXT NOT NULL,
  written_at TEXT NOT NULL,
  text       TEXT NOT NULL
) STRICT;
CREATE TABLE team_review (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
  reviewed_on TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  answers     TEXT NOT NULL DEFAULT '{}'
) STRICT;
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
CREATE TABLE appeal_step (
  id          INTEGER PRIMARY KEY,
  appeal_id   INTEGER NOT NULL REFERENCES appeal(id) ON DELETE CASCADE,
  step        TEXT NOT NULL CHECK (step = 'review' OR step = 'forward' OR step = 'outcome'),
  result      TEXT,
  step_on     TEXT NOT NULL,
  grounds     TEXT,
  recorded_by TEXT NOT NULL
) STRICT;
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
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','person_name_search','person_name_search',0,'CREATE VIRTUAL TABLE person_name_search USING fts5(
  name, content = ''person'', content_rowid = ''id'', tokenize = ''trigram case_sensitive 0'', detail = ''none'', columnsize = 0)');
CREATE TABLE IF NOT EXISTS 'person_name_search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO person_name_search_data VALUES(1,X'');
INSERT INTO person_name_search_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'person_name_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'person_name_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO person_name_search_config VALUES('version',4);
CREATE TABLE person_name_search_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_to INTEGER NOT NULL
) STRICT;
INSERT INTO person_name_search_state VALUES(1,0);
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
CREATE INDEX case_file_person ON case_file(person_id);
CREATE INDEX case_file_status ON case_file(status);
CREATE INDEX audit_seal_entry ON audit_seal(audit_id);
CREATE INDEX archive_export_case ON archive_export(case_id);
CREATE INDEX case_closing_case ON case_closing(case_id);
CREATE INDEX consent_decline_case ON consent_decline(case_id, scope);
CREATE INDEX case_file_owner ON case_file(owner) WHERE owner IS NOT NULL;
CREATE INDEX case_owner_case ON case_owner(case_id);
CREATE INDEX case_target_group_case ON case_target_group(case_id);
CREATE INDEX goal_status_goal ON goal_status(plan_id, goal_number);
CREATE INDEX correction_case ON correction(case_id);
CREATE INDEX correction_person ON correction(person_id);
CREATE INDEX correction_object ON correction(object, object_id);
CREATE INDEX meeting_open ON meeting(held_on, case_id) WHERE minutes IS NULL;
CREATE INDEX meeting_planned ON meeting(held_on, case_id) WHERE status = 'planned';
CREATE INDEX meeting_participant_meeting ON meeting_participant(meeting_id);
CREATE INDEX meeting_action_open ON meeting_action(due_on, case_id) WHERE status = 'open' AND measure IS NULL;
CREATE INDEX case_log_case ON case_log(case_id, written_on);
CREATE INDEX team_review_case ON team_review(case_id, reviewed_on);
CREATE INDEX approval_pending ON approval(requested_on, case_id) WHERE status = 'pending';
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
CREATE INDEX case_transfer_case ON case_transfer(case_id);
CREATE UNIQUE INDEX case_transfer_in_bundle ON case_transfer(bundle_sha256) WHERE direction = 'in';
CREATE UNIQUE INDEX case_transfer_in_case ON case_transfer(municipality_number, remote_case) WHERE direction = 'in';
CREATE INDEX appeal_case ON appeal(case_id);
CREATE INDEX appeal_open ON appeal(status, case_id)
  WHERE status = 'received' OR status = 'returned' OR status = 'upheld' OR status = 'forwarded';
CREATE INDEX appeal_step_appeal ON appeal_step(appeal_id);
CREATE INDEX decision_history_case ON decision_history(case_id);
CREATE INDEX person_guardian_person ON person_guardian(person_id);
CREATE TRIGGER person_name_search_update AFTER UPDATE OF name ON person
WHEN old.id <= (SELECT indexed_to FROM person_name_search_state) BEGIN
  INSERT INTO person_name_search(person_name_search, rowid, name) SELECT 'delete', old.id, old.name WHERE old.name IS NOT NULL;
  INSERT INTO person_name_search(rowid, name) SELECT new.id, new.name WHERE new.name IS NOT NULL;
END;
CREATE TRIGGER person_name_search_delete AFTER DELETE ON person
WHEN old.name IS NOT NULL AND old.id <= (SELECT indexed_to FROM person_name_search_state) BEGIN
  INSERT INTO person_name_search(person_name_search, rowid, name) VALUES ('delete', old.id, old.name);
END;
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version=14;
PRAGMA journal_mode=WAL;
