#!/usr/bin/env node
// Validates a SARIF log against the official SARIF 2.1.0 JSON schema with ajv, and checks what
// the test expects of snapkey's log. Test tooling only: snapkey itself stays C++.
//
//   node validate.js SCHEMA LOG [--results=N] [--rule=ID]... [--levels=LEVEL,...] [--lines]
//                               [--logical=KIND] [--suppressed=ID]
//   node validate.js SCHEMA LOG --expect-invalid [--error=INSTANCE_PATH]...
//
// Exit code 0 when the log is valid and meets every expectation (with --expect-invalid: when the
// schema rejects the log, with an error at every --error path), 1 otherwise, with the reasons.
// The schema is JSON Schema draft-04 (its "$schema"), which ajv 8 reads through ajv-draft-04;
// ajv-formats checks the "uri", "uri-reference" and "date-time" formats it uses.
"use strict";

const fs = require("fs");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

function fail(lines) {
  for (const line of [].concat(lines)) console.error(`validate.js: ${line}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { files: [], rules: [], errors: [], lines: false, invalid: false };
  for (const arg of argv) {
    const [name, value] = arg.split(/=(.*)/s);
    if (name === "--results") options.results = Number(value);
    else if (name === "--rule") options.rules.push(value);
    else if (name === "--levels") options.levels = value.split(",");
    else if (name === "--lines") options.lines = true;
    else if (name === "--logical") options.logical = value;
    else if (name === "--suppressed") options.suppressed = value;
    else if (name === "--expect-invalid") options.invalid = true;
    else if (name === "--error") options.errors.push(value);
    else if (arg.startsWith("--")) fail(`unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.files.length !== 2) fail("usage: validate.js SCHEMA LOG [options]");
  return options;
}

function readJson(path) {
  let text;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (e) {
    fail(`cannot read ${path}: ${e.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`${path} is not JSON: ${e.message}`);
  }
}

function describe(error) {
  const where = error.instancePath === "" ? "(the log)" : error.instancePath;
  return `${where}: ${error.message} ${JSON.stringify(error.params)}`;
}

// What the test expects of snapkey's log beyond the schema; returns the unmet expectations.
function unmet(log, options) {
  const results = log.runs[0].results || [];
  const out = [];
  if (options.results !== undefined && results.length !== options.results) {
    out.push(`expected ${options.results} results, found ${results.length}`);
  }
  for (const rule of options.rules) {
    if (!results.some((r) => r.ruleId === rule)) out.push(`expected a result of rule ${rule}`);
  }
  if (options.levels !== undefined) {
    results.forEach((r, i) => {
      if (!options.levels.includes(r.level)) out.push(`result ${i} (${r.ruleId}) is at level ${r.level}`);
    });
  }
  if (options.lines) {
    results.forEach((r, i) => {
      const physical = r.locations && r.locations[0] && r.locations[0].physicalLocation;
      if (!physical) out.push(`result ${i} (${r.ruleId}) has no physicalLocation`);
      else if (!physical.region || !physical.region.startLine) {
        out.push(`result ${i} (${r.ruleId}) in ${physical.artifactLocation.uri} has no line`);
      }
    });
  }
  if (options.logical !== undefined) {
    const has = results.some((r) =>
      (r.locations || []).some((l) => (l.logicalLocations || []).some((ll) => ll.kind === options.logical)));
    if (!has) out.push(`expected a logical location of kind ${options.logical}`);
  }
  if (options.suppressed !== undefined) {
    const has = results.some((r) => r.ruleId === options.suppressed && (r.suppressions || []).length > 0);
    if (!has) out.push(`expected a suppressed result of rule ${options.suppressed}`);
  }
  return out;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const [schemaPath, logPath] = options.files;
  const schema = readJson(schemaPath);
  // Strict, except for "required" naming a property the same subschema does not define: the
  // official schema does that in its anyOf alternatives (reportingDescriptorReference...).
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const log = readJson(logPath);
  const valid = validate(log);
  const errors = validate.errors || [];

  if (options.invalid) {
    if (valid) fail(`${logPath} is valid SARIF 2.1.0, but the test expects the schema to reject it`);
    const missing = options.errors.filter((path) => !errors.some((e) => e.instancePath === path));
    if (missing.length > 0) {
      fail([`${logPath} was rejected, but not at ${missing.join(", ")}; ajv said:`].concat(errors.map(describe)));
    }
    console.log(`${logPath}: rejected as expected (${errors.length} errors):`);
    for (const error of errors) console.log(`  ${describe(error)}`);
    return;
  }
  if (!valid) {
    fail([`${logPath} is not valid SARIF 2.1.0 (${schema.id || schema.$id}):`].concat(errors.map(describe)));
  }
  const problems = unmet(log, options);
  if (problems.length > 0) fail([`${logPath} is valid SARIF but:`].concat(problems));
  console.log(`${logPath}: valid SARIF 2.1.0, ${(log.runs[0].results || []).length} results`);
}

main();
