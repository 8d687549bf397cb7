// check-outputs checks scholarld's outputs with processors that share no
// code with it: N3.js reads the Turtle and N-Triples, jsonld.js reads the
// JSON-LD (against the official schema.org context, offline),
// rdf-validate-shacl validates every graph against the application
// profile ld/shapes/scholarld.shacl.ttl, and rdf-canonize (RDFC-1.0, the
// W3C name of URDNA2015) decides whether two outputs are the same graph.
//
// Usage, from the repository root:
//
//   node .ci/check-outputs.mjs            the golden outputs, the negative
//                                         controls and the fixtures of
//                                         testdata/fixtures
//   node .ci/check-outputs.mjs FILE...    the given .ttl, .nt, .jsonld files
//
// Files are grouped by name: NAME.ttl and NAME.nt are the full profile,
// NAME.full.jsonld the full profile as JSON-LD, NAME.jsonld the schema
// profile, NAME.schema.nt the schema profile as N-Triples. Every graph is
// validated against the shapes; NAME.nt must be the same graph as
// NAME.ttl, NAME.full.jsonld as NAME.nt, NAME.jsonld as NAME.schema.nt.
//
// Without arguments, the schema-profile N-Triples of each golden record
// come from `scholarld convert -t ntriples --vocab schema` on
// testdata/records/NAME.json (the CLI is built once into a temporary
// folder). Each fixture in testdata/fixtures that the CLI can read is
// converted to the five outputs above and checked the same way; a fixture
// it cannot read yet is skipped with a note, so the check grows as readers
// land. Five broken copies of a golden Turtle file must each fail the
// shapes with the expected message, so the shapes cannot pass vacuously.
//
// One line per file, then "N passed, N failed"; the exit code is 1 when
// anything failed.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import N3 from 'n3';
import canonize from 'rdf-canonize';
import SHACLValidator from 'rdf-validate-shacl';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shapesPath = join(root, 'ld', 'shapes', 'scholarld.shacl.ttl');
const goldenDir = join(root, 'testdata', 'golden');
const recordsDir = join(root, 'testdata', 'records');
const schemaContextPath = join(root, 'testdata', 'vocab', 'schemaorg-30.0-context.jsonld');
const baseIRI = 'http://example.invalid/base';

// The suffixes of one record's outputs, longest first so that
// NAME.full.jsonld is not taken for NAME.full + .jsonld.
const roles = [
  ['.full.jsonld', 'fullJSONLD'],
  ['.schema.nt', 'schemaNT'],
  ['.jsonld', 'jsonld'],
  ['.ttl', 'ttl'],
  ['.nt', 'nt'],
];

// The order in which a record's outputs are checked and reported, and the
// output each is compared with.
const checkOrder = ['ttl', 'nt', 'fullJSONLD', 'schemaNT', 'jsonld'];
const partners = {
  nt: ['ttl', 'same graph as the Turtle'],
  fullJSONLD: ['nt', 'same graph as the N-Triples'],
  jsonld: ['schemaNT', 'same graph as the schema-profile N-Triples'],
};

// ------------------------------------------------------------ processors

function parseRDF(path, text) {
  const format = path.endsWith('.ttl') ? 'text/turtle' : 'application/n-triples';
  return new N3.Parser({ format, baseIRI }).parse(text);
}

const schemaContext = JSON.parse(readFileSync(schemaContextPath, 'utf8'));

// documentLoader serves the official schema.org context for every
// spelling of its URL and refuses anything else: no network, ever.
async function documentLoader(url) {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) {
    return { contextUrl: null, documentUrl: url, document: schemaContext };
  }
  throw new Error(`check-outputs: refusing to load ${url}: no network`);
}

// splitJSON splits a stream of JSON documents, one after another as the
// CLI writes one per article, into the documents.
function splitJSON(text) {
  const docs = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) docs.push(JSON.parse(text.slice(start, i + 1)));
    } else if (depth === 0 && !/\s/.test(c)) {
      throw new Error(`unexpected ${JSON.stringify(c)} between JSON documents at offset ${i}`);
    }
  }
  if (depth !== 0 || inString) throw new Error('the last JSON document is not closed');
  return docs;
}

