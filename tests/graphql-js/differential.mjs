// differential.mjs: the graphql-js side of the differential test of our C GraphQL engine
// (tests/graphql/run-differential). graphql-js is the oracle: for every document of the corpus
// it parses, validates with specifiedRules and executes the valid ones over data.json, and
// prints one JSON line per document in the format tests/tools/gql_check.c prints for our
// engine; it also compares the two outputs and checks the introspection round trip.
// Reference: graphql-js src/graphql.ts (parse, validate, execute), utilities/buildClientSchema.ts.
//
//   node differential.mjs corpus [--corpus DIR] [FILE...]     one JSON line per document
//   node differential.mjs introspection-query [--all]         getIntrospectionQuery() text
//   node differential.mjs check-introspection --sdl F --result R [--query Q] [--label L]
//   node differential.mjs compare JS.jsonl C.jsonl            per-document verdicts + summary
//
// The corpus conventions (README.md): NNN-<what>.graphql documents, optional
// variables/NNN.json (the variables object), and an optional line "# operation: Name" in a
// document naming the operation to execute.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
    GraphQLError,
    Kind,
    buildClientSchema,
    buildSchema,
    execute,
    getIntrospectionQuery,
    parse,
    print,
    printSchema,
    specifiedRules,
    validate,
    validateSchema,
    valueFromASTUntyped,
    version,
} from 'graphql';
import { inspect } from 'graphql/jsutils/inspect.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_CORPUS = path.resolve(HERE, '../graphql/corpus');

// ---- the corpus schema and its resolvers --------------------------------------------------

// The custom scalars, with the semantics of src/graphql/type/scalars.c (our engine is the one
// that defines them; graphql-js builds scalars declared in SDL as identity scalars). The errors
// are GraphQLErrors, as graphql-js's own scalars throw, so ValuesOfCorrectTypeRule reports
// their message as it is.

function fail(message, ast) {
    throw new GraphQLError(message, ast ? { nodes: ast } : undefined);
}

