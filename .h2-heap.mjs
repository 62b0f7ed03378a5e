var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// loaders/store/sql.ts
function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function sqlString(s) {
  return `'${s.replace(/'/g, "''")}'`;
}
var init_sql = __esm({
  "loaders/store/sql.ts"() {
    "use strict";
  }
});

// loaders/store/parquet-writer.ts
var parquet_writer_exports = {};
__export(parquet_writer_exports, {
  JsonLinesWriter: () => JsonLinesWriter,
  ROWS_PER_LINE: () => ROWS_PER_LINE,
  columnarLines: () => columnarLines,
  columnarRelationSql: () => columnarRelationSql,
  copyToParquet: () => copyToParquet,
  jsonLines: () => jsonLines,
  jsonRelationSql: () => jsonRelationSql,
  rowsToColumns: () => rowsToColumns,
  writeColumnarLines: () => writeColumnarLines,
  writeParquet: () => writeParquet
});
import { closeSync, openSync, unlinkSync, writeSync } from "node:fs";
function jsonLines(rows) {
  const w = new JsonLinesWriter();
  for (const r of rows) w.add(r);
  return w.bytes();
}
function castExpr(name, type) {
  const q = quoteIdent(name);
  switch (type) {
    case "TIMESTAMP":
      return `epoch_ms(CAST(round(${q}) AS BIGINT)) AS ${q}`;
    case "BIGINT":
      return `CAST(round(${q}) AS BIGINT) AS ${q}`;
    case "INTEGER":
      return `CAST(round(${q}) AS INTEGER) AS ${q}`;
    case "BIGINT[]":
      return `list_transform(${q}, x -> CAST(round(x) AS BIGINT)) AS ${q}`;
    default:
      return q;
  }
}
function jsonRelationSql(files, columns) {
  const spec = Object.entries(columns).map(([n, t]) => `${sqlString(n)}: ${sqlString(JSON_TYPE[t])}`).join(", ");
  const cols = Object.entries(columns).map(([n, t]) => castExpr(n, t)).join(", ");
  return `SELECT ${cols} FROM read_json([${files.map(sqlString).join(", ")}], format = 'newline_delimited', columns = {${spec}})`;
}
async function copyToParquet(con, selectSql, file) {
  await con.run(`COPY (${selectSql}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`);
}
function cell(v, t) {
  return v === void 0 || v === null ? null : t === "BOOLEAN" ? Boolean(v) : t === "VARCHAR" && typeof v !== "string" ? String(v) : v;
}
function chunk(col, t, from, to) {
  if (!col) return new Array(to - from).fill(null);
  let plain2 = true;
  if (t === "VARCHAR") {
    for (let i = from; i < to && plain2; i++) {
      const v = col[i];
      plain2 = typeof v === "string" || v === null;
    }
  } else if (t === "BOOLEAN") {
    for (let i = from; i < to && plain2; i++) {
      const v = col[i];
      plain2 = typeof v === "boolean" || v === null;
    }
  } else plain2 = false;
  if (plain2 && Array.isArray(col)) return col.slice(from, to);
  const out = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = cell(col[i], t);
  return out;
}
function extractor(names) {
  const key = JSON.stringify(names);
  let f = extractors.get(key);
  if (!f) {
    const cols = names.map((_, j) => `c${j}`);
    f = new Function("rows", `const n = rows.length; ${cols.map((c) => `const ${c} = new Array(n);`).join(" ")}
      for (let i = 0; i < n; i++) { const r = rows[i]; ${names.map((x, j) => `${cols[j]}[i] = r[${JSON.stringify(x)}];`).join(" ")} }
      return [${cols.join(", ")}];`);
    extractors.set(key, f);
  }
  return f;
}
function rowsToColumns(columns, rows) {
  const names = Object.keys(columns), cols = extractor(names)(rows);
  return { length: rows.length, columns: Object.fromEntries(names.map((n, j) => [n, cols[j]])) };
}
function columnarLines(columns, data) {
  const w = new JsonLinesWriter();
  eachColumnarLine(columns, data, (texts) => {
    for (const t of texts) w.text(t);
    w.endLine();
  });
  return w.bytes();
}
function eachColumnarLine(columns, data, emit) {
  const names = Object.keys(columns);
  const line = (from, to) => {
    let texts;
    try {
      texts = names.map((n, j) => `${j ? "," : "{"}"c${j}":${JSON.stringify(chunk(data.columns[n], columns[n], from, to))}`);
    } catch (e) {
      if (!(e instanceof RangeError) || to - from < 2) throw e;
      const mid = from + (to - from >> 1);
      line(from, mid);
      line(mid, to);
      return;
    }
    texts.push("}");
    emit(texts);
  };
  for (let i = 0; i < data.length; i += ROWS_PER_LINE) line(i, Math.min(data.length, i + ROWS_PER_LINE));
}
function writeAll(fd, s) {
  const b = Buffer.from(s);
  for (let off = 0; off < b.length; ) off += writeSync(fd, b, off);
}
function writeColumnarLines(file, columns, data) {
  const fd = openSync(file, "w");
  try {
    eachColumnarLine(columns, data, (texts) => {
      for (const t of texts) writeAll(fd, t.includes("\\ud") ? t.replace(LONE_SURROGATE, "$1\\ufffd") : t);
      writeAll(fd, "\n");
    });
  } finally {
    closeSync(fd);
  }
}
function columnarRelationSql(file, columns) {
  const names = Object.keys(columns);
  const spec = names.map((n, j) => `c${j}: ${sqlString(JSON_TYPE[columns[n]] + "[]")}`).join(", ");
  const unnested = names.map((n, j) => `unnest(c${j}) AS ${quoteIdent(n)}`).join(", ");
  const cols = names.map((n) => castExpr(n, columns[n])).join(", ");
  return `SELECT ${cols} FROM (SELECT ${unnested} FROM read_json([${sqlString(file)}], format = 'newline_delimited', columns = {${spec}}))`;
}
async function writeParquet(con, file, columns, rows) {
  const tmp = `${file}.rows.jsonl`;
  try {
    writeColumnarLines(tmp, columns, Array.isArray(rows) ? rowsToColumns(columns, rows) : rows);
    await copyToParquet(con, columnarRelationSql(tmp, columns), file);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
    }
  }
}
var LONE_SURROGATE, JsonLinesWriter, JSON_TYPE, ROWS_PER_LINE, extractors;
var init_parquet_writer = __esm({
  "loaders/store/parquet-writer.ts"() {
    "use strict";
    init_sql();
    LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;
    JsonLinesWriter = class {
      buf = Buffer.allocUnsafe(16 * 1024);
      used = 0;
      rows = 0;
      add(row) {
        this.addLine(JSON.stringify(row));
      }
      /** Append one line of JSON text (lone surrogates replaced). */
      addLine(s) {
        this.text(s);
        this.endLine();
      }
      /** Append JSON text to the current line (lone surrogates replaced): a line may come in pieces. */
      text(s) {
        if (s.includes("\\ud")) s = s.replace(LONE_SURROGATE, "$1\\ufffd");
        const need = this.used + s.length * 3 + 1;
        if (need > this.buf.length) {
          const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, need));
          this.buf.copy(grown, 0, 0, this.used);
          this.buf = grown;
        }
        this.used += this.buf.write(s, this.used);
      }
      /** End the current line. */
      endLine() {
        if (this.used >= this.buf.length) this.text("");
        this.buf[this.used++] = 10;
        this.rows++;
      }
      bytes() {
        return this.buf.subarray(0, this.used);
      }
    };
    JSON_TYPE = {
      VARCHAR: "VARCHAR",
      BIGINT: "DOUBLE",
      INTEGER: "DOUBLE",
      DOUBLE: "DOUBLE",
      BOOLEAN: "BOOLEAN",
      TIMESTAMP: "DOUBLE",
      "VARCHAR[]": "VARCHAR[]",
      "BIGINT[]": "DOUBLE[]",
      "DOUBLE[]": "DOUBLE[]"
    };
    ROWS_PER_LINE = 2048;
    extractors = /* @__PURE__ */ new Map();
  }
});

// loaders/store/store.ts
import { existsSync as existsSync3, mkdirSync, readdirSync as readdirSync2, statSync, unlinkSync as unlinkSync3 } from "node:fs";
import { join as join3, resolve } from "node:path";
import { createRequire } from "node:module";

// loaders/model/own-keys.ts
function setOwn(o, key, value) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

// loaders/store/store.ts
init_parquet_writer();

// loaders/store/write-file.ts
import { renameSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
function namedError(file, e, action = "cannot write") {
  const err = e;
  const msg = err?.message ?? String(e);
  if (msg.includes(file)) return err instanceof Error ? err : new Error(msg);
  const hint = err?.code === "ENOSPC" || err?.code === "EDQUOT" ? " (the disk is full: free space and re-run; the committed store is intact)" : err?.code === "EROFS" || err?.code === "EACCES" || err?.code === "EPERM" ? " (the store is read-only for this user)" : "";
  return Object.assign(new Error(`${file}: ${action} (${msg})${hint}`), { code: err?.code, cause: e });
}
function writeFileNamed(file, data) {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw namedError(file, e);
  }
}
async function writeFileNamedAsync(file, data) {
  try {
    await writeFile(file, data);
  } catch (e) {
    throw namedError(file, e);
  }
}
function renameNamed(from, to) {
  try {
    renameSync(from, to);
  } catch (e) {
    throw namedError(to, e, `cannot replace (rename from ${from})`);
  }
}

// loaders/store/lock.ts
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

// loaders/store/manifest.ts
import { existsSync as existsSync2, readdirSync, readFileSync } from "node:fs";
import { join as join2 } from "node:path";

// loaders/store/garbage.ts
import { unlinkSync as unlinkSync2 } from "node:fs";
import { join } from "node:path";
var RETIRED_GRACE_MS = 10 * 6e4;
var DATA_NAME = /^([a-z_]+)\/(part|people|emails|suspects)-(\d+)\.(parquet|jsonl)(\.[a-z.]+)?$/;
function uncommitted(rel, m) {
  const x = DATA_NAME.exec(rel);
  if (!x) return false;
  if (Number(x[3]) > m.generation) return true;
  const staged = m.parts[x[1]];
  return x[2] === "part" && x[4] === "parquet" && !!staged?.includes(`${x[1]}/part-${x[3]}.jsonl`);
}
function expireRetired(dir, m, now, graceMs) {
  const retired = m.retired ?? [];
  const expired = retired.filter((r) => now - r.at >= graceMs);
  if (expired.length === 0) return null;
  for (const r of expired) {
    try {
      unlinkSync2(join(dir, r.file));
    } catch (e) {
      if (e.code !== "ENOENT") throw e;
    }
  }
  return { ...m, retired: retired.filter((r) => !expired.includes(r)) };
}

// loaders/store/damage.ts
init_sql();
import { existsSync } from "node:fs";
import { basename, relative } from "node:path";
var StoreDamagedError = class extends Error {
  constructor(message, file) {
    super(message);
    this.file = file;
  }
  file;
  code = "ESTOREDAMAGED";
};
async function fileProblem(con, f) {
  if (!existsSync(f.abs)) return "it is missing";
  try {
    const reader = f.abs.endsWith(".jsonl") ? `read_json(${sqlString(f.abs)}, format = 'newline_delimited')` : `read_parquet(${sqlString(f.abs)})`;
    await con.run(`SELECT count(*) FROM (SELECT * FROM ${reader})`);
    return null;
  } catch (e) {
    return e.message.split("\n")[0];
  }
}
function damageAdvice(dir, f, problem) {
  if (f.kind === "derived") {
    return new StoreDamagedError(`${f.abs}: derived table ${basename(f.abs, ".parquet")} cannot be read: ${problem}. Derived tables are recomputed from the mail: run 'threadgraph analyze' to rebuild it.`, f.abs);
  }
  if (f.kind === "people") {
    return new StoreDamagedError(`${f.abs}: people table ${relative(dir, f.abs)} cannot be read: ${problem}. People are recomputed from the mail: run 'threadgraph ingest' again with any archive of this store (nothing new is needed) to rebuild it.`, f.abs);
  }
  return new StoreDamagedError(`${f.abs}: store file ${relative(dir, f.abs)}, named by manifest.json, cannot be read: ${problem}. The store cannot be read until it is repaired: restore this file from a backup; or move the store away and ingest the archives again into a new store (threadgraph ingest --store NEW_DIR ...).`, f.abs);
}
async function findDamage(con, dir, files, err) {
  const msg = err?.message ?? "";
  const named = files.filter((f) => msg.includes(f.abs));
  const io = /IO Error|parquet|No files found|magic|Corrupt|Invalid Input Error|Could not read|JSON/i.test(msg);
  for (const f of named.length ? named : io ? files : []) {
    const problem = await fileProblem(con, f);
    if (problem) return damageAdvice(dir, f, problem);
  }
  return null;
}

