#!/usr/bin/env node
// Checks that the bundles check.sh makes through the commands carry what the
// cases mean (issue 19), beyond being valid FHIR:
//
//   node meaning.js DIR       (DIR holds cmd_2026_1.json, cmd_2026_2.json,
//                              cmd_2025_1.json, cmd_2026_3.json and cmd_2026_4.json)
//
// Exit 0 when every expectation holds, 1 otherwise (each failure on stderr).
'use strict';

const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const failures = [];
function expect(what, ok) {
  if (!ok) failures.push(what);
}

function load(name) {
  const b = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  const byUrl = new Map(b.entry.map((e) => [e.fullUrl, e.resource]));
  const all = (type) => b.entry.filter((e) => e.resource.resourceType === type).map((e) => e.resource);
  const urlOf = (resource) => b.entry.find((e) => e.resource === resource).fullUrl;
  const deref = (ref) => (ref && ref.reference ? byUrl.get(ref.reference) : undefined);
  return { b, all, deref, urlOf, name };
}

const SYNTHETIC = 'urn:oppteam:identifier:synthetic-personal-number';
const REAL_FNR = 'urn:oid:2.16.578.1.12.4.1.4.1';

function common(x) {
  const { all, deref, name } = x;
  // Synthetic numbers never under the real fødselsnummer OID.
  const patient = all('Patient')[0];
  expect(`${name}: Patient identifier under the synthetic system`, patient.identifier.some((i) => i.system === SYNTHETIC));
  expect(`${name}: no identifier under the fødselsnummer OID`, !JSON.stringify(x.b).includes(REAL_FNR));
  // Role texts once: no "X (X (...))".
  for (const t of all('CareTeam')) {
    for (const p of t.participant || []) {
      for (const r of p.role || []) expect(`${name}: role text said once (${r.text})`, !/\(.*\(/.test(r.text || ''));
      const member = deref(p.member);
      expect(`${name}: CareTeam member is a resource (${JSON.stringify(p.member)})`,
        member && ['PractitionerRole', 'RelatedPerson', 'Patient', 'Practitioner'].includes(member.resourceType));
    }
    expect(`${name}: CareTeam.managingOrganization is the municipality`,
      (t.managingOrganization || []).some((o) => (deref(o) || {}).resourceType === 'Organization'));
  }
  for (const pr of all('PractitionerRole')) {
    expect(`${name}: PractitionerRole.practitioner resolves`, (deref(pr.practitioner) || {}).resourceType === 'Practitioner');
    expect(`${name}: PractitionerRole.organization resolves`, (deref(pr.organization) || {}).resourceType === 'Organization');
  }
  // Due dates as timing or periods, never text.
  for (const cp of all('CarePlan'))
    for (const a of cp.activity || []) {
      expect(`${name}: activity due date not a string`, a.detail.scheduledString === undefined);
      expect(`${name}: activity has scheduledTiming or scheduledPeriod`, !!(a.detail.scheduledTiming || a.detail.scheduledPeriod));
    }
}

function decisionTask(x) {
  return x.all('Task').find((t) => (t.code && JSON.stringify(t.code).includes('vedtak')));
}

// 2026/1: a child; the mother (foresatt) consents and takes part; a goal from
// "Hva er viktig for deg?" with a sub-goal; a weekly measure; granted.
{
  const x = load('cmd_2026_1.json');
  common(x);
  const { all, deref } = x;
  const mother = all('RelatedPerson').find((r) => JSON.stringify(r.name || []).includes('Pia Nilsen'));
  expect('2026/1: the mother is a RelatedPerson', !!mother);
  expect('2026/1: the mother is a parent (v3 RoleCode PRN)', mother && JSON.stringify(mother.relationship || []).includes('"PRN"'));
  expect('2026/1: one RelatedPerson for the mother', all('RelatedPerson').filter((r) => JSON.stringify(r.name).includes('Pia Nilsen')).length === 1);
  const consents = all('Consent');
  expect('2026/1: consent performer is the RelatedPerson',
    consents.length > 0 && consents.every((c) => c.performer.some((p) => deref(p) === mother)));
  const goals = all('Goal');
  const main = goals.find((g) => g.description.text === 'Å leke med vennene');
  expect('2026/1: goal from what matters has expressedBy the patient', main && (deref(main.expressedBy) || {}).resourceType === 'Patient');
  const sub = goals.find((g) => g.description.text === 'Leke ute hver dag');
  expect('2026/1: sub-goal exists', !!sub);
  expect('2026/1: sub-goal not expressedBy (it was typed)', sub && sub.expressedBy === undefined);
  const rel = ((main && main.extension) || []).find((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/goal-relationship');
  expect('2026/1: goal links its sub-goal (goal-relationship milestone)',
    rel && deref((rel.extension.find((e) => e.url === 'target') || {}).valueReference) === sub &&
      JSON.stringify(rel.extension.find((e) => e.url === 'type')).includes('milestone'));
  const act = all('CarePlan')[0].activity[0].detail;
  expect('2026/1: weekly measure as timing every 7 days',
    act.scheduledTiming && act.scheduledTiming.repeat && act.scheduledTiming.repeat.period === 7 &&
      act.scheduledTiming.repeat.periodUnit === 'd' && (act.scheduledTiming.event || []).includes('2026-04-01'));
  expect('2026/1: the measure\'s performer is a PractitionerRole', (deref(act.performer[0]) || {}).resourceType === 'PractitionerRole');
  const task = decisionTask(x);
  expect('2026/1: the decision is a Task', !!task);
  expect('2026/1: granted', task && task.status === 'completed' && JSON.stringify(task.businessStatus).includes('granted'));
  expect('2026/1: decision date', task && task.executionPeriod && task.executionPeriod.end === '2026-03-10');
  expect('2026/1: the decision is about the referral', task && (deref(task.focus) || {}).resourceType === 'ServiceRequest');
  const outputs = (task && task.output) || [];
  expect('2026/1: appeal deadline', outputs.some((o) => o.valueDate === '2026-04-07'));
  const letter = outputs.map((o) => deref(o.valueReference)).find((r) => r && r.resourceType === 'DocumentReference');
  expect('2026/1: the letter is a DocumentReference with the text',
    letter && Buffer.from(letter.content[0].attachment.data, 'base64').toString('utf8').includes('2026/1'));
  const gp = all('PractitionerRole').find((r) => JSON.stringify(r.code || []).includes('fastlege'));
  expect('2026/1: the GP is a PractitionerRole', !!gp);
  expect('2026/1: Organization for the service barnevern', all('Organization').some((o) => o.name && /barnevern/i.test(o.name)));
}

// 2026/2: an elderly woman; sharing with NAV; evaluated (continue); the team
// consent withdrawn, the team paused.
{
  const x = load('cmd_2026_2.json');
  common(x);
  const { all, deref } = x;
  const nav = all('Consent').find((c) => JSON.stringify(c.policyRule).includes('deling:nav'));
  expect('2026/2: the deling:nav consent', !!nav);
  const actor = nav && nav.provision.actor && nav.provision.actor[0];
  expect('2026/2: deling:nav names NAV in provision.actor', actor && (deref(actor.reference) || {}).resourceType === 'Organization' &&
    /nav/i.test(deref(actor.reference).name));
  expect('2026/2: provision.actor role is an information recipient', actor && JSON.stringify(actor.role).includes('IRCP'));
  const evaluation = all('Observation').find((o) => JSON.stringify(o.code).includes('evaluation-decision'));
  expect('2026/2: the evaluation\'s decision is an Observation', !!evaluation);
  expect('2026/2: decision continue', evaluation && JSON.stringify(evaluation.valueCodeableConcept).includes('continue'));
  expect('2026/2: it holds the evaluation\'s other observations', evaluation && (evaluation.hasMember || []).length >= 2);
  expect('2026/2: a paused team and its plan are on hold', all('CarePlan')[0].status === 'on-hold' && all('CareTeam')[0].status === 'suspended');
}

// 2025/1: closed by its evaluation: goals and plan follow the case.
{
  const x = load('cmd_2025_1.json');
  common(x);
  const { all } = x;
  expect('2025/1: the plan is completed', all('CarePlan')[0].status === 'completed');
  expect('2025/1: no goal is still active', all('Goal').every((g) => g.lifecycleStatus !== 'active'));
  expect('2025/1: the goal reached (GAS +2 at closing)', all('Goal').some((g) => JSON.stringify(g.achievementStatus || {}).includes('achieved')));
  const evaluation = all('Observation').find((o) => JSON.stringify(o.code).includes('evaluation-decision'));
  expect('2025/1: decision close, with its reason', evaluation && JSON.stringify(evaluation.valueCodeableConcept).includes('close') &&
    JSON.stringify(evaluation.note || []).includes('Mål nådd'));
  expect('2025/1: the referral is completed', all('ServiceRequest').every((s) => s.status === 'completed'));
}

// 2026/3: refused, with grounds.
{
  const x = load('cmd_2026_3.json');
  common(x);
  const task = decisionTask(x);
  expect('2026/3: the refusal is a Task', !!task);
  expect('2026/3: refused with the grounds', task && task.status === 'rejected' && JSON.stringify(task.businessStatus).includes('refused') &&
    JSON.stringify(task.statusReason).includes('Behovet dekkes av hjemmetjenesten'));
}

// 2026/4: refused, appealed by the person, reversed by the municipality.
{
  const x = load('cmd_2026_4.json');
  common(x);
  const { all, deref, urlOf } = x;
  const code = (t) => t.code && t.code.coding && t.code.coding[0].code;
  const current = all('Task').find((t) => code(t) === 'vedtak');
  const replaced = all('Task').find((t) => code(t) === 'replaced-decision');
  const appeal = all('Task').find((t) => code(t) === 'appeal');
  expect('2026/4: the decision now in force is a grant', current && current.status === 'completed' &&
    JSON.stringify(current.businessStatus).includes('granted'));
  expect('2026/4: the replaced refusal is kept, cancelled, with its grounds', replaced && replaced.status === 'cancelled' &&
    JSON.stringify(replaced.businessStatus).includes('refused') && JSON.stringify(replaced.statusReason).includes('hjemmetjenesten'));
  expect('2026/4: the appeal focuses on the refusal it appealed', appeal && replaced && appeal.focus &&
    appeal.focus.reference === urlOf(replaced));
  expect('2026/4: the appeal is completed as reversed, with the review as a dated note', appeal && appeal.status === 'completed' &&
    JSON.stringify(appeal.businessStatus).includes('reversed') &&
    (appeal.note || []).some((n) => n.time === '2026-04-25' && n.text.includes('Ny legeerklæring')));
  expect('2026/4: the appellant is the person', appeal && appeal.requester && deref(appeal.requester) === all('Patient')[0]);
  const letterOf = (t) => t && deref((t.output || []).find((o) => o.type.coding[0].code === 'decision-letter').valueReference);
  const oldLetter = letterOf(replaced);
  const newLetter = letterOf(current);
  expect('2026/4: the old letter is superseded', oldLetter && oldLetter.status === 'superseded');
  expect('2026/4: the new letter replaces it', newLetter && oldLetter && (newLetter.relatesTo || []).some((r) =>
    r.code === 'replaces' && r.target.reference === urlOf(oldLetter)));
}

for (const f of failures) process.stderr.write(`meaning: ${f}\n`);
if (failures.length === 0) process.stdout.write('meaning: every expectation holds\n');
process.exitCode = failures.length === 0 ? 0 : 1;