function daysInMonth(y, m) {
    if (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29;
    return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

const FULL_DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const PARTIAL_TIME = String.raw`(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?`;
const DATE_RE = new RegExp(`^${FULL_DATE}$`);
const DATE_TIME_RE = new RegExp(`^${FULL_DATE}[Tt]${PARTIAL_TIME}(?:[Zz]|[+-](\\d{2}):(\\d{2}))$`);
const DB_DATE_TIME_RE = new RegExp(`^${FULL_DATE} ${PARTIAL_TIME}$`);

function dateOk(m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function timeOk(m) {
    return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59;
}

function isDate(s) {
    const m = DATE_RE.exec(s);
    return m !== null && dateOk(m);
}

function isDateTime(s) {
    const m = DATE_TIME_RE.exec(s);
    if (m === null || !dateOk(m) || !timeOk(m)) return false;
    return m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
}

function isDbDateTime(s) {
    const m = DB_DATE_TIME_RE.exec(s);
    return m !== null && dateOk(m) && timeOk(m);
}

const pad = (n, w) => String(n).padStart(w, '0');

const DateTimeOps = {
    serialize(v) {
        if (typeof v === 'string') {
            if (isDateTime(v)) return v;
            if (isDbDateTime(v)) return v.slice(0, 10) + 'T' + v.slice(11) + 'Z';
            fail(`DateTime cannot represent an invalid date-time string: ${inspect(v)}`);
        }
        if (Number.isInteger(v)) { // seconds since the Unix epoch
            const d = new Date(v * 1000);
            const y = d.getUTCFullYear();
            if (Number.isNaN(d.getTime()) || y < 0 || y > 9999)
                fail(`DateTime cannot represent an invalid timestamp: ${inspect(v)}`);
            return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T` +
                `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}Z`;
        }
        fail(`DateTime cannot represent a non string value: ${inspect(v)}`);
    },
    parseValue(v) {
        if (typeof v !== 'string') fail(`DateTime cannot represent a non string value: ${inspect(v)}`);
        if (!isDateTime(v) && !isDate(v))
            fail(`DateTime cannot represent an invalid date-time string: ${inspect(v)}`);
        return v;
    },
    parseLiteral(ast) {
        if (ast.kind !== Kind.STRING)
            fail(`DateTime cannot represent a non string value: ${print(ast)}`, ast);
        if (!isDateTime(ast.value) && !isDate(ast.value))
            fail(`DateTime cannot represent an invalid date-time string: ${inspect(ast.value)}`, ast);
        return ast.value;
    },
};

function isJsonText(s) {
    try {
        JSON.parse(s);
        return true;
    } catch {
        return false;
    }
}

const JSONStringOps = {
    serialize(v) {
        if (typeof v === 'string') {
            if (!isJsonText(v)) fail(`JSONString cannot represent invalid JSON: ${inspect(v)}`);
            return v;
        }
        return JSON.stringify(v);
    },
    parseValue(v) {
        if (typeof v === 'string') {
            if (!isJsonText(v)) fail(`JSONString cannot represent invalid JSON: ${inspect(v)}`);
            return v;
        }
        if (v !== null && typeof v === 'object') return JSON.stringify(v);
        fail(`JSONString cannot represent a non string value: ${inspect(v)}`);
    },
    parseLiteral(ast, variables) {
        if (ast.kind === Kind.STRING) {
            if (!isJsonText(ast.value))
                fail(`JSONString cannot represent invalid JSON: ${inspect(ast.value)}`, ast);
            return ast.value;
        }
        if (ast.kind === Kind.OBJECT || ast.kind === Kind.LIST)
            return JSON.stringify(valueFromASTUntyped(ast, variables));
        fail(`JSONString cannot represent a non string value: ${print(ast)}`, ast);
    },
};

const CUSTOM_SCALARS = { DateTime: DateTimeOps, JSONString: JSONStringOps };

// Build a schema from SDL and swap in the custom scalars (same name, same place).
function buildCorpusSchema(sdl) {
    const schema = buildSchema(sdl);
    const typeMap = schema.getTypeMap();
    for (const [name, ops] of Object.entries(CUSTOM_SCALARS)) {
        const scalar = typeMap[name];
        if (!scalar) continue;
        // Types reference each other by object identity: patch the behaviour in place.
        Object.assign(scalar, ops);
    }
    const errors = validateSchema(schema);
    if (errors.length > 0)
        throw new Error('invalid corpus schema: ' + errors.map((e) => e.message).join('; '));
    return schema;
}

// Root fields whose name starts with "echo" return their coerced arguments as JSON text;
// every other field reads the source's member of the same name (graphql-js's default field
// resolver; the root value is the data.json object). gql_check.c does the same.
function fieldResolver(source, args, context, info) {
    const isRoot = info.parentType === info.schema.getQueryType() ||
        info.parentType === info.schema.getMutationType() ||
        info.parentType === info.schema.getSubscriptionType();
    if (isRoot && info.fieldName.startsWith('echo')) return JSON.stringify(args);
    if (source !== null && typeof source === 'object') return source[info.fieldName];
    return undefined;
}

// ---- running one document -----------------------------------------------------------------

function locationsOf(err) {
    return (err.locations || []).map((l) => [l.line, l.column]);
}

// A response error as compared: message, locations, path (extensions are ours only).
function plainError(e) {
    const out = { message: e.message };
    if (e.locations) out.locations = e.locations.map((l) => ({ line: l.line, column: l.column }));
    if (e.path) out.path = e.path;
    return out;
}

function plainResult(r) {
    const out = {};
    if (r.errors) out.errors = r.errors.map(plainError);
    if ('data' in r) out.data = r.data;
    return JSON.parse(JSON.stringify(out));
}

function operationNameOf(text) {
    const m = /^#[ \t]*operation:[ \t]*([_A-Za-z][_0-9A-Za-z]*)[ \t\r]*$/m.exec(text);
    return m ? m[1] : undefined;
}

function variablesFor(corpusDir, file) {
    const num = /^(\d+)-/.exec(path.basename(file));
    if (!num) return undefined;
    const p = path.join(corpusDir, 'variables', num[1] + '.json');
    return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : undefined;
}

async function runDocument(schema, data, corpusDir, file) {
    const text = fs.readFileSync(file, 'utf8');
    const line = {
        file: path.basename(file),
        parse: 'ok',
        valid: false,
        errors: 0,
        messages: [],
        locations: [],
        result: null,
    };
    let doc;
    try {
        doc = parse(text);
    } catch (e) {
        if (!(e instanceof GraphQLError)) throw e;
        line.parse = 'error';
        line.errors = 1;
        line.messages = [e.message];
        line.locations = [locationsOf(e)];
        return line;
    }
    const errors = validate(schema, doc, specifiedRules);
    line.errors = errors.length;
    line.messages = errors.map((e) => e.message);
    line.locations = errors.map(locationsOf);
    line.valid = errors.length === 0;
    if (!line.valid) return line;
    const result = await execute({
        schema,
        document: doc,
        rootValue: data,
        variableValues: variablesFor(corpusDir, file),
        operationName: operationNameOf(text),
        fieldResolver,
    });
    line.result = plainResult(result);
    return line;
}

function corpusFiles(dir, args) {
    if (args.length > 0) return args.map((a) => path.resolve(a));
    return fs
        .readdirSync(dir)
        .filter((f) => /^\d+-.*\.graphql$/.test(f))
        .sort()
        .map((f) => path.join(dir, f));
}

async function cmdCorpus(argv) {
    let dir = DEFAULT_CORPUS;
    const files = [];
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--corpus') dir = path.resolve(argv[++i]);
        else files.push(argv[i]);
    }
    const schema = buildCorpusSchema(fs.readFileSync(path.join(dir, 'schema.graphql'), 'utf8'));
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'data.json'), 'utf8'));
    for (const f of corpusFiles(dir, files)) {
        const line = await runDocument(schema, data, dir, f);
        process.stdout.write(JSON.stringify(line) + '\n');
    }
}

// ---- introspection round trip -------------------------------------------------------------

const ALL_OPTIONS = {
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
};

function cmdIntrospectionQuery(argv) {
    const all = argv.includes('--all');
    process.stdout.write(getIntrospectionQuery(all ? ALL_OPTIONS : undefined) + '\n');
}

// Line-by-line difference of two texts, the first few differing lines of each.
function textDiff(want, got, max = 12) {
    const a = want.split('\n');
    const b = got.split('\n');
    const out = [];
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n && out.length < max; i++) {
        if (a[i] !== b[i]) {
            out.push(`  line ${i + 1}:`);
            out.push(`    graphql-js: ${a[i] === undefined ? '<none>' : a[i]}`);
            out.push(`    ours:       ${b[i] === undefined ? '<none>' : b[i]}`);
        }
    }
    return out.join('\n');
}

// An introspection result with its lists whose order is the schema's (types, directives,
// directive locations) sorted by name, to find differences beyond order.
function sortedIntrospection(data) {
    const copy = JSON.parse(JSON.stringify(data));
    const byName = (x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
    if (copy && copy.__schema) {
        if (Array.isArray(copy.__schema.types)) copy.__schema.types.sort(byName);
        if (Array.isArray(copy.__schema.directives)) {
            copy.__schema.directives.sort(byName);
            for (const d of copy.__schema.directives)
                if (Array.isArray(d.locations)) d.locations.sort();
        }
    }
    return copy;
}

// The test: printSchema(buildClientSchema(our result)) must equal what graphql-js gets through
// the same introspection query on the same SDL; with every option on, that is
// printSchema(buildSchema(sdl)) itself (checked too). The default options leave out what the
// query does not ask for (schema description, @specifiedBy, deprecated arguments), so for them
// graphql-js's own round trip is the expected text. On a difference, the first place where the
// two introspection results differ is shown as well.
async function cmdCheckIntrospection(argv) {
    let sdlFile, resultFile, queryFile, label;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--sdl') sdlFile = argv[++i];
        else if (argv[i] === '--result') resultFile = argv[++i];
        else if (argv[i] === '--query') queryFile = argv[++i];
        else if (argv[i] === '--label') label = argv[++i];
    }
    label = label || sdlFile;
    const schema = buildSchema(fs.readFileSync(sdlFile, 'utf8'));
    const query = queryFile ? fs.readFileSync(queryFile, 'utf8') : getIntrospectionQuery(ALL_OPTIONS);
    const theirs = plainResult(await execute({ schema, document: parse(query) }));
    if (theirs.errors) {
        console.log(`FAIL ${label}: graphql-js itself failed: ${JSON.stringify(theirs.errors)}`);
        return 1;
    }
    const want = printSchema(buildClientSchema(theirs.data));
    const direct = printSchema(schema);
    let ours, got;
    try {
        ours = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
        if (ours.errors && ours.errors.length > 0)
            throw new Error('our result has errors: ' + clip(JSON.stringify(ours.errors), 500));
        got = printSchema(buildClientSchema(ours.data));
    } catch (e) {
        console.log(`FAIL ${label}: ${e.message}`);
        return 1;
    }
    const notes = [];
    if (want !== direct && query.includes('specifiedByURL'))
        notes.push(`  (graphql-js's own round trip differs from printSchema(buildSchema(sdl)):\n` +
            textDiff(direct, want) + ')');
    if (got === want) {
        console.log(`ok   ${label}`);
        for (const n of notes) console.log(n);
        return 0;
    }
    const d = firstDifference(plainResult(theirs).data, normResult(ours).data);
    console.log(`FAIL ${label}: printSchema(buildClientSchema(ours)) differs from graphql-js's:\n` +
        textDiff(want, got));
    if (d) {
        console.log(`  the introspection results first differ at ${d.path}: ` +
            `graphql-js ${show(d.a)}, ours ${show(d.b)}`);
        const s = firstDifference(sortedIntrospection(theirs.data), sortedIntrospection(ours.data));
        console.log(s ? `  with types, directives and locations sorted by name, at ${s.path}: ` +
            `graphql-js ${show(s.a)}, ours ${show(s.b)}` :
            '  with types, directives and locations sorted by name, they are equal');
    }
    for (const n of notes) console.log(n);
    return 1;
}

// ---- comparing the two outputs ------------------------------------------------------------

function readLines(file) {
    const map = new Map();
    const text = fs.readFileSync(file, 'utf8');
    for (const [i, l] of text.split('\n').entries()) {
        if (l.trim() === '') continue;
        let obj;
        try {
            obj = JSON.parse(l);
        } catch (e) {
            obj = { file: `<unparsable line ${i + 1} of ${path.basename(file)}>`, raw: l };
        }
        map.set(obj.file, obj);
    }
    return map;
}

// Drop what only our engine adds (errors[].extensions) and compare with member order kept.
function normResult(r) {
    if (r === null || r === undefined) return null;
    const out = {};
    if (r.errors) out.errors = r.errors.map(plainError);
    if ('data' in r) out.data = r.data;
    return out;
}

function sortKeysDeep(v) {
    if (Array.isArray(v)) return v.map(sortKeysDeep);
    if (v !== null && typeof v === 'object')
        return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeysDeep(v[k])]));
    return v;
}

// The first place where a and b differ, as a path and the two values there (member order
// counts: a member in another place is a difference at that place).
function firstDifference(a, b, path = '') {
    if (a === b) return null;
    const kind = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
    if (kind(a) !== kind(b) || (kind(a) !== 'array' && kind(a) !== 'object'))
        return { path: path || '(top)', a, b };
    if (kind(a) === 'array') {
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
            if (i >= a.length || i >= b.length)
                return { path: `${path}[${i}]`, a: a[i], b: b[i] };
            const d = firstDifference(a[i], b[i], `${path}[${i}]`);
            if (d) return d;
        }
        return null;
    }
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
        if (ka[i] !== kb[i]) {
            return { path: `${path}{member ${i}}`, a: ka[i] === undefined ? undefined : `"${ka[i]}"`,
                b: kb[i] === undefined ? undefined : `"${kb[i]}"` };
        }
        const d = firstDifference(a[ka[i]], b[kb[i]], path ? `${path}.${ka[i]}` : ka[i]);
        if (d) return d;
    }
    return null;
}