// loaders/store/manifest.ts
var MANIFEST = "manifest.json";
var DATA_DIRS = ["messages", "arrivals", "trailers", "errors", "tombstones", "verdicts", "message_files", "people"];
var PART_FILE = /^(messages|arrivals|trailers|errors|tombstones|verdicts|message_files)\/part-\d{6,}\.(parquet|jsonl)$/;
var PEOPLE_FILE = /^people\/(people|emails|suspects)-\d{6,}\.parquet$/;
function emptyManifest() {
  return {
    format: 1,
    generation: 0,
    parts: { messages: [], arrivals: [], trailers: [], errors: [], tombstones: [], verdicts: [], message_files: [] },
    people: null,
    sources: {}
  };
}
function dataFiles(dir, subs = DATA_DIRS) {
  const out = [];
  for (const sub of subs) {
    let names;
    try {
      names = readdirSync(join2(dir, sub));
    } catch {
      continue;
    }
    for (const f of names) out.push(`${sub}/${f}`);
  }
  return out;
}
var RECOVER = "To recover: restore manifest.json from a backup; or move this directory away and ingest the archives again into a new store (threadgraph ingest --store NEW_DIR ...); or, if a file named here is not store data, move that file out of the store.";
function readManifest(dir) {
  const file = join2(dir, MANIFEST);
  if (!existsSync2(file)) {
    const files = dataFiles(dir);
    if (files.length === 0) return emptyManifest();
    throw new StoreDamagedError(`${dir}: holds ${files.length} store data files (e.g. ${files[0]}) but no ${MANIFEST}, so nothing says which of them are committed. threadgraph will neither read nor write this store, so that nothing is lost. ${RECOVER}`, file);
  }
  let m;
  try {
    m = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new StoreDamagedError(`${file}: unreadable store manifest (${e.message}). ${RECOVER}`, file);
  }
  if (m && typeof m === "object" && typeof m.format === "number" && m.format > 1) {
    throw new StoreDamagedError(`${file}: this store was written by a newer threadgraph (store format ${m.format}; this version reads format 1). Nothing was read or changed: use the newer version, or ingest the archives into a new store (--store NEW_DIR) with this one.`, file);
  }
  if (!m || typeof m !== "object" || m.format !== 1) {
    throw new StoreDamagedError(`${file}: unsupported store format ${String(m?.format)} (expected 1). ${RECOVER}`, file);
  }
  const problem = manifestProblem(m, dir);
  if (problem) throw new StoreDamagedError(`${file}: damaged store manifest: ${problem}. ${RECOVER}`, file);
  return { ...emptyManifest(), ...m, parts: { ...emptyManifest().parts, ...m.parts } };
}
function manifestProblem(m, dir) {
  if (!Number.isInteger(m.generation) || m.generation < 0) return `generation is ${JSON.stringify(m.generation)}, not a count`;
  if (!m.parts || typeof m.parts !== "object" || Array.isArray(m.parts)) return "it has no parts list";
  for (const table of Object.keys(emptyManifest().parts)) {
    const list = m.parts[table];
    if (list === void 0) {
      const files = dataFiles(dir, [table]);
      if (files.length) return `it names no ${table} parts but ${files[0]} exists`;
      continue;
    }
    if (!Array.isArray(list)) return `parts.${table} is not a list`;
    for (const p of list) {
      if (typeof p !== "string" || !PART_FILE.test(p) || !p.startsWith(`${table}/`)) return `parts.${table} names ${JSON.stringify(p)}, not a part file`;
    }
    const twice = list.find((p, i) => list.indexOf(p) !== i);
    if (twice !== void 0) return `parts.${table} names ${JSON.stringify(twice)} twice`;
  }
  if (m.people !== null && m.people !== void 0) {
    const p = m.people;
    const kinds = { people: p.people, emails: p.emails, ...p.suspects === void 0 ? {} : { suspects: p.suspects } };
    for (const [kind, f] of Object.entries(kinds)) {
      if (typeof f !== "string" || !PEOPLE_FILE.test(f) || !f.startsWith(`people/${kind}-`)) return `people.${kind} names ${JSON.stringify(f)}, not a people/${kind}-NNNNNN.parquet table`;
    }
  }
  if (m.sources !== void 0 && (typeof m.sources !== "object" || m.sources === null || Array.isArray(m.sources))) return "sources is not an object";
  if (m.retired !== void 0 && (!Array.isArray(m.retired) || m.retired.some((r) => typeof r?.file !== "string" || typeof r.at !== "number" || !(PART_FILE.test(r.file) || PEOPLE_FILE.test(r.file))))) {
    return "retired is not a list of files";
  }
  const accounted = /* @__PURE__ */ new Set([...Object.values(m.parts).flat(), ...(m.retired ?? []).map((r) => r.file)]);
  const full = { ...emptyManifest(), ...m, parts: { ...emptyManifest().parts, ...m.parts } };
  for (const rel of dataFiles(dir, Object.keys(emptyManifest().parts))) {
    if (PART_FILE.test(rel) && !accounted.has(rel) && !uncommitted(rel, full)) return `it does not name ${rel}, which holds committed data`;
  }
  return null;
}
function namedFiles(m) {
  const out = Object.values(m.parts).flat();
  if (m.people) out.push(m.people.people, m.people.emails, ...m.people.suspects ? [m.people.suspects] : []);
  return out;
}
function writeManifest(dir, m) {
  const file = join2(dir, MANIFEST);
  const tmp = `${file}.tmp`;
  writeFileNamed(tmp, JSON.stringify(m, null, 1));
  renameNamed(tmp, file);
}
function partName(table, generation, ext = "parquet") {
  return `${table}/part-${String(generation).padStart(6, "0")}.${ext}`;
}

// loaders/store/schema.ts
init_parquet_writer();
init_sql();
init_sql();
var MESSAGE_COLUMNS = {
  message_id: "VARCHAR",
  date: "TIMESTAMP",
  from_name: "VARCHAR",
  from_email: "VARCHAR",
  subject: "VARCHAR",
  in_reply_to: "VARCHAR",
  references: "VARCHAR[]",
  own_lists: "VARCHAR[]",
  list_id: "VARCHAR",
  to_emails: "VARCHAR[]",
  cc_emails: "VARCHAR[]",
  is_patch: "BOOLEAN",
  is_rfc: "BOOLEAN",
  patch_version: "INTEGER",
  patch_index: "INTEGER",
  patch_total: "INTEGER",
  is_cover: "BOOLEAN",
  patch_tags: "VARCHAR[]",
  is_reply: "BOOLEAN",
  nak_line: "BOOLEAN",
  is_bot: "BOOLEAN",
  flags: "VARCHAR[]",
  content_hash: "VARCHAR",
  bytes: "BIGINT",
  source: "VARCHAR",
  position: "VARCHAR",
  // Added later: parts written before have no such columns and read as NULL (see relationSql).
  author_name: "VARCHAR",
  author_email: "VARCHAR",
  change_id: "VARCHAR",
  previous_revisions: "VARCHAR[]",
  // How many files its diff touches (rows in message_files); NULL in parts written before
  // message_files existed, so the analysis can tell "no diff" from "not parsed: re-ingest".
  file_count: "INTEGER",
  // Links to another revision in the message's text (parse/revision-pointers.ts), with the rule of each (parallel lists).
  revision_links: "VARCHAR[]",
  revision_link_rules: "VARCHAR[]"
};
var ARRIVAL_COLUMNS = {
  message_id: "VARCHAR",
  source: "VARCHAR",
  position: "VARCHAR",
  list: "VARCHAR",
  lists: "VARCHAR[]",
  content_hash: "VARCHAR",
  // Added later (NULL in older parts): the copy's order in its archive (Provenance.seq).
  seq: "BIGINT"
};
var TRAILER_COLUMNS = {
  message_id: "VARCHAR",
  kind: "VARCHAR",
  email: "VARCHAR",
  name: "VARCHAR",
  raw: "VARCHAR"
};
var VERDICT_COLUMNS = {
  message_id: "VARCHAR",
  kind: "VARCHAR",
  state: "VARCHAR",
  rule: "VARCHAR",
  email: "VARCHAR",
  name: "VARCHAR",
  tree: "VARCHAR",
  branch: "VARCHAR",
  scope: "VARCHAR",
  item_subjects: "VARCHAR[]",
  item_commits: "VARCHAR[]",
  raw: "VARCHAR"
};
var MESSAGE_FILE_COLUMNS = { message_id: "VARCHAR", path: "VARCHAR" };
var ERROR_COLUMNS = { source: "VARCHAR", position: "VARCHAR", reason: "VARCHAR" };
var TOMBSTONE_COLUMNS = {
  message_id: "VARCHAR",
  source: "VARCHAR",
  position: "VARCHAR",
  seq: "BIGINT",
  // Added later: true for a copy gone from a rewritten history (public-inbox-purge): it hides only
  // the arrival of that source at that position.
  copy_only: "BOOLEAN"
};
var PART_TABLES = {
  messages: MESSAGE_COLUMNS,
  arrivals: ARRIVAL_COLUMNS,
  trailers: TRAILER_COLUMNS,
  errors: ERROR_COLUMNS,
  tombstones: TOMBSTONE_COLUMNS,
  verdicts: VERDICT_COLUMNS,
  message_files: MESSAGE_FILE_COLUMNS
};
var PEOPLE_COLUMNS = {
  person_id: "VARCHAR",
  name: "VARCHAR",
  emails: "VARCHAR[]",
  is_bot: "BOOLEAN",
  messages: "BIGINT",
  evidence: "VARCHAR"
};
var PERSON_EMAIL_COLUMNS = { email: "VARCHAR", person_id: "VARCHAR" };
var SUSPECT_COLUMNS = {
  person_a: "VARCHAR",
  name_a: "VARCHAR",
  emails_a: "VARCHAR[]",
  messages_a: "BIGINT",
  person_b: "VARCHAR",
  name_b: "VARCHAR",
  emails_b: "VARCHAR[]",
  messages_b: "BIGINT",
  reason: "VARCHAR",
  detail: "VARCHAR",
  override: "VARCHAR"
};
var CORE_VIEWS = /* @__PURE__ */ new Set([
  "messages",
  "people",
  "trailers",
  "errors",
  "arrivals",
  "tombstones",
  "conflicts",
  "person_emails",
  "people_suspects",
  "naks",
  "raw_people_suspects",
  "verdicts",
  "raw_verdicts",
  "message_files",
  "raw_messages",
  "raw_arrivals",
  "raw_trailers",
  "raw_errors",
  "raw_tombstones",
  "raw_people",
  "raw_message_files"
]);
function relationSql(files, columns) {
  const names = Object.keys(columns).map(quoteIdent).join(", ");
  const parquet = files.filter((f) => f.endsWith(".parquet"));
  const json = files.filter((f) => f.endsWith(".jsonl"));
  const cols = Object.entries(columns).map(([n, t]) => `CAST(NULL AS ${t}) AS ${quoteIdent(n)}`);
  const empty = `SELECT ${cols.join(", ")} WHERE false`;
  const parts = [];
  if (parquet.length) {
    parts.push(`SELECT ${names} FROM (SELECT * FROM read_parquet([${parquet.map(sqlString).join(", ")}], union_by_name = true) UNION ALL BY NAME ${empty})`);
  }
  if (json.length) parts.push(`SELECT ${names} FROM (${jsonRelationSql(json, columns)})`);
  return parts.length ? parts.join(" UNION ALL ") : empty;
}
function archiveSql(col) {
  return `CASE WHEN starts_with(${col}, 'pi:') THEN regexp_replace(regexp_replace(${col}, '#\\d+$', ''), '/git/\\d+\\.git/?$', '')
    WHEN starts_with(${col}, 'lore-http:') THEN regexp_replace(${col}, '\\?.*$', '') ELSE ${col} END`;
}
function retagFilter(retags) {
  if (retags.length === 0) return "";
  const values = retags.map((r) => `(${sqlString(r.source)}, ${r.list === null ? "NULL" : sqlString(r.list)})`).join(", ");
  return `
       AND NOT EXISTS (SELECT 1 FROM (VALUES ${values}) r(source, list) JOIN raw_arrivals b ON b.message_id = a.message_id AND b.source = a.source
                       WHERE (a.source = r.source OR starts_with(a.source, r.source || '#') OR starts_with(a.source, r.source || '?'))
                         AND a.list IS DISTINCT FROM r.list AND b.list IS NOT DISTINCT FROM r.list)`;
}
function viewSql(hasThreads, retags = [], hasHomes = false) {
  const threadCols = hasThreads ? ", mt.thread_id, mt.series_id" : ", CAST(NULL AS VARCHAR) AS thread_id, CAST(NULL AS VARCHAR) AS series_id";
  const threadJoin = hasThreads ? "LEFT JOIN message_threads mt ON mt.message_id = m.message_id" : "";
  return [
    `CREATE OR REPLACE TEMP VIEW tombstones AS SELECT * FROM raw_tombstones`,
    // A copy is hidden when its own archive deleted it later, in any epoch or run (a message
    // added again after its deletion shows again); other archives' copies stay. Without an order
    // on either side (rows from before seq existed) the deletion hides the copy, as it did then.
    `CREATE OR REPLACE TEMP VIEW arrivals AS SELECT a.* EXCLUDE (seq) FROM raw_arrivals a
       WHERE NOT EXISTS (SELECT 1 FROM raw_tombstones t WHERE t.message_id = a.message_id
                         AND ${archiveSql("t.source")} = ${archiveSql("a.source")}
                         AND CASE WHEN coalesce(t.copy_only, false) THEN t.source = a.source AND t.position = a.position
                                  ELSE t.seq IS NULL OR a.seq IS NULL OR t.seq > a.seq END)${retagFilter(retags)}`,
    `CREATE OR REPLACE TEMP VIEW person_emails AS SELECT * FROM raw_person_emails`,
    `CREATE OR REPLACE TEMP VIEW messages AS
     WITH arr AS (
       SELECT message_id, list_sort(list_distinct(flatten(list(lists)))) AS lists,
              list_sort(list_distinct(list(source))) AS sources
       FROM arrivals GROUP BY message_id)
     SELECT m.message_id, m.date, m.from_name, m.from_email,
            coalesce(pe.person_id, m.from_email) AS person_id,
            m.author_name, m.author_email,
            -- a forwarded patch's author (in-body From:), else the sender
            CASE WHEN coalesce(m.author_email, '') = '' THEN coalesce(pe.person_id, m.from_email)
                 ELSE coalesce(pa.person_id, m.author_email) END AS author_person_id,
            m.subject, m.in_reply_to, m."references", arr.lists, arr.sources, m.list_id,
            m.to_emails, m.cc_emails, m.is_patch, m.is_rfc, m.patch_version, m.patch_index,
            m.patch_total, m.is_cover, m.patch_tags, m.is_reply, m.nak_line, m.change_id, m.previous_revisions,
            m.revision_links, m.revision_link_rules,
            (m.is_bot OR coalesce(p.is_bot, false)) AS is_bot, m.flags, m.content_hash, m.bytes, m.file_count${threadCols}
     FROM raw_messages m
     JOIN arr ON arr.message_id = m.message_id
     LEFT JOIN raw_person_emails pe ON pe.email = m.from_email
     LEFT JOIN raw_person_emails pa ON pa.email = m.author_email
     LEFT JOIN raw_people p ON p.person_id = pe.person_id
     ${threadJoin}`,
    // home_list, home_subsystem, organisation: from derived person_homes once analyze ran (docs/analysis.md).
    hasHomes ? `CREATE OR REPLACE TEMP VIEW people AS SELECT p.person_id, p.name, p.emails, p.is_bot, p.messages, p.evidence,
           h.home_list, h.home_subsystem, h.organisation FROM raw_people p LEFT JOIN person_homes h USING (person_id)` : `CREATE OR REPLACE TEMP VIEW people AS SELECT person_id, name, emails, is_bot, messages, evidence,
           CAST(NULL AS VARCHAR) AS home_list, CAST(NULL AS VARCHAR) AS home_subsystem, CAST(NULL AS VARCHAR) AS organisation FROM raw_people`,
    `CREATE OR REPLACE TEMP VIEW trailers AS
     SELECT t.message_id, t.kind, coalesce(pe.person_id, t.email) AS person_id, t.email, t.name, t.raw
     FROM raw_trailers t LEFT JOIN raw_person_emails pe ON pe.email = t.email
     WHERE t.message_id IN (SELECT message_id FROM arrivals)`,
    `CREATE OR REPLACE TEMP VIEW errors AS SELECT * FROM raw_errors`,
    `CREATE OR REPLACE TEMP VIEW message_files AS SELECT * FROM raw_message_files WHERE message_id IN (SELECT message_id FROM arrivals)`,
    `CREATE OR REPLACE TEMP VIEW people_suspects AS SELECT * FROM raw_people_suspects`,
    // NAK evidence, as the analysis reads it (loaders/analysis/reviews.ts): a Nacked-by trailer
    // or a free-text NAK line outside quotes, in a message that is not itself a patch (a Nacked-by
    // inside a patch was carried over; a "Re: [PATCH]" reply is not a patch, as in
    // analysis/store-io.ts). A NAK line beside the sender's own Nacked-by is the same NAK.
    // netdev's "pw-bot: changes-requested" / "pw-bot: reject" lines are explicit verdicts: they
    // are NAK evidence too, under their own kinds (pw-bot-changes-requested, pw-bot-rejected).
    `CREATE OR REPLACE TEMP VIEW naks AS
     WITH nm AS (
       SELECT *, is_patch AND NOT regexp_matches(coalesce(subject, ''), '^\\s*(re|aw|sv|antw|fwd?)\\s*(\\[\\d+\\])?\\s*:', 'i') AS own_patch
       FROM messages)
     SELECT t.message_id, 'nacked-by' AS kind, t.person_id, t.email, t.name, m.date, m.subject, m.lists, m.thread_id, t.raw
       FROM trailers t JOIN nm m USING (message_id) WHERE t.kind = 'nacked-by' AND NOT m.own_patch
     UNION ALL
     SELECT m.message_id, 'nak-line' AS kind, m.person_id, m.from_email AS email, m.from_name AS name, m.date, m.subject, m.lists, m.thread_id,
            CAST(NULL AS VARCHAR) AS raw
       FROM nm m WHERE m.nak_line AND NOT m.own_patch AND NOT EXISTS (
         SELECT 1 FROM raw_trailers t WHERE t.message_id = m.message_id AND t.kind = 'nacked-by' AND t.email = m.from_email)
     UNION ALL
     SELECT m.message_id, 'pw-bot-' || v.kind AS kind, m.person_id, m.from_email AS email, m.from_name AS name, m.date, m.subject, m.lists,
            m.thread_id, v.raw
       FROM raw_verdicts v JOIN nm m USING (message_id)
       WHERE v.rule = 'pw-bot' AND v.kind IN ('changes-requested', 'rejected') AND NOT m.own_patch`,
    // Verdicts found at ingest (loaders/parse/verdicts.ts), one row per verdict, plus every NAK of
    // the naks view as a 'rejected' verdict (rule 'nak'). Stores ingested before verdicts existed
    // have no verdict parts: only their NAKs show here until the archives are ingested into a new store.
    `CREATE OR REPLACE TEMP VIEW verdicts AS
     SELECT v.message_id, v.kind, v.state, v.rule, coalesce(pe.person_id, nullif(v.email, '')) AS person_id, v.email, v.name,
            v.tree, v.branch, v.scope,
            list_transform(list_zip(coalesce(v.item_subjects, []), coalesce(v.item_commits, [])), x -> {'subject': x[1], 'commit': x[2]}) AS items,
            v.raw, m.date, m.in_reply_to
       FROM raw_verdicts v JOIN raw_messages m USING (message_id)
       LEFT JOIN raw_person_emails pe ON pe.email = v.email
       WHERE v.message_id IN (SELECT message_id FROM arrivals)
     UNION ALL
     SELECT n.message_id, 'rejected' AS kind, CAST(NULL AS VARCHAR) AS state, 'nak' AS rule, n.person_id, n.email, n.name,
            NULL, NULL, NULL, CAST([] AS STRUCT(subject VARCHAR, "commit" VARCHAR)[]) AS items, coalesce(n.raw, n.kind) AS raw, n.date, m.in_reply_to
       FROM naks n JOIN raw_messages m USING (message_id) WHERE n.kind IN ('nacked-by', 'nak-line')`,
    // Same Message-ID, different content: the copies that were not kept.
    `CREATE OR REPLACE TEMP VIEW conflicts AS
     SELECT a.message_id, a.source, a.position, a.content_hash, m.content_hash AS kept_content_hash
     FROM arrivals a JOIN raw_messages m USING (message_id) WHERE a.content_hash <> m.content_hash`
  ];
}