// jsonldToQuads reads JSON-LD with jsonld.js and returns N3.js quads:
// jsonld.js gives plain objects, which the validator cannot compare. The
// blank nodes of each document are kept apart, as the CLI's N-Triples
// keeps those of successive articles apart.
async function jsonldToQuads(text) {
  const { namedNode, blankNode, literal, defaultGraph, quad } = N3.DataFactory;
  const quads = [];
  for (const [n, doc] of splitJSON(text).entries()) {
    // safe mode makes a term that the context does not define an error
    // instead of a silently dropped triple.
    const dataset = await jsonld.toRDF(doc, { documentLoader, safe: true });
    const term = (t) => {
      switch (t.termType) {
        case 'NamedNode':
          return namedNode(t.value);
        case 'BlankNode':
          return blankNode(`d${n}_${t.value.replace(/^_:/, '')}`);
        case 'Literal':
          return literal(t.value, t.language || namedNode(t.datatype.value));
        default:
          return defaultGraph();
      }
    };
    for (const q of dataset) quads.push(quad(term(q.subject), term(q.predicate), term(q.object), term(q.graph)));
  }
  return quads;
}

// canonical returns the canonical N-Quads of a graph. Blank nodes that
// differ only by their place in a list (authors without an ORCID, in
// bibo:authorList) need more deep iterations than rdf-canonize's guard
// against poison graphs allows by default (work factor 1): these graphs
// are our own and small, so the limit is O(n^2), bounded in time.
async function canonical(quads) {
  return canonize.canonize(unique(quads), {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    maxWorkFactor: 2,
    signal: AbortSignal.timeout(60_000),
  });
}

const shapes = parseRDF(shapesPath, readFileSync(shapesPath, 'utf8'));
const validator = new SHACLValidator(shapes);

const prefixes = [
  ['schema:', 'http://schema.org/'],
  ['dcterms:', 'http://purl.org/dc/terms/'],
  ['bibo:', 'http://purl.org/ontology/bibo/'],
  ['pro:', 'http://purl.org/spar/pro/'],
  ['sld:', 'https://w3id.org/scholarld/terms#'],
  ['sh:', 'http://www.w3.org/ns/shacl#'],
  ['rdf:', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  ['xsd:', 'http://www.w3.org/2001/XMLSchema#'],
];

const sh = 'http://www.w3.org/ns/shacl#';
const rdfFirst = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#first';
const rdfRest = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#rest';

// shapeObjects returns the objects of a subject's predicate in the shapes.
function shapeObjects(subject, predicate) {
  return shapes.filter((q) => q.subject.equals(subject) && q.predicate.value === predicate).map((q) => q.object);
}

function shapeList(head) {
  const items = [];
  for (let cell = head; cell && cell.termType === 'BlankNode'; cell = shapeObjects(cell, rdfRest)[0]) {
    items.push(...shapeObjects(cell, rdfFirst));
  }
  return items;
}

function show(term) {
  if (!term) return '?';
  if (term.termType === 'BlankNode') {
    // A complex path of the shapes: show it as SHACL's syntax reads.
    const alternatives = shapeObjects(term, sh + 'alternativePath');
    if (alternatives.length > 0) return shapeList(alternatives[0]).map(show).join('|');
    const zeroOrMore = shapeObjects(term, sh + 'zeroOrMorePath');
    if (zeroOrMore.length > 0) return `${show(zeroOrMore[0])}*`;
    const sequence = shapeList(term);
    if (sequence.length > 0) return sequence.map(show).join('/');
  }
  switch (term.termType) {
    case 'NamedNode': {
      for (const [prefix, ns] of prefixes) {
        if (term.value.startsWith(ns)) return prefix + term.value.slice(ns.length);
      }
      return `<${term.value}>`;
    }
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const text = JSON.stringify(term.value.length > 60 ? term.value.slice(0, 57) + '...' : term.value);
      if (term.language) return `${text}@${term.language}`;
      return `${text}^^${show(term.datatype)}`;
    }
    default:
      return term.value;
  }
}