function clip(text, max = 400) {
    return text.length <= max ? text : text.slice(0, max) + ` ... (${text.length} chars)`;
}

function show(v) {
    return v === undefined ? '(absent)' : clip(JSON.stringify(v), 300);
}

function quoteList(list) {
    return list.length === 0 ? '    (none)' : list.map((m) => '    ' + m).join('\n');
}

function cmdCompare(argv) {
    const [jsFile, cFile] = argv;
    const js = readLines(jsFile);
    const ours = readLines(cFile);
    const strict = process.env.GQL_DIFF_STRICT === '1';
    let passed = 0;
    let failed = 0;
    let msgDiffs = 0;
    const names = [...new Set([...js.keys(), ...ours.keys()])].sort();
    for (const name of names) {
        const a = js.get(name);
        const b = ours.get(name);
        const problems = [];
        const notes = [];
        if (!a) problems.push('graphql-js printed no line for it');
        else if (!b) problems.push('gql-check printed no line for it (crashed or skipped?)');
        else if (b.parse === 'crash') problems.push('gql-check crashed on it (see above)');
        else {
            if (a.parse !== b.parse) problems.push(`parse: graphql-js ${a.parse}, ours ${b.parse}`);
            else if (a.valid !== b.valid)
                problems.push(`valid: graphql-js ${a.valid}, ours ${b.valid}`);
            if (a.errors !== b.errors)
                problems.push(`error count: graphql-js ${a.errors}, ours ${b.errors}`);
            const am = a.messages || [];
            const bm = b.messages || [];
            if (JSON.stringify(am) !== JSON.stringify(bm)) {
                const same = JSON.stringify([...am].sort()) === JSON.stringify([...bm].sort());
                notes.push(same ? 'messages: same set, different order' : 'messages differ');
            } else if (a.locations && b.locations &&
                JSON.stringify(a.locations) !== JSON.stringify(b.locations)) {
                notes.push('message locations differ: graphql-js ' +
                    JSON.stringify(a.locations) + ', ours ' + JSON.stringify(b.locations));
            }
            if (a.valid && b.valid) {
                const ra = normResult(a.result);
                const rb = normResult(b.result);
                const sa = JSON.stringify(ra);
                const sb = JSON.stringify(rb);
                if (sa !== sb) {
                    const orderOnly =
                        JSON.stringify(sortKeysDeep(ra)) === JSON.stringify(sortKeysDeep(rb));
                    const d = firstDifference(ra, rb);
                    problems.push('result differs' + (orderOnly ? ' (member order only)' : '') +
                        `; first at ${d.path}: graphql-js ${show(d.a)}, ours ${show(d.b)}` +
                        `\n    graphql-js: ${clip(sa)}\n    ours:       ${clip(sb)}`);
                }
            }
        }
        if (notes.length > 0) msgDiffs++;
        const fail = problems.length > 0 || (strict && notes.length > 0);
        if (fail) failed++;
        else passed++;
        if (problems.length > 0 || notes.length > 0) {
            console.log(`${fail ? 'FAIL' : 'note'} ${name}`);
            for (const p of [...problems, ...notes]) console.log('  ' + p);
            if (a && b && notes.length > 0) {
                console.log('  graphql-js messages:\n' + quoteList(a.messages || []));
                console.log('  our messages:\n' + quoteList(b.messages || []));
            }
        }
    }
    console.log(`corpus: ${passed} passed, ${failed} failed, ` +
        `${msgDiffs} with message differences (graphql-js ${version})`);
    return failed === 0 ? 0 : 1;
}

// ---- main ---------------------------------------------------------------------------------

const [cmd, ...rest] = process.argv.slice(2);
switch (cmd) {
case 'corpus':
case undefined:
    await cmdCorpus(rest);
    break;
case 'introspection-query':
    cmdIntrospectionQuery(rest);
    break;
case 'check-introspection':
    process.exitCode = await cmdCheckIntrospection(rest);
    break;
case 'compare':
    process.exitCode = cmdCompare(rest);
    break;
default:
    console.error(`differential.mjs: unknown command "${cmd}"`);
    process.exitCode = 2;
}