// loaders/store/store.ts
var DEFAULT_STORE_DIR = "data/store";
var DERIVED_NAME = /^[a-z_][a-z0-9_]*$/;
function plain(v, iso = false) {
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return iso ? Number.isNaN(v.getTime()) ? String(v) : v.toISOString() : v.getTime();
  if (Array.isArray(v)) return v.map((x) => plain(x, iso));
  if (v && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) setOwn(o, k, plain(x, iso));
    return o;
  }
  return v;
}
var DuckStore = class _DuckStore {
  dir;
  viewsKey = "";
  instance = null;
  connection = null;
  constructor(dir) {
    this.dir = dir;
  }
  /** Opening writes nothing (readers work on read-only stores); writers create what they need. */
  static async open(dir = DEFAULT_STORE_DIR) {
    const abs = resolve(dir);
    readManifest(abs);
    return new _DuckStore(abs);
  }
  /** DuckDB starts on first use: a re-run with nothing new never loads it. */
  starting = null;
  async con() {
    if (this.connection) return this.connection;
    this.starting ??= (async () => {
      try {
        const { DuckDBInstance } = createRequire(import.meta.url)("@duckdb/node-api");
        this.instance = await DuckDBInstance.create(":memory:");
        this.connection = await this.instance.connect();
        return this.connection;
      } finally {
        this.starting = null;
      }
    })();
    return this.starting;
  }
  async write(file, columns, rows) {
    const { writeParquet: writeParquet2 } = await Promise.resolve().then(() => (init_parquet_writer(), parquet_writer_exports));
    await writeParquet2(await this.con(), file, columns, rows);
  }
  manifest() {
    return readManifest(this.dir);
  }
  derivedFiles() {
    const d = join3(this.dir, "derived");
    if (!existsSync3(d)) return [];
    return readdirSync2(d).filter((f) => f.endsWith(".parquet") && DERIVED_NAME.test(f.slice(0, -8))).sort().map((f) => {
      const st2 = statSync(join3(d, f));
      return { name: f.slice(0, -8), file: join3(d, f), sig: `${f}:${st2.size}:${st2.mtimeMs}:${st2.ino}` };
    });
  }
  async version() {
    const m = this.manifest();
    return `${m.generation}|${this.derivedFiles().map((d) => d.sig).join(",")}`;
  }
  /** Derived tables whose file DuckDB could not read, with the reason (see refreshViews). */
  damagedDerived = /* @__PURE__ */ new Map();
  /** Set by the ingest pipeline, which rebuilds people: unreadable people tables are then read as empty. */
  rebuildsPeople = false;
  /** Why the people tables could not be read (only while rebuildsPeople), else null. */
  peopleDamage = null;
  viewFiles = [];
  viewsGeneration = -1;
  /**
   * Rebuild the views when the manifest or derived tables changed since the last query. A
   * derived table that cannot be read is left out (and named when a query needs it), so it never
   * blocks the core views, nor the `analyze` that rebuilds it.
   */
  async refreshViews() {
    const m = this.manifest();
    const derived = this.derivedFiles();
    const key = `${m.generation}|${JSON.stringify(m.people)}|${derived.map((d) => d.sig).join(",")}`;
    if (key === this.viewsKey) return;
    const abs = (rel) => join3(this.dir, rel);
    const core = [];
    for (const [table, cols] of Object.entries(PART_TABLES)) {
      core.push(`CREATE OR REPLACE TEMP VIEW raw_${table} AS ${relationSql(m.parts[table].map(abs), cols)}`);
    }
    const peopleViews = (p) => [
      `CREATE OR REPLACE TEMP VIEW raw_people AS ${relationSql(p ? [abs(p.people)] : [], PEOPLE_COLUMNS)}`,
      `CREATE OR REPLACE TEMP VIEW raw_people_suspects AS ${relationSql(p?.suspects ? [abs(p.suspects)] : [], SUSPECT_COLUMNS)}`,
      `CREATE OR REPLACE TEMP VIEW raw_person_emails AS ${relationSql(p ? [abs(p.emails)] : [], PERSON_EMAIL_COLUMNS)}`
    ];
    this.viewFiles = [
      ...Object.values(m.parts).flat().map((p) => ({ abs: abs(p), kind: "part" })),
      ...(m.people ? [m.people.people, m.people.emails, ...m.people.suspects ? [m.people.suspects] : []] : []).map((p) => ({ abs: abs(p), kind: "people" })),
      ...derived.map((d) => ({ abs: d.file, kind: "derived" }))
    ];
    this.viewsGeneration = m.generation;
    const retags = Object.entries(m.sources).filter(([, s]) => s.retagged).map(([source, s]) => ({ source, list: s.list ?? null }));
    const con = await this.con();
    for (const sql of core) await con.run(sql);
    this.peopleDamage = null;
    try {
      for (const sql of peopleViews(m.people)) await con.run(sql);
    } catch (e) {
      const files = this.viewFiles.filter((f) => f.kind === "people");
      let damage = null;
      for (const f of files) {
        const problem = await fileProblem(con, f);
        if (problem) {
          damage = damageAdvice(this.dir, f, problem);
          break;
        }
      }
      if (!this.rebuildsPeople) throw damage ?? e;
      this.peopleDamage = damage?.message ?? e.message;
      for (const sql of peopleViews(null)) await con.run(sql);
    }
    this.damagedDerived.clear();
    for (const d of derived) {
      try {
        await con.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(d.name)} AS SELECT * FROM read_parquet(${sqlString(d.file)})`);
      } catch (e) {
        this.damagedDerived.set(d.name, e.message.split("\n")[0]);
        await con.run(`DROP VIEW IF EXISTS ${quoteIdent(d.name)}`);
      }
    }
    const usable = (n) => derived.some((d) => d.name === n && !this.damagedDerived.has(d.name));
    for (const sql of viewSql(usable("message_threads"), retags, usable("person_homes"))) await con.run(sql);
    this.viewsKey = key;
  }
  /**
   * Run SQL over a current snapshot. A writer may replace parts meanwhile (sealing, compaction);
   * replaced files stay for a grace period (garbage.ts), and a query that still fails while the
   * manifest moved on is re-run once over the new one: every result comes from one manifest.
   * A failure caused by a damaged store file is reported naming that file.
   */
  async run(sql) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.refreshViews();
        const reader = await (await this.con()).runAndReadAll(sql);
        const names = reader.columnNames();
        return reader.getRowsJS().map((values) => {
          const row = {};
          names.forEach((n, i) => setOwn(row, n, values[i]));
          return row;
        });
      } catch (e) {
        if (e instanceof StoreDamagedError) throw e;
        const moved = this.viewsGeneration !== -1 && readManifest(this.dir).generation !== this.viewsGeneration;
        this.viewsKey = "";
        if (moved && attempt < 3) continue;
        throw await this.explain(e);
      }
    }
  }
  async explain(e) {
    const msg = e?.message ?? "";
    for (const [name, why] of this.damagedDerived) {
      if (new RegExp(`\\b${name}\\b`).test(msg)) return damageAdvice(this.dir, { abs: join3(this.dir, "derived", `${name}.parquet`), kind: "derived" }, why);
    }
    return await findDamage(await this.con(), this.dir, this.viewFiles, e) ?? e;
  }
  async query(sql) {
    return (await this.run(sql)).map((r) => plain(r));
  }
  /** Like query(), for people to read: timestamps as ISO 8601 text (UTC) instead of epoch ms. */
  async queryForDisplay(sql) {
    return (await this.run(sql)).map((r) => plain(r, true));
  }
  /** Names of derived tables currently present and readable. */
  derivedNames() {
    return this.derivedFiles().map((d) => d.name).filter((n) => !this.damagedDerived.has(n));
  }
  async writeDerived(name, columns, rows) {
    if (!DERIVED_NAME.test(name) || CORE_VIEWS.has(name)) throw new Error(`invalid derived table name '${name}'`);
    mkdirSync(join3(this.dir, "derived"), { recursive: true });
    const file = join3(this.dir, "derived", `${name}.parquet`);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await this.write(tmp, columns, rows);
    } catch (e) {
      try {
        unlinkSync3(tmp);
      } catch {
      }
      throw namedError(tmp, e);
    }
    renameNamed(tmp, file);
    this.viewsKey = "";
  }
  // ---- writer side (used by ingest.ts under the store lock) ----
  /**
   * Stage one batch of `table` (rows, or lines a JsonLinesWriter already encoded) for the commit that will have generation `gen` as JSON lines
   * (cheap to write); the Sealer (sealer.ts) turns staged parts into Parquet. Returns the relative path.
   */
  async writePart(table, gen, rows) {
    const lines = Array.isArray(rows) ? jsonLines(rows) : rows.bytes();
    if (lines.length === 0) return null;
    const rel = partName(table, gen, "jsonl");
    mkdirSync(join3(this.dir, table), { recursive: true });
    await writeFileNamedAsync(join3(this.dir, rel), lines);
    return rel;
  }
  async writeTable(rel, columns, rows) {
    mkdirSync(join3(this.dir, rel, ".."), { recursive: true });
    try {
      await this.write(join3(this.dir, rel), columns, rows);
    } catch (e) {
      throw namedError(join3(this.dir, rel), e);
    }
    return rel;
  }
  /**
   * Commit a new manifest. Files the current manifest names and `m` does not are retired, not
   * deleted: readers that still hold the current manifest keep reading them (garbage.ts).
   */
  commit(m, now = Date.now()) {
    const prev = this.manifest();
    const keep2 = new Set(namedFiles(m));
    const retired = [...m.retired ?? [], ...namedFiles(prev).filter((f) => !keep2.has(f)).map((file) => ({ file, at: now }))];
    writeManifest(this.dir, { ...m, retired: retired.filter((r) => !keep2.has(r.file)) });
    this.viewsKey = "";
  }
  /** Create the manifest of a new store before anything else is written into it (see readManifest). */
  initialize() {
    if (existsSync3(join3(this.dir, MANIFEST))) return;
    mkdirSync(this.dir, { recursive: true });
    writeManifest(this.dir, readManifest(this.dir));
  }
  /**
   * Refuse to write into a store whose manifest names mail parts that are gone. People tables are
   * not checked: they are recomputed from the mail by the ingest that calls this (rebuildsPeople).
   */
  checkNamedFiles() {
    const missing = Object.values(this.manifest().parts).flat().filter((f) => !existsSync3(join3(this.dir, f)));
    if (missing.length) {
      throw new StoreDamagedError(`${join3(this.dir, missing[0])}: named by manifest.json but missing${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ""}. The store cannot be written until it is repaired: restore the file from a backup; or move the store away and ingest the archives again into a new store.`, join3(this.dir, missing[0]));
    }
  }
  /**
   * Under the writer lock: remove what a killed writer left (files written for a commit that
   * never happened). Never a file it cannot account for; the manifest is not touched.
   */
  cleanOrphans() {
    const m = this.manifest();
    const keep2 = /* @__PURE__ */ new Set([...namedFiles(m), ...(m.retired ?? []).map((r) => r.file)]);
    for (const rel of dataFiles(this.dir)) {
      if (!keep2.has(rel) && uncommitted(rel, m)) unlinkSync3(join3(this.dir, rel));
    }
    const derived = join3(this.dir, "derived");
    for (const f of existsSync3(derived) ? readdirSync2(derived) : []) {
      const pid = /\.(\d+)\.tmp(\.rows\.jsonl)?$/.exec(f)?.[1];
      if (pid && !processAlive(Number(pid))) unlinkSync3(join3(derived, f));
    }
    if (existsSync3(join3(this.dir, `${MANIFEST}.tmp`))) unlinkSync3(join3(this.dir, `${MANIFEST}.tmp`));
  }
  /** Under the writer lock: delete files retired more than graceMs ago (same generation: no data changes). */
  collectGarbage(graceMs = RETIRED_GRACE_MS) {
    const expired = expireRetired(this.dir, this.manifest(), Date.now(), graceMs);
    if (expired) writeManifest(this.dir, expired);
  }
  async close() {
    this.connection?.closeSync();
    this.connection = this.instance = null;
    this.viewsKey = "";
    this.viewsGeneration = -1;
  }
};
async function openStore(dir = DEFAULT_STORE_DIR) {
  return DuckStore.open(dir);
}

// loaders/model/corpus.ts
function authorOf(m) {
  return m.author ?? m.from;
}
var NO_PATCH = { isPatch: false, version: 1, index: null, total: null, isCover: false };

// loaders/model/message-index.ts
var made = /* @__PURE__ */ new WeakMap();
function messageIndex(messages) {
  let m = made.get(messages);
  if (!m || m.n !== messages.length) {
    const index = /* @__PURE__ */ new Map();
    for (let i = 0; i < messages.length; i++) index.set(messages[i].id, i);
    made.set(messages, m = { n: messages.length, index });
  }
  return m.index;
}

// loaders/analysis/survival.ts
function listObservationEnds(messages, ownLists, cap) {
  const own = /* @__PURE__ */ new Map(), bySource = /* @__PURE__ */ new Map(), carriers = /* @__PURE__ */ new Map();
  const bump = (m, k, d) => {
    if (!(m.get(k) >= d)) m.set(k, d);
  };
  messages.forEach((m, i) => {
    if (m.date === null) return;
    const srcs = m.sources?.length ? m.sources : [""];
    for (const x of srcs) bump(bySource, x, m.date);
    for (const l of m.lists) {
      let c = carriers.get(l);
      if (!c) carriers.set(l, c = /* @__PURE__ */ new Set());
      for (const x of srcs) c.add(x);
    }
    for (const l of ownLists(i)) bump(own, l, m.date);
  });
  const out = /* @__PURE__ */ new Map();
  for (const [l, srcs] of carriers) {
    const end = own.get(l) ?? Math.max(...[...srcs].map((x) => bySource.get(x)));
    out.set(l, Math.min(end, cap ?? Infinity));
  }
  return out;
}
function censorAtListEnds(ends, fallback) {
  return (lists) => {
    let e = Infinity;
    for (const l of lists) {
      const d = ends.get(l);
      if (d !== void 0 && d < e) e = d;
    }
    return e === Infinity ? fallback : e;
  };
}
function observeFirstReplies(messages, tr, isBot, censorAt) {
  const out = [];
  const end = typeof censorAt === "number" ? () => censorAt : censorAt;
  const reached = (members) => {
    const s = /* @__PURE__ */ new Set();
    for (const i of members) for (const l of messages[i].lists) s.add(l);
    return [...s];
  };
  const observe = (kind, key, root, members, all = members) => {
    const r = messages[root];
    if (r.date === null || isBot(r.from) || r.isBot) return;
    const author = authorOf(r);
    let best = -1;
    for (const i of members) {
      const m = messages[i];
      if (i === root || m.date === null || m.from === r.from || m.from === author || m.isBot || isBot(m.from)) continue;
      if (best < 0 || m.date < messages[best].date) best = i;
    }
    const answered = best >= 0;
    const time = answered ? Math.max(0, messages[best].date - r.date) : Math.max(0, end(reached(all)) - r.date);
    out.push({
      key,
      kind,
      start: r.date,
      author,
      lists: r.lists,
      time,
      answered,
      responder: answered ? messages[best].from : null,
      responderMsg: best
    });
  };
  for (const t of tr.threads) if (!t.rootIsPhantom) observe("thread", t.id, t.root, t.members);
  const bySeries = /* @__PURE__ */ new Map();
  tr.series.forEach((s, i) => {
    if (s !== null) {
      const l = bySeries.get(s);
      if (l) l.push(i);
      else bySeries.set(s, [i]);
    }
  });
  const idx = messageIndex(messages);
  for (const [s, members] of bySeries) {
    const head = idx.get(s);
    if (head === void 0) continue;
    const replies = members.filter((i) => !(messages[i].patch.isPatch && tr.series[i] === s) || i === head);
    observe("series", s, head, replies, members);
  }
  return out;
}

// loaders/analysis/artifacts.ts
var CROSS_LIST_HOME = "cross-list";

// loaders/graph/build.ts
import graphology from "graphology";
var { DirectedGraph } = graphology;
var ESCAPE = "~";
var hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
function graphKey(id) {
  return id.startsWith(ESCAPE) || hasOwn(Object.prototype, id) ? ESCAPE + id : id;
}
function personOfKey(key) {
  return key.startsWith(ESCAPE) ? key.slice(ESCAPE.length) : key;
}
function byPerson(m) {
  return new Map([...m].map(([k, v]) => [personOfKey(k), v]));
}
var DAY = 864e5;
var monthText = /* @__PURE__ */ new Map();
function monthOf(t) {
  if (!(t >= 0 && t < 2534023008e5)) return new Date(t).toISOString().slice(0, 7);
  const z = Math.floor(t / DAY) + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const mp = Math.floor((5 * (doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))) + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const k = (y - 1970) * 12 + m - 1;
  let s = monthText.get(k);
  if (s === void 0) monthText.set(k, s = `${y}-${m < 10 ? "0" : ""}${m}`);
  return s;
}
function selectReplies(edges, o = {}) {
  const lists = o.lists ? new Set(o.lists) : null;
  return edges.filter((e) => {
    if (e.bot && !o.includeBots) return false;
    if (o.start !== void 0 || o.end !== void 0) {
      if (e.date === null) return false;
      if (o.start !== void 0 && e.date < o.start) return false;
      if (o.end !== void 0 && e.date >= o.end) return false;
    }
    return !lists || e.lists.some((l) => lists.has(l));
  });
}
function buildReplyGraph(edges, o = {}, label = (id) => id) {
  const g = new DirectedGraph();
  for (const e of selectReplies(edges, o)) {
    const from = graphKey(e.from), to = graphKey(e.to);
    if (!g.hasNode(from)) g.addNode(from, { label: label(e.from) });
    if (!g.hasNode(to)) g.addNode(to, { label: label(e.to) });
    const key = g.edge(from, to);
    const a2 = key !== void 0 ? g.getEdgeAttributes(key) : { weight: 0, first: null, last: null, lists: [], months: {} };
    a2.weight++;
    if (e.date !== null) {
      if (a2.first === null || e.date < a2.first) a2.first = e.date;
      if (a2.last === null || e.date > a2.last) a2.last = e.date;
      const m = monthOf(e.date);
      a2.months[m] = (a2.months[m] ?? 0) + 1;
    }
    for (const l of e.lists) if (!a2.lists.includes(l)) a2.lists.push(l);
    if (key === void 0) g.addDirectedEdge(from, to, a2);
  }
  g.forEachEdge((_k, a2) => a2.lists.sort());
  return g;
}

// loaders/model/clip.ts
var MARKS_MAX = 2;
var MARK_RUN = new RegExp(`\\p{M}{${MARKS_MAX + 1}}`, "u");

// loaders/analysis/build-graph.ts
var WEEK = 7 * 864e5;

// loaders/analysis/series-io.ts
function items(v) {
  let x = v;
  if (typeof x === "string") {
    try {
      x = JSON.parse(x);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(x)) return [];
  return x.filter((it) => it && typeof it === "object").map((it) => ({
    subject: String(it.subject ?? ""),
    commit: it.commit === null || it.commit === void 0 || it.commit === "" ? null : String(it.commit)
  }));
}
async function readVerdicts(store2) {
  const cols = ["message_id", "kind", "rule", "person_id", "email", "name", "tree", "branch", "scope", "items", "raw"];
  const rows = await readRows(
    store2,
    `SELECT message_id, kind, rule, person_id, email, name, tree, branch, scope, to_json(items) AS items, raw FROM verdicts`,
    cols,
    "message_id, kind, rule, raw"
  );
  return rows.map((r) => {
    const [messageId, kind, rule, personId, email, name, tree, branch, scope, its, raw] = r;
    return {
      messageId,
      kind: kind ?? "other",
      rule: rule ?? "",
      personId,
      email,
      name,
      tree,
      branch,
      scope: scope === "series" || scope === "patch" || scope === "pull-request" ? scope : null,
      items: items(its),
      raw
    };
  });
}
async function readRevisionLinks(store2) {
  const out = /* @__PURE__ */ new Map();
  const rows = await readRows(
    store2,
    `SELECT message_id, change_id, previous_revisions, revision_links, revision_link_rules FROM messages
    WHERE change_id IS NOT NULL OR len(coalesce(previous_revisions, [])) > 0 OR len(coalesce(revision_links, [])) > 0`,
    ["message_id", "change_id", "previous_revisions", "revision_links", "revision_link_rules"],
    "message_id"
  );
  for (const [id, c, p, l, r] of rows) {
    const ids = l ?? [], rules = r ?? [];
    out.set(id, {
      changeId: c ?? null,
      previous: p ?? [],
      pointers: ids.map((x, k) => ({ id: x, rule: rules[k] ?? "version-link" }))
    });
  }
  return out;
}

// loaders/analysis/store-io.ts
var REPLY_SUBJECT = /^\s*(re|aw|sv|antw|fwd?)\s*(\[\d+\])?\s*:/i;
var FETCH_SOURCE = /^(lore-thread|thread):/;
var TEXT_ROWS = 4096;
var OWN_TEXT = 16384;
async function readRows(store2, select, cols, order) {
  const q = (c) => `"${c.replace(/"/g, '""')}"`;
  const texts = await store2.query(`SELECT '[' || string_agg(j, ',') || ']' AS j FROM (
      SELECT json_array(rn, ${cols.map(q).join(", ")})::VARCHAR AS j, rn FROM (
        SELECT *, row_number() OVER (ORDER BY ${order}) - 1 AS rn FROM (${select})))
    GROUP BY CASE WHEN length(j) > ${OWN_TEXT} THEN -1 - rn ELSE rn // ${TEXT_ROWS} END`);
  const parts = texts.map((t) => JSON.parse(t.j));
  const rows = new Array(parts.reduce((n, p) => n + p.length, 0));
  for (const p of parts) for (const r of p) rows[r.shift()] = r;
  return rows;
}
async function readCorpus(store2, trackedLists) {
  const rows = await readRows(
    store2,
    `SELECT message_id, epoch_ms(date) AS date, person_id, author_person_id, from_email, subject, in_reply_to,
    "references", lists, sources, is_patch, patch_version, patch_index, patch_total, is_cover, nak_line, is_bot FROM messages`,
    [
      "message_id",
      "date",
      "person_id",
      "author_person_id",
      "from_email",
      "subject",
      "in_reply_to",
      "references",
      "lists",
      "sources",
      "is_patch",
      "patch_version",
      "patch_index",
      "patch_total",
      "is_cover",
      "nak_line",
      "is_bot"
    ],
    "date NULLS LAST, message_id"
  );
  const shared = /* @__PURE__ */ new Map();
  const one = (xs) => {
    if (!xs) xs = [];
    const k = xs.length === 1 ? "1" + xs[0] : JSON.stringify(xs);
    let v = shared.get(k);
    if (!v) shared.set(k, v = Object.freeze(xs));
    return v;
  };
  const messages = rows.map((r) => {
    const [id, date, personId, authorId, fromEmail, subject, inReplyTo, references, lists2, srcs, isPatchTag, version, index, total, isCover, nakLine, isBot] = r;
    const isPatch = !!isPatchTag && !REPLY_SUBJECT.test(subject ?? "");
    const from = personId ?? fromEmail ?? "(unknown)";
    const author = isPatch && !isCover && authorId && authorId !== from ? authorId : void 0;
    const sources2 = one(srcs);
    return {
      id,
      date: date ?? null,
      from,
      ...author ? { author } : {},
      subject: subject ?? "",
      inReplyTo: inReplyTo ?? null,
      references: references ?? [],
      lists: one(lists2),
      patch: isPatch ? { isPatch, version: version ?? 1, index: index ?? null, total: total ?? null, isCover: !!isCover } : NO_PATCH,
      isBot: !!isBot,
      nakLine: !!nakLine,
      fetched: sources2.some((x) => FETCH_SOURCE.test(x)),
      sources: sources2
    };
  });
  const people = (await readRows(store2, "SELECT person_id, name, emails, is_bot FROM people", ["person_id", "name", "emails", "is_bot"], "person_id")).map((r) => {
    const [id, name, emails, isBot] = r;
    return { id, name: name ?? "", email: emails?.[0] ?? id, emails: emails ?? [], isBot: !!isBot };
  });
  const trailers = (await readRows(
    store2,
    "SELECT message_id, kind, person_id, name, email FROM trailers",
    ["message_id", "kind", "person_id", "name", "email"],
    "message_id, kind, person_id, name, email"
  )).map((r) => {
    const [messageId, kind, personId, name, email] = r;
    return { messageId, kind, personId, name: name ?? "", email: email ?? "" };
  });
  const sources = await store2.query(
    `SELECT source, any_value(list) AS list, count(DISTINCT message_id) AS messages FROM arrivals GROUP BY source ORDER BY source`
  );
  const seen = /* @__PURE__ */ new Set();
  for (const m of messages) for (const l of m.lists) seen.add(l);
  const lists = [...trackedLists.filter((l) => seen.has(l)), ...[...seen].filter((l) => !trackedLists.includes(l)).sort()];
  return {
    messages,
    people,
    trailers,
    lists,
    sources,
    verdicts: await readVerdicts(store2),
    revisionLinks: await readRevisionLinks(store2)
  };
}