// validate returns the problems the shapes find in a graph, one line each:
// the message, the focus node, the path and the offending value.
async function validate(quads) {
  const report = await validator.validate(validator.factory.dataset(quads));
  if (report.conforms) return [];
  return report.results.map((r) => {
    const message = r.message.map((m) => m.value).join('; ') || show(r.sourceConstraintComponent);
    const path = r.path ? ` path ${show(r.path)}` : '';
    const value = r.value ? ` value ${show(r.value)}` : '';
    return `${message} (focus ${show(r.focusNode)}${path}${value})`;
  });
}

// unique drops repeated quads: a graph is a set.
function unique(quads) {
  const seen = new Set();
  return quads.filter((q) => {
    const key = N3.termToId(q.subject) + ' ' + N3.termToId(q.predicate) + ' ' + N3.termToId(q.object) + ' ' + N3.termToId(q.graph);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// sameGraph compares two graphs by their canonical N-Quads and returns
// the lines that only one of them has.
async function sameGraph(aQuads, bQuads, aName, bName) {
  const [a, b] = await Promise.all([canonical(aQuads), canonical(bQuads)]);
  if (a === b) return [];
  const aLines = new Set(a.split('\n').filter(Boolean));
  const bLines = new Set(b.split('\n').filter(Boolean));
  const problems = [`not the same graph as ${bName} (canonical N-Quads differ)`];
  // Lines without blank nodes first: a changed blank node relabels its
  // neighbours, so those lines say less about what changed.
  const byBlanks = (x, y) => Number(x.includes('_:')) - Number(y.includes('_:'));
  const onlyA = [...aLines].filter((l) => !bLines.has(l)).sort(byBlanks);
  const onlyB = [...bLines].filter((l) => !aLines.has(l)).sort(byBlanks);
  for (const l of onlyA.slice(0, 8)) problems.push(`only in ${aName}: ${l}`);
  for (const l of onlyB.slice(0, 8)) problems.push(`only in ${bName}: ${l}`);
  if (onlyA.length + onlyB.length > 16) problems.push(`... ${onlyA.length} and ${onlyB.length} lines in all`);
  return problems;
}

// ------------------------------------------------------------ results

let passed = 0;
let failed = 0;

function display(path) {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}

function report(label, problems, summary) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${label}: ${summary}`);
    return;
  }
  failed++;
  console.log(`FAIL ${label}`);
  for (const p of problems) console.log(`       ${p}`);
}

function note(text) {
  console.log(`note ${text}`);
}

// ------------------------------------------------------------ checks

// checkSet checks the outputs of one record: every graph against the
// shapes, and each output against its partner.
async function checkSet(set, labelOf = display) {
  const graphs = {};
  const errors = {};
  for (const [, role] of roles) {
    const path = set[role];
    if (!path) continue;
    try {
      const text = readFileSync(path, 'utf8');
      if (role === 'jsonld' || role === 'fullJSONLD') {
        graphs[role] = await jsonldToQuads(text);
      } else {
        graphs[role] = parseRDF(path, text);
      }
    } catch (err) {
      const cause = err.details?.cause?.message;
      errors[role] = `cannot be read: ${err.message}${cause ? ` (${cause})` : ''}`;
    }
  }
  for (const role of checkOrder) {
    const path = set[role];
    if (!path || errors[role] === null) continue;
    if (errors[role]) {
      report(labelOf(path), [errors[role]]);
      continue;
    }
    const quads = unique(graphs[role]);
    const problems = await validate(quads);
    const done = [`conforms to the shapes (${quads.length} triples)`];
    if (quads.length < graphs[role].length) {
      note(`${labelOf(path)}: ${graphs[role].length - quads.length} triple(s) written more than once (the same graph, but a set has no repeats)`);
    }
    const partner = partners[role];
    if (partner && set[partner[0]]) {
      if (graphs[partner[0]]) {
        problems.push(...(await sameGraph(quads, graphs[partner[0]], basename(path), basename(set[partner[0]]))));
        done.push(partner[1]);
      } else if (errors[partner[0]]) {
        problems.push(`cannot be compared: ${basename(set[partner[0]])} ${errors[partner[0]]}`);
      }
    }
    report(labelOf(path), problems, done.join('; '));
  }
}

// group sorts files into record sets by name.
function group(paths) {
  const sets = new Map();
  for (const path of paths) {
    const match = roles.find(([suffix]) => path.endsWith(suffix));
    if (!match) {
      report(display(path), ['not a .ttl, .nt, .jsonld, .full.jsonld or .schema.nt file']);
      continue;
    }
    const [suffix, role] = match;
    const stem = path.slice(0, -suffix.length);
    if (!sets.has(stem)) sets.set(stem, {});
    sets.get(stem)[role] = path;
  }
  return [...sets.keys()].sort().map((stem) => sets.get(stem));
}

let cli = null;

// buildCLI builds scholarld once, so that each conversion below does not
// pay for `go run`.
function buildCLI(dir) {
  const path = join(dir, 'scholarld');
  execFileSync('go', ['build', '-o', path, './cmd/scholarld'], { cwd: root, stdio: 'inherit' });
  return path;
}

function convert(args) {
  return spawnSync(cli, ['convert', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
}

async function checkGolden(work) {
  const names = readdirSync(goldenDir)
    .filter((f) => f.endsWith('.ttl'))
    .map((f) => f.slice(0, -'.ttl'.length))
    .sort();
  if (names.length === 0) {
    report(display(goldenDir), ['no golden Turtle files']);
    return;
  }
  for (const name of names) {
    const set = {};
    for (const [suffix, role] of roles) {
      const path = join(goldenDir, name + suffix);
      if (existsSync(path)) set[role] = path;
    }
    const record = join(recordsDir, `${name}.json`);
    if (set.jsonld && existsSync(record)) {
      const out = convert(['-t', 'ntriples', '--vocab', 'schema', record]);
      if (out.status !== 0) {
        report(display(record), [`scholarld convert -t ntriples --vocab schema exited ${out.status}: ${out.stderr.trim()}`]);
      } else {
        set.schemaNT = join(work, `${name}.schema.nt`);
        writeFileSync(set.schemaNT, out.stdout);
      }
    }
    await checkSet(set, (path) => (path === set.schemaNT ? `${name}.schema.nt (from the CLI)` : display(path)));
  }
}

// mutants are broken copies of a golden Turtle file: each must fail the
// shapes, with a message that names what is wrong.
const mutantBase = join(goldenDir, 'plos-one-2014-9-e97541.ttl');
const mutants = [
  {
    name: 'no headline',
    change: (t) => t.replace(/^ +schema:headline .*;\n/m, ''),
    expect: 'schema:headline',
  },
  {
    name: 'copyrightYear as a string',
    change: (t) => t.replace(/schema:copyrightYear (\d+) ;/, 'schema:copyrightYear "$1" ;'),
    expect: 'schema:copyrightYear',
  },
  {
    name: 'license as a literal',
    change: (t) => t.replace(/schema:license <([^>]+)> ;/, 'schema:license "$1" ;'),
    expect: 'schema:license',
  },
  {
    name: 'a second datePublished',
    change: (t) => t.replace(/^( +schema:datePublished .*;\n)/m, '$1    schema:datePublished "2015-01-01"^^schema:Date ;\n'),
    expect: 'schema:datePublished',
  },
  {
    name: 'an ISSN without its hyphen',
    change: (t) => t.replace(/schema:issn "(\d{4})-(\d{3}[\dX])"/, 'schema:issn "$1$2"'),
    expect: 'ISSN',
  },
];

async function checkMutants() {
  const original = readFileSync(mutantBase, 'utf8');
  for (const m of mutants) {
    const label = `${display(mutantBase)} with ${m.name}`;
    const text = m.change(original);
    if (text === original) {
      report(label, ['the change did not apply: the golden file no longer has what it changes']);
      continue;
    }
    let problems;
    try {
      problems = await validate(parseRDF(mutantBase, text));
    } catch (err) {
      report(label, [`cannot be read: ${err.message}`]);
      continue;
    }
    const hit = problems.find((p) => p.includes(m.expect));
    if (problems.length === 0) {
      report(label, ['the shapes accept it']);
    } else if (!hit) {
      report(label, [`the shapes reject it, but no message names ${m.expect}:`, ...problems]);
    } else {
      report(label, [], `rejected as it should be: ${hit}`);
    }
  }
}

function listFixtures(dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listFixtures(path));
    else if (!entry.endsWith('.md')) out.push(path);
  }
  return out;
}

// checkFixtures converts each fixture the CLI can read into the five
// outputs and checks them. What it cannot read yet is skipped, saying so.
async function checkFixtures(work) {
  const dir = join(root, 'testdata', 'fixtures');
  for (const fixture of listFixtures(dir)) {
    const label = display(fixture);
    const first = convert(['-v', '-t', 'turtle', fixture]);
    const chosen = /: reading as (\S+),/.exec(first.stderr);
    if (first.status === 2 && /cannot tell the input format/.test(first.stderr)) {
      note(`${label}: skipped: no reader for its format yet`);
      continue;
    }
    if (chosen && chosen[1] === 'record') {
      note(`${label}: skipped: no reader for its format yet (the CLI would read it as a scholarld record)`);
      continue;
    }
    if (first.status !== 0 && first.status !== 1) {
      report(label, [`scholarld convert -t turtle exited ${first.status}: ${first.stderr.trim()}`]);
      continue;
    }
    const reader = chosen ? chosen[1] : '?';
    const messages = first.stderr.split('\n').filter((l) => l && !/: reading as /.test(l));
    if (first.stdout.trim() === '') {
      note(`${label}: read as ${reader}, no article came out (exit ${first.status}): ${messages[0] ?? ''}`);
      continue;
    }
    if (first.status === 1) {
      note(`${label}: read as ${reader}; some records were rejected: ${messages[0] ?? ''}`);
    }
    const stem = join(work, relative(dir, fixture).replaceAll('/', '__'));
    const outputs = [
      ['.ttl', ['-t', 'turtle']],
      ['.nt', ['-t', 'ntriples']],
      ['.full.jsonld', ['-t', 'jsonld', '--vocab', 'full']],
      ['.jsonld', ['-t', 'jsonld']],
      ['.schema.nt', ['-t', 'ntriples', '--vocab', 'schema']],
    ];
    const set = {};
    const problems = [];
    for (const [suffix, args] of outputs) {
      const out = suffix === '.ttl' ? first : convert([...args, fixture]);
      if (out.status !== first.status) {
        problems.push(`scholarld convert ${args.join(' ')} exited ${out.status}, but ${first.status} for Turtle: ${out.stderr.trim()}`);
        continue;
      }
      set[roles.find(([s]) => s === suffix)[1]] = stem + suffix;
      writeFileSync(stem + suffix, out.stdout);
    }
    if (problems.length > 0) {
      report(label, problems);
      continue;
    }
    await checkSet(set, (path) => `${label} as ${reader} -> ${basename(path).slice(basename(stem).length + 1)}`);
  }
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length > 0) {
    for (const set of group(files.map((f) => resolve(f)))) await checkSet(set);
  } else {
    const work = mkdtempSync(join(tmpdir(), 'scholarld-check-'));
    try {
      cli = buildCLI(work);
      await checkGolden(work);
      await checkMutants();
      await checkFixtures(work);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`check-outputs: ${err.stack ?? err}`);
  process.exitCode = 1;
});