// loaders/config.ts
var DEFAULT_LISTS = ["linux-cxl", "netdev", "linux-rdma"].map((name) => ({
  name,
  address: `${name}@vger.kernel.org`,
  inbox: `https://lore.kernel.org/${name}/`
}));

// loaders/thread/jwz.ts
var MAX_REFS = 256;
var MAX_WALK = 1e5;
function cleanRefs(m) {
  const raw = [...m.references];
  if (m.inReplyTo && raw[raw.length - 1] !== m.inReplyTo) {
    const at = raw.indexOf(m.inReplyTo);
    if (at >= 0) raw.splice(at, 1);
    raw.push(m.inReplyTo);
  }
  const seen = /* @__PURE__ */ new Set();
  const refs = [];
  let bad = false;
  for (const r of raw) {
    const id = r.trim();
    if (!id || id === m.id || seen.has(id)) {
      bad = true;
      continue;
    }
    seen.add(id);
    refs.push(id);
  }
  if (refs.length > MAX_REFS) {
    bad = true;
    refs.splice(0, refs.length - MAX_REFS);
  }
  return { refs, bad };
}
function isAncestorOrSelf(a2, b) {
  if (a2.children.size === 0) return a2 === b;
  let n = 0;
  for (let c = b; c; c = c.parent) {
    if (c === a2) return true;
    if (++n > MAX_WALK) return true;
  }
  return false;
}
function unlink(c) {
  const p = c.parent;
  if (!p) return;
  p.children.delete(c);
  c.parent = null;
}
function link(parent, child) {
  child.parent = parent;
  parent.children.add(child);
}
function processingOrder(messages) {
  const idx = messages.map((_, i) => i);
  idx.sort((a2, b) => {
    const da = messages[a2].date ?? Infinity, db = messages[b].date ?? Infinity;
    if (da !== db) return da < db ? -1 : 1;
    return messages[a2].id < messages[b].id ? -1 : messages[a2].id > messages[b].id ? 1 : 0;
  });
  return idx;
}
function threadMessages(messages) {
  const byId = /* @__PURE__ */ new Map();
  const get = (id) => {
    let c = byId.get(id);
    if (!c) {
      c = { id, msg: -1, parent: null, children: /* @__PURE__ */ new Set() };
      byId.set(id, c);
    }
    return c;
  };
  const stats = { messages: messages.length, phantoms: 0, duplicates: 0, loopsRefused: 0, badReferences: 0 };
  const own = new Array(messages.length).fill(null);
  for (const i of processingOrder(messages)) {
    const m = messages[i];
    const c = get(m.id);
    if (c.msg >= 0) {
      stats.duplicates++;
      continue;
    }
    c.msg = i;
    own[i] = c;
    const { refs, bad } = cleanRefs(m);
    if (bad) stats.badReferences++;
    let prev = null;
    for (const r of refs) {
      const rc = get(r);
      if (prev && !rc.parent && rc !== prev) {
        if (isAncestorOrSelf(rc, prev)) stats.loopsRefused++;
        else link(prev, rc);
      }
      prev = rc;
    }
    if (prev && c.parent !== prev) {
      if (isAncestorOrSelf(c, prev)) stats.loopsRefused++;
      else {
        unlink(c);
        link(prev, c);
      }
    }
  }
  const n = messages.length;
  const threadId = new Array(n).fill("");
  const parent = new Int32Array(n).fill(-1);
  const parentId = new Array(n).fill(null);
  const depth = new Int32Array(n);
  for (const top of byId.values()) {
    if (top.msg < 0) stats.phantoms++;
    if (top.parent) continue;
    const stack = [[top, 0]];
    while (stack.length) {
      const [c, d] = stack.pop();
      if (c.msg >= 0) {
        threadId[c.msg] = top.id;
        depth[c.msg] = d;
        if (c.parent) {
          parentId[c.msg] = c.parent.id;
          parent[c.msg] = c.parent.msg;
        }
      }
      for (const ch of c.children) stack.push([ch, d + 1]);
    }
  }
  for (let i = 0; i < n; i++) {
    if (own[i]) continue;
    const first = byId.get(messages[i].id);
    const j = first.msg;
    threadId[i] = threadId[j];
    parent[i] = parent[j];
    parentId[i] = parentId[j];
    depth[i] = depth[j];
  }
  return { threadId, parent, parentId, depth, stats };
}

// loaders/thread/series.ts
var SUBJECT_WINDOW = 6 * 36e5;
function sameSeries(a2, b) {
  return a2.from === b.from && a2.patch.version === b.patch.version && a2.patch.total === b.patch.total;
}
function linkSeries(messages, th) {
  const n = messages.length;
  const series = new Array(n).fill(null);
  const headOf = subjectHeads(messages, th);
  const headMemo = /* @__PURE__ */ new Map();
  const patchSeries = (i) => {
    let cur = i;
    const passed = [];
    let head;
    for (let steps = 0; steps < 1e4 && head === void 0; steps++) {
      head = headMemo.get(cur);
      if (head !== void 0) break;
      passed.push(cur);
      const m = messages[cur];
      if (m.patch.isCover) {
        head = m.id;
        break;
      }
      const p = th.parent[cur];
      if (p >= 0 && messages[p].patch.isPatch && (messages[p].patch.isCover || messages[p].patch.index !== null) && sameSeries(messages[p], m) && m.patch.index !== null) {
        cur = p;
        continue;
      }
      const h = headOf.get(cur);
      if (h !== void 0 && h !== cur) {
        cur = h;
        continue;
      }
      head = m.id;
    }
    head ??= messages[cur].id;
    for (const j of passed) headMemo.set(j, head);
    return head;
  };
  const order = messages.map((_, i) => i).sort((a2, b) => th.depth[a2] - th.depth[b]);
  for (const i of order) {
    const m = messages[i];
    if (m.patch.isPatch) series[i] = patchSeries(i);
    else if (th.parent[i] >= 0) series[i] = series[th.parent[i]];
  }
  return dropLonePatches(messages, series);
}
function dropLonePatches(messages, series) {
  const patches = /* @__PURE__ */ new Map();
  const idx = messageIndex(messages);
  messages.forEach((m, i) => {
    const s = series[i];
    if (s !== null && m.patch.isPatch) patches.set(s, (patches.get(s) ?? 0) + 1);
  });
  const real = (s) => {
    const h = idx.get(s);
    const head = h === void 0 ? null : messages[h].patch;
    return head !== null && (head.isCover || (head.total ?? 0) > 1) || (patches.get(s) ?? 0) > 1;
  };
  const keep2 = /* @__PURE__ */ new Map();
  return series.map((s) => {
    if (s === null) return null;
    let k = keep2.get(s);
    if (k === void 0) keep2.set(s, k = real(s));
    return k ? s : null;
  });
}
function subjectHeads(messages, th) {
  const heads = /* @__PURE__ */ new Map();
  const loose = [];
  const key = (m) => `${m.from}\0${m.patch.version}\0${m.patch.total}`;
  messages.forEach((m, i) => {
    const p = m.patch;
    if (!p.isPatch || p.index === null || !p.total || p.total < 2) return;
    if (th.parentId[i] !== null || m.date === null) return;
    if (p.isCover || p.index === 1) {
      const k = key(m);
      const list = heads.get(k);
      if (list) list.push(i);
      else heads.set(k, [i]);
    } else loose.push(i);
  });
  const out = /* @__PURE__ */ new Map();
  const dateOf = (i) => messages[i].date;
  for (const list of heads.values()) {
    const covers = new Nearest(list.filter((j) => messages[j].patch.isCover), dateOf);
    for (const i of list) {
      if (messages[i].patch.isCover) continue;
      const h = covers.find(dateOf(i));
      if (h >= 0) out.set(i, h);
    }
  }
  const byKey = /* @__PURE__ */ new Map();
  for (const i of loose) {
    const k = key(messages[i]);
    let near = byKey.get(k);
    if (!near) byKey.set(k, near = new Nearest(heads.get(k) ?? [], dateOf));
    const h = near.find(dateOf(i));
    if (h >= 0) out.set(i, h);
  }
  return out;
}
var Nearest = class {
  c;
  d;
  constructor(candidates, date) {
    this.c = [...candidates].sort((a2, b) => date(a2) - date(b) || a2 - b);
    this.d = this.c.map(date);
  }
  /** First position whose date is >= t. */
  lower(t) {
    let lo = 0, hi = this.d.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (this.d[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  find(t) {
    const k = this.lower(t);
    let best = -1, bestGap = Infinity;
    if (k < this.c.length) {
      best = this.c[k];
      bestGap = this.d[k] - t;
    }
    if (k > 0) {
      const g = this.lower(this.d[k - 1]);
      const gap = t - this.d[g];
      if (gap < bestGap || gap === bestGap && this.c[g] < best) {
        best = this.c[g];
        bestGap = gap;
      }
    }
    return bestGap <= SUBJECT_WINDOW ? best : -1;
  }
};

// loaders/thread/summary.ts
function summarizeThreads(messages, th, series) {
  const groups = /* @__PURE__ */ new Map();
  messages.forEach((_, i) => {
    const t = th.threadId[i];
    const g = groups.get(t);
    if (g) g.push(i);
    else groups.set(t, [i]);
  });
  const byDate = (a2, b) => (messages[a2].date ?? Infinity) - (messages[b].date ?? Infinity) || (messages[a2].id < messages[b].id ? -1 : 1);
  const out = [];
  for (const [id, members] of groups) {
    members.sort(byDate);
    let root = -1, minDepth = Infinity, maxDepth = 0;
    for (const i of members) {
      if (messages[i].id === id) root = i;
      minDepth = Math.min(minDepth, th.depth[i]);
      maxDepth = Math.max(maxDepth, th.depth[i]);
    }
    const rootIsPhantom = root < 0;
    if (rootIsPhantom) root = members.find((i) => th.depth[i] === minDepth);
    const participants = [];
    const seenP = /* @__PURE__ */ new Set();
    const lists = /* @__PURE__ */ new Set();
    let start = null, end = null;
    for (const i of members) {
      const m = messages[i];
      if (!seenP.has(m.from)) {
        seenP.add(m.from);
        participants.push(m.from);
      }
      for (const l of m.lists) lists.add(l);
      if (m.date !== null) {
        if (start === null || m.date < start) start = m.date;
        if (end === null || m.date > end) end = m.date;
      }
    }
    const r = messages[root];
    out.push({
      id,
      root,
      rootIsPhantom,
      subject: r.subject,
      author: authorOf(r),
      sender: r.from,
      members,
      participants,
      lists: [...lists].sort(),
      start,
      end,
      depth: maxDepth - minDepth,
      isSeries: r.patch.isPatch && series[root] !== null,
      seriesId: series[root]
    });
  }
  out.sort((a2, b) => (a2.start ?? Infinity) - (b.start ?? Infinity) || (a2.id < b.id ? -1 : 1));
  return out;
}

// loaders/thread/index.ts
function buildThreads(messages) {
  const threading = threadMessages(messages);
  const series = linkSeries(messages, threading);
  const threads = summarizeThreads(messages, threading, series);
  const threadIndex = new Map(threads.map((t, i) => [t.id, i]));
  return { threading, series, threads, threadIndex };
}

// loaders/graph/replies.ts
function isSeriesStructure(messages, th, child, parent) {
  const c = messages[child], p = messages[parent];
  if (!c.patch.isPatch || c.patch.index === null || c.patch.isCover) return false;
  if (!p.patch.isPatch) return false;
  return th.series[child] !== null && th.series[child] === th.series[parent];
}
function replyEdges(messages, th, botIds) {
  const edges = [];
  const stats = { replies: 0, self: 0, seriesStructure: 0, missingParent: 0, bot: 0 };
  const { parent, parentId } = th.threading;
  for (let i = 0; i < messages.length; i++) {
    const p = parent[i];
    if (p < 0) {
      if (parentId[i] !== null) stats.missingParent++;
      continue;
    }
    const c = messages[i], pm = messages[p];
    if (isSeriesStructure(messages, th, i, p)) {
      stats.seriesStructure++;
      continue;
    }
    const to = authorOf(pm);
    if (c.from === to) {
      stats.self++;
      continue;
    }
    const bot = c.isBot || pm.isBot || botIds.has(c.from) || botIds.has(pm.from) || botIds.has(to);
    if (bot) stats.bot++;
    stats.replies++;
    const latency = c.date !== null && pm.date !== null ? c.date - pm.date : null;
    edges.push({ child: i, parent: p, from: c.from, to, date: c.date, latency, lists: c.lists, bot });
  }
  return { edges, stats };
}

// loaders/graph/metrics.ts
import pagerankImport from "graphology-metrics/centrality/pagerank.js";
import louvainImport from "graphology-communities-louvain";
var pagerank = pagerankImport;
var louvain = louvainImport;
var BETWEENNESS_EXACT_NODES = 2e3;
var BETWEENNESS_SAMPLES = 1e3;
function rng(seed) {
  let a2 = seed >>> 0;
  return () => {
    a2 = a2 + 1831565813 >>> 0;
    let t = a2;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function toCsr(g) {
  const ids = g.nodes();
  const n = ids.length;
  const at = new Map(ids.map((id, i) => [id, i]));
  const outL = ids.map(() => []);
  const undL = ids.map(() => /* @__PURE__ */ new Set());
  g.forEachEdge((_k, _a, s, t) => {
    const si = at.get(s), ti = at.get(t);
    outL[si].push(ti);
    undL[si].add(ti);
    undL[ti].add(si);
  });
  const pack = (lists) => {
    const start = new Int32Array(n + 1);
    const flat = [];
    lists.forEach((l, i) => {
      for (const x of l) flat.push(x);
      start[i + 1] = flat.length;
    });
    return { start, arr: Int32Array.from(flat) };
  };
  const o = pack(outL), u = pack(undL);
  return { n, ids, out: o.arr, outStart: o.start, und: u.arr, undStart: u.start };
}
function betweenness(c, sources) {
  const { n, out, outStart } = c;
  const bc = new Float64Array(n);
  const sigma = new Float64Array(n), delta = new Float64Array(n);
  const dist = new Int32Array(n), stack = new Int32Array(n), queue = new Int32Array(n);
  for (const s of sources) {
    sigma.fill(0);
    delta.fill(0);
    dist.fill(-1);
    sigma[s] = 1;
    dist[s] = 0;
    let qh = 0, qt = 0, sp = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const v = queue[qh++];
      stack[sp++] = v;
      for (let k = outStart[v]; k < outStart[v + 1]; k++) {
        const w = out[k];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue[qt++] = w;
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    while (sp > 0) {
      const w = stack[--sp];
      for (let k = outStart[w]; k < outStart[w + 1]; k++) {
        const x = out[k];
        if (dist[x] === dist[w] + 1) delta[w] += sigma[w] / sigma[x] * (1 + delta[x]);
      }
      if (w !== s) bc[w] += delta[w];
    }
  }
  const scale = n / Math.max(1, sources.length) / Math.max(1, (n - 1) * (n - 2));
  for (let i = 0; i < n; i++) bc[i] *= scale;
  return bc;
}
function coreNumbers(c) {
  const { n, und, undStart } = c;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let i = 0; i < n; i++) {
    deg[i] = undStart[i + 1] - undStart[i];
    maxDeg = Math.max(maxDeg, deg[i]);
  }
  const bin = new Int32Array(maxDeg + 1);
  for (let i = 0; i < n; i++) bin[deg[i]]++;
  for (let d = 0, start = 0; d <= maxDeg; d++) {
    const k = bin[d];
    bin[d] = start;
    start += k;
  }
  const pos = new Int32Array(n), vert = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    pos[i] = bin[deg[i]];
    vert[pos[i]] = i;
    bin[deg[i]]++;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i];
    for (let k = undStart[v]; k < undStart[v + 1]; k++) {
      const u = und[k];
      if (deg[u] > deg[v]) {
        const du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw];
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bin[du]++;
        deg[u]--;
      }
    }
  }
  return deg;
}
function betweennessJob(g, seed = 42, bo = {}, c = toCsr(g)) {
  const { n, ids } = c;
  const exactNodes = bo.exactNodes ?? BETWEENNESS_EXACT_NODES, samples = bo.samples ?? BETWEENNESS_SAMPLES;
  let sources = ids.map((_, i) => i);
  let exact = true;
  if (n > exactNodes && samples < n) {
    exact = false;
    const k = Math.max(1, samples);
    const r = rng(seed);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [sources[i], sources[j]] = [sources[j], sources[i]];
    }
    sources = sources.slice(0, k);
  }
  return { n, out: c.out, outStart: c.outStart, sources, exact };
}
function computeMetrics(g, seed = 42, bo = {}) {
  const c = toCsr(g);
  const { n, ids } = c;
  const m = g.size;
  const { sources, exact } = betweennessJob(g, seed, bo, c);
  const bc = bo.deferBetweenness ? new Float64Array(n) : betweenness(c, sources);
  const core = coreNumbers(c);
  const pr = n > 0 ? pagerank(g, { getEdgeWeight: "weight", alpha: 0.85, maxIterations: 200, tolerance: 1e-9 }) : {};
  const comm = n > 0 ? louvain(g, { getEdgeWeight: "weight", rng: rng(seed) }) : {};
  const members = /* @__PURE__ */ new Map();
  for (const id of ids) {
    const k = comm[id];
    const l = members.get(k);
    if (l) l.push(id);
    else members.set(k, [id]);
  }
  const ranked = [...members.entries()].sort((a2, b) => b[1].length - a2[1].length || (a2[1][0] < b[1][0] ? -1 : 1));
  const renum = new Map(ranked.map(([k], i) => [k, i]));
  let reciprocal = 0;
  g.forEachEdge((_k, _a, s, t) => {
    if (g.hasDirectedEdge(t, s)) reciprocal++;
  });
  const nodes = /* @__PURE__ */ new Map();
  ids.forEach((id, i) => {
    let in_w = 0, out_w = 0;
    g.forEachInEdge(id, (_k, a2) => {
      in_w += a2.weight;
    });
    g.forEachOutEdge(id, (_k, a2) => {
      out_w += a2.weight;
    });
    nodes.set(id, {
      in_w,
      out_w,
      degree: c.undStart[i + 1] - c.undStart[i],
      pagerank: pr[id] ?? 0,
      betweenness: bc[i],
      community: renum.get(comm[id]),
      core: core[i]
    });
  });
  return {
    nodes,
    reciprocity: m ? reciprocal / m : 0,
    betweennessExact: exact,
    betweennessSamples: exact ? null : sources.length,
    communities: members.size
  };
}

// loaders/graph/layout.ts
import fa2Import from "graphology-layout-forceatlas2";
var forceAtlas2 = fa2Import;
var BARNES_HUT_NODES = 500;
var BARNES_HUT_THETA = 1;
function layoutGraph(g, seed = 7, iterations) {
  const n = g.order;
  const out = /* @__PURE__ */ new Map();
  if (n === 0) return out;
  const r = rng(seed);
  const spread = Math.sqrt(n) * 10;
  const ids = g.nodes().slice().sort();
  const init = new Map(ids.map((id) => [id, { x: (r() - 0.5) * spread, y: (r() - 0.5) * spread }]));
  const work = g.copy();
  work.forEachNode((id) => work.mergeNodeAttributes(id, init.get(id)));
  const settings = { ...forceAtlas2.inferSettings(work), barnesHutOptimize: n > BARNES_HUT_NODES, barnesHutTheta: BARNES_HUT_THETA, linLogMode: false, outboundAttractionDistribution: true };
  const pos = forceAtlas2(work, { iterations: iterations ?? (n > 3e3 ? 120 : n > 500 ? 200 : 400), settings, getEdgeWeight: "weight" });
  let max = 1e-9;
  for (const p of Object.values(pos)) max = Math.max(max, Math.abs(p.x), Math.abs(p.y));
  for (const id of ids) {
    const p = pos[id];
    out.set(id, { x: Math.round(p.x / max * 1e4) / 10, y: Math.round(p.y / max * 1e4) / 10 });
  }
  return out;
}

// loaders/analysis/reviews.ts
var REVIEW_KINDS = /* @__PURE__ */ new Set(["reviewed-by", "acked-by", "tested-by", "nacked-by"]);
var NAK_EVIDENCE = /* @__PURE__ */ new Set(["nacked-by", "nak-line", "pw-bot-changes-requested", "pw-bot-rejected"]);
function reviewRows(messages, trailers, tr, tracked, pwVerdicts = []) {
  const idx = messageIndex(messages);
  const threadLists = (i) => tr.threads[tr.threadIndex.get(tr.threading.threadId[i])].lists;
  const crossOf = (lists) => lists.filter((l) => tracked.has(l)).length >= 2;
  const patchAbove = (i) => {
    for (let p = tr.threading.parent[i], n = 0; p >= 0 && n < 1e4; p = tr.threading.parent[p], n++) {
      if (messages[p].patch.isPatch) return p;
    }
    return -1;
  };
  const rows = [];
  let unresolved = 0;
  const add = (i, kind, reviewer, source) => {
    const m = messages[i];
    const carried = source === "carried";
    const target = carried ? i : patchAbove(i);
    const lists = threadLists(i);
    const t = target >= 0 ? messages[target] : null;
    const parent = tr.threading.parent[i];
    const nak = NAK_EVIDENCE.has(kind);
    const author = t ? authorOf(t) : nak ? parent >= 0 ? authorOf(messages[parent]) : null : null;
    if (!t && !nak) {
      unresolved++;
      return;
    }
    if (author === reviewer) return;
    rows.push({
      messageId: m.id,
      kind,
      reviewer,
      author,
      target: t ? t.id : parent >= 0 ? messages[parent].id : null,
      appliesTo: t ? t.patch.isCover ? "series" : "patch" : "thread",
      seriesId: t ? tr.series[target] : null,
      threadId: tr.threading.threadId[i],
      lists,
      date: m.date,
      source,
      crossSubsystem: nak && crossOf(lists)
    });
  };
  for (const t of trailers) {
    if (!REVIEW_KINDS.has(t.kind)) continue;
    const i = idx.get(t.messageId);
    if (i === void 0) {
      unresolved++;
      continue;
    }
    const reviewer = t.personId ?? t.email;
    const m = messages[i];
    if (t.kind === "nacked-by" && m.patch.isPatch) continue;
    add(i, t.kind, reviewer, m.patch.isPatch ? "carried" : "reply");
  }
  const trailerNaks = new Set(rows.filter((r) => r.kind === "nacked-by").map((r) => `${r.messageId}\0${r.reviewer}`));
  messages.forEach((m, i) => {
    if (m.nakLine && !m.patch.isPatch && !trailerNaks.has(`${m.id}\0${m.from}`)) add(i, "nak-line", m.from, "line");
  });
  const seen = /* @__PURE__ */ new Set();
  for (const v of pwVerdicts) {
    const i = idx.get(v.messageId);
    const k = `${v.messageId}\0${v.kind}`;
    if (i === void 0 || seen.has(k) || messages[i].patch.isPatch) continue;
    seen.add(k);
    add(i, v.kind === "rejected" ? "pw-bot-rejected" : "pw-bot-changes-requested", messages[i].from, "pw-bot");
  }
  return { rows: dedupeNaks(rows), unresolved };
}
function pwNakVerdicts(verdicts) {
  const out = [];
  for (const v of verdicts ?? []) {
    if (v.rule === "pw-bot" && (v.kind === "changes-requested" || v.kind === "rejected")) out.push({ messageId: v.messageId, kind: v.kind });
  }
  return out;
}
function dedupeNaks(rows) {
  const first = /* @__PURE__ */ new Map();
  const group = (r) => r.kind === "nacked-by" || r.kind === "nak-line" ? "nak" : r.kind;
  for (const r of rows) {
    if (!NAK_EVIDENCE.has(r.kind)) continue;
    const k = `${group(r)}\0${r.reviewer}\0${r.target ?? `thread:${r.threadId}`}`;
    const f = first.get(k);
    if (!f || (r.date ?? Infinity) < (f.date ?? Infinity)) first.set(k, r);
  }
  const keep2 = new Set(first.values());
  return rows.filter((r) => !NAK_EVIDENCE.has(r.kind) || keep2.has(r));
}

// loaders/parse/subject-patch.ts
var REPLY_PREFIX = /\s*(re|fwd?|aw|sv|antw|vs)(\[\d+\])?\s*:\s*/iy;
function stripReplyPrefix(subject) {
  let end = 0;
  let isRe = false;
  for (; ; ) {
    REPLY_PREFIX.lastIndex = end;
    const m = REPLY_PREFIX.exec(subject);
    if (!m) break;
    if (end === 0) isRe = m[1].toLowerCase() === "re";
    end = REPLY_PREFIX.lastIndex;
  }
  return { rest: end ? subject.slice(end) : subject, isRe };
}

// loaders/series/title.ts
function seriesTitle(subject) {
  let s = stripReplyPrefix(subject).rest;
  for (let i = 0; i < 64; i++) {
    const m = /^\s*\[[^\]]*\]/.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s.replace(/\s+/g, " ").trim().toLowerCase();
}

// loaders/series/revisions.ts
function collectRevisions(messages, tr, links) {
  const n = messages.length;
  const revisionOf = new Int32Array(n).fill(-1);
  const byKey = /* @__PURE__ */ new Map();
  const revisions = [];
  const idx = messageIndex(messages);
  messages.forEach((m, i) => {
    if (!m.patch.isPatch) return;
    const key = tr.series[i] ?? m.id;
    let r = byKey.get(key);
    if (r === void 0) {
      byKey.set(key, r = revisions.length);
      const h = idx.get(key) ?? i;
      const head = messages[h];
      revisions.push({
        id: key,
        head: h,
        author: authorOf(head),
        sender: head.from,
        title: seriesTitle(head.subject),
        subject: head.subject,
        version: head.patch.version,
        date: null,
        patches: 0,
        lists: [],
        members: [],
        patchTitles: [],
        changeId: null,
        previous: []
      });
    }
    const rev = revisions[r];
    const l = links?.get(m.id);
    if (l) {
      rev.changeId ??= l.changeId;
      for (const p of l.previous) if (!rev.previous.includes(p)) rev.previous.push(p);
    }
    revisionOf[i] = r;
    rev.members.push(i);
    if (!m.patch.isCover) {
      rev.patches++;
      rev.patchTitles.push(seriesTitle(m.subject));
    }
    if (m.date !== null && (rev.date === null || m.date < rev.date)) rev.date = m.date;
    for (const l2 of m.lists) if (!rev.lists.includes(l2)) rev.lists.push(l2);
  });
  const { parent, depth } = tr.threading;
  const order = Array.from({ length: n }, (_, i) => i).sort((a2, b) => depth[a2] - depth[b]);
  for (const i of order) if (revisionOf[i] < 0 && parent[i] >= 0) revisionOf[i] = revisionOf[parent[i]];
  return { revisions, revisionOf };
}

// loaders/series/groups.ts
var MAX_GAP = 365 * 864e5;
var CANDIDATES = 8;
function overlaps(a2, b) {
  if (a2.length === 0 || b.length === 0) return false;
  const s = new Set(a2);
  return b.some((t) => s.has(t));
}
function groupRevisions(revisions, closed, linked = () => []) {
  const order = revisions.map((_, i) => i).filter((i) => revisions[i].date !== null).sort((a2, b) => revisions[a2].date - revisions[b].date || revisions[a2].version - revisions[b].version || a2 - b);
  const undated = revisions.map((_, i) => i).filter((i) => revisions[i].date === null);
  const groups = [];
  const groupOf = new Int32Array(revisions.length).fill(-1);
  const joinedBy = revisions.map(() => null);
  const byTitle = /* @__PURE__ */ new Map();
  const keys = (r) => [.../* @__PURE__ */ new Set([r.title, ...r.patchTitles])].filter((t) => t !== "").map((t) => `${r.author}\0${t}`);
  const continues = (g, r) => {
    const revs = groups[g].revisions;
    const last = revisions[revs[revs.length - 1]], cur = revisions[r];
    if (closed(revs[revs.length - 1])) return false;
    if (cur.date - last.date > MAX_GAP) return false;
    if (cur.version > last.version) return true;
    return cur.version === last.version && (overlaps(cur.patchTitles, last.patchTitles) || cur.title === last.title && cur.patches <= 1 && last.patches <= 1);
  };
  const byChangeId = /* @__PURE__ */ new Map();
  for (const r of order) {
    const rev = revisions[r];
    let best = -1;
    let why = null;
    for (const l of linked(r)) {
      const p = l.r;
      if (p !== r && groupOf[p] >= 0 && revisions[p].author === rev.author && revisions[p].date <= rev.date && groupOf[p] > best) {
        best = groupOf[p];
        why = { rule: "link", linkRule: l.rule, messageId: l.messageId };
      }
    }
    const cid = rev.changeId === null ? null : `${rev.author}\0${rev.changeId}`;
    if (best < 0 && cid !== null && (best = byChangeId.get(cid) ?? -1) >= 0) why = { rule: "change-id", linkRule: null, messageId: null };
    if (best < 0) for (const k of keys(revisions[r])) {
      const cands = byTitle.get(k);
      if (!cands) continue;
      for (let j = cands.length - 1; j >= Math.max(0, cands.length - CANDIDATES); j--) {
        const g = cands[j];
        if (g > best && continues(g, r)) {
          best = g;
          why = { rule: "title", linkRule: null, messageId: null };
          break;
        }
      }
    }
    if (best < 0) {
      best = groups.length;
      groups.push({ id: revisions[r].id, revisions: [] });
      why = null;
    }
    joinedBy[r] = why;
    groups[best].revisions.push(r);
    groupOf[r] = best;
    if (cid !== null) byChangeId.set(cid, best);
    for (const k of keys(revisions[r])) {
      const l = byTitle.get(k);
      if (!l) byTitle.set(k, [best]);
      else if (l[l.length - 1] !== best) l.push(best);
    }
  }
  for (const r of undated) {
    groupOf[r] = groups.length;
    groups.push({ id: revisions[r].id, revisions: [r] });
  }
  return { groups, groupOf, joinedBy };
}

// loaders/series/outcomes.ts
var STATE = {
  "changes-requested": "changes_requested",
  rejected: "rejected",
  deferred: "deferred",
  "awaiting-upstream": "deferred"
};
var RANK = { rejected: 3, changes_requested: 2, deferred: 1 };
function revisionOutcomes(messages, revisions, revisionOf, verdicts, naks, later, authorised = () => true) {
  const idx = messageIndex(messages);
  const attached = revisions.map(() => []);
  const attach = (messageId, a2) => {
    const i = idx.get(messageId);
    if (i === void 0 || messages[i].patch.isPatch) return;
    const r = revisionOf[i];
    if (r >= 0) attached[r].push(a2(i));
  };
  for (const v of verdicts) attach(v.messageId, (i) => ({ v, nak: null, i }));
  for (const n of naks) attach(n.messageId, (i) => ({ v: null, nak: n, i }));
  return revisions.map((rev, r) => decide(messages, rev, attached[r], later(r), (p) => authorised(r, p)));
}
function answeredMember(messages, rev, i, ids) {
  const m = messages[i];
  const refs = [...m.inReplyTo ? [m.inReplyTo] : [], ...[...m.references].reverse()];
  for (const id of refs) {
    const j = ids.get(id);
    if (j !== void 0) return j;
  }
  return rev.head;
}
function decide(messages, rev, everything, hasLater, authorised) {
  const date = (a2) => messages[a2.i].date;
  everything.sort((a2, b) => (date(a2) ?? Infinity) - (date(b) ?? Infinity) || a2.i - b.i);
  const byOf = (a2) => a2.v ? a2.v.personId ?? (messages[a2.i].isBot ? null : messages[a2.i].from) : a2.nak.reviewer;
  const counts = (a2) => a2.v?.rule !== "pw-bot" || authorised(byOf(a2) ?? messages[a2.i].from);
  const ev = (a2) => ({
    messageId: messages[a2.i].id,
    rule: a2.v ? a2.v.rule : "nak",
    kind: a2.v ? a2.v.kind : "nak",
    date: date(a2),
    ...counts(a2) ? {} : { ignored: "pw-bot-not-authorised" }
  });
  const all = everything.map(ev);
  const found = everything.filter(counts);
  const applied = found.filter((a2) => a2.v && (a2.v.kind === "applied" || a2.v.kind === "accepted"));
  if (applied.length) {
    const patchIdx = rev.members.filter((j) => !messages[j].patch.isCover);
    const done = /* @__PURE__ */ new Set();
    const ids = new Map(rev.members.map((j) => [messages[j].id, j]));
    let whole = false, partialSummary = false, summaryApplied = 0;
    for (const a2 of applied) {
      const target = answeredMember(messages, rev, a2.i, ids);
      const scope = a2.v.scope ?? (target === rev.head ? "series" : "patch");
      if (scope !== "patch") {
        const items2 = a2.v.items;
        if (items2.length && items2.some((it) => it.commit === null)) {
          partialSummary = true;
          summaryApplied = Math.max(summaryApplied, items2.filter((it) => it.commit !== null).length);
        } else whole = true;
      } else done.add(target);
    }
    const appliedPatches = whole ? rev.patches : Math.min(rev.patches, done.size + summaryApplied);
    const partial = !whole && (partialSummary || appliedPatches < patchIdx.length);
    const first = applied[0];
    return {
      outcome: "applied",
      verdict: "applied",
      at: date(first),
      by: byOf(first),
      tree: first.v.tree,
      evidence: ev(first),
      partial,
      appliedPatches,
      all
    };
  }
  let last = null, lastState = null;
  for (const a2 of found) {
    const s = a2.nak ? "rejected" : a2.v.kind === "superseded" ? "superseded" : STATE[a2.v.kind];
    if (!s) continue;
    if (!last || (date(a2) ?? 0) > (date(last) ?? 0) || (RANK[s] ?? 0) >= (RANK[lastState] ?? 0)) {
      last = a2;
      lastState = s;
    }
  }
  const base = { tree: null, partial: false, appliedPatches: 0, all };
  if (hasLater) return { ...base, outcome: "superseded", verdict: lastState, at: null, by: null, evidence: null };
  if (last) return { ...base, outcome: lastState, verdict: lastState, at: date(last), by: byOf(last), evidence: ev(last) };
  return { ...base, outcome: "pending", verdict: null, at: null, by: null, evidence: null };
}

// loaders/series/authority.ts
function pwBotAuthority(messages, revisions, revisionOf, verdicts, maintainers) {
  const own = (r, p) => p === revisions[r].author || p === revisions[r].sender;
  if (maintainers) {
    const byList = /* @__PURE__ */ new Map();
    for (const [sec, lists] of maintainers.sectionLists) for (const l of lists) {
      const x = byList.get(l);
      if (x) x.push(sec);
      else byList.set(l, [sec]);
    }
    const sections = [];
    const sectionsOf = (r) => sections[r] ??= /* @__PURE__ */ new Set([
      ...revisions[r].members.flatMap((i) => maintainers.subsystemsOf(messages[i].id)),
      ...revisions[r].lists.flatMap((l) => byList.get(l) ?? [])
    ]);
    return (r, p) => {
      if (own(r, p)) return true;
      const mine = maintainers.roles.get(p);
      if (!mine) return false;
      for (const s of sectionsOf(r)) if (mine.has(s)) return true;
      return false;
    };
  }
  const idx = messageIndex(messages);
  const appliers = /* @__PURE__ */ new Map();
  for (const v of verdicts) {
    if (v.kind !== "applied" && v.kind !== "accepted" || v.rule === "pw-bot") continue;
    const i = idx.get(v.messageId);
    if (i === void 0 || messages[i].patch.isPatch || revisionOf[i] < 0) continue;
    const who = v.personId ?? (messages[i].isBot ? null : messages[i].from);
    if (who === null) continue;
    for (const l of revisions[revisionOf[i]].lists) {
      const x = appliers.get(l);
      if (x) x.add(who);
      else appliers.set(l, /* @__PURE__ */ new Set([who]));
    }
  }
  return (r, p) => own(r, p) || revisions[r].lists.some((l) => appliers.get(l)?.has(p) ?? false);
}

// loaders/series/index.ts
function buildSeriesLifecycle(messages, tr, verdicts, naks, isBot, links, maintainers, prior) {
  const { revisions, revisionOf } = prior ?? collectRevisions(messages, tr, links);
  const authorised = pwBotAuthority(messages, revisions, revisionOf, verdicts, maintainers);
  const own = revisionOutcomes(messages, revisions, revisionOf, verdicts, naks, () => false, authorised);
  const linked = revisionLinksOf(messages, revisions, revisionOf, isBot, links);
  const grouping = groupRevisions(revisions, (r) => own[r].outcome === "applied" && !own[r].partial, linked);
  const nextOf = new Int32Array(revisions.length).fill(-1);
  for (const g of grouping.groups) for (let k = 0; k + 1 < g.revisions.length; k++) nextOf[g.revisions[k]] = g.revisions[k + 1];
  const next = (r) => nextOf[r];
  const outcomes = revisions.map((rev, r) => {
    const n = next(r);
    if (n < 0 || own[r].outcome === "applied" || own[r].outcome === "superseded") return own[r];
    const nr = revisions[n];
    return {
      ...own[r],
      outcome: "superseded",
      at: nr.date,
      by: nr.sender,
      tree: null,
      evidence: { messageId: nr.id, rule: "later-revision", kind: "superseded", date: nr.date }
    };
  });
  const answered = revisions.map(() => false);
  messages.forEach((m, i) => {
    const r = revisionOf[i];
    if (r < 0 || answered[r] || m.patch.isPatch || m.isBot || isBot(m.from)) return;
    if (m.from !== revisions[r].author && m.from !== revisions[r].sender) answered[r] = true;
  });
  return { revisions, revisionOf, grouping, outcomes, answered };
}
function revisionLinksOf(messages, revisions, revisionOf, isBot, links) {
  const idx = /* @__PURE__ */ new Map();
  messages.forEach((m, i) => {
    if (m.patch.isPatch) idx.set(m.id, i);
  });
  const revOf = (id) => {
    const i = idx.get(id);
    return i === void 0 ? -1 : revisionOf[i];
  };
  const out = revisions.map(() => []);
  revisions.forEach((rev, r) => {
    for (const id of rev.previous) {
      const p = revOf(id);
      if (p >= 0) out[r].push({ r: p, rule: "posting-link", messageId: messages[rev.head].id });
    }
  });
  if (links) messages.forEach((m, i) => {
    const ps = links.get(m.id)?.pointers;
    const a2 = revisionOf[i];
    if (!ps?.length || a2 < 0 || m.isBot || isBot(m.from)) return;
    for (const p of ps) {
      const b = revOf(p.id);
      if (b < 0 || b === a2) continue;
      const ra = revisions[a2], rb = revisions[b];
      if (ra.date === null || rb.date === null) continue;
      const [early, late] = ra.date < rb.date || ra.date === rb.date && ra.version <= rb.version ? [a2, b] : [b, a2];
      if (revisions[late].version < revisions[early].version && revisions[late].version !== 1) continue;
      out[late].push({ r: early, rule: p.rule, messageId: m.id });
    }
  });
  return (r) => out[r];
}

// loaders/analysis/series.ts
function analyzeSeries(corpus2, tr, reviews, isBot, censorAt, prior) {
  const { messages } = corpus2;
  const naks = corpus2.verdicts !== void 0 ? [] : reviews.filter((r) => (r.kind === "nacked-by" || r.kind === "nak-line") && r.source !== "carried").map((r) => ({ messageId: r.messageId, reviewer: r.reviewer }));
  const lc = buildSeriesLifecycle(messages, tr, corpus2.verdicts ?? [], naks, isBot, corpus2.revisionLinks, maintainerAuthority(corpus2), prior);
  const reviewedRev = /* @__PURE__ */ new Set();
  const idx = messageIndex(messages);
  for (const r of reviews) {
    if (r.source !== "reply" || r.kind === "nacked-by" || r.kind === "nak-line") continue;
    const i = idx.get(r.messageId);
    if (i !== void 0 && lc.revisionOf[i] >= 0) reviewedRev.add(lc.revisionOf[i]);
  }
  const groups = lc.grouping.groups.map((g, gi) => {
    const revs = g.revisions.map((r) => lc.revisions[r]);
    const first = revs[0];
    const lists = [...new Set(revs.flatMap((r) => r.lists))];
    const k = g.revisions.findIndex((r) => lc.outcomes[r].outcome === "applied");
    const applied = k >= 0 ? g.revisions[k] : -1;
    const at = applied >= 0 ? lc.outcomes[applied].at : null;
    const start = first.date;
    const accepted = applied >= 0 && at !== null && start !== null;
    const time = start === null ? null : accepted ? Math.max(0, at - start) : Math.max(0, censorAt(lists) - start);
    return {
      group: gi,
      id: g.id,
      author: first.author,
      start,
      lists,
      revisions: revs.length,
      applied,
      revisionsToAccept: k >= 0 ? k + 1 : null,
      outcome: applied >= 0 ? "applied" : lc.outcomes[g.revisions[g.revisions.length - 1]].outcome,
      answered: g.revisions.some((r) => lc.answered[r]),
      reviewed: g.revisions.some((r) => reviewedRev.has(r)),
      time,
      accepted,
      subsystems: []
    };
  });
  const verdicts = (corpus2.verdicts ?? []).some((v) => v.rule !== "nak");
  const out = {
    lifecycle: lc,
    groups,
    verdicts,
    subsystems: false,
    recompute: () => analyzeSeries(corpus2, tr, reviews, isBot, censorAt, lc)
  };
  if (corpus2.subsystems) withSubsystems(out, messages, corpus2.subsystems);
  return out;
}
function maintainerAuthority(corpus2) {
  const { subsystems, maintainerRoles, sectionLists } = corpus2;
  if (!subsystems || !maintainerRoles || !sectionLists) return void 0;
  const roles = /* @__PURE__ */ new Map();
  for (const r of maintainerRoles) {
    const x = roles.get(r.personId);
    if (x) x.add(r.subsystem);
    else roles.set(r.personId, /* @__PURE__ */ new Set([r.subsystem]));
  }
  return { roles, subsystemsOf: (id) => subsystems.get(id) ?? [], sectionLists };
}
function withSubsystems(s, messages, subs) {
  const subsOf = subsystemsOf(messages, subs);
  s.lifecycle.grouping.groups.forEach((g, gi) => {
    s.groups[gi].subsystems = [...new Set(g.revisions.flatMap((r) => s.lifecycle.revisions[r].members.flatMap(subsOf)))].sort();
  });
  s.subsystems = true;
}
function subsystemsOf(messages, subs) {
  if (!subs) return () => [];
  return (i) => subs.get(messages[i].id) ?? [];
}

// loaders/analysis/analyze.ts
function analyzeCorpus(corpus2, o = {}) {
  const timings = {};
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const { messages } = corpus2;
  const bots = new Set(corpus2.people.filter((p) => p.isBot).map((p) => p.id));
  for (const m2 of messages) if (m2.isBot) bots.add(m2.from);
  const tr = buildThreads(messages);
  lap("threads");
  const { edges: replies, stats: replyStats } = replyEdges(messages, tr, bots);
  const names = new Map(corpus2.people.map((p) => [p.id, p.name || p.email || p.id]));
  const label = (id) => names.get(id) ?? id;
  const graph = buildReplyGraph(replies, { includeBots: o.includeBots }, label);
  const graphAll = o.includeBots ? graph : buildReplyGraph(replies, { includeBots: true }, label);
  lap("graph");
  let layout = /* @__PURE__ */ new Map();
  if (o.deferLayout) o.deferLayout(graphAll, o.seed ?? 7, betweennessJob(graph, o.seed ?? 42));
  else layout = byPerson(layoutGraph(graphAll, o.seed ?? 7));
  lap("layout");
  const m = computeMetrics(graph, o.seed ?? 42, { deferBetweenness: !!o.deferLayout });
  const metrics = { ...m, nodes: byPerson(m.nodes) };
  lap("metrics");
  let windowStart = null, windowEnd = null;
  for (const m2 of messages) if (m2.date !== null) {
    if (windowStart === null || m2.date < windowStart) windowStart = m2.date;
    if (windowEnd === null || m2.date > windowEnd) windowEnd = m2.date;
  }
  if (o.windowEnd !== void 0) windowEnd = o.windowEnd;
  if (o.windowStart !== void 0) windowStart = o.windowStart;
  const sourceList = new Map(corpus2.sources.map((x) => [x.source, x.list]));
  const ownLists = (i) => (messages[i].sources ?? []).map((x) => sourceList.get(x)).filter((l) => !!l);
  const listEnds = listObservationEnds(messages, ownLists, o.windowEnd);
  const observations = observeFirstReplies(messages, tr, (id) => bots.has(id), censorAtListEnds(listEnds, windowEnd ?? 0));
  const tracked = new Set(corpus2.lists);
  const { rows: reviews, unresolved: reviewsUnresolved } = reviewRows(messages, corpus2.trailers, tr, tracked, pwNakVerdicts(corpus2.verdicts));
  lap("responsiveness+reviews");
  const series = analyzeSeries(corpus2, tr, reviews, (id) => bots.has(id), censorAtListEnds(listEnds, windowEnd ?? 0));
  lap("series");
  const personLists = /* @__PURE__ */ new Map();
  for (const m2 of messages) {
    let r = personLists.get(m2.from);
    if (!r) personLists.set(m2.from, r = /* @__PURE__ */ Object.create(null));
    for (const l of m2.lists) if (tracked.has(l)) r[l] = (r[l] ?? 0) + 1;
  }
  const home = homeLists(messages, tracked);
  const people = new Map(corpus2.people.map((p) => [p.id, p]));
  const messagesBy = /* @__PURE__ */ new Map();
  for (const m2 of messages) messagesBy.set(m2.from, (messagesBy.get(m2.from) ?? 0) + 1);
  lap("people");
  return {
    corpus: corpus2,
    tr,
    replies,
    replyStats,
    graph,
    metrics,
    graphAll,
    layout,
    observations,
    reviews,
    reviewsUnresolved,
    series,
    bots,
    people,
    messagesBy,
    personLists,
    home,
    windowStart,
    windowEnd,
    reportWindow: { since: o.window?.since || null, until: o.window?.until || null },
    timings
  };
}
function homeLists(messages, tracked) {
  const weights = /* @__PURE__ */ new Map();
  for (const m of messages) {
    let w = weights.get(m.from);
    if (!w) weights.set(m.from, w = /* @__PURE__ */ new Map());
    const ls = [...new Set(m.lists.filter((l) => tracked.has(l)))];
    for (const l of ls) w.set(l, (w.get(l) ?? 0) + 1 / ls.length);
  }
  const home = /* @__PURE__ */ new Map();
  for (const [p, w] of weights) {
    const sorted = [...w.entries()].sort((x, y) => y[1] - x[1]);
    if (!sorted.length) home.set(p, null);
    else if (sorted.length > 1 && sorted[0][1] - sorted[1][1] < 1e-9) home.set(p, CROSS_LIST_HOME);
    else home.set(p, sorted[0][0]);
  }
  return home;
}

// loaders/model/shard.ts
var utf8 = new TextEncoder();

// loaders/analysis/layout-job.ts
import graphology2 from "graphology";
var { DirectedGraph: DirectedGraph2 } = graphology2;

// loaders/sources/lore/http-client.ts
import { readFileSync as readFileSync2 } from "node:fs";

// loaders/sources/lore/http-errors.ts
var MiB = 1 << 20;

// loaders/sources/lore/http-client.ts
var VERSION = (() => {
  try {
    return JSON.parse(readFileSync2(new URL("../../../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "0";
  }
})();
var USER_AGENT = `threadgraph/${VERSION} (+https://github.com/threadgraph/threadgraph)`;
var DEFAULT_MAX_RESPONSE_BYTES = 32 << 20;

// loaders/sources/maintainers-file.ts
var MAINTAINERS_CACHE_MS = 24 * 36e5;
var MAX_BYTES = 16 << 20;

// loaders/identity/normalize.ts
var FOLD = new Map(Object.entries({ "\xF8": "o", "\xE6": "ae", "\u0153": "oe", "\xDF": "ss", "\u0111": "d", "\xF0": "d", "\u0142": "l", "\u0131": "i", "\xFE": "th", "\u0127": "h" }));

// loaders/parse/addresses.ts
var SPECIAL = new Set([...'"(<,:; 	\r\n'].map((c) => c.charCodeAt(0)));

// loaders/identity/org-table.ts
var ORG_TABLE = [
  { organisation: "Intel", domains: ["intel.com", "habana.ai"], sub: true },
  {
    organisation: "NVIDIA",
    domains: ["nvidia.com", "mellanox.com", "mellanox.co.il", "cumulusnetworks.com"],
    sub: true,
    formerly: [
      { domains: ["mellanox.com", "mellanox.co.il"], organisation: "Mellanox", until: "2020-04-27" },
      { domains: ["cumulusnetworks.com"], organisation: "Cumulus Networks", until: "2020-06-08" }
    ]
  },
  { organisation: "Huawei", domains: ["huawei.com", "hisilicon.com", "huawei-partners.com", "huaweicloud.com", "h-partners.com"], sub: true },
  { organisation: "AMD", domains: ["amd.com", "xilinx.com", "solarflare.com", "pensando.io"], sub: true },
  { organisation: "Red Hat", domains: ["redhat.com"], sub: true },
  { organisation: "SUSE", domains: ["suse.com", "suse.de", "suse.cz"], sub: true },
  { organisation: "Google", domains: ["google.com", "chromium.org", "android.com"] },
  { organisation: "Meta", domains: ["meta.com", "fb.com"], sub: true },
  { organisation: "Microsoft", domains: ["microsoft.com", "linuxonhyperv.com"], sub: true },
  { organisation: "Oracle", domains: ["oracle.com"], sub: true },
  { organisation: "IBM", domains: ["ibm.com"], sub: true },
  // VMware has been part of Broadcom since November 2023
  { organisation: "Broadcom", domains: ["broadcom.com", "vmware.com"], sub: true },
  { organisation: "Marvell", domains: ["marvell.com", "cavium.com", "aquantia.com"], sub: true },
  { organisation: "Qualcomm", domains: ["qualcomm.com", "quicinc.com", "codeaurora.org"], sub: true },
  { organisation: "Arm", domains: ["arm.com"], sub: true },
  { organisation: "Samsung", domains: ["samsung.com"], sub: true },
  { organisation: "Alibaba", domains: ["linux.alibaba.com", "alibaba-inc.com", "alibaba.com"], sub: true },
  { organisation: "ByteDance", domains: ["bytedance.com"], sub: true },
  { organisation: "Tencent", domains: ["tencent.com"], sub: true },
  { organisation: "Linaro", domains: ["linaro.org"] },
  { organisation: "Collabora", domains: ["collabora.com", "collabora.co.uk"] },
  { organisation: "Bootlin", domains: ["bootlin.com", "free-electrons.com"] },
  { organisation: "Pengutronix", domains: ["pengutronix.de"] },
  // Isovalent has been part of Cisco since April 2024
  {
    organisation: "Cisco",
    domains: ["cisco.com", "isovalent.com"],
    sub: true,
    formerly: [{ domains: ["isovalent.com"], organisation: "Isovalent", until: "2024-04-12" }]
  },
  { organisation: "Amazon", domains: ["amazon.com", "amazon.de", "amazon.co.jp", "amazon.co.uk"], sub: true },
  { organisation: "OpenVPN", domains: ["openvpn.net"] },
  { organisation: "NXP", domains: ["nxp.com"], sub: true },
  { organisation: "Fastly", domains: ["fastly.com"] },
  { organisation: "Ideas on Board", domains: ["ideasonboard.com"] },
  { organisation: "Pure Storage", domains: ["purestorage.com"] },
  { organisation: "Linux Foundation", domains: ["linuxfoundation.org", "linux-foundation.org"] },
  { organisation: "Wesion", domains: ["wesion.com"] },
  { organisation: "DENX", domains: ["denx.de"] },
  { organisation: "Texas Instruments", domains: ["ti.com"], sub: true },
  { organisation: "Linutronix", domains: ["linutronix.de"] },
  { organisation: "BayLibre", domains: ["baylibre.com"] },
  { organisation: "Fujitsu", domains: ["fujitsu.com"], sub: true },
  { organisation: "Microchip", domains: ["microchip.com", "microsemi.com", "atmel.com"], sub: true },
  { organisation: "Cloudflare", domains: ["cloudflare.com"] },
  { organisation: "Nokia", domains: ["nokia.com", "nokia-bell-labs.com"], sub: true },
  { organisation: "vivo", domains: ["vivo.com"] },
  { organisation: "Daynix", domains: ["daynix.com"] },
  { organisation: "IONOS", domains: ["ionos.com"] },
  { organisation: "StarFive", domains: ["starfivetech.com"] },
  { organisation: "Geanix", domains: ["geanix.com"] },
  { organisation: "Amarula Solutions", domains: ["amarulasolutions.com"] },
  { organisation: "Tenstorrent", domains: ["tenstorrent.com"] },
  { organisation: "Western Digital", domains: ["wdc.com"], sub: true },
  { organisation: "TQ-Systems", domains: ["tq-group.com"], sub: true },
  { organisation: "Amlogic", domains: ["amlogic.com"] },
  { organisation: "Cornelis Networks", domains: ["cornelisnetworks.com"] },
  { organisation: "Chelsio", domains: ["chelsio.com"] },
  { organisation: "Aculab", domains: ["aculab.com"] },
  { organisation: "Eideticom", domains: ["eideticom.com"] },
  { organisation: "China Mobile", domains: ["chinamobile.com"], sub: true },
  { organisation: "ISP RAS", domains: ["ispras.ru"] },
  { organisation: "Max Planck Society", domains: ["mpg.de"], sub: true },
  { organisation: "Canonical", domains: ["canonical.com"] },
  { organisation: "UnionTech", domains: ["uniontech.com"] },
  { organisation: "CS GROUP", domains: ["csgroup.eu"] },
  { organisation: "Wind River", domains: ["windriver.com"] },
  { organisation: "Akamai", domains: ["akamai.com"] },
  { organisation: "STMicroelectronics", domains: ["st.com"], sub: true },
  { organisation: "SaluteDevices", domains: ["salutedevices.com"] },
  { organisation: "esd electronics", domains: ["esd.eu"] },
  { organisation: "Mojatatu", domains: ["mojatatu.com"] },
  { organisation: "Yunsilicon", domains: ["yunsilicon.com"] },
  { organisation: "Corigine", domains: ["corigine.com"] },
  { organisation: "Candela Technologies", domains: ["candelatech.com"] },
  { organisation: "sigma star", domains: ["sigma-star.at"] },
  { organisation: "Ampere", domains: ["amperecomputing.com"], sub: true },
  { organisation: "Micron", domains: ["micron.com"] },
  { organisation: "Realtek", domains: ["realtek.com"] },
  { organisation: "Rockchip", domains: ["rock-chips.com"] },
  { organisation: "Baidu", domains: ["baidu.com"] },
  { organisation: "Silicom", domains: ["silicom-usa.com", "silicom.co.il"] },
  { organisation: "Open Mobile Platform", domains: ["omp.ru"] },
  { organisation: "Kylin", domains: ["kylinos.cn"] },
  { organisation: "Loongson", domains: ["loongson.cn"] },
  { organisation: "MediaTek", domains: ["mediatek.com"] },
  { organisation: "Renesas", domains: ["renesas.com"], sub: true },
  { organisation: "Ericsson", domains: ["ericsson.com"] },
  { organisation: "HPE", domains: ["hpe.com"] },
  { organisation: "HP", domains: ["hp.com"] },
  { organisation: "Dell", domains: ["dell.com"] },
  { organisation: "Xiaomi", domains: ["xiaomi.com"] },
  { organisation: "OPPO", domains: ["oppo.com"] },
  { organisation: "Siemens", domains: ["siemens.com"] },
  { organisation: "Infineon", domains: ["infineon.com"] },
  { organisation: "Analog Devices", domains: ["analog.com"] },
  { organisation: "Rivos", domains: ["rivosinc.com"] },
  { organisation: "SiFive", domains: ["sifive.com"] },
  { organisation: "Ventana Micro", domains: ["ventanamicro.com"] },
  { organisation: "NetApp", domains: ["netapp.com"] },
  { organisation: "Juniper", domains: ["juniper.net"] },
  { organisation: "Arista", domains: ["arista.com"] },
  { organisation: "Netflix", domains: ["netflix.com"] },
  { organisation: "Raptor Engineering", domains: ["raptorengineering.com"] },
  { organisation: "WangXun", domains: ["net-swift.com", "trustnetic.com"] },
  { organisation: "SiEngine", domains: ["siengine.com"] },
  // universities and research institutes are affiliations too
  { organisation: "Inria", domains: ["inria.fr"], sub: true },
  { organisation: "EURECOM", domains: ["eurecom.fr"], sub: true },
  { organisation: "MIT", domains: ["mit.edu"], sub: true },
  { organisation: "University of Illinois", domains: ["illinois.edu"], sub: true },
  { organisation: "University of Michigan", domains: ["umich.edu"], sub: true },
  { organisation: "Zhejiang University", domains: ["zju.edu.cn"], sub: true },
  { organisation: "ISCAS", domains: ["iscas.ac.cn"], sub: true },
  { organisation: "University of Li\xE8ge", domains: ["uliege.be"], sub: true }
];

// loaders/identity/organisations.ts
var BY_DOMAIN = /* @__PURE__ */ new Map();
for (const e of ORG_TABLE) for (const d of e.domains) BY_DOMAIN.set(d, { organisation: e.organisation, sub: e.sub ?? false });
var FORMERLY = /* @__PURE__ */ new Map();
for (const e of ORG_TABLE) for (const f of e.formerly ?? []) for (const d of f.domains) FORMERLY.set(d, { organisation: f.organisation, until: Date.parse(f.until) });

// loaders/maintainers/regex.ts
import { setFlagsFromString } from "node:v8";
setFlagsFromString("--enable-experimental-regexp-engine");
setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");

// loaders/analysis/run.ts
function windowCorpus(c, start, end) {
  if (start === void 0 && end === void 0) return { ...c, history: storeHistory(c) };
  const inWin = (d) => d !== null && (start === void 0 || d >= start) && (end === void 0 || d < end);
  const messages = c.messages.filter((m) => inWin(m.date));
  const ids = new Set(messages.map((m) => m.id));
  return { ...c, messages, trailers: c.trailers.filter((t) => ids.has(t.messageId)), history: storeHistory(c, start) };
}
function storeHistory(c, start) {
  const priorSenders = /* @__PURE__ */ new Set();
  const firstDate = /* @__PURE__ */ Object.create(null);
  for (const m of c.messages) {
    if (m.date === null) continue;
    if (start !== void 0 && m.date < start) priorSenders.add(m.from);
    for (const l of ["*", ...m.lists]) if (!(firstDate[l] <= m.date)) firstDate[l] = m.date;
  }
  return { priorSenders, firstDate };
}

// .h2-heap.mts
var store = process.argv[2];
var mb = () => {
  globalThis.gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};
var st = await openStore(store);
console.log("start", mb());
var corpus = windowCorpus(await readCorpus(st, ["linux-cxl", "netdev", "linux-rdma"]));
await st.close();
console.log("corpus", mb());
var a = analyzeCorpus(corpus, { deferLayout: () => {
} });
console.log("analysis", mb());
var keep = {};
for (const k of ["tr", "replies", "graph", "graphAll", "observations", "reviews", "series", "personLists", "metrics"]) {
  keep[k] = a[k];
  a[k] = null;
  keep[k] = null;
  console.log("without", k, mb());
}
process.exit(0);
