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
  const out2 = new Array(to - from);
  for (let i = from; i < to; i++) out2[i - from] = cell(col[i], t);
  return out2;
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
      add(row2) {
        this.addLine(JSON.stringify(row2));
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
  const out2 = [];
  for (const sub of subs) {
    let names;
    try {
      names = readdirSync(join2(dir, sub));
    } catch {
      continue;
    }
    for (const f of names) out2.push(`${sub}/${f}`);
  }
  return out2;
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
  const out2 = Object.values(m.parts).flat();
  if (m.people) out2.push(m.people.people, m.people.emails, ...m.people.suspects ? [m.people.suspects] : []);
  return out2;
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
          const row2 = {};
          names.forEach((n, i) => setOwn(row2, n, values[i]));
          return row2;
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
    const keep = new Set(namedFiles(m));
    const retired = [...m.retired ?? [], ...namedFiles(prev).filter((f) => !keep.has(f)).map((file) => ({ file, at: now }))];
    writeManifest(this.dir, { ...m, retired: retired.filter((r) => !keep.has(r.file)) });
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
    const keep = /* @__PURE__ */ new Set([...namedFiles(m), ...(m.retired ?? []).map((r) => r.file)]);
    for (const rel of dataFiles(this.dir)) {
      if (!keep.has(rel) && uncommitted(rel, m)) unlinkSync3(join3(this.dir, rel));
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
var Z95 = 1.959964;
function kaplanMeier(obs) {
  const sorted = [...obs].sort((a2, b) => a2.time - b.time || Number(b.answered) - Number(a2.answered));
  let atRisk = sorted.length, s = 1, events = 0, greenwood = 0;
  const points = [[0, 1]];
  const steps = [];
  const band = [[0, 1, 1]];
  const risk = [sorted.length];
  const riskSteps = [];
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i].time;
    let d = 0, c = 0;
    for (; i < sorted.length && sorted[i].time === t; i++) sorted[i].answered ? d++ : c++;
    if (d > 0) {
      s *= 1 - d / atRisk;
      greenwood += d < atRisk ? d / (atRisk * (atRisk - d)) : Infinity;
      points.push([t, s]);
      band.push([t, ...logLogBand(s, greenwood)]);
      risk.push(atRisk);
      events += d;
    }
    const [lo, hi] = logLogBand(s, greenwood);
    steps.push({ t, atRisk, events: d, censored: c, s, lo, hi });
    atRisk -= d + c;
    riskSteps.push([t, atRisk]);
  }
  const at = (t) => {
    let v = 1;
    for (const [pt, ps] of points) {
      if (pt <= t) v = ps;
      else break;
    }
    return v;
  };
  const riskAt = (t) => {
    let v = sorted.length;
    for (const [pt, n] of riskSteps) {
      if (pt <= t) v = n;
      else break;
    }
    return v;
  };
  const med = points.find(([, ps]) => ps <= 0.5);
  return { n: obs.length, events, censored: obs.length - events, points, steps, band, atRisk: risk, median: med ? med[0] : null, at, riskAt };
}
function logLogBand(s, greenwood) {
  if (s <= 0 || !Number.isFinite(greenwood)) return [0, 0];
  if (s >= 1) return [1, 1];
  const ll = Math.log(-Math.log(s));
  const se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
  return [Math.exp(-Math.exp(ll + Z95 * se)), Math.exp(-Math.exp(ll - Z95 * se))];
}
function listObservationEnds(messages, ownLists, cap) {
  const own = /* @__PURE__ */ new Map(), bySource = /* @__PURE__ */ new Map(), carriers = /* @__PURE__ */ new Map();
  const bump3 = (m, k, d) => {
    if (!(m.get(k) >= d)) m.set(k, d);
  };
  messages.forEach((m, i) => {
    if (m.date === null) return;
    const srcs = m.sources?.length ? m.sources : [""];
    for (const x of srcs) bump3(bySource, x, m.date);
    for (const l of m.lists) {
      let c = carriers.get(l);
      if (!c) carriers.set(l, c = /* @__PURE__ */ new Set());
      for (const x of srcs) c.add(x);
    }
    for (const l of ownLists(i)) bump3(own, l, m.date);
  });
  const out2 = /* @__PURE__ */ new Map();
  for (const [l, srcs] of carriers) {
    const end = own.get(l) ?? Math.max(...[...srcs].map((x) => bySource.get(x)));
    out2.set(l, Math.min(end, cap ?? Infinity));
  }
  return out2;
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
  const out2 = [];
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
    let best2 = -1;
    for (const i of members) {
      const m = messages[i];
      if (i === root || m.date === null || m.from === r.from || m.from === author || m.isBot || isBot(m.from)) continue;
      if (best2 < 0 || m.date < messages[best2].date) best2 = i;
    }
    const answered = best2 >= 0;
    const time = answered ? Math.max(0, messages[best2].date - r.date) : Math.max(0, end(reached(all)) - r.date);
    out2.push({
      key,
      kind,
      start: r.date,
      author,
      lists: r.lists,
      time,
      answered,
      responder: answered ? messages[best2].from : null,
      responderMsg: best2
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
  return out2;
}

// loaders/analysis/keys.ts
import { hash } from "node:crypto";
function fileKey(id) {
  return hash("sha1", id, "hex").slice(0, 12);
}

// loaders/analysis/artifacts.ts
var FILES = {
  meta: "meta.json",
  graph: "graph.json",
  graphNodesCsv: "graph-nodes.csv",
  graphEdgesCsv: "graph-edges.csv",
  graphGexf: "graph.gexf",
  graphGraphml: "graph.graphml",
  people: "people.json",
  threads: "threads.json",
  reviews: "reviews.json",
  /** Patch series lifecycle: SeriesArtifact in build-series.ts. */
  series: "series.json",
  /** Shards (analysis/shards.ts; XX = model/shard.ts shardName): thread id -> ThreadDetail, Message-ID -> thread id, person id -> PersonDetail, address -> person id. */
  threadShard: (xx) => `thread/t-${xx}.json`,
  messageShard: (xx) => `message/m-${xx}.json`,
  personShard: (xx) => `person/p-${xx}.json`,
  /** Thread id -> {person id: home list, home subsystem, organisation} of its participants (written once subsystems are known). */
  threadAffiliationShard: (xx) => `thread/a-${xx}.json`,
  addressShard: (xx) => `address/e-${xx}.json`,
  /** Site search: thread rows in SEARCH_CHUNKS files (x = one hex digit), their Message-IDs apart (loaded only for shown results), people in one. */
  searchThreads: (x) => `search/threads-${x}.json`,
  searchIds: (x) => `search/ids-${x}.json`,
  searchPeople: "search/people.json",
  /** Fact tables the pages filter in the browser (facts.ts). */
  facts: "facts.json",
  /** The fact tables' reply edges and first-reply observations (facts.ts), apart: few pages need them. */
  factsReplies: "facts-replies.json",
  factsObs: "facts-obs.json",
  /** Reviewed/Acked/Tested-by carried inside patches (facts.ts), apart: only Reviews, People and person pages load them. */
  factsCarried: "facts-carried.json",
  /** What the People page (and person page) need besides facts.json for every person column under a filter (person-facts.ts buildPeopleColsFacts). */
  factsPeopleCols: "facts-people-cols.json",
  /** Reply edges with no bot at either end and their minutes, by row (person-facts.ts): the People page's replies sent and median reply under a filter. */
  factsReplyTimes: "facts-reply-times.json",
  /** Names and keys of the fact tables' people (facts.ts). */
  factsPeople: "facts-people.json",
  /** Each fact-table person's home subsystem and organisation (facts-affiliations.ts), written once subsystems are known. */
  factsAffiliations: "facts-affiliations.json",
  /** Per patch its sections, per review its section and organisations (facts-subsystems.ts): the Subsystems and Organisations pages' fact tables. */
  factsSubsystems: "facts-subsystems.json",
  /** threads.json in THREAD_PARTS contiguous row ranges, so a page loads only the rows it shows (no slash: site.zip holds top-level names only). */
  threadPart: (k) => `threads-part-${k}.json`,
  /** The THREADS_TOP biggest threads' rows (with their row index): the usual top tables need no part. */
  threadsTop: "threads-top.json",
  /** The THREADS_CROSS biggest threads that reached several lists and are not in threads-top.json: the Across page's cross-posted table needs no part. */
  threadsCross: "threads-cross.json",
  /** The series fact table and the Series page's table text (facts-series.ts), written beside series.json. */
  factsSeries: "facts-series.json",
  seriesTable: "series-table.json",
  /** Graph metrics per window bucket: all time and each quarter (graph-buckets.ts). */
  graphBuckets: "graph-buckets.json"
};
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
var TEXT_MAX = 300;
var STRING_MAX = 998;
var MARKS_MAX = 2;
var MARK = /\p{M}/u;
var MARK_RUN = new RegExp(`\\p{M}{${MARKS_MAX + 1}}`, "u");
var NON_MARK = /\P{M}/gu;
var CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
function clipText(s, max = TEXT_MAX) {
  if (s.length <= max && !MARK_RUN.test(s) && !CONTROL.test(s)) return s;
  let out2 = "", n = 0, marks = 0;
  for (let i = 0; i < s.length; ) {
    let ch = String.fromCodePoint(s.codePointAt(i));
    i += ch.length;
    if (CONTROL.test(ch)) ch = " ";
    if (MARK.test(ch)) {
      if (++marks > MARKS_MAX) {
        NON_MARK.lastIndex = i;
        i = NON_MARK.exec(s)?.index ?? s.length;
        continue;
      }
    } else marks = 0;
    if (n === max) return out2 + "\u2026";
    out2 += ch;
    n++;
  }
  return out2;
}
function capLength(s, max = STRING_MAX) {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end) + "\u2026";
}

// loaders/analysis/fact-index.ts
var made2 = /* @__PURE__ */ new WeakMap();
function factPersonIndex(a2) {
  let m = made2.get(a2);
  if (!m) made2.set(a2, m = personIndexOf(a2));
  return m;
}
function personIndexOf(a2) {
  return new Map(personOrder(a2).map((id, k) => [id, k]));
}
function personOrder(a2) {
  const sent = /* @__PURE__ */ new Map();
  for (const m of a2.corpus.messages) sent.set(m.from, (sent.get(m.from) ?? 0) + 1);
  const ids = [...sent.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([id]) => id);
  const seen = new Set(ids);
  const add2 = (id) => {
    if (id !== null && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  for (const e of a2.replies) add2(e.to);
  for (const r of a2.reviews) {
    add2(r.reviewer);
    add2(r.author);
  }
  for (const m of a2.corpus.messages) if (m.author !== void 0 && m.patch.isPatch && !m.patch.isCover) add2(m.author);
  return ids;
}
function factRowOrder(a2) {
  const msgs = a2.corpus.messages;
  const order = Array.from(msgs.keys());
  order.sort((x, y) => {
    const dx = msgs[x].date, dy = msgs[y].date;
    if (dx === null || dy === null) return dx === dy ? x - y : dx === null ? 1 : -1;
    return dx - dy || x - y;
  });
  const rowOf = new Int32Array(msgs.length);
  order.forEach((i, r) => {
    rowOf[i] = r;
  });
  return { order, rowOf };
}
var rowsMade = /* @__PURE__ */ new WeakMap();
var reviewsMade = /* @__PURE__ */ new WeakMap();
function factRows(a2) {
  let r = rowsMade.get(a2);
  if (!r) rowsMade.set(a2, r = factRowOrder(a2));
  return r;
}
function factRowOf(a2) {
  return factRows(a2).rowOf;
}
function factReviewOrder(a2) {
  let order = reviewsMade.get(a2);
  if (order) return order;
  const rowOf = factRowOf(a2);
  const at = messageIndex(a2.corpus.messages);
  const out2 = [];
  a2.reviews.forEach((r, i) => {
    if (isReplyReview(r) || isNak(r)) out2.push({ i, row: rowOf[at.get(r.messageId)] });
  });
  reviewsMade.set(a2, order = out2.sort((x, y) => x.row - y.row).map((x) => x.i));
  return order;
}

// loaders/analysis/build-graph.ts
var refs = /* @__PURE__ */ new WeakMap();
function personRef(a2, id) {
  let m = refs.get(a2);
  if (!m) refs.set(a2, m = /* @__PURE__ */ new Map());
  let r = m.get(id);
  if (!r) {
    const p = a2.people.get(id);
    m.set(id, r = { id, key: fileKey(id), name: p?.name || p?.email || id, home: a2.home.get(id) ?? null });
  }
  return r;
}
var WEEK = 7 * 864e5;

// loaders/analysis/build-people.ts
var NAK = /* @__PURE__ */ new Set(["nacked-by", "nak-line"]);
var isNak = (r) => NAK.has(r.kind);
var isPwVerdict = (r) => r.source === "pw-bot";
var isTrailerReview = (r) => !isNak(r) && !isPwVerdict(r);
var isReplyReview = (r) => !isNak(r) && r.source === "reply" && r.author !== null;
var isCarriedReview = (r) => !isNak(r) && r.source === "carried";
function quantile(sorted, q) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
function groupBy(xs, key) {
  const m = /* @__PURE__ */ new Map();
  for (const x of xs) {
    const k = key(x);
    if (k === null) continue;
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}
function buildThreadsArtifacts(a2) {
  const msgs = a2.corpus.messages;
  const threadObs = new Map(a2.observations.filter((o) => o.kind === "thread").map((o) => [o.key, o]));
  const revByThread = groupBy(a2.reviews, (r) => r.threadId);
  const rows = a2.tr.threads.map((t) => {
    const revs = revByThread.get(t.id) ?? [];
    const homes = /* @__PURE__ */ Object.create(null);
    for (const p of t.participants) if (!a2.bots.has(p)) {
      const h = a2.home.get(p) ?? "other";
      homes[h] = (homes[h] ?? 0) + 1;
    }
    const o = threadObs.get(t.id);
    return {
      id: t.id,
      key: fileKey(t.id),
      subject: t.subject,
      author: t.rootIsPhantom ? null : personRef(a2, t.author),
      root_missing: t.rootIsPhantom,
      messages: t.members.length,
      participants: t.participants.length,
      lists: t.lists,
      start: t.start,
      end: t.end,
      depth: t.depth,
      series_id: t.seriesId,
      is_series: t.isSeries,
      first_reply_ms: o?.answered ? o.time : null,
      // Same definition as responsiveness.json: observed (root present, dated, not a bot) and no reply yet.
      unanswered: o ? !o.answered : null,
      reviews: revs.filter(isTrailerReview).length,
      naks: revs.filter(isNak).length,
      homes,
      detail: true
    };
  });
  const detail = (ti) => {
    const row2 = rows[ti], t = a2.tr.threads[ti];
    let base = a2.tr.threading.depth[t.root];
    if (t.rootIsPhantom) {
      base = Infinity;
      for (const i of t.members) base = Math.min(base, a2.tr.threading.depth[i]);
    }
    const count = /* @__PURE__ */ new Map();
    const messages = t.members.map((i) => {
      const m = msgs[i];
      const p = a2.tr.threading.parent[i];
      const c = count.get(m.from) ?? { n: 0, first: m.date };
      c.n++;
      count.set(m.from, c);
      const pp = m.patch;
      return {
        id: m.id,
        parent: p >= 0 ? msgs[p].id : null,
        from: m.from,
        date: m.date,
        // A forwarded patch: the in-body author, besides the sender in `from`.
        ...m.author !== void 0 ? { author: personRef(a2, m.author) } : {},
        latency_ms: p >= 0 && m.date !== null && msgs[p].date !== null ? m.date - msgs[p].date : null,
        lists: m.lists,
        subject: m.subject,
        depth: a2.tr.threading.depth[i] - base,
        patch: pp.isPatch ? `v${pp.version}${pp.index !== null ? ` ${pp.index}/${pp.total}` : ""}` : null
      };
    });
    return {
      thread: row2,
      messages,
      participants: [...count.entries()].map(([id, c]) => ({ ...personRef(a2, id), messages: c.n, first: c.first })),
      ...threadReviews(a2, revByThread.get(t.id) ?? [])
    };
  };
  return { threads: { rows }, detail, reviewsOf: (k) => revByThread.get(a2.tr.threads[k].id) ?? [] };
}
function threadReviews(a2, revs) {
  return {
    trailers: revs.filter(isTrailerReview).map((r) => ({
      kind: r.kind,
      from: personRef(a2, r.reviewer),
      to: r.author ? personRef(a2, r.author) : null,
      message_id: r.messageId,
      applies_to: r.appliesTo === "series" ? `series ${r.seriesId}` : r.target ?? ""
    })),
    naks: revs.filter(isNak).map((r) => ({
      from: personRef(a2, r.reviewer),
      to: r.author ? personRef(a2, r.author) : null,
      message_id: r.messageId,
      source: r.kind === "nak-line" ? "line" : "trailer",
      cross_subsystem: r.crossSubsystem
    }))
  };
}
function buildPeopleArtifacts(a2) {
  const msgs = a2.corpus.messages;
  const human = a2.replies.filter((e) => !e.bot);
  const sent = groupBy(human, (e) => e.from);
  const recv = groupBy(human, (e) => e.to);
  const given = groupBy(a2.reviews, (r) => r.reviewer);
  const received = groupBy(a2.reviews, (r) => r.author);
  const firsts = groupBy(a2.observations.filter((o) => o.kind === "thread" && o.responder), (o) => o.responder);
  const byPerson2 = /* @__PURE__ */ new Map(), authored = /* @__PURE__ */ new Map(), forOthers = /* @__PURE__ */ new Map();
  const push = (m, k, i) => {
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  };
  msgs.forEach((m, i) => {
    push(byPerson2, m.from, i);
    if (!m.patch.isPatch || m.patch.isCover) return;
    push(authored, authorOf(m), i);
    if (m.author !== void 0) forOthers.set(m.from, (forOthers.get(m.from) ?? 0) + 1);
  });
  const ids = /* @__PURE__ */ new Set([...a2.people.keys(), ...byPerson2.keys(), ...authored.keys(), ...given.keys(), ...received.keys()]);
  let msgIdx = null;
  const indexOf = (id) => (msgIdx ??= new Map(msgs.map((m, i) => [m.id, i]))).get(id);
  const startedBy = /* @__PURE__ */ new Map();
  for (const t of a2.tr.threads) if (!t.rootIsPhantom) startedBy.set(t.sender, (startedBy.get(t.sender) ?? 0) + 1);
  const rows = [];
  const rowOf = /* @__PURE__ */ new Map();
  const basics = (id) => {
    const mine = byPerson2.get(id) ?? [];
    const threads2 = new Set(mine.map((i) => a2.tr.threading.threadId[i]));
    const lat = (sent.get(id) ?? []).map((e) => e.latency).filter((x) => x !== null && x >= 0).sort((x, y) => x - y);
    return { mine, threads: threads2, lat, g: given.get(id) ?? [], r: received.get(id) ?? [], p: a2.people.get(id) };
  };
  for (const id of ids) {
    const { mine, threads: threads2, lat, g, r, p } = basics(id);
    let first = null, last = null;
    for (const i of mine) {
      const d = msgs[i].date;
      if (d === null) continue;
      if (first === null || d < first) first = d;
      if (last === null || d > last) last = d;
    }
    const mineAuthored = authored.get(id) ?? [];
    const series = new Set(mineAuthored.map((i) => a2.tr.series[i]).filter((s) => s !== null));
    const mt = a2.metrics.nodes.get(id);
    const row2 = {
      ...personRef(a2, id),
      email: p?.email ?? id,
      bot: a2.bots.has(id),
      messages: mine.length,
      lists: a2.personLists.get(id) ?? {},
      threads: threads2.size,
      threads_started: startedBy.get(id) ?? 0,
      patches_authored: mineAuthored.length,
      patches_for_others: forOthers.get(id) ?? 0,
      series_authored: series.size,
      first,
      last,
      replies_sent: sent.get(id)?.length ?? 0,
      replies_received: recv.get(id)?.length ?? 0,
      active: mine.length > 0 && !a2.bots.has(id),
      reviews_given: g.filter(isReplyReview).length,
      reviews_received: r.filter(isReplyReview).length,
      reviews_carried: g.filter(isCarriedReview).length,
      reviews_carried_received: r.filter(isCarriedReview).length,
      naks_given: g.filter(isNak).length,
      naks_received: r.filter(isNak).length,
      first_replies: firsts.get(id)?.length ?? 0,
      median_reply_ms: quantile(lat, 0.5),
      pagerank: mt?.pagerank ?? null,
      community: mt?.community ?? null,
      detail: true
    };
    rows.push(row2);
    rowOf.set(id, row2);
  }
  const detailParts = (id) => {
    const row2 = rowOf.get(id);
    const { mine, threads: threads2, lat, g, r, p } = basics(id);
    const act = /* @__PURE__ */ new Map();
    for (const i of mine) if (msgs[i].date !== null) for (const l of msgs[i].lists) {
      const k = `${monthOf(msgs[i].date)}|${l}`;
      act.set(k, (act.get(k) ?? 0) + 1);
    }
    const corr = (edges, other) => {
      const c = /* @__PURE__ */ new Map();
      for (const e of edges) c.set(other(e), (c.get(other(e)) ?? 0) + 1);
      return [...c.entries()].sort((x, y) => y[1] - x[1]).slice(0, 25);
    };
    return {
      row: row2,
      emails: p?.emails ?? [row2.email],
      activity: [...act.entries()].map(([k, n]) => [k.slice(0, 7), k.slice(8), n]).sort((x, y) => x[0] < y[0] ? -1 : 1),
      out: corr(sent.get(id) ?? [], (e) => e.to),
      in: corr(recv.get(id) ?? [], (e) => e.from),
      reviewsGiven: g.filter(isTrailerReview).slice(0, 1e3),
      reviewsReceived: r.filter(isTrailerReview).slice(0, 1e3),
      naksGiven: g.filter(isNak),
      naksReceived: r.filter(isNak),
      lat,
      threads: [...threads2].map((tid) => a2.tr.threads[a2.tr.threadIndex.get(tid)]).sort((x, y) => y.members.length - x.members.length).slice(0, 50)
    };
  };
  const detail = (id) => {
    const d = detailParts(id), row2 = d.row;
    const ref = (x, other) => {
      const t = a2.tr.threads[a2.tr.threadIndex.get(x.threadId)];
      const target = x.target !== null ? indexOf(x.target) : void 0;
      return {
        kind: x.kind,
        other: personRef(a2, other ?? ""),
        message_id: x.messageId,
        thread_id: x.threadId,
        thread_key: fileKey(x.threadId),
        subject: t.subject,
        date: x.date,
        lists: x.lists,
        source: x.source,
        target_id: x.target,
        target_subject: target !== void 0 ? msgs[target].subject : null
      };
    };
    return {
      person: row2,
      emails: d.emails,
      activity: d.activity.map(([month, list, messages]) => ({ month, list, messages })),
      correspondents_out: d.out.map(([o, w]) => ({ ...personRef(a2, o), w })),
      correspondents_in: d.in.map(([o, w]) => ({ ...personRef(a2, o), w })),
      reviews_given: d.reviewsGiven.map((x) => ref(x, x.author)),
      reviews_received: d.reviewsReceived.map((x) => ref(x, x.reviewer)),
      naks_given: d.naksGiven.map((x) => ref(x, x.author)),
      naks_received: d.naksReceived.map((x) => ref(x, x.reviewer)),
      response: { replies: d.lat.length, median_ms: quantile(d.lat, 0.5), p90_ms: quantile(d.lat, 0.9), first_replies: row2.first_replies },
      threads: d.threads.map((t) => ({ id: t.id, key: fileKey(t.id), subject: t.subject, messages: t.members.length, start: t.start, started: t.sender === id && !t.rootIsPhantom }))
    };
  };
  const order = [...ids];
  rows.sort((x, y) => y.messages - x.messages || (x.id < y.id ? -1 : 1));
  return { people: { rows }, ids: order, emails: (id) => a2.people.get(id)?.emails ?? [rowOf.get(id).email], detail, detailParts, messageIndex: indexOf };
}

// loaders/analysis/series-stats.ts
var DAY2 = 864e5;
var REVIEW_TAGS = /* @__PURE__ */ new Set(["reviewed-by", "acked-by"]);
var share = (n, d) => d > 0 ? Math.round(n / d * 1e4) / 1e4 : null;
var median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a2, b) => a2 - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
var domain = (email) => {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
};
function seriesListStats(a2) {
  const { messages, trailers, people } = a2.corpus;
  const lc = a2.series.lifecycle;
  const groups = a2.series.groups.filter((g) => !a2.bots.has(g.author));
  const isBot = (i) => messages[i].isBot || a2.bots.has(messages[i].from);
  const tagsOf = /* @__PURE__ */ new Map();
  for (const t of trailers) if (REVIEW_TAGS.has(t.kind)) {
    const x = tagsOf.get(t.messageId);
    if (x) x.push(t.email);
    else tagsOf.set(t.messageId, [t.email]);
  }
  const patchTags = /* @__PURE__ */ new Map();
  const appliedRev = /* @__PURE__ */ new Set();
  lc.outcomes.forEach((o, r) => {
    if (o.outcome === "applied") appliedRev.add(r);
  });
  for (const r of appliedRev) for (const i of lc.revisions[r].members) if (!messages[i].patch.isCover) patchTags.set(i, [...tagsOf.get(messages[i].id) ?? []]);
  const { parent } = a2.tr.threading;
  const memberOf = new Int32Array(messages.length).fill(-1);
  lc.revisions.forEach((rev, r) => {
    for (const i of rev.members) memberOf[i] = r;
  });
  const taggedMembers = /* @__PURE__ */ new Map();
  messages.forEach((m, i) => {
    const r = lc.revisionOf[i];
    const tags = tagsOf.get(m.id);
    if (r < 0 || !appliedRev.has(r) || !tags || m.patch.isPatch) return;
    let p = parent[i];
    for (let n = 0; p >= 0 && n < 1e4 && lc.revisionOf[p] === r && memberOf[p] !== r; n++) p = parent[p];
    let targets;
    if (p >= 0 && patchTags.has(p)) targets = [p];
    else {
      let all = taggedMembers.get(r);
      if (!all) taggedMembers.set(r, all = lc.revisions[r].members.filter((j) => patchTags.has(j)));
      targets = all;
    }
    for (const j of targets) patchTags.get(j).push(...tags);
  });
  const domainsOf = new Map(people.map((p) => [p.id, new Set([p.email, ...p.emails].map(domain))]));
  const crossDomain = (author, emails) => {
    const own = domainsOf.get(author) ?? /* @__PURE__ */ new Set();
    return emails.some((e) => !own.has(domain(e)));
  };
  const start = a2.windowStart, end = a2.windowEnd;
  const windowDays = start !== null && end !== null ? Math.max(1, Math.round((end - start) / DAY2 * 100) / 100) : 0;
  const lists = [...a2.corpus.lists, "*"];
  const counts = lists.map(() => 0);
  const roles = lists.map(() => /* @__PURE__ */ new Map());
  const listAt = /* @__PURE__ */ new Map(), star = [];
  lists.forEach((l, k) => {
    if (l === "*") star.push(k);
    else listAt.set(l, [...listAt.get(l) ?? [], k]);
  });
  const on = [];
  messages.forEach((m, i) => {
    on.length = 0;
    for (const l of m.lists) for (const k of listAt.get(l) ?? []) if (!on.includes(k)) on.push(k);
    on.push(...star);
    for (const k of on) counts[k]++;
    if (isBot(i)) return;
    let posted = false, replied = false;
    if (m.patch.isPatch && lc.revisionOf[i] >= 0 && memberOf[i] === lc.revisionOf[i]) posted = true;
    else {
      const t = a2.tr.threads[a2.tr.threadIndex.get(a2.tr.threading.threadId[i])];
      if (t && t.sender !== m.from && t.root !== i) replied = true;
    }
    for (const k of on) {
      let x = roles[k].get(m.from);
      if (!x) roles[k].set(m.from, x = { posted: false, replied: false });
      if (posted) x.posted = true;
      if (replied) x.replied = true;
    }
  });
  return lists.map((list, li) => {
    const on2 = (ls) => list === "*" || ls.includes(list);
    const gs = groups.filter((g) => on2(g.lists));
    const acc = gs.filter((g) => g.applied >= 0);
    const timed = gs.filter((g) => g.time !== null);
    const km = timed.length ? kaplanMeier(timed.map((g) => ({ time: g.time, answered: g.accepted }))) : null;
    const revs = acc.map((g) => g.revisionsToAccept);
    const count = counts[li];
    const rs = [...roles[li].values()];
    const n = rs.length;
    const patches = [];
    for (const r of appliedRev) if (!a2.bots.has(lc.revisions[r].author) && on2(lc.revisions[r].lists)) {
      for (const i of lc.revisions[r].members) if (patchTags.has(i)) patches.push([i, r]);
    }
    const reviewedP = patches.filter(([i]) => patchTags.get(i).length > 0);
    const crossP = reviewedP.filter(([i, r]) => crossDomain(lc.revisions[r].author, patchTags.get(i)));
    const seriesTags = acc.map((g) => lc.revisions[g.applied].members.flatMap((i) => patchTags.get(i) ?? []));
    const reviewedS = acc.filter((_, k) => seriesTags[k].length > 0);
    const crossS = acc.filter((g, k) => seriesTags[k].length > 0 && crossDomain(g.author, seriesTags[k]));
    return {
      list,
      groups: gs.length,
      applied: acc.length,
      acceptance_share: share(acc.length, gs.length),
      median_days_to_accept: km?.median == null ? null : Math.round(km.median / DAY2 * 100) / 100,
      km_applied_30d: km ? Math.round((1 - km.at(30 * DAY2)) * 1e4) / 1e4 : null,
      km_applied_90d: km ? Math.round((1 - km.at(90 * DAY2)) * 1e4) / 1e4 : null,
      median_revisions_to_accept: median(revs),
      mean_revisions_to_accept: revs.length ? Math.round(revs.reduce((x, y) => x + y, 0) / revs.length * 100) / 100 : null,
      never_answered_share: share(gs.filter((g) => !g.answered).length, gs.length),
      never_answered_never_applied_share: share(gs.filter((g) => !g.answered && g.applied < 0).length, gs.length),
      window_days: windowDays,
      messages: count,
      messages_per_day: windowDays ? Math.round(count / windowDays * 10) / 10 : null,
      people: n,
      posted_only_share: share(rs.filter((x) => x.posted && !x.replied).length, n),
      replied_only_share: share(rs.filter((x) => !x.posted && x.replied).length, n),
      both_share: share(rs.filter((x) => x.posted && x.replied).length, n),
      neither_share: share(rs.filter((x) => !x.posted && !x.replied).length, n),
      applied_patches: patches.length,
      applied_patches_reviewed_share: share(reviewedP.length, patches.length),
      reviewed_patches_cross_domain_share: share(crossP.length, reviewedP.length),
      applied_series_reviewed_share: share(reviewedS.length, acc.length),
      reviewed_series_cross_domain_share: share(crossS.length, reviewedS.length)
    };
  }).filter((x) => x.messages > 0 || x.groups > 0);
}

// loaders/analysis/series-load.ts
var LOAD_ROWS = 200;
var LOAD_SECTIONS = 20;
function groupResponders(messages, s) {
  const lc = s.lifecycle;
  const spoke = lc.grouping.groups.map(() => /* @__PURE__ */ new Set());
  messages.forEach((m, i) => {
    const r = lc.revisionOf[i];
    if (r >= 0 && !m.patch.isPatch) spoke[lc.grouping.groupOf[r]].add(m.from);
  });
  return spoke;
}
function reviewerLoad(messages, s, roles, isBot) {
  if (!roles.length) return [];
  const lc = s.lifecycle;
  const spoke = groupResponders(messages, s);
  const bySub = /* @__PURE__ */ new Map();
  for (const g of s.groups) {
    if (isBot(g.author)) continue;
    for (const sub of g.subsystems) {
      const l = bySub.get(sub);
      if (l) l.push(g.group);
      else bySub.set(sub, [g.group]);
    }
  }
  const subsOf = /* @__PURE__ */ new Map();
  for (const r of roles) {
    let x = subsOf.get(r.personId);
    if (!x) subsOf.set(r.personId, x = /* @__PURE__ */ new Set());
    x.add(r.subsystem);
  }
  const rows = [];
  for (const [person2, subs] of subsOf) {
    const touching = /* @__PURE__ */ new Set();
    for (const sub of subs) for (const g of bySub.get(sub) ?? []) if (s.groups[g].author !== person2) touching.add(g);
    if (!touching.size) continue;
    let answered = 0, applied = 0;
    for (const g of touching) {
      if (spoke[g].has(person2)) answered++;
      const a2 = s.groups[g].applied;
      if (a2 >= 0 && lc.outcomes[a2].by === person2) applied++;
    }
    rows.push({ person: person2, subsystems: [...subs].sort(), touching: touching.size, answered, applied });
  }
  return rows.sort((x, y) => y.touching - x.touching || (x.person < y.person ? -1 : 1));
}

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
  const out2 = /* @__PURE__ */ new Map();
  const rows = await readRows(
    store2,
    `SELECT message_id, change_id, previous_revisions, revision_links, revision_link_rules FROM messages
    WHERE change_id IS NOT NULL OR len(coalesce(previous_revisions, [])) > 0 OR len(coalesce(revision_links, [])) > 0`,
    ["message_id", "change_id", "previous_revisions", "revision_links", "revision_link_rules"],
    "message_id"
  );
  for (const [id, c, p, l, r] of rows) {
    const ids = l ?? [], rules = r ?? [];
    out2.set(id, {
      changeId: c ?? null,
      previous: p ?? [],
      pointers: ids.map((x, k) => ({ id: x, rule: rules[k] ?? "version-link" }))
    });
  }
  return out2;
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
import { existsSync as existsSync4 } from "node:fs";
import { resolve as resolve2 } from "node:path";
import { pathToFileURL } from "node:url";
var DEFAULT_LISTS = ["linux-cxl", "netdev", "linux-rdma"].map((name) => ({
  name,
  address: `${name}@vger.kernel.org`,
  inbox: `https://lore.kernel.org/${name}/`
}));
var DEFAULT_CONFIG = {
  lists: DEFAULT_LISTS,
  since: "180d",
  mode: "http",
  store: "data/store",
  archives: "data/archives"
};
function configFile(root = process.cwd()) {
  return process.env.THREADGRAPH_CONFIG ? resolve2(process.env.THREADGRAPH_CONFIG) : resolve2(root, "threadgraph.config.ts");
}
async function loadConfig(root = process.cwd()) {
  const file = configFile(root);
  if (!existsSync4(file)) {
    if (process.env.THREADGRAPH_CONFIG) throw new Error(`THREADGRAPH_CONFIG=${process.env.THREADGRAPH_CONFIG}: no such file`);
    return { ...DEFAULT_CONFIG };
  }
  const mod = await import(pathToFileURL(file).href);
  const user = mod.default ?? {};
  return { ...DEFAULT_CONFIG, ...user };
}

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
  const refs2 = [];
  let bad = false;
  for (const r of raw) {
    const id = r.trim();
    if (!id || id === m.id || seen.has(id)) {
      bad = true;
      continue;
    }
    seen.add(id);
    refs2.push(id);
  }
  if (refs2.length > MAX_REFS) {
    bad = true;
    refs2.splice(0, refs2.length - MAX_REFS);
  }
  return { refs: refs2, bad };
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
    const { refs: refs2, bad } = cleanRefs(m);
    if (bad) stats.badReferences++;
    let prev = null;
    for (const r of refs2) {
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
  const keep = /* @__PURE__ */ new Map();
  return series.map((s) => {
    if (s === null) return null;
    let k = keep.get(s);
    if (k === void 0) keep.set(s, k = real(s));
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
  const out2 = /* @__PURE__ */ new Map();
  const dateOf = (i) => messages[i].date;
  for (const list of heads.values()) {
    const covers = new Nearest(list.filter((j) => messages[j].patch.isCover), dateOf);
    for (const i of list) {
      if (messages[i].patch.isCover) continue;
      const h = covers.find(dateOf(i));
      if (h >= 0) out2.set(i, h);
    }
  }
  const byKey = /* @__PURE__ */ new Map();
  for (const i of loose) {
    const k = key(messages[i]);
    let near = byKey.get(k);
    if (!near) byKey.set(k, near = new Nearest(heads.get(k) ?? [], dateOf));
    const h = near.find(dateOf(i));
    if (h >= 0) out2.set(i, h);
  }
  return out2;
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
    let best2 = -1, bestGap = Infinity;
    if (k < this.c.length) {
      best2 = this.c[k];
      bestGap = this.d[k] - t;
    }
    if (k > 0) {
      const g = this.lower(this.d[k - 1]);
      const gap = t - this.d[g];
      if (gap < bestGap || gap === bestGap && this.c[g] < best2) {
        best2 = this.c[g];
        bestGap = gap;
      }
    }
    return bestGap <= SUBJECT_WINDOW ? best2 : -1;
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
  const out2 = [];
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
    out2.push({
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
  out2.sort((a2, b) => (a2.start ?? Infinity) - (b.start ?? Infinity) || (a2.id < b.id ? -1 : 1));
  return out2;
}

// loaders/thread/index.ts
function buildThreads(messages) {
  const threading = threadMessages(messages);
  const series = linkSeries(messages, threading);
  const threads2 = summarizeThreads(messages, threading, series);
  const threadIndex = new Map(threads2.map((t, i) => [t.id, i]));
  return { threading, series, threads: threads2, threadIndex };
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
  const { n, out: out2, outStart } = c;
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
        const w = out2[k];
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
        const x = out2[k];
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
  const out2 = /* @__PURE__ */ new Map();
  if (n === 0) return out2;
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
    out2.set(id, { x: Math.round(p.x / max * 1e4) / 10, y: Math.round(p.y / max * 1e4) / 10 });
  }
  return out2;
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
  const add2 = (i, kind, reviewer, source) => {
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
    add2(i, t.kind, reviewer, m.patch.isPatch ? "carried" : "reply");
  }
  const trailerNaks = new Set(rows.filter((r) => r.kind === "nacked-by").map((r) => `${r.messageId}\0${r.reviewer}`));
  messages.forEach((m, i) => {
    if (m.nakLine && !m.patch.isPatch && !trailerNaks.has(`${m.id}\0${m.from}`)) add2(i, "nak-line", m.from, "line");
  });
  const seen = /* @__PURE__ */ new Set();
  for (const v of pwVerdicts) {
    const i = idx.get(v.messageId);
    const k = `${v.messageId}\0${v.kind}`;
    if (i === void 0 || seen.has(k) || messages[i].patch.isPatch) continue;
    seen.add(k);
    add2(i, v.kind === "rejected" ? "pw-bot-rejected" : "pw-bot-changes-requested", messages[i].from, "pw-bot");
  }
  return { rows: dedupeNaks(rows), unresolved };
}
function pwNakVerdicts(verdicts) {
  const out2 = [];
  for (const v of verdicts ?? []) {
    if (v.rule === "pw-bot" && (v.kind === "changes-requested" || v.kind === "rejected")) out2.push({ messageId: v.messageId, kind: v.kind });
  }
  return out2;
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
  const keep = new Set(first.values());
  return rows.filter((r) => !NAK_EVIDENCE.has(r.kind) || keep.has(r));
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
    let best2 = -1;
    let why = null;
    for (const l of linked(r)) {
      const p = l.r;
      if (p !== r && groupOf[p] >= 0 && revisions[p].author === rev.author && revisions[p].date <= rev.date && groupOf[p] > best2) {
        best2 = groupOf[p];
        why = { rule: "link", linkRule: l.rule, messageId: l.messageId };
      }
    }
    const cid = rev.changeId === null ? null : `${rev.author}\0${rev.changeId}`;
    if (best2 < 0 && cid !== null && (best2 = byChangeId.get(cid) ?? -1) >= 0) why = { rule: "change-id", linkRule: null, messageId: null };
    if (best2 < 0) for (const k of keys(revisions[r])) {
      const cands = byTitle.get(k);
      if (!cands) continue;
      for (let j = cands.length - 1; j >= Math.max(0, cands.length - CANDIDATES); j--) {
        const g = cands[j];
        if (g > best2 && continues(g, r)) {
          best2 = g;
          why = { rule: "title", linkRule: null, messageId: null };
          break;
        }
      }
    }
    if (best2 < 0) {
      best2 = groups.length;
      groups.push({ id: revisions[r].id, revisions: [] });
      why = null;
    }
    joinedBy[r] = why;
    groups[best2].revisions.push(r);
    groupOf[r] = best2;
    if (cid !== null) byChangeId.set(cid, best2);
    for (const k of keys(revisions[r])) {
      const l = byTitle.get(k);
      if (!l) byTitle.set(k, [best2]);
      else if (l[l.length - 1] !== best2) l.push(best2);
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
  const refs2 = [...m.inReplyTo ? [m.inReplyTo] : [], ...[...m.references].reverse()];
  for (const id of refs2) {
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
  const out2 = revisions.map(() => []);
  revisions.forEach((rev, r) => {
    for (const id of rev.previous) {
      const p = revOf(id);
      if (p >= 0) out2[r].push({ r: p, rule: "posting-link", messageId: messages[rev.head].id });
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
      out2[late].push({ r: early, rule: p.rule, messageId: m.id });
    }
  });
  return (r) => out2[r];
}

// loaders/maintainers/lists.ts
var LIST_HOSTS = /* @__PURE__ */ new Set([
  "vger.kernel.org",
  "lists.linux.dev",
  "lists.infradead.org",
  "lists.ozlabs.org",
  "lists.freedesktop.org",
  "lists.sourceforge.net",
  "lists.linaro.org",
  "lists.osuosl.org",
  "lists.xenproject.org",
  "lists.linux-foundation.org"
]);
var SERVICE = /^(majordomo|postmaster|mailer-daemon|listmaster|owner-.*|.*-owner|.*-request)$/;
function split(address) {
  const at = address.lastIndexOf("@");
  return at < 0 ? [address, ""] : [address.slice(0, at), address.slice(at + 1)];
}
function listShortName(address) {
  return split(address.trim().toLowerCase())[0];
}
function maintainersLists(sections) {
  const out2 = /* @__PURE__ */ new Map();
  for (const s of sections) for (const l of s.lists) out2.set(l, (out2.get(l) ?? 0) + 1);
  return out2;
}
var ListDirectory = class {
  byAddress = /* @__PURE__ */ new Map();
  names = /* @__PURE__ */ new Set();
  /**
   * `tracked`: the config's lists, whose names win. `maintainers`: L: addresses
   * with their section counts. Two L: addresses sharing a local part (bpf@vger.kernel.org,
   * bpf@ietf.org): the one more sections list keeps the short name, the other is named by its
   * full address; on a tie both are.
   */
  constructor(maintainers = /* @__PURE__ */ new Map(), tracked = []) {
    for (const t of tracked) this.add({ address: t.address.trim().toLowerCase(), name: t.name, source: "tracked" });
    const byLocal = /* @__PURE__ */ new Map();
    for (const [a2, n] of maintainers) {
      if (this.byAddress.has(a2)) continue;
      const local = listShortName(a2);
      byLocal.set(local, [...byLocal.get(local) ?? [], [a2, n]]);
    }
    for (const [local, group] of byLocal) {
      group.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      const winner2 = !this.names.has(local) && (group.length === 1 || group[0][1] > group[1][1]) ? group[0][0] : null;
      for (const [a2] of group) this.add({ address: a2, name: a2 === winner2 ? local : a2, source: "maintainers" });
    }
  }
  add(info) {
    this.byAddress.set(info.address, info);
    this.names.add(info.name);
  }
  /** The list behind an address (any case), or null when it is not a known list. */
  lookup(address) {
    const a2 = address.trim().toLowerCase();
    const known = this.byAddress.get(a2);
    if (known) return known;
    const [local, host] = split(a2);
    if (!local || !LIST_HOSTS.has(host) || SERVICE.test(local)) return null;
    return { address: a2, name: this.names.has(local) ? a2 : local, source: "host" };
  }
  isList(address) {
    return this.lookup(address) !== null;
  }
  /** The hosts whose every address is a list (for a reader that pre-filters addresses). */
  static listHosts() {
    return [...LIST_HOSTS];
  }
  /** Every known list address (tracked and L:), not the host-only ones. */
  addresses() {
    return [...this.byAddress.keys()];
  }
};

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
  const out2 = {
    lifecycle: lc,
    groups,
    verdicts,
    subsystems: false,
    recompute: () => analyzeSeries(corpus2, tr, reviews, isBot, censorAt, lc)
  };
  if (corpus2.subsystems) withSubsystems(out2, messages, corpus2.subsystems);
  return out2;
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
function sectionListNames(sections) {
  return new Map(sections.map((s) => [s.name, s.lists.map(listShortName)]));
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

// loaders/analysis/build-series.ts
var ROWS_MAX = 6e3;
var DAY3 = 864e5;
var refsMade = /* @__PURE__ */ new WeakMap();
function revisionRefs(a2, group) {
  let made3 = refsMade.get(a2.series);
  if (!made3) refsMade.set(a2.series, made3 = []);
  return made3[group] ??= makeRevisionRefs(a2, group);
}
function makeRevisionRefs(a2, group) {
  const lc = a2.series.lifecycle;
  return lc.grouping.groups[group].revisions.map((r) => {
    const rev = lc.revisions[r], o = lc.outcomes[r];
    return {
      id: rev.id,
      version: rev.version,
      date: rev.date,
      patches: rev.patches,
      subject: rev.subject,
      outcome: o.outcome,
      verdict: o.verdict,
      at: o.at,
      by: o.by ? personRef(a2, o.by) : null,
      tree: o.tree,
      partial: o.partial,
      applied_patches: o.appliedPatches,
      evidence: o.evidence?.messageId ?? null,
      rule: o.evidence?.rule ?? null,
      answered: lc.answered[r]
    };
  });
}
function row(a2, g) {
  const revisions = revisionRefs(a2, g.group);
  return {
    id: g.id,
    subject: revisions[revisions.length - 1].subject,
    author: personRef(a2, g.author),
    lists: g.lists,
    subsystems: g.subsystems,
    start: g.start,
    outcome: g.outcome,
    applied_at: g.applied >= 0 ? a2.series.lifecycle.outcomes[g.applied].at : null,
    time_to_accept_ms: g.accepted ? g.time : null,
    answered: g.answered,
    reviewed: g.reviewed,
    revisions
  };
}
function curve(group, gs) {
  const km = kaplanMeier(gs.map((g) => ({ time: g.time, answered: g.accepted })));
  const step = Math.max(1, Math.ceil(km.steps.length / 400));
  const r = (x) => Math.round(x * 1e4) / 1e4;
  const steps = km.steps.filter((_, i) => i % step === 0 || i === km.steps.length - 1).map((s) => [s.t, s.atRisk, r(s.s), r(s.lo), r(s.hi)]);
  return {
    group,
    n: km.n,
    events: km.events,
    censored: km.censored,
    median_ms: km.median,
    steps,
    applied: { d7: r(1 - km.at(7 * DAY3)), d30: r(1 - km.at(30 * DAY3)), d90: r(1 - km.at(90 * DAY3)) }
  };
}
function humanGroups(a2) {
  return a2.series.groups.filter((g) => !a2.bots.has(g.author));
}
function buildSeries(a2) {
  const lc = a2.series.lifecycle;
  const groups = humanGroups(a2);
  const timed = groups.filter((g) => g.time !== null);
  const curves = [];
  if (timed.length) curves.push(curve("all", timed));
  for (const l of a2.corpus.lists) {
    const s = timed.filter((g) => g.lists.includes(l));
    if (s.length) curves.push(curve(`list:${l}`, s));
  }
  const bySub = /* @__PURE__ */ new Map();
  for (const g of timed) for (const s of g.subsystems) {
    const l = bySub.get(s);
    if (l) l.push(g);
    else bySub.set(s, [g]);
  }
  for (const [s, gs] of [...bySub].sort((x, y) => y[1].length - x[1].length).slice(0, 30)) curves.push(curve(`subsystem:${s}`, gs));
  const byMonth = /* @__PURE__ */ new Map();
  for (const g of timed) {
    const m = monthOf(g.start);
    const l = byMonth.get(m);
    if (l) l.push(g);
    else byMonth.set(m, [g]);
  }
  for (const [m, gs] of [...byMonth].sort()) curves.push(curve(`month:${m}`, gs));
  const outcomes = { applied: 0, changes_requested: 0, rejected: 0, deferred: 0, superseded: 0, pending: 0 };
  for (const o of lc.outcomes) outcomes[o.outcome]++;
  const applied = groups.filter((g) => g.applied >= 0);
  const toAccept = /* @__PURE__ */ new Map();
  for (const g of applied) toAccept.set(g.revisionsToAccept, (toAccept.get(g.revisionsToAccept) ?? 0) + 1);
  const by_list = a2.corpus.lists.map((list) => {
    const gs = groups.filter((g) => g.lists.includes(list));
    const c = curves.find((x) => x.group === `list:${list}`);
    const share2 = (n) => gs.length ? Math.round(n / gs.length * 1e4) / 1e4 : 0;
    return {
      list,
      groups: gs.length,
      applied: gs.filter((g) => g.applied >= 0).length,
      acceptance_share: share2(gs.filter((g) => g.applied >= 0).length),
      median_ms: c?.median_ms ?? null,
      never_answered_share: share2(gs.filter((g) => !g.answered).length)
    };
  }).filter((x) => x.groups > 0);
  const rows = [...groups].sort((x, y) => (y.start ?? 0) - (x.start ?? 0) || (x.id < y.id ? -1 : 1)).slice(0, ROWS_MAX).map((g) => row(a2, g));
  return {
    verdicts: a2.series.verdicts,
    subsystems: a2.series.subsystems,
    window_end: a2.windowEnd,
    totals: {
      revisions: lc.revisions.length,
      groups: groups.length,
      applied: applied.length,
      partial: applied.filter((g) => lc.outcomes[g.applied].partial).length,
      never_answered: groups.filter((g) => !g.answered).length,
      never_applied: groups.length - applied.length,
      never_answered_never_applied: groups.filter((g) => !g.answered && g.applied < 0).length,
      outcomes
    },
    funnel: [
      { stage: "posted", groups: groups.length },
      { stage: "answered", groups: groups.filter((g) => g.answered).length },
      { stage: "reviewed", groups: groups.filter((g) => g.reviewed).length },
      { stage: "applied", groups: applied.length }
    ],
    curves,
    by_list,
    revisions_to_accept: [...toAccept].sort((x, y) => x[0] - y[0]).map(([revisions, n]) => ({ revisions, groups: n })),
    reviewer_load: reviewerLoadRows(a2),
    rows
  };
}
function reviewerLoadRows(a2) {
  return a2.corpus.maintainerRoles && a2.corpus.subsystems ? reviewerLoad(a2.corpus.messages, a2.series, a2.corpus.maintainerRoles, (id) => a2.bots.has(id)).slice(0, LOAD_ROWS).map((r) => ({ ...r, person: personRef(a2, r.person), subsystems: r.subsystems.slice(0, LOAD_SECTIONS) })) : null;
}
function threadSeries(a2, threadId) {
  const t = a2.tr.threads[a2.tr.threadIndex.get(threadId)];
  const r = t ? a2.series.lifecycle.revisionOf[t.root] : -1;
  if (r < 0) return null;
  const gi = a2.series.lifecycle.grouping.groupOf[r];
  return { group: a2.series.lifecycle.grouping.groups[gi].id, outcome: a2.series.groups[gi].outcome, revisions: revisionRefs(a2, gi) };
}
function personSeriesIndex(a2) {
  const lc = a2.series.lifecycle;
  const own = /* @__PURE__ */ new Map();
  for (const g of a2.series.groups) {
    const l = own.get(g.author);
    if (l) l.push(g);
    else own.set(g.author, [g]);
  }
  const appliedFor = /* @__PURE__ */ new Map();
  lc.outcomes.forEach((o, r) => {
    if (o.outcome !== "applied" || o.by === null || o.by === void 0 || lc.revisions[r].author === o.by) return;
    const l = appliedFor.get(o.by);
    if (l) l.push(r);
    else appliedFor.set(o.by, [r]);
  });
  return (id) => {
    const mine = own.get(id) ?? [], applied = appliedFor.get(id) ?? [];
    if (!mine.length && !applied.length) return null;
    const outcomes = /* @__PURE__ */ Object.create(null);
    for (const g of mine) outcomes[g.outcome] = (outcomes[g.outcome] ?? 0) + 1;
    return {
      outcomes,
      groups: [...mine].sort((x, y) => (y.start ?? 0) - (x.start ?? 0)).slice(0, 100).map((g) => {
        const last = lc.revisions[lc.grouping.groups[g.group].revisions.at(-1)];
        return { id: last.id, subject: last.subject, outcome: g.outcome, revisions: g.revisions, start: g.start };
      }),
      applied_for_others: applied.length,
      applied: applied.slice(-100).map((r) => ({ id: lc.revisions[r].id, subject: lc.revisions[r].subject, author: personRef(a2, lc.revisions[r].author), at: lc.outcomes[r].at, tree: lc.outcomes[r].tree }))
    };
  };
}

// loaders/analysis/bounded.ts
var DETAIL_ROWS = 500;
var TEXT = /* @__PURE__ */ new Set(["subject", "name", "target_subject", "email", "label"]);
var TEXT_LISTS = /* @__PURE__ */ new Set(["emails", "top"]);
function replacer(key, v) {
  if (typeof v === "string") return TEXT.has(key) ? clipText(v) : capLength(v);
  if (Array.isArray(v) && TEXT_LISTS.has(key)) return v.slice(0, DETAIL_ROWS).map((x) => typeof x === "string" ? clipText(x) : x);
  return v;
}
function artifactJson(v) {
  return replacerChanges("", v) ? JSON.stringify(v, replacer) : JSON.stringify(v);
}
function replacerChanges(key, v) {
  if (typeof v === "string") return TEXT.has(key) ? clipText(v) !== v : v.length > STRING_MAX;
  if (typeof v !== "object" || v === null) return false;
  if (typeof v.toJSON === "function") return true;
  if (Array.isArray(v)) {
    if (TEXT_LISTS.has(key) && v.length > DETAIL_ROWS) return true;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === "string" ? x.length > STRING_MAX || TEXT_LISTS.has(key) && clipText(x) !== x : typeof x === "object" && x !== null && replacerChanges("", x)) return true;
    }
    return false;
  }
  for (const k in v) if (replacerChanges(k, v[k])) return true;
  return false;
}

// loaders/model/shard.ts
var SHARDS = 64;
var utf8 = new TextEncoder();
function shardOf(key) {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 128) return utf8Shard(key);
    h ^= c;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h % SHARDS;
}
function utf8Shard(key) {
  let h = 2166136261;
  for (const b of utf8.encode(key)) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h % SHARDS;
}
var shardName = (i) => i.toString(16).padStart(2, "0");

// loaders/analysis/shards.ts
var ShardSet = class {
  constructor(file) {
    this.file = file;
  }
  file;
  parts = Array.from({ length: SHARDS }, () => []);
  seen = /* @__PURE__ */ new Set();
  /** The first value for a key wins (two people can share a case-folded address only by accident). */
  has(key) {
    return this.seen.has(key);
  }
  add(key, json) {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.parts[shardOf(key)].push(`${JSON.stringify(key)}:${json}`);
  }
  writeTo(files) {
    this.parts.forEach((p, i) => files.set(this.file(shardName(i)), `{${p.join(",")}}`));
  }
};
var SEARCH_CHUNKS = 16;
function searchFiles(a2, threads2, people, emails, files) {
  const lists = a2.corpus.lists;
  const personIndex = new Map(people.rows.map((p, i) => [p.id, i]));
  const ppl = people.rows.map((p) => [
    p.id,
    clipText(p.name),
    emails(p.id).filter((e) => e !== p.id).slice(0, 5).map((e) => clipText(e)).join(" "),
    p.messages,
    p.bot ? 1 : 0,
    p.active ? 1 : 0
  ]);
  files.set(FILES.searchPeople, artifactJson({ rows: ppl }));
  const chunks = Array.from({ length: SEARCH_CHUNKS }, () => []);
  const ids = Array.from({ length: SEARCH_CHUNKS }, () => []);
  const rows = threads2.rows.slice().sort((x, y) => (y.start ?? 0) - (x.start ?? 0));
  const per = Math.ceil(rows.length / SEARCH_CHUNKS) || 1;
  rows.forEach((t, i) => {
    let mask = 0;
    for (const l of t.lists) {
      const k = lists.indexOf(l);
      if (k >= 0) mask |= 1 << k;
    }
    ids[Math.floor(i / per)].push(t.id);
    chunks[Math.floor(i / per)].push([
      clipText(t.subject),
      t.author ? personIndex.get(t.author.id) ?? -1 : -1,
      mask,
      t.start === null ? null : Math.floor(t.start / 864e5),
      t.messages
    ]);
  });
  chunks.forEach((c, i) => files.set(FILES.searchThreads(i.toString(16)), artifactJson({ lists, rows: c })));
  ids.forEach((c, i) => files.set(FILES.searchIds(i.toString(16)), JSON.stringify(c)));
}

// loaders/model/window.ts
var DAY4 = 864e5;

// loaders/analysis/facts.ts
var FACTS_SCHEMA = 1;
var FLAG = { patch: 1, reply: 2, bot: 4 };
var REVIEW_KIND = { "reviewed-by": 0, "acked-by": 1, "tested-by": 2, "nacked-by": 3, "nak-line": 4 };
var REVIEW_BOT = 8;
function buildFacts(a2, peopleRows = []) {
  const msgs = a2.corpus.messages;
  const lists = a2.corpus.lists;
  const bit = new Map(lists.map((l, i) => [l, 2 ** i]));
  const maskOf = (ls) => {
    let m = 0;
    for (const l of new Set(ls)) m += bit.get(l) ?? 0;
    return m;
  };
  const { order, rowOf } = factRows(a2);
  const personIdx = factPersonIndex(a2);
  const n = msgs.length;
  const day2 = [], lmask = new Array(n), person2 = new Array(n), thread = new Array(n), flags = new Array(n);
  let hi = 0;
  let dated = 0, prevDay = 0, day0 = 0;
  order.forEach((i, r) => {
    const m = msgs[i];
    if (m.date !== null) {
      const d = Math.floor(m.date / DAY4);
      if (dated === 0) day0 = prevDay = d;
      day2.push(d - prevDay);
      prevDay = d;
      dated++;
    }
    lmask[r] = maskOf(m.lists);
    person2[r] = personIdx.get(m.from);
    const t = a2.tr.threadIndex.get(a2.tr.threading.threadId[i]);
    thread[r] = hi - t;
    if (t >= hi) hi = t + 1;
    flags[r] = (m.patch.isPatch ? FLAG.patch : 0) | (m.inReplyTo || m.references.length ? FLAG.reply : 0) | (a2.bots.has(m.from) ? FLAG.bot : 0);
  });
  const rows = a2.reviews.filter((r) => isReplyReview(r) || isNak(r)).map((r) => {
    const row2 = rowOf[messageIndex(a2.corpus.messages).get(r.messageId)];
    return {
      row: row2,
      kind: REVIEW_KIND[r.kind] + (a2.bots.has(r.reviewer) ? REVIEW_BOT : 0),
      lists: maskOf(r.lists),
      reviewer: personIdx.get(r.reviewer) ?? -1,
      author: r.author === null ? -1 : personIdx.get(r.author) ?? -1
    };
  }).sort((x, y) => x.row - y.row);
  let prevRow = 0;
  const carried = a2.reviews.filter(isCarriedReview).map((r) => {
    const i = messageIndex(a2.corpus.messages).get(r.messageId), m = msgs[i];
    return { row: rowOf[i], reviewer: personIdx.get(r.reviewer), author: r.author === m.from ? -1 : personIdx.get(r.author ?? authorOf(m)) };
  }).sort((x, y) => x.row - y.row || x.reviewer - y.reviewer);
  let prevCarried = 0;
  const edges = a2.replies.map((e) => ({ row: rowOf[e.child], e })).sort((x, y) => x.row - y.row);
  let prevEdge = 0;
  const homes = [...lists, CROSS_LIST_HOME];
  const obs = [...a2.observations].sort((x, y) => x.start - y.start || (x.key < y.key ? -1 : 1));
  let prevObsDay = day0;
  const homeIdx = new Map(homes.map((h, k) => [h, k]));
  return {
    schema: FACTS_SCHEMA,
    lists,
    day0,
    messages: { n, dated, day: day2, lists: lmask, person: person2, thread, flags },
    people: {
      n: personIdx.size,
      bots: [...personIdx].filter(([id]) => a2.bots.has(id)).map(([, k]) => k),
      row: (() => {
        const at = new Map(peopleRows.map((id, k) => [id, k]));
        return [...personIdx.keys()].map((id) => at.get(id) ?? -1);
      })(),
      home: [...personIdx.keys()].map((id) => homeIdx.get(a2.home.get(id) ?? "") ?? -1)
    },
    homes,
    replies: {
      msg: edges.map(({ row: row2 }) => {
        const d = row2 - prevEdge;
        prevEdge = row2;
        return d;
      }),
      to: edges.map(({ e }) => personIdx.get(e.to)),
      lists: edges.map(({ e }) => maskOf([...e.lists, ...msgs[e.parent].lists])),
      minutes: edges.map(({ e }) => e.latency === null ? -1 : Math.round(e.latency / 6e4))
    },
    obs: {
      kind: obs.map((o) => o.kind === "thread" ? 0 : 1),
      day: obs.map((o) => {
        const d = Math.floor(o.start / DAY4);
        const v = d - prevObsDay;
        prevObsDay = d;
        return v;
      }),
      lists: obs.map((o) => maskOf(o.lists)),
      time: obs.map((o) => 2 * Math.max(0, Math.round(o.time / 6e4)) + (o.answered ? 1 : 0)),
      responder: obs.map((o) => o.responder === null ? -1 : personIdx.get(o.responder) ?? -1)
    },
    threads: { n: a2.tr.threads.length },
    carried: {
      msg: carried.map((c) => {
        const d = c.row - prevCarried;
        prevCarried = c.row;
        return d;
      }),
      reviewer: carried.map((c) => c.reviewer),
      author: carried.map((c) => c.author)
    },
    reviews: {
      msg: rows.map((r) => {
        const d = r.row - prevRow;
        prevRow = r.row;
        return d;
      }),
      kind: rows.map((r) => r.kind),
      lists: rows.map((r) => r.lists),
      reviewer: rows.map((r) => r.reviewer),
      author: rows.map((r) => r.author)
    }
  };
}
function buildFactsPeople(a2) {
  const ids = [...factPersonIndex(a2).keys()];
  return {
    name: ids.map((id) => clipText(a2.people.get(id)?.name || a2.people.get(id)?.email || id, 80)),
    id: ids
  };
}

// loaders/analysis/person-facts.ts
function personFactsOf(a2) {
  const rowOf = factRowOf(a2);
  const personIdx = factPersonIndex(a2);
  const lists = a2.corpus.lists;
  const maskOf = (ls) => {
    let m = 0;
    for (const l of new Set(ls)) {
      const i = lists.indexOf(l);
      if (i >= 0) m += 2 ** i;
    }
    return m;
  };
  const out2 = /* @__PURE__ */ new Map(), inn = /* @__PURE__ */ new Map(), firsts = /* @__PURE__ */ new Map();
  const push = (m, k, v) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  for (const e of a2.replies) {
    if (e.bot) continue;
    const row2 = rowOf[e.child];
    push(out2, e.from, { row: row2, to: personIdx.get(e.to), minutes: e.latency === null || e.latency < 0 ? -1 : Math.round(e.latency / 6e4) });
    push(inn, e.to, row2);
  }
  for (const o of a2.observations) if (o.kind === "thread" && o.responder) push(firsts, o.responder, { day: Math.floor(o.start / DAY4), lists: maskOf(o.lists) });
  const deltas = (xs) => {
    let p = 0;
    return xs.map((x) => {
      const d = x - p;
      p = x;
      return d;
    });
  };
  return (id) => {
    const o = (out2.get(id) ?? []).sort((x, y) => x.row - y.row), i = (inn.get(id) ?? []).sort((x, y) => x - y);
    const f = (firsts.get(id) ?? []).sort((x, y) => x.day - y.day || x.lists - y.lists);
    if (!o.length && !i.length && !f.length) return null;
    return {
      out: { row: deltas(o.map((x) => x.row)), to: o.map((x) => x.to), minutes: o.map((x) => x.minutes) },
      in: { row: deltas(i) },
      first: { day: deltas(f.map((x) => x.day)), lists: f.map((x) => x.lists) }
    };
  };
}
function buildPeopleColsFacts(a2) {
  const msgs = a2.corpus.messages, rowOf = factRowOf(a2), personIdx = factPersonIndex(a2), lists = a2.corpus.lists;
  const maskOf = (ls) => {
    let m = 0;
    for (const l of new Set(ls)) {
      const i = lists.indexOf(l);
      if (i >= 0) m += 2 ** i;
    }
    return m;
  };
  const deltas = (xs) => {
    let p = 0;
    return xs.map((x) => {
      const d = x - p;
      p = x;
      return d;
    });
  };
  const root = new Uint8Array(msgs.length);
  for (const t of a2.tr.threads) if (!t.rootIsPhantom) root[t.root] = 1;
  const flip = [], covers = [], fwd = [];
  msgs.forEach((m, i) => {
    const r = rowOf[i], noParent = !(m.inReplyTo || m.references.length);
    if (!!root[i] !== noParent) flip.push(r);
    if (m.patch.isPatch && m.patch.isCover) covers.push(r);
    else if (m.patch.isPatch && m.author !== void 0) fwd.push({ row: r, author: personIdx.get(m.author) });
  });
  fwd.sort((x, y) => x.row - y.row);
  const firsts = a2.observations.filter((o) => o.kind === "thread" && o.responder).map((o) => ({ day: Math.floor(o.start / DAY4), lists: maskOf(o.lists), who: personIdx.get(o.responder) })).sort((x, y) => x.day - y.day || x.lists - y.lists || x.who - y.who);
  const human = a2.replies.filter((e) => !e.bot).map((e) => ({ row: rowOf[e.child], minutes: e.latency === null || e.latency < 0 ? -1 : Math.round(e.latency / 6e4) })).sort((x, y) => x.row - y.row);
  return {
    cols: {
      started_flip: deltas(flip.sort((x, y) => x - y)),
      covers: deltas(covers.sort((x, y) => x - y)),
      forwarded: { row: deltas(fwd.map((x) => x.row)), author: fwd.map((x) => x.author) },
      first: { day: deltas(firsts.map((x) => x.day)), lists: firsts.map((x) => x.lists), responder: firsts.map((x) => x.who) }
    },
    times: { human: { row: deltas(human.map((x) => x.row)), minutes: human.map((x) => x.minutes) } }
  };
}

// loaders/analysis/graph-buckets.ts
var day = (t) => new Date(t).toISOString().slice(0, 10);
var round = (x) => Number(x.toPrecision(4));
function quarters(a2) {
  let lo = Infinity, hi = -Infinity;
  for (const e of a2.replies) if (e.date !== null) {
    lo = Math.min(lo, e.date);
    hi = Math.max(hi, e.date);
  }
  if (lo > hi) return [];
  const out2 = [];
  const d = new Date(lo);
  let y = d.getUTCFullYear(), q = Math.floor(d.getUTCMonth() / 3);
  for (; ; ) {
    const from = Date.UTC(y, 3 * q, 1), to = Date.UTC(q === 3 ? y + 1 : y, (3 * q + 3) % 12, 1);
    if (from > hi) break;
    out2.push([from, to]);
    if (q === 3) {
      y++;
      q = 0;
    } else q++;
  }
  return out2;
}
function quarterJob(a2) {
  const at = /* @__PURE__ */ new Map(), ids = [];
  const ix = (id) => {
    let i = at.get(id);
    if (i === void 0) {
      at.set(id, i = ids.length);
      ids.push(id);
    }
    return i;
  };
  const kept = a2.replies.filter((e) => !e.bot && e.date !== null);
  const from = new Int32Array(kept.length), to = new Int32Array(kept.length), date = new Float64Array(kept.length);
  kept.forEach((e, k) => {
    from[k] = ix(e.from);
    to[k] = ix(e.to);
    date[k] = e.date;
  });
  return { ids, from, to, date, quarters: quarters(a2) };
}
function quarterMetrics(job) {
  const out2 = [];
  for (const [from, to] of job.quarters) {
    const edges = [];
    for (let k = 0; k < job.date.length; k++) {
      const d = job.date[k];
      if (d >= from && d < to) edges.push({ child: -1, parent: -1, from: job.ids[job.from[k]], to: job.ids[job.to[k]], date: d, latency: null, lists: [], bot: false });
    }
    if (!edges.length) continue;
    const g = buildReplyGraph(edges, {}, (id) => id);
    out2.push({ from, to, nodes: g.order, edges: g.size, metrics: [...byPerson(computeMetrics(g, 42).nodes)] });
  }
  return out2;
}
function buildGraphBuckets(a2, personIndex, quarterResults = quarterMetrics(quarterJob(a2))) {
  const bucket = (id, from, to, nodes, edges, metrics) => {
    const b = {
      id,
      from: from === null ? null : day(from),
      to: to === null ? null : day(to),
      nodes,
      edges,
      person: [],
      pagerank: [],
      betweenness: [],
      community: [],
      core: [],
      in_w: [],
      out_w: []
    };
    for (const [pid, v] of metrics) {
      const k = personIndex.get(pid);
      if (k === void 0) continue;
      b.person.push(k);
      b.pagerank.push(round(v.pagerank));
      b.betweenness.push(round(v.betweenness));
      b.community.push(v.community);
      b.core.push(v.core);
      b.in_w.push(v.in_w);
      b.out_w.push(v.out_w);
    }
    return b;
  };
  const out2 = [];
  if (a2.replies.some((e) => !e.bot)) out2.push(bucket("all", null, null, a2.graph.order, a2.graph.size, a2.metrics.nodes));
  for (const q of quarterResults) {
    const d = new Date(q.from);
    out2.push(bucket(`${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`, q.from, q.to, q.nodes, q.edges, q.metrics));
  }
  return { buckets: out2 };
}

// loaders/analysis/layout-job.ts
import graphology2 from "graphology";
var { DirectedGraph: DirectedGraph2 } = graphology2;

// loaders/store/maintainers-input.ts
import { existsSync as existsSync7 } from "node:fs";
import { dirname, join as join6, resolve as resolve3 } from "node:path";

// loaders/store/settings.ts
import { existsSync as existsSync5, readFileSync as readFileSync2, rmSync } from "node:fs";
import { join as join4 } from "node:path";
var IDENTITY_KEYS = ["mailmap", "overrides"];
var SETTINGS = "settings.json";
function readStoreSettings(dir) {
  const file = join4(dir, SETTINGS);
  if (!existsSync5(file)) return {};
  let s;
  try {
    s = JSON.parse(readFileSync2(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: unreadable store settings (${e.message}); fix or delete it`);
  }
  const problem = settingsProblem(s);
  if (problem) {
    throw new Error(`${file}: ${problem}, which this threadgraph does not understand (written by another version, or edited?). Fix or delete that entry (or the file: the choices it saved then come from threadgraph.config.ts again)`);
  }
  return s;
}
function settingsProblem(s) {
  const show = (v) => JSON.stringify(v)?.slice(0, 80);
  if (!s || typeof s !== "object" || Array.isArray(s)) return `the settings are ${show(s)}, not an object`;
  const o = s;
  const w = o.reportWindow;
  if (w !== void 0) {
    if (!w || typeof w !== "object" || Array.isArray(w)) return `reportWindow is ${show(w)}`;
    for (const k of ["since", "until"]) {
      const v = w[k];
      if (v !== void 0 && typeof v !== "string") return `reportWindow.${k} is ${show(v)}`;
    }
  }
  const id = o.identity;
  if (id !== void 0) {
    if (!id || typeof id !== "object" || Array.isArray(id)) return `identity is ${show(id)}`;
    for (const k of IDENTITY_KEYS) {
      const v = id[k];
      if (v !== void 0 && v !== null && typeof v !== "string") return `identity.${k} is ${show(v)}`;
    }
  }
  if (o.maintainers !== void 0 && o.maintainers !== null && typeof o.maintainers !== "string") return `maintainers is ${show(o.maintainers)}`;
  return null;
}

// loaders/sources/maintainers-file.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync6, mkdirSync as mkdirSync2, readFileSync as readFileSync4, renameSync as renameSync2, statSync as statSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join5 } from "node:path";

// loaders/sources/lore/http-client.ts
import http from "node:http";
import https from "node:https";
import { readFileSync as readFileSync3 } from "node:fs";

// loaders/sources/lore/http-errors.ts
var HttpError = class extends Error {
  constructor(url, message, status) {
    super(`${url}: ${message}`);
    this.url = url;
    this.status = status;
  }
  url;
  status;
};
var MiB = 1 << 20;
var mib = (n) => `${(n / MiB).toFixed(n % MiB ? 1 : 0)} MiB`;
var BOMB_RATIO = 100;
var ResponseTooLarge = class extends HttpError {
  constructor(url, limit, detail) {
    const { declared, decoded, compressed } = detail;
    const ratio = decoded !== void 0 && compressed ? decoded / compressed : 0;
    const bomb = ratio > BOMB_RATIO;
    super(url, bomb ? `a gzip bomb: ${mib(compressed)} compressed already expand past the ${mib(limit)} limit (about ${Math.round(ratio)}:1); not retried, nothing from it was stored` : `response larger than the ${mib(limit)} limit (${declared !== void 0 ? `Content-Length ${declared} bytes` : decoded !== void 0 ? `more than ${mib(limit)} once decompressed` : `more than ${mib(limit)} received`}; sync.maxResponseBytes in threadgraph.config.ts); nothing from it was stored`);
    this.limit = limit;
    this.bomb = bomb;
    this.splittable = !bomb && detail.gzip !== false;
  }
  limit;
  bomb;
  splittable;
};
var DeadlineExceeded = class extends HttpError {
  constructor(url, deadlineMs, received) {
    super(url, `no complete response within the ${Math.round(deadlineMs / 1e3)} s deadline per request (${received} bytes received; sync.requestDeadlineMs); not retried, nothing from it was stored`);
  }
};
var Redirected = class extends HttpError {
  constructor(url, status, location) {
    super(url, `redirected (HTTP ${status}) to ${location ?? "(no Location header)"}; redirects are not followed: use that URL as the inbox (--list NAME=URL, or inbox: in threadgraph.config.ts)`, status);
    this.location = location;
  }
  location;
};
var UNREACHABLE = /* @__PURE__ */ new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NONAME",
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "EADDRNOTAVAIL",
  "CONNECT_TIMEOUT"
]);
function isUnreachable(e) {
  return UNREACHABLE.has(e?.code ?? "");
}
var Unreachable = class extends HttpError {
  constructor(url, host, cause) {
    super(url, `cannot reach ${host} (${cause.code ?? "network error"}: ${cause.message}). Check the network connection and the inbox URL. To work offline, ingest local archives instead: threadgraph ingest LIST=PATH (an mbox or mbox.gz file, a Maildir, or a public-inbox git mirror)`);
    this.host = host;
  }
  host;
};

// loaders/sources/lore/http-client.ts
var VERSION = (() => {
  try {
    return JSON.parse(readFileSync3(new URL("../../../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "0";
  }
})();
var USER_AGENT = `threadgraph/${VERSION} (+https://github.com/threadgraph/threadgraph)`;
var DEFAULT_MAX_RESPONSE_BYTES = 32 << 20;
var DEFAULT_DEADLINE_MS = 3e5;
var Limiter = class {
  constructor(max) {
    this.max = max;
  }
  max;
  active = 0;
  waiting = [];
  async acquire() {
    if (this.active >= this.max) await new Promise((r) => this.waiting.push(r));
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
};
function retryAfterMs(v, now = Date.now()) {
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return void 0;
  if (/^\d+$/.test(s.trim())) return Number(s.trim()) * 1e3;
  const t = Date.parse(s);
  return Number.isFinite(t) ? Math.max(0, t - now) : void 0;
}
var HttpClient = class {
  opts;
  limiters = /* @__PURE__ */ new Map();
  agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 8 })
  };
  /** Hosts that sent at least one response: a refused connection to them is a blip, not "offline". */
  answered = /* @__PURE__ */ new Set();
  /** Hosts found unreachable in this run, with why: later requests to them fail at once. */
  unreachable = /* @__PURE__ */ new Map();
  /** Totals for progress and the summary. */
  stats = { requests: 0, retries: 0, bytes: 0 };
  closed = false;
  /** Pending backoff sleeps, cut short by close() so abandoned prefetches do not keep the process alive. */
  wakers = /* @__PURE__ */ new Set();
  /** `shareWith`: use its per-host limits and connections but keep separate stats (one client per list). */
  constructor(o = {}, shareWith) {
    if (shareWith) {
      this.limiters = shareWith.limiters;
      this.agents = shareWith.agents;
      this.answered = shareWith.answered;
      this.unreachable = shareWith.unreachable;
    }
    this.opts = {
      perHost: o.perHost ?? 2,
      connectTimeoutMs: o.connectTimeoutMs ?? 15e3,
      readTimeoutMs: o.readTimeoutMs ?? 6e4,
      deadlineMs: o.deadlineMs ?? DEFAULT_DEADLINE_MS,
      maxResponseBytes: o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      retries: o.retries ?? 5,
      backoffMs: o.backoffMs ?? 1e3,
      maxBackoffMs: o.maxBackoffMs ?? 6e4,
      userAgent: o.userAgent ?? USER_AGENT,
      onRetry: o.onRetry,
      onResponse: o.onResponse
    };
  }
  close() {
    this.closed = true;
    for (const w of this.wakers) w();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
  sleep(ms) {
    return new Promise((resolve5) => {
      const done = () => {
        clearTimeout(t);
        this.wakers.delete(done);
        resolve5();
      };
      const t = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
  limiter(host) {
    let l = this.limiters.get(host);
    if (!l) this.limiters.set(host, l = new Limiter(this.opts.perHost));
    return l;
  }
  /**
   * GET or POST with retries. Returns any final 2xx/4xx status (the caller decides what 404
   * means); 429/5xx and network failures are retried, then thrown as HttpError naming the URL.
   * Thrown at once, never retried: a redirect, a body over the limit, a blown deadline, and a
   * host that never answered (after one quick retry).
   */
  async request(url, method = "GET", onBytes) {
    const host = new URL(url).host;
    let quickRetried = false;
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new HttpError(url, "cancelled (client closed)");
      const known = this.unreachable.get(host);
      if (known) throw new Unreachable(url, host, known);
      let reason;
      let hinted;
      let quick = false;
      const release = await this.limiter(host).acquire();
      try {
        this.stats.requests++;
        const t0 = Date.now();
        const res = await this.once(url, method, onBytes);
        this.answered.add(host);
        this.opts.onResponse?.({ url, method, status: res.status, bytes: res.body.length, ms: Date.now() - t0 });
        if (res.status >= 300 && res.status < 400) throw new Redirected(url, res.status, headerOf(res.headers.location));
        if (res.status !== 429 && res.status < 500) return res;
        reason = `HTTP ${res.status}`;
        hinted = retryAfterMs(res.headers["retry-after"]);
        if (attempt >= this.opts.retries) throw new HttpError(url, `${reason} after ${attempt + 1} attempts`, res.status);
      } catch (e) {
        if (e instanceof HttpError) throw e;
        reason = e.message;
        if (isUnreachable(e) && !this.answered.has(host)) {
          if (quickRetried || this.closed) {
            this.unreachable.set(host, e);
            throw new Unreachable(url, host, e);
          }
          quickRetried = quick = true;
        } else if (attempt >= this.opts.retries) throw new HttpError(url, `${reason} (after ${attempt + 1} attempts)`);
      } finally {
        release();
      }
      const base = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** attempt);
      const jittered = base * (0.5 + Math.random());
      const waitMs = quick ? Math.min(1e3, this.opts.backoffMs) : Math.min(this.opts.maxBackoffMs, Math.max(hinted ?? 0, jittered));
      this.stats.retries++;
      const maxAttempts = quick ? attempt + 2 : this.opts.retries + 1;
      this.opts.onRetry?.({ url, attempt: attempt + 2, maxAttempts, waitMs, reason });
      await this.sleep(waitMs);
    }
  }
  once(url, method, onBytes) {
    const u = new URL(url);
    const mod = u.protocol === "https:" ? https : http;
    const agent = u.protocol === "https:" ? this.agents.https : this.agents.http;
    const { connectTimeoutMs, readTimeoutMs, deadlineMs, maxResponseBytes: max } = this.opts;
    return new Promise((resolve5, reject) => {
      let connectTimer;
      let received = 0;
      let settled = false;
      const settle = (err, res) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(deadline);
        if (err) reject(err);
        else resolve5(res);
      };
      const abort = (err) => {
        settle(err);
        req.destroy();
      };
      const req = mod.request(u, {
        method,
        agent,
        headers: { "User-Agent": this.opts.userAgent, Accept: "*/*", ...method === "POST" ? { "Content-Length": "0" } : {} }
      });
      const deadline = setTimeout(() => abort(new DeadlineExceeded(url, deadlineMs, received)), deadlineMs);
      req.on("socket", (sock) => {
        if (sock.connecting) {
          connectTimer = setTimeout(() => abort(Object.assign(new Error(`connect timeout after ${connectTimeoutMs} ms`), { code: "CONNECT_TIMEOUT" })), connectTimeoutMs);
          sock.once("connect", () => clearTimeout(connectTimer));
        }
      });
      req.setTimeout(readTimeoutMs, () => abort(new Error(`read timeout: no data for ${readTimeoutMs} ms`)));
      req.on("error", (e) => settle(e));
      req.on("response", (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          settle(null, { url, status, headers: res.headers, body: Buffer.alloc(0) });
          return req.destroy();
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > max) return abort(new ResponseTooLarge(url, max, { declared }));
        const chunks = [];
        res.on("data", (c) => {
          received += c.length;
          this.stats.bytes += c.length;
          onBytes?.(c.length);
          if (received > max) {
            const gzip = (chunks[0] ?? c)[0] === 31;
            chunks.length = 0;
            return abort(new ResponseTooLarge(url, max, { received, gzip }));
          }
          chunks.push(c);
        });
        res.on("aborted", () => settle(new Error("connection closed mid-response")));
        res.on("error", (e) => settle(e));
        res.on("end", () => {
          if (!res.complete) return settle(new Error("connection closed mid-response"));
          const body = Buffer.concat(chunks);
          chunks.length = 0;
          settle(null, { url, status, headers: res.headers, body });
        });
      });
      req.end();
    });
  }
};
var headerOf = (v) => Array.isArray(v) ? v[0] : v;

// loaders/sources/maintainers-file.ts
var MAINTAINERS_CACHE_MS = 24 * 36e5;
var MAX_BYTES = 16 << 20;
var isUrl = (spec) => /^https?:\/\//i.test(spec);
function looksLikeHtml(text) {
  return /^\uFEFF?\s*</.test(text) || /<\/(?:html|body|pre|code|td|div)>/i.test(text);
}
function cachePath(cacheDir, url) {
  return join5(cacheDir, `MAINTAINERS-${createHash("sha1").update(url).digest("hex").slice(0, 16)}`);
}
async function loadMaintainersText(spec, o) {
  if (!isUrl(spec)) {
    if (!existsSync6(spec)) throw new Error(`MAINTAINERS file ${spec} does not exist`);
    return { text: readFileSync4(spec, "utf8"), path: spec, via: "file" };
  }
  const cached = cachePath(o.cacheDir, spec);
  const fresh = existsSync6(cached) && Date.now() - statSync2(cached).mtimeMs < MAINTAINERS_CACHE_MS;
  if (fresh || existsSync6(cached) && o.fetch === false) return { text: readFileSync4(cached, "utf8"), path: cached, via: "cache" };
  if (o.fetch === false) throw new Error(`MAINTAINERS ${spec} is not cached yet: run 'threadgraph analyze' once to fetch it`);
  const client = o.client ?? new HttpClient({ maxResponseBytes: MAX_BYTES, retries: 2 });
  try {
    const r = await client.request(spec);
    if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
    const text = r.body.toString("utf8");
    if (looksLikeHtml(text)) throw new Error("the response is an HTML page, not a MAINTAINERS file (use the raw file's URL, e.g. a /plain/ or raw link)");
    if (!/^[A-Z].*\n[MRLSFXNK]:\s/m.test(text)) throw new Error("the response is not a MAINTAINERS file (no section with tagged entries)");
    mkdirSync2(o.cacheDir, { recursive: true });
    writeFileSync2(`${cached}.tmp`, text);
    renameSync2(`${cached}.tmp`, cached);
    return { text, path: cached, via: "url" };
  } catch (e) {
    const why = `MAINTAINERS ${spec}: ${e.message}`;
    if (!existsSync6(cached)) throw new Error(why);
    o.warn?.(`${why}; using the copy cached ${new Date(statSync2(cached).mtimeMs).toISOString()}`);
    return { text: readFileSync4(cached, "utf8"), path: cached, via: "cache" };
  } finally {
    if (!o.client) client.close();
  }
}

// loaders/store/maintainers-input.ts
function normalizeMaintainersSpec(value, base = process.cwd()) {
  const v = value.trim();
  if (!v) throw new Error("--maintainers: empty file name");
  return isUrl(v) ? v : resolve3(base, v);
}
function resolveMaintainers(storeDir, config, flag, root = dirname(configFile())) {
  if (flag !== void 0) return { spec: flag === null ? null : normalizeMaintainersSpec(flag), origin: "flags" };
  const saved = existsSync7(storeDir) ? readStoreSettings(storeDir).maintainers : void 0;
  if (saved !== void 0) return { spec: saved, origin: "store" };
  if (config.maintainers) return { spec: normalizeMaintainersSpec(config.maintainers, root), origin: "config" };
  return { spec: null, origin: "none" };
}
function maintainersCacheDir(root = dirname(configFile())) {
  return join6(root, "data", "maintainers");
}

// loaders/store/identity-inputs.ts
import { existsSync as existsSync8 } from "node:fs";
import { dirname as dirname2, resolve as resolve4 } from "node:path";
var FLAG2 = { mailmap: "--mailmap", overrides: "--overrides" };
function resolveIdentityInputs(storeDir, config, flags = {}, root = dirname2(configFile())) {
  const saved = existsSync8(storeDir) ? readStoreSettings(storeDir).identity ?? {} : {};
  const out2 = { origin: { mailmap: "none", overrides: "none" }, remember: {} };
  for (const k of IDENTITY_KEYS) {
    let file;
    let origin;
    if (flags[k] !== void 0) {
      file = flags[k] === null ? null : resolve4(flags[k]);
      origin = "flags";
      out2.remember[k] = file;
    } else if (saved[k] !== void 0) {
      file = saved[k];
      origin = "store";
    } else if (config[k]) {
      file = resolve4(root, config[k]);
      origin = "config";
    } else {
      file = null;
      origin = "none";
    }
    out2.origin[k] = origin;
    if (file === null || file === void 0) continue;
    if (!existsSync8(file)) throw new Error(missingMessage(k, file, origin));
    out2[k] = file;
  }
  return out2;
}
function missingMessage(k, file, origin) {
  const where = origin === "store" ? `saved in the store by an earlier ${FLAG2[k]}` : origin === "config" ? "set in threadgraph.config.ts" : FLAG2[k];
  return `${k} file ${file} (${where}) does not exist. Nothing was changed: the people keep their ${k}-based merges. Restore the file, pass ${FLAG2[k]} FILE to use another one, or --no-${k} to stop using one`;
}

// loaders/identity/overrides.ts
import { readFileSync as readFileSync5 } from "node:fs";

// loaders/parse/linear-text.ts
var WS = /\s/;
function isSpace(c) {
  return WS.test(c);
}
function dropComments(s, repl) {
  let p = s.indexOf("(");
  if (p < 0) return s;
  let out2 = "";
  let from = 0;
  while (p >= 0) {
    const q = s.indexOf(")", p + 1);
    if (q < 0) break;
    out2 += s.slice(from, p) + repl;
    from = q + 1;
    p = s.indexOf("(", from);
  }
  return out2 + s.slice(from);
}
function spacedWordAt(s, word) {
  const m = word.exec(s);
  if (!m) return -1;
  let i = m.index;
  while (i > 0 && isSpace(s[i - 1])) i--;
  return i;
}
var VIA = /\svia\s/i;
function withoutVia(name) {
  const at = spacedWordAt(name, VIA);
  return at < 0 ? name : name.slice(0, at);
}
function trimEndWhere(s, drop) {
  let e = s.length;
  while (e > 0 && drop(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

// loaders/identity/normalize.ts
function normalizeEmail(raw) {
  if (!raw) return "";
  let e = raw.trim();
  if (e.startsWith("<") && e.endsWith(">")) e = e.slice(1, -1).trim();
  if (/^mailto:/i.test(e)) e = e.slice(7);
  e = trimEndWhere(e, (c) => c === 46).toLowerCase();
  return e.includes("@") && !/\s/.test(e) ? e : "";
}
var GENERIC_WORDS = /\b(root|admin|administrator|unknown|no.?reply|nobody|daemon|mailer|postmaster|webmaster|support|info|team|project|maintainers?|list|lists|robot|bot|patchwork|ci|test|user|linux|kernel)\b/;
var FOLD = new Map(Object.entries({ "\xF8": "o", "\xE6": "ae", "\u0153": "oe", "\xDF": "ss", "\u0111": "d", "\xF0": "d", "\u0142": "l", "\u0131": "i", "\xFE": "th", "\u0127": "h" }));
var MAX_NAME = 256;
function nameWords(raw) {
  if (!raw || raw.length > MAX_NAME) return [];
  let n = raw.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[øæœßđðłıþħ]/g, (c) => FOLD.get(c));
  n = withoutVia(dropComments(n, " ")).replace(/["'`]/g, "");
  if (n.includes("@")) return [];
  return n.replace(/[,\-‐–]/g, " ").split(/\s+/).filter((w) => w.length > 0);
}
function nameKey(raw) {
  const words = nameWords(raw);
  if (words.length < 2) return "";
  if (GENERIC_WORDS.test(words.join(" "))) return "";
  return [...words].sort().join(" ");
}

// loaders/identity/overrides.ts
function emptyOverrides() {
  return { joins: [], splits: /* @__PURE__ */ new Set(), names: /* @__PURE__ */ new Map(), bots: /* @__PURE__ */ new Map(), orgs: [] };
}
function parseOverrides(text, file = "overrides") {
  const o = emptyOverrides();
  text.split(/\r?\n/).forEach((raw, i) => {
    const origin = `${file}:${i + 1}`;
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const [verb, ...rest] = line.split(/\s+/);
    const email = (s) => {
      const e = normalizeEmail(s);
      if (!e) throw new Error(`${origin}: expected an email address, got '${s ?? ""}'`);
      return e;
    };
    switch (verb.toLowerCase()) {
      case "join":
        if (rest.length < 2) throw new Error(`${origin}: join needs at least two addresses`);
        o.joins.push({ emails: rest.map(email), origin });
        break;
      case "split":
        if (rest.length !== 1) throw new Error(`${origin}: split takes one address`);
        o.splits.add(email(rest[0]));
        break;
      case "name":
        if (rest.length < 2) throw new Error(`${origin}: name needs an address and a name`);
        o.names.set(email(rest[0]), rest.slice(1).join(" "));
        break;
      case "bot":
      case "notbot":
        if (rest.length !== 1) throw new Error(`${origin}: ${verb} takes one address`);
        o.bots.set(email(rest[0]), verb.toLowerCase() === "bot");
        break;
      case "org": {
        const range = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(rest[1] ?? "");
        const name = rest.slice(range ? 2 : 1).join(" ");
        if (rest.length < 2 || !name) throw new Error(`${origin}: org needs an address, an optional FROM..UNTIL range and an organisation ('-' for none)`);
        const day2 = (d, end) => {
          if (!d) return void 0;
          const t = Date.parse(`${d}T00:00:00Z`);
          if (Number.isNaN(t)) throw new Error(`${origin}: not a date: ${d}`);
          return end ? t + 864e5 - 1 : t;
        };
        const from = day2(range?.[1], false), until = day2(range?.[2], true);
        if (from !== void 0 && until !== void 0 && until < from) throw new Error(`${origin}: the range ends before it starts`);
        o.orgs.push({ email: email(rest[0]), organisation: name === "-" ? null : name, from, until, origin });
        break;
      }
      default:
        throw new Error(`${origin}: unknown directive '${verb}' (expected join, split, name, bot, notbot, org)`);
    }
  });
  return o;
}
function readOverrides(path) {
  return parseOverrides(readFileSync5(path, "utf8"), path);
}

// loaders/analysis/affiliation-setup.ts
async function affiliationSetup(storeDir, o) {
  const cfg = await loadConfig();
  const chosen = resolveMaintainers(storeDir, cfg, o.maintainers);
  let maintainers = null;
  if (chosen.spec) {
    try {
      maintainers = { text: (await loadMaintainersText(chosen.spec, { cacheDir: maintainersCacheDir(), fetch: o.fetch, warn: o.warn })).text, spec: chosen.spec };
    } catch (e) {
      const where = { flags: "given with --maintainers", store: "saved in the store by an earlier --maintainers", config: "set in threadgraph.config.ts", none: "" }[chosen.origin];
      throw new Error(`${e.message} (${where}). Restore it, pass --maintainers FILE|URL to use another, or --no-maintainers to stop using one`);
    }
  }
  let orgOverrides = [];
  try {
    const id = resolveIdentityInputs(storeDir, cfg);
    if (id.overrides) orgOverrides = readOverrides(id.overrides).orgs.map((x) => ({ email: x.email, override: { organisation: x.organisation, from: x.from, until: x.until } }));
  } catch (e) {
    o.warn?.(`organisation overrides not read: ${e.message}`);
  }
  return { maintainers, tracked: cfg.lists.map((l) => ({ name: l.name, address: l.address.toLowerCase() })), orgOverrides, writeDerived: o.writeDerived };
}

// loaders/parse/rfc2047.ts
var decoders = /* @__PURE__ */ new Map();
var CHARSET_NAME = /^[a-z0-9][a-z0-9._:+-]{0,39}$/;
var MAX_CACHED = 512;
var LOOKUPS_PER_VALUE = 32;
function decoderFor(charset, budget) {
  const star = charset.indexOf("*");
  const cs = (star >= 0 ? charset.slice(0, star) : charset).toLowerCase();
  let d = decoders.get(cs);
  if (d === void 0) {
    if (!CHARSET_NAME.test(cs) || budget && budget.left-- <= 0) return null;
    try {
      d = new TextDecoder(cs === "utf8" ? "utf-8" : cs);
    } catch {
      d = null;
    }
    if (d !== null || decoders.size < MAX_CACHED) decoders.set(cs, d);
  }
  return d;
}
function decodeBytes(bytes, charset, budget) {
  const d = decoderFor(charset, budget);
  return d ? d.decode(bytes) : bytes.toString("latin1");
}
function qDecode(text) {
  const out2 = Buffer.allocUnsafe(text.length);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 95) out2[o++] = 32;
    else if (c === 61 && i + 2 < text.length && /^[0-9a-fA-F]{2}$/.test(text.substr(i + 1, 2))) {
      out2[o++] = parseInt(text.substr(i + 1, 2), 16);
      i += 2;
    } else out2[o++] = c & 255;
  }
  return out2.subarray(0, o);
}
var WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
function decodeWords(s) {
  if (s.indexOf("=?") < 0) return s;
  let out2 = "";
  let last = 0;
  let pendCharset = "";
  let pend = [];
  const budget = { left: LOOKUPS_PER_VALUE };
  const flush = () => {
    if (pend.length) out2 += decodeBytes(pend.length === 1 ? pend[0] : Buffer.concat(pend), pendCharset, budget);
    pend = [];
  };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const between = s.slice(last, m.index);
    const charset = m[1];
    const bytes = m[2] === "b" || m[2] === "B" ? Buffer.from(m[3], "base64") : qDecode(m[3]);
    if (pend.length && /^[ \t\r\n]*$/.test(between) && charset.toLowerCase() === pendCharset.toLowerCase()) {
      pend.push(bytes);
    } else {
      flush();
      if (!(last > 0 && /^[ \t\r\n]*$/.test(between))) out2 += between;
      pendCharset = charset;
      pend = [bytes];
    }
    last = m.index + m[0].length;
  }
  flush();
  return out2 + s.slice(last);
}

// loaders/parse/addresses.ts
var SPECIAL = new Set([...'"(<,:; 	\r\n'].map((c) => c.charCodeAt(0)));
function closesQuote(s, from) {
  for (let i = from; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === '"') return true;
  }
  return false;
}
function tokenize(s) {
  const out2 = [];
  let i = 0;
  let unclosedFrom = Infinity;
  let word = "";
  const pushWord = () => {
    if (word) out2.push({ t: "w", v: word });
    word = "";
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '"' && (i >= unclosedFrom || !closesQuote(s, i + 1))) {
      if (i < unclosedFrom) unclosedFrom = i;
      i++;
    } else if (c === '"') {
      pushWord();
      let v = "";
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < s.length) i++;
        v += s[i++];
      }
      i++;
      if (s[i] === "@") word = `"${v}"`;
      else out2.push({ t: "q", v });
    } else if (c === "(") {
      pushWord();
      let depth = 1;
      let v = "";
      i++;
      while (i < s.length && depth > 0) {
        if (s[i] === "\\" && i + 1 < s.length) v += s[++i];
        else if (s[i] === "(") depth++, v += "(";
        else if (s[i] === ")") --depth > 0 && (v += ")");
        else v += s[i];
        i++;
      }
      out2.push({ t: "c", v });
    } else if (c === "<") {
      pushWord();
      const e = s.indexOf(">", i);
      const v = e < 0 ? s.slice(i + 1) : s.slice(i + 1, e);
      i = e < 0 ? s.length : e + 1;
      out2.push({ t: "a", v });
    } else if (c === "," || c === ":" || c === ";") {
      pushWord();
      out2.push({ t: "s", v: c });
      i++;
    } else if (c === " " || c === "	" || c === "\r" || c === "\n") {
      pushWord();
      i++;
    } else {
      let j = i + 1;
      while (j < s.length && !SPECIAL.has(s.charCodeAt(j))) j++;
      word += s.slice(i, j);
      i = j;
    }
  }
  pushWord();
  return out2;
}
function normalizeEmail2(v) {
  if (SIMPLE_EMAIL.test(v)) return v.toLowerCase();
  let e = v.trim();
  const colon = e.lastIndexOf(":");
  if (e.startsWith("@") && colon > 0) e = e.slice(colon + 1);
  return e.replace(/^mailto:/i, "").replace(/\s+/g, "").toLowerCase();
}
var SIMPLE_EMAIL = /^[^\s:]+$/;
function cleanName(parts) {
  let s = parts.length === 1 ? parts[0] : parts.join(" ");
  if (s.indexOf("=?") >= 0) s = decodeWords(s);
  return /\s\s|[\t\r\n]/.test(s) ? s.replace(/\s+/g, " ").trim() : s.trim();
}
function mailbox(toks) {
  if (toks.length === 0) return null;
  let angle = null;
  const words = [];
  const comments = [];
  for (const t of toks) {
    if (t.t === "a") angle ??= t.v;
    else if (t.t === "c") comments.push(t.v);
    else if (t.t === "q" || t.t === "w") words.push(t.v);
  }
  if (angle !== null) {
    const name = words.length ? cleanName(words) : "";
    return { name: name || (comments.length ? cleanName([comments[0]]) : ""), email: normalizeEmail2(angle) };
  }
  let at = -1;
  for (let k = 0; k < words.length; k++) if (words[k].indexOf("@") >= 0) {
    at = k;
    break;
  }
  if (at >= 0) {
    return { name: comments.length ? cleanName(comments) : at > 0 ? cleanName(words.slice(0, at)) : "", email: normalizeEmail2(words[at]) };
  }
  if (!words.length && !comments.length) return null;
  return { name: cleanName(words.length ? words : comments), email: "" };
}
var HARD = /[():;\\]|=\?/;
function splitOutsideQuotes(v) {
  if (v.indexOf('"') < 0) return v.split(",");
  const out2 = [];
  let start = 0;
  let inQ = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 34) inQ = !inQ;
    else if (c === 44 && !inQ) {
      out2.push(v.slice(start, i));
      start = i + 1;
    }
  }
  if (inQ) return null;
  out2.push(v.slice(start));
  return out2;
}
function simpleList(v) {
  const pieces = splitOutsideQuotes(v);
  if (!pieces) return null;
  const out2 = [];
  for (const piece of pieces) {
    let lt = piece.indexOf("<");
    const q = piece.indexOf('"');
    if (q >= 0) {
      const q2 = piece.indexOf('"', q + 1);
      if (piece.slice(0, q).trim() !== "") return null;
      lt = piece.indexOf("<", q2);
      if (lt < 0 || piece.slice(q2 + 1, lt).trim() !== "") return null;
      const gt = piece.indexOf(">", lt);
      out2.push({ name: piece.slice(q + 1, q2).replace(/\s+/g, " ").trim(), email: normalizeEmail2(piece.slice(lt + 1, gt < 0 ? piece.length : gt)) });
      continue;
    }
    if (lt >= 0) {
      const gt = piece.indexOf(">", lt);
      const email = normalizeEmail2(piece.slice(lt + 1, gt < 0 ? piece.length : gt));
      const raw = piece.slice(0, lt).trim();
      const name = raw.indexOf("  ") >= 0 || raw.indexOf("	") >= 0 ? raw.replace(/\s+/g, " ") : raw;
      if (email || name) out2.push({ name, email });
    } else {
      const t = piece.trim();
      if (!t) continue;
      const sp = t.search(/\s/);
      if (sp < 0) out2.push({ name: "", email: normalizeEmail2(t) });
      else {
        const words = t.split(/\s+/);
        const at = words.findIndex((w) => w.includes("@"));
        out2.push(at >= 0 ? { name: words.filter((_, k) => k !== at).join(" "), email: normalizeEmail2(words[at]) } : { name: words.join(" "), email: "" });
      }
    }
  }
  return out2;
}
function parseAddressList(v) {
  if (!v) return [];
  if (!HARD.test(v)) {
    const simple = simpleList(v);
    if (simple) return simple;
  }
  const toks = tokenize(v);
  const out2 = [];
  let cur = [];
  let curAngle = false;
  const flush = () => {
    const m = mailbox(cur);
    if (m && (m.email || m.name)) out2.push(m);
    cur = [];
    curAngle = false;
  };
  for (const t of toks) {
    if (t.t === "s") {
      if (t.v === ":" && !curAngle) cur = [];
      else if (t.v === ":") cur.push({ t: "w", v: ":" });
      else flush();
    } else {
      cur.push(t);
      if (t.t === "a") curAngle = true;
    }
  }
  flush();
  return out2;
}
function parseAddress(v) {
  return parseAddressList(v)[0] ?? { name: "", email: "" };
}

// loaders/maintainers/parse.ts
var ENTRY = /^([A-Z]):([^]*)$/;
var LIST_HEADING = /^Maintainers List\s*$/;
function person(value) {
  const a2 = parseAddress(value);
  return { name: a2.name, email: a2.email.includes("@") ? a2.email : "" };
}
function listAddress(value) {
  return normalizeEmail(value.trim().split(/\s+/)[0] ?? "");
}
function emptySection(index, name, line) {
  return {
    index,
    name,
    line,
    maintainers: [],
    reviewers: [],
    lists: [],
    status: "",
    files: [],
    excludes: [],
    regexes: [],
    keywords: [],
    other: []
  };
}
function addEntry(s, tag, value) {
  switch (tag) {
    case "M":
      s.maintainers.push(person(value));
      break;
    case "R":
      s.reviewers.push(person(value));
      break;
    case "L": {
      const a2 = listAddress(value);
      if (a2 && !s.lists.includes(a2)) s.lists.push(a2);
      break;
    }
    case "S":
      s.status = value;
      break;
    case "F":
      s.files.push(value);
      break;
    case "X":
      s.excludes.push(value);
      break;
    case "N":
      s.regexes.push(value);
      break;
    case "K":
      s.keywords.push(value);
      break;
    default:
      s.other.push({ tag, value });
  }
}
function firstListLine(lines) {
  for (let i = 0; i < lines.length; i++) {
    if (LIST_HEADING.test(lines[i])) return /^-+\s*$/.test(lines[i + 1] ?? "") ? i + 2 : i + 1;
  }
  return 0;
}
function parseMaintainers(text) {
  const lines = text.split(/\r?\n/);
  const sections = [];
  const problems = [];
  const byName2 = /* @__PURE__ */ new Map();
  let cur = null;
  let blockStart = true;
  let inNote = false;
  for (let i = firstListLine(lines); i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") {
      blockStart = true;
      cur = null;
      inNote = false;
      continue;
    }
    const entry = ENTRY.exec(line);
    if (blockStart) {
      blockStart = false;
      if (entry) problems.push({ line: i + 1, reason: `entry ${entry[1]}: before any section title` });
      else if (/^(\s|\.\.)/.test(line)) inNote = true;
      else {
        const name = line.trim();
        const seen = byName2.get(name);
        if (seen) {
          cur = seen;
          problems.push({ line: i + 1, reason: `section ${name}: title repeated (first at line ${seen.line}); entries merged` });
        } else {
          cur = emptySection(sections.length, name, i + 1);
          sections.push(cur);
          byName2.set(name, cur);
        }
      }
      continue;
    }
    if (inNote) continue;
    if (cur && entry) addEntry(cur, entry[1], entry[2].trim());
    else if (cur) problems.push({ line: i + 1, reason: `not a tagged entry in section ${cur.name}` });
  }
  return { sections, problems };
}

// loaders/identity/domains.ts
var NEUTRAL = /* @__PURE__ */ new Set([
  // community / developer hosting
  "kernel.org",
  "linux.dev",
  "infradead.org",
  "lwn.net",
  "users.sourceforge.net",
  // free mail
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "protonmail.ch",
  "pm.me",
  "web.de",
  "posteo.de",
  "posteo.net",
  "mailbox.org",
  "zoho.com",
  "tutanota.com",
  "tuta.io",
  "fastmail.com",
  "fastmail.fm",
  "yandex.ru",
  "yandex.com",
  "ya.ru",
  "mail.ru",
  "inbox.ru",
  "qq.com",
  "163.com",
  "126.com",
  "foxmail.com",
  "sina.com",
  "sohu.com",
  "aliyun.com",
  "naver.com",
  "hanmail.net",
  "seznam.cz",
  "wp.pl",
  "o2.pl",
  "free.fr",
  "laposte.net",
  "orange.fr",
  "libero.it",
  "riseup.net",
  "disroot.org"
]);
var NEUTRAL_PATTERN = /^(yahoo|ymail|gmx|hotmail|outlook|live)\.[a-z.]+$/;
function isNeutralDomain(domain2) {
  return NEUTRAL.has(domain2) || NEUTRAL_PATTERN.test(domain2);
}
var SECOND_LEVEL = /^(co|com|ac|org|net|edu|gov|or|ne)\.[a-z]{2}$/;
function orgOf(domain2) {
  const labels2 = domain2.split(".");
  const n = SECOND_LEVEL.test(labels2.slice(-2).join(".")) ? 3 : 2;
  return labels2.slice(-n).join(".");
}

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
function tableDomain(domain2) {
  const d = domain2.trim().toLowerCase().replace(/\.$/, "");
  if (!d || isNeutralDomain(d) || isNeutralDomain(orgOf(d))) return null;
  if (BY_DOMAIN.has(d)) return d;
  for (let i = d.indexOf("."); i >= 0; i = d.indexOf(".", i + 1)) {
    const parent = d.slice(i + 1);
    if (BY_DOMAIN.get(parent)?.sub) return parent;
  }
  return null;
}
function organisationOfDomain(domain2, at) {
  const d = tableDomain(domain2);
  if (d === null) return null;
  const former = at === void 0 ? void 0 : FORMERLY.get(d);
  return former && at < former.until ? former.organisation : BY_DOMAIN.get(d).organisation;
}
function acquiredAt(domain2) {
  const d = tableDomain(domain2);
  return d === null ? void 0 : FORMERLY.get(d)?.until;
}
function organisationOf(email, date) {
  const at = email.lastIndexOf("@");
  return at < 0 ? null : organisationOfDomain(email.slice(at + 1), date);
}
function spansOf(observations, overrides) {
  const valid = observations.filter((o) => Number.isFinite(o.firstSeen) && Number.isFinite(o.lastSeen));
  const spans = [];
  let first = Infinity, last = -Infinity;
  for (const o of valid) {
    const from = Math.min(o.firstSeen, o.lastSeen), until = Math.max(o.firstSeen, o.lastSeen);
    first = Math.min(first, from);
    last = Math.max(last, until);
    const evidence = `address:${o.email.toLowerCase()}`;
    const cut = acquiredAt(o.email.slice(o.email.lastIndexOf("@") + 1));
    const pieces = cut !== void 0 && from < cut && cut <= until ? [[from, cut - 1], [cut, until]] : [[from, until]];
    for (const [a2, b] of pieces) {
      const org = organisationOf(o.email, a2);
      if (org) spans.push({ org, from: a2, end: b + 1, evidence, override: false, order: spans.length });
    }
  }
  overrides.forEach((ov, i) => {
    const from = ov.from ?? first, until = ov.until ?? last;
    if (!Number.isFinite(from) || !Number.isFinite(until) || until < from) return;
    spans.push({ org: ov.organisation, from, end: until + 1, evidence: "override", override: true, order: i });
  });
  return spans;
}
function winner(spans, a2, b) {
  let best2 = null;
  for (const s of spans) {
    if (s.from > a2 || s.end < b) continue;
    if (!best2) {
      best2 = s;
      continue;
    }
    if (s.override !== best2.override) {
      if (s.override) best2 = s;
      continue;
    }
    if (s.override ? s.order > best2.order : s.from > best2.from) best2 = s;
  }
  return best2;
}
function organisationPeriods(observations, overrides = []) {
  const spans = spansOf(observations, overrides);
  const cuts = [...new Set(spans.flatMap((s) => [s.from, s.end]))].sort((x, y) => x - y);
  const out2 = [];
  let open = null;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a2, b] = [cuts[i], cuts[i + 1]];
    const w = winner(spans, a2, b);
    if (!w) continue;
    if (w.org === null) {
      open = null;
      continue;
    }
    if (open && open.organisation === w.org) {
      open.end = b;
      open.until = b - 1;
    } else {
      open = { organisation: w.org, from: a2, until: b - 1, end: b, evidence: [] };
      out2.push(open);
    }
    for (const s of spans) {
      if (s.org === w.org && s.from <= a2 && s.end >= b && s.override === w.override && !open.evidence.includes(s.evidence)) open.evidence.push(s.evidence);
    }
  }
  return out2.map(({ end: _end, ...p }) => ({ ...p, evidence: p.evidence.sort() }));
}

// loaders/analysis/affiliation-input.ts
async function readAffiliationInput(store2, lists) {
  const q = (xs) => xs.length ? xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ") : "NULL";
  const maybeList = `list_filter(list_concat(coalesce(to_emails, []), coalesce(cc_emails, [])),
    x -> split_part(x, '@', 2) IN (${q(lists.hosts)}) OR x IN (${q(lists.addresses)}))`;
  const [addressedRows, fileRows, emailRows, observationRows] = await Promise.all([
    readRows(store2, `SELECT message_id, ${maybeList} AS a, list_id, file_count FROM messages`, ["message_id", "a", "list_id", "file_count"], "message_id"),
    readRows(store2, "SELECT message_id, list(path ORDER BY path) AS p FROM message_files GROUP BY message_id", ["message_id", "p"], "message_id"),
    readRows(store2, "SELECT email, person_id FROM person_emails", ["email", "person_id"], "email"),
    readRows(store2, `SELECT p, e, min(d) AS f, max(d) AS l FROM (
      SELECT person_id AS p, from_email AS e, epoch_ms(date) AS d FROM messages WHERE date IS NOT NULL
      UNION ALL SELECT author_person_id, author_email, epoch_ms(date) FROM messages WHERE date IS NOT NULL AND coalesce(author_email, '') <> '')
    WHERE e IS NOT NULL GROUP BY p, e`, ["p", "e", "f", "l"], "p, e")
  ]);
  const addressed = /* @__PURE__ */ new Map();
  const unparsed = /* @__PURE__ */ new Set();
  for (const r of addressedRows) {
    const [id, a2, listId, n] = r;
    addressed.set(id, { to: a2 ?? [], listId });
    if (n === null) unparsed.add(id);
  }
  const files = /* @__PURE__ */ new Map();
  for (const r of fileRows) files.set(r[0], r[1]);
  const personOfEmail = /* @__PURE__ */ new Map();
  for (const r of emailRows) personOfEmail.set(r[0], r[1]);
  const observations = /* @__PURE__ */ new Map();
  for (const r of observationRows) {
    const [p, email, firstSeen, lastSeen] = r;
    let o = observations.get(p);
    if (!o) observations.set(p, o = []);
    o.push({ email, firstSeen, lastSeen });
  }
  return { addressed, files, unparsed, personOfEmail, observations };
}

// loaders/maintainers/pattern.ts
var GLOB_CHARS = /[*?[]/;
function escapeRegex(s) {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
function charClass(s, i) {
  let j = i + 1;
  if (s[j] === "!" || s[j] === "^") j++;
  if (s[j] === "]") j++;
  while (j < s.length && s[j] !== "]") j++;
  if (j >= s.length) return null;
  let body = s.slice(i + 1, j);
  const negate = body[0] === "!" || body[0] === "^";
  if (negate) body = body.slice(1);
  return { re: `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`, end: j + 1 };
}
function componentRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      while (glob[i + 1] === "*") i++;
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const cls = charClass(glob, i);
      if (cls) {
        re += cls.re;
        i = cls.end - 1;
      } else re += "\\[";
    } else re += escapeRegex(c);
  }
  return new RegExp(`^${re}$`);
}
function compilePattern(source) {
  const value = source.trim().replace(/^\.\//, "");
  const parts = value.split("/").filter((p) => p !== "");
  if (parts.length === 0) return null;
  const trailingSlash = value.endsWith("/");
  const hasGlob = GLOB_CHARS.test(value);
  const components = parts.map((p) => p === "**" ? { any: true } : GLOB_CHARS.test(p) ? { glob: componentRegex(p), source: p } : { literal: p });
  return {
    source,
    components,
    self: !trailingSlash,
    below: trailingSlash || !hasGlob,
    depth: value.startsWith("*") ? -1 : parts.length
  };
}

// loaders/maintainers/regex.ts
import { setFlagsFromString } from "node:v8";
setFlagsFromString("--enable-experimental-regexp-engine");
setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");
function otherCases(body) {
  let extra = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") {
      i++;
      continue;
    }
    const range = body[i + 1] === "-" && i + 2 < body.length && body[i + 2] !== "]" ? body[i + 2] : null;
    const swap = (x) => x >= "a" && x <= "z" ? x.toUpperCase() : x >= "A" && x <= "Z" ? x.toLowerCase() : null;
    if (range !== null) {
      const a2 = swap(c), b = swap(range);
      if (a2 && b && c <= "Z" === range <= "Z") extra += `${a2}-${b}`;
      i += 2;
    } else {
      const a2 = swap(c);
      if (a2) extra += a2;
    }
  }
  return extra;
}
function translatePerl(source) {
  let re = "";
  let inClass = false, classStart = 0;
  let fold = 0;
  const foldAt = [];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\" && i + 1 < source.length) {
      const n = source[++i];
      if (/[1-9k]/.test(n)) throw new Error(`backreference \\${n}: not supported`);
      if (/[QEGzZAKR]/.test(n) || n === "p" || n === "P" || n === "X") throw new Error(`Perl escape \\${n}: not supported`);
      re += c + n;
      continue;
    }
    if (inClass) {
      if (c === "]" && i > classStart) {
        inClass = false;
        if (fold) re += otherCases(source.slice(classStart, i));
      }
      re += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      re += c;
      if (source[i + 1] === "^") re += source[++i];
      classStart = i + 1;
      if (source[i + 1] === "]") {
        re += "]";
        i++;
      }
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === "#") break;
    if (c === "(") {
      depth++;
      if (source[i + 1] === "?") {
        const rest = source.slice(i + 2);
        if (rest.startsWith(":")) {
          re += "(?:";
          i += 2;
          continue;
        }
        if (rest.startsWith("i:")) {
          re += "(?:";
          i += 3;
          fold++;
          foldAt.push(depth);
          continue;
        }
        if (rest.startsWith("i)") && re === "") {
          fold++;
          depth--;
          i += 3;
          continue;
        }
        throw new Error(`"(?${rest.slice(0, 2)}": lookaround and inline modifiers other than (?i) are not supported`);
      }
      re += c;
      continue;
    }
    if (c === ")") {
      if (foldAt.at(-1) === depth) {
        foldAt.pop();
        fold--;
      }
      depth--;
      re += c;
      continue;
    }
    if (fold && /[a-zA-Z]/.test(c)) {
      re += `[${c.toLowerCase()}${c.toUpperCase()}]`;
      continue;
    }
    re += c;
  }
  return re;
}
function extendedRegex(source) {
  const re = translatePerl(source);
  try {
    new RegExp(re, "l");
  } catch (e) {
    throw new Error(e.message.replace(/^Invalid regular expression: /, ""));
  }
  return new RegExp(re);
}
function requiredLiteral(source) {
  if (/[|()]/.test(source)) return "";
  let best2 = "", run = "";
  const end = () => {
    if (run.length > best2.length) best2 = run;
    run = "";
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const n = source[++i] ?? "";
      if (/[A-Za-z0-9]/.test(n)) end();
      else run += n;
    } else if (c === "[") {
      end();
      i = source.indexOf("]", i + 2);
      if (i < 0) return "";
    } else if (c === "*" || c === "?" || c === "{") {
      run = run.slice(0, -1);
      end();
      if (c === "{") {
        i = source.indexOf("}", i);
        if (i < 0) return "";
      }
    } else if (c === "+" || c === "." || c === "^" || c === "$") end();
    else run += c;
  }
  end();
  return best2;
}

// loaders/maintainers/match.ts
var TrieNode = class _TrieNode {
  literal = /* @__PURE__ */ new Map();
  globs = [];
  /** The node after a "**" component. */
  any = null;
  /** Patterns that end here and match a path ending here. */
  self = [];
  /** Patterns that end here and match every path below. */
  below = [];
  insert(p, ref) {
    let node = this;
    for (const c of p.components) {
      if ("literal" in c) {
        let next = node.literal.get(c.literal);
        if (!next) node.literal.set(c.literal, next = new _TrieNode());
        node = next;
      } else if ("glob" in c) {
        let g = node.globs.find((x) => x.source === c.source);
        if (!g) node.globs.push(g = { re: c.glob, source: c.source, node: new _TrieNode() });
        node = g.node;
      } else node = node.any ??= new _TrieNode();
    }
    if (p.self) node.self.push(ref);
    if (p.below) node.below.push(ref);
  }
  /** Every pattern matching parts[i..]; `out` keeps the deepest depth per section. */
  collect(parts, i, out2) {
    if (i === parts.length) add(this.self, out2);
    else {
      add(this.below, out2);
      this.literal.get(parts[i])?.collect(parts, i + 1, out2);
      for (const g of this.globs) if (g.re.test(parts[i])) g.node.collect(parts, i + 1, out2);
    }
    if (this.any) for (let k = i; k <= parts.length; k++) this.any.collect(parts, k, out2);
  }
};
function add(refs2, out2) {
  for (const r of refs2) {
    const d = out2.get(r.section);
    if (d === void 0 || r.depth > d) out2.set(r.section, r.depth);
  }
}
var SectionMatcher = class {
  sections;
  /** Patterns that could not be compiled, each skipped and counted here. */
  problems = [];
  files = new TrieNode();
  excludes = new TrieNode();
  regexes = [];
  constructor(m) {
    this.sections = m.sections;
    for (const s of m.sections) {
      for (const f of s.files) this.addPattern(this.files, s, f, "F");
      for (const x of s.excludes) this.addPattern(this.excludes, s, x, "X");
      for (const n of s.regexes) {
        try {
          const re = extendedRegex(n);
          this.regexes.push({ section: s.index, re, literal: requiredLiteral(re.source) });
        } catch (e) {
          this.problems.push({ line: s.line, reason: `${s.name}: N: ${n}: ${e.message}` });
        }
      }
    }
  }
  addPattern(trie, s, source, tag) {
    const p = compilePattern(source);
    if (p) trie.insert(p, { section: s.index, depth: p.depth });
    else this.problems.push({ line: s.line, reason: `${s.name}: empty ${tag}: pattern` });
  }
  /** Sections covering `path` (a repository path such as "drivers/cxl/core/region.c"), best first. */
  match(path) {
    const parts = path.split("/").filter((p) => p !== "");
    if (parts.length === 0) return [];
    const excluded = /* @__PURE__ */ new Map();
    this.excludes.collect(parts, 0, excluded);
    const found = /* @__PURE__ */ new Map();
    this.files.collect(parts, 0, found);
    for (const { section, re, literal } of this.regexes) {
      if (literal && !path.includes(literal)) continue;
      const d = found.get(section);
      if ((d === void 0 || d < 0) && re.test(path)) found.set(section, 0);
    }
    const out2 = [];
    for (const [i, depth] of found) if (!excluded.has(i)) out2.push({ section: this.sections[i], depth });
    return out2.sort((a2, b) => b.depth - a2.depth || a2.section.index - b.section.index);
  }
  /** Sections covering any of `paths` (a patch's files), each at its best depth, best first. */
  matchAll(paths) {
    const best2 = /* @__PURE__ */ new Map();
    for (const p of paths) {
      for (const m of this.match(p)) {
        const b = best2.get(m.section.index);
        if (!b || m.depth > b.depth) best2.set(m.section.index, m);
      }
    }
    return [...best2.values()].sort((a2, b) => b.depth - a2.depth || a2.section.index - b.section.index);
  }
};

// loaders/maintainers/subsystems.ts
function patchMatches(matcher, files, memo) {
  const best2 = /* @__PURE__ */ new Map();
  for (const p of files) {
    let ms = memo?.get(p);
    if (!ms) {
      ms = matcher.match(p);
      memo?.set(p, ms);
    }
    for (const m of ms) {
      const b = best2.get(m.section.index);
      if (!b || m.depth > b.depth) best2.set(m.section.index, m);
    }
  }
  const all = [...best2.values()].sort((a2, b) => b.depth - a2.depth || a2.section.index - b.section.index);
  const specific = all.filter((m) => m.depth >= 0);
  return specific.length ? specific : all;
}
function messageSectionMatches(matcher, messages) {
  const out2 = /* @__PURE__ */ new Map();
  const bySeries = /* @__PURE__ */ new Map();
  const memo = /* @__PURE__ */ new Map();
  for (const m of messages) {
    if (!m.isPatch || m.isCover || !m.files?.length) continue;
    const found = patchMatches(matcher, m.files, memo).map((x) => ({ name: x.section.name, depth: x.depth }));
    if (!found.length) continue;
    out2.set(m.id, found);
    if (m.seriesId) {
      let s = bySeries.get(m.seriesId);
      if (!s) bySeries.set(m.seriesId, s = /* @__PURE__ */ new Map());
      for (const f of found) s.set(f.name, Math.max(f.depth, s.get(f.name) ?? -Infinity));
    }
  }
  for (const m of messages) {
    if (!m.isPatch || !m.isCover || !m.seriesId) continue;
    const s = bySeries.get(m.seriesId);
    if (s?.size) out2.set(m.id, [...s].map(([name, depth]) => ({ name, depth })));
  }
  return out2;
}
function sectionRoles(sections, people, personOfEmail) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const p of people) {
    const k = nameKey(p.name);
    if (!k) continue;
    byName2.set(k, byName2.has(k) && byName2.get(k) !== p.id ? null : p.id);
  }
  const out2 = [];
  const seen = /* @__PURE__ */ new Set();
  for (const s of sections) {
    for (const [role, entries] of [["maintainer", s.maintainers], ["reviewer", s.reviewers]]) {
      for (const e of entries) {
        let personId = e.email ? personOfEmail.get(e.email) : void 0;
        let evidence = `address:${e.email}`;
        if (!personId) {
          const k = nameKey(e.name);
          const byN = k ? byName2.get(k) : void 0;
          if (!byN) continue;
          personId = byN;
          evidence = `name:${e.name}`;
        }
        const key = `${personId}\0${s.name}\0${role}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out2.push({ personId, subsystem: s.name, role, evidence });
      }
    }
  }
  return out2;
}
function spansListsApart(sections) {
  const withLists = sections.filter((s) => s.lists.length > 0);
  for (let i = 0; i < withLists.length; i++) {
    for (let j = i + 1; j < withLists.length; j++) {
      if (!withLists[i].lists.some((l) => withLists[j].lists.includes(l))) return true;
    }
  }
  return false;
}

// loaders/maintainers/home.ts
var CROSS_LIST = "cross-list";
var INSUFFICIENT = "insufficient";
var MIN_MESSAGES = 3;
var EPS = 1e-9;
function clearWinner(weights, margin, tie) {
  const sorted = [...weights.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  if (!sorted.length || sorted[0][1] <= 0) return null;
  if (sorted.length > 1 && sorted[0][1] - sorted[1][1] < margin - EPS) return tie;
  return sorted[0][0];
}
function homeList(messageLists) {
  const w = /* @__PURE__ */ new Map();
  for (const ls of messageLists) {
    let u = ls;
    for (let i = 1; i < ls.length && u === ls; i++) if (ls.lastIndexOf(ls[i], i - 1) >= 0) u = [...new Set(ls)];
    for (const l of u) w.set(l, (w.get(l) ?? 0) + 1 / u.length);
  }
  return clearWinner(w, 1, CROSS_LIST);
}
function sectionBreadth(s) {
  let widest = 0, patterns = 0;
  for (const f of s.files) {
    const p = compilePattern(f);
    if (!p) continue;
    patterns++;
    const dir = f.trim().endsWith("/") && p.components.every((c) => "literal" in c);
    widest = Math.max(widest, p.depth < 0 ? 1 : 2 ** -(dir ? p.depth : p.depth + 1));
  }
  return { widest, patterns };
}
function patchShares(sections) {
  const w = sections.map((s) => Math.max(0, s.depth) + 1);
  const total = w.reduce((a2, b) => a2 + b, 0);
  return new Map(sections.map((s, i) => [s.name, w[i] / total]));
}
function tieOrder(x, role) {
  const onHome = (s) => x.homeList && x.sections?.get(s)?.lists.includes(x.homeList) ? 1 : 0;
  const maint = (s) => role.get(s) === "maintainer" ? 1 : 0;
  const wide = (s) => x.sections?.get(s)?.breadth ?? { widest: 0, patterns: 0 };
  return (a2, b) => onHome(b) - onHome(a2) || maint(b) - maint(a2) || wide(b).widest - wide(a2).widest || wide(b).patterns - wide(a2).patterns;
}
function best(keys, weight, tie) {
  let top = null;
  for (const k of keys) {
    const d = top === null ? 1 : weight(k) - weight(top);
    if (d > EPS || Math.abs(d) <= EPS && tie(k, top) < 0) top = k;
  }
  return top !== null && weight(top) > EPS ? top : null;
}
function homeSubsystem(x) {
  const role = /* @__PURE__ */ new Map();
  for (const r of x.roles) if (role.get(r.subsystem) !== "maintainer") role.set(r.subsystem, r.role);
  const tie = tieOrder(x, role);
  const roleSections = [...role.keys()];
  const act = best(roleSections, (s) => x.activity.get(s) ?? 0, tie);
  if (act) return { subsystem: act, evidence: `${role.get(act)}; activity ${round2(x.activity.get(act))}` };
  const own = best([...x.ownPatches.keys()], (s) => x.ownPatches.get(s), tie);
  if (own) return { subsystem: own, evidence: `own patches: ${round2(x.ownPatches.get(own))}` };
  if (roleSections.length) {
    const r = best(roleSections, () => 1, tie);
    return { subsystem: r, evidence: `${role.get(r)}; no activity in its threads` };
  }
  if (x.messages < MIN_MESSAGES) return { subsystem: INSUFFICIENT, evidence: `${x.messages} messages (fewer than ${MIN_MESSAGES})` };
  const ans = best([...x.answered.keys()], (s) => x.answered.get(s), tie);
  if (ans) return { subsystem: ans, evidence: `replies to its patches: ${round2(x.answered.get(ans))}` };
  return { subsystem: INSUFFICIENT, evidence: "no patches sent or answered" };
}
var round2 = (n) => Math.round(n * 100) / 100;

// loaders/analysis/affiliation-homes.ts
var bump = (m, k, w) => m.set(k, (m.get(k) ?? 0) + w);
function threadShares(a2, matches) {
  const acc = /* @__PURE__ */ new Map();
  a2.corpus.messages.forEach((m, i) => {
    const found = matches.get(m.id);
    if (!found) return;
    const t = a2.tr.threading.threadId[i];
    let x = acc.get(t);
    if (!x) acc.set(t, x = { patches: /* @__PURE__ */ new Map(), n: 0, covers: /* @__PURE__ */ new Map(), c: 0 });
    const into = m.patch.isCover ? x.covers : x.patches;
    for (const [s, w] of patchShares(found)) bump(into, s, w);
    if (m.patch.isCover) x.c++;
    else x.n++;
  });
  const out2 = /* @__PURE__ */ new Map();
  for (const [t, x] of acc) {
    const [sum, n] = x.n ? [x.patches, x.n] : [x.covers, x.c];
    out2.set(t, new Map([...sum].map(([s, w]) => [s, w / n])));
  }
  return out2;
}
var isCatchAll = (s) => s.files.some((f) => f.trim().startsWith("*"));
function personHomes(a2, listsOf, matches, roles, sections, sectionLists) {
  const msgs = a2.corpus.messages;
  const shares = threadShares(a2, matches);
  const general = new Set(sections.filter(isCatchAll).flatMap((s) => sectionLists.get(s.name) ?? []));
  const rolesOf = /* @__PURE__ */ new Map();
  for (const r of roles) rolesOf.set(r.personId, [...rolesOf.get(r.personId) ?? [], r]);
  const acc = /* @__PURE__ */ new Map();
  const get = (p) => {
    let x = acc.get(p);
    if (!x) acc.set(p, x = { lists: [], activity: /* @__PURE__ */ new Map(), listOnly: /* @__PURE__ */ new Map(), own: /* @__PURE__ */ new Map(), answered: /* @__PURE__ */ new Map(), n: 0 });
    return x;
  };
  msgs.forEach((m, i) => {
    const x = get(m.from);
    x.n++;
    x.lists.push(listsOf[i]);
    const mine = rolesOf.get(m.from);
    const inThread = shares.get(a2.tr.threading.threadId[i]);
    if (mine) {
      const byFiles = mine.filter((r) => inThread?.has(r.subsystem));
      if (byFiles.length) for (const r of new Set(byFiles.map((r2) => r2.subsystem))) bump(x.activity, r, inThread.get(r));
      else {
        const k = Math.max(1, listsOf[i].length);
        for (const l of listsOf[i]) if (!general.has(l)) bump(x.listOnly, l, 1 / k);
      }
    }
    const own = matches.get(m.id);
    if (own && m.patch.isPatch && !m.patch.isCover) {
      const author = get(authorOf(m));
      for (const [s, w] of patchShares(own)) bump(author.own, s, w);
    } else if (!m.patch.isPatch && inThread) {
      for (const [s, w] of inThread) bump(x.answered, s, w);
    }
  });
  const facts = /* @__PURE__ */ new Map();
  const factsOf = (names) => {
    for (const n of names) if (!facts.has(n)) facts.set(n, { lists: sectionLists.get(n) ?? [], breadth: sectionBreadth(byName2.get(n) ?? { files: [] }) });
  };
  const byName2 = new Map(sections.map((s) => [s.name, s]));
  const out2 = [];
  for (const [personId, x] of acc) {
    const rs = rolesOf.get(personId) ?? [];
    for (const s of new Set(rs.map((r) => r.subsystem))) {
      const own = (sectionLists.get(s) ?? []).find((l) => !general.has(l));
      const w = own ? x.listOnly.get(own) ?? 0 : 0;
      if (w > 0) bump(x.activity, s, w);
    }
    const home = homeList(x.lists);
    let hs = null;
    if (sections.length) {
      factsOf(rs.map((r) => r.subsystem));
      factsOf(x.own.keys());
      factsOf(x.answered.keys());
      hs = homeSubsystem({ messages: x.n, roles: rs, activity: x.activity, homeList: home, sections: facts, ownPatches: x.own, answered: x.answered });
    }
    out2.push({ personId, homeList: home, homeSubsystem: hs?.subsystem ?? null, evidence: hs?.evidence ?? null, organisation: null });
  }
  return out2;
}

// loaders/analysis/affiliations.ts
function listIdAddress(listId) {
  const dot = listId.indexOf(".");
  return dot < 0 ? listId : `${listId.slice(0, dot)}@${listId.slice(dot + 1)}`;
}
function computeAffiliations(a2, input, o) {
  const msgs = a2.corpus.messages;
  const trackedNames = /* @__PURE__ */ new Set([...a2.corpus.lists, ...o.tracked.map((t) => t.name)]);
  const sections = o.maintainers?.sections ?? [];
  const dir = new ListDirectory(maintainersLists(sections), o.tracked);
  const messageLists = [];
  const listsOf = new Array(msgs.length);
  const known = /* @__PURE__ */ new Map();
  const lookup = (address) => {
    let r = known.get(address);
    if (r === void 0) known.set(address, r = dir.lookup(address));
    return r;
  };
  const knownListIds = /* @__PURE__ */ new Map();
  const listIdInfo = (id) => {
    let r = knownListIds.get(id);
    if (r === void 0) knownListIds.set(id, r = lookup(listIdAddress(id)));
    return r;
  };
  const add2 = (id, names, info, via) => {
    if (!info || names.includes(info.name)) return;
    names.push(info.name);
    messageLists.push({ messageId: id, list: info.name, address: info.address, tracked: trackedNames.has(info.name), via });
  };
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i], names = [];
    for (const l of m.lists) {
      if (names.includes(l)) continue;
      names.push(l);
      messageLists.push({ messageId: m.id, list: l, address: null, tracked: trackedNames.has(l), via: "archive" });
    }
    const ad = input.addressed.get(m.id);
    if (ad) {
      for (const x of ad.to) add2(m.id, names, lookup(x), "to-cc");
      if (ad.listId) add2(m.id, names, listIdInfo(ad.listId), "list-id");
    }
    listsOf[i] = names.length === m.lists.length ? m.lists : names;
  }
  let unparsedPatches = 0, patches = 0;
  for (const m of msgs) if (m.patch.isPatch && !m.patch.isCover) {
    patches++;
    if (input.unparsed.has(m.id)) unparsedPatches++;
  }
  const matcher = o.maintainers ? new SectionMatcher(o.maintainers) : null;
  const patchInput = [];
  if (matcher) msgs.forEach((m, i) => {
    if (m.patch.isPatch) patchInput.push({
      id: m.id,
      isPatch: true,
      isCover: m.patch.isCover,
      seriesId: a2.tr.series[i],
      files: input.unparsed.has(m.id) ? null : input.files.get(m.id) ?? []
    });
  });
  const matches = matcher ? messageSectionMatches(matcher, patchInput) : /* @__PURE__ */ new Map();
  const subs = /* @__PURE__ */ new Map();
  for (const [id, ms] of matches) subs.set(id, ms.map((x) => x.name));
  const byName2 = new Map(sections.map((s) => [s.name, s]));
  const roles = sectionRoles(sections, a2.corpus.people, input.personOfEmail);
  const sectionLists = new Map(sections.map((sec) => [sec.name, sec.lists.map((l) => dir.lookup(l)?.name ?? l)]));
  const homes = personHomes(a2, listsOf, matches, roles, sections, sectionLists);
  const periods = /* @__PURE__ */ new Map();
  const overridesOf = /* @__PURE__ */ new Map();
  for (const x of o.orgOverrides ?? []) {
    const p = input.personOfEmail.get(x.email) ?? x.email;
    overridesOf.set(p, [...overridesOf.get(p) ?? [], x.override]);
  }
  for (const p of /* @__PURE__ */ new Set([...input.observations.keys(), ...overridesOf.keys()])) {
    const ps = organisationPeriods(input.observations.get(p) ?? [], overridesOf.get(p) ?? []);
    if (ps.length) periods.set(p, ps);
  }
  for (const h of homes) h.organisation = periods.get(h.personId)?.at(-1)?.organisation ?? null;
  const orgAt = (person2, date) => {
    const ps = person2 ? periods.get(person2) : void 0;
    if (!ps) return null;
    if (date === null) return ps.at(-1).organisation;
    return (ps.find((p) => p.from <= date && date <= p.until) ?? nearest(ps, date))?.organisation ?? null;
  };
  const rolesOf = /* @__PURE__ */ new Map();
  for (const r of roles) rolesOf.set(r.personId, (rolesOf.get(r.personId) ?? /* @__PURE__ */ new Set()).add(r.subsystem));
  const idx = messageIndex(msgs);
  const reviews = a2.reviews.map((r) => {
    const t = r.target === null ? void 0 : idx.get(r.target);
    const tSubs = r.target ? subs.get(r.target) : void 0;
    const mine = rolesOf.get(r.reviewer);
    const reviewerOutside = tSubs && mine ? !tSubs.some((s) => mine.has(s)) : null;
    const spans = tSubs ? spansListsApart(tSubs.map((n) => byName2.get(n)).filter(Boolean)) : null;
    const patchDate = t === void 0 ? r.date : msgs[t].date;
    const reviewerOrg = orgAt(r.reviewer, r.date), authorOrg = orgAt(r.author, patchDate);
    return {
      messageId: r.messageId,
      kind: r.kind,
      reviewer: r.reviewer,
      target: r.target,
      reviewerOrg,
      authorOrg,
      crossCompany: reviewerOrg && authorOrg ? reviewerOrg !== authorOrg : null,
      crossSubsystemReviewer: reviewerOutside,
      crossSubsystemPatch: spans,
      rule: reviewerOutside && spans ? "reviewer-outside,patch-spans-lists" : reviewerOutside ? "reviewer-outside" : spans ? "patch-spans-lists" : ""
    };
  });
  const status = !o.maintainers ? "no-maintainers" : patches > 0 && unparsedPatches === patches ? "no-files" : "ok";
  return { status, sections, messageLists, messageSubsystems: subs, roles, homes, periods, reviews, unparsedPatches, patches };
}
function nearest(ps, date) {
  let best2, gap = Infinity;
  for (const p of ps) {
    const g = date < p.from ? p.from - date : date - p.until;
    if (g < gap) {
      gap = g;
      best2 = p;
    }
  }
  return best2;
}

// loaders/analysis/affiliation-tables.ts
async function readAffiliations(store2, o) {
  const m = o.maintainers ? parseMaintainers(o.maintainers.text) : null;
  const dir = new ListDirectory(maintainersLists(m?.sections ?? []), o.tracked);
  const hosts = ListDirectory.listHosts();
  const input = await readAffiliationInput(store2, { addresses: dir.addresses().filter((x) => !hosts.includes(x.slice(x.lastIndexOf("@") + 1))), hosts });
  return { maintainers: m, input };
}

// loaders/analysis/facts-subsystems.ts
var FACTS_SUBSYSTEMS_SCHEMA = 1;
var isPatchNotCover = (m) => m.patch.isPatch && !m.patch.isCover;
function labels(counts) {
  const names = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k);
  return { names, at: new Map(names.map((k, i) => [k, i])) };
}
var bump2 = (m, k) => {
  if (k) m.set(k, (m.get(k) ?? 0) + 1);
};
function buildFactsSubsystems(a2, r, hint) {
  if (!a2) return {
    schema: FACTS_SUBSYSTEMS_SCHEMA,
    status: "no-data",
    hint,
    sections: 0,
    roles: 0,
    unparsed_patches: 0,
    names: [],
    orgs: [],
    patches: { msg: [], sec: [], org: [] },
    reviews: { section: [], rorg: [], aorg: [] },
    maintainers: { person: [], sec: [] }
  };
  const msgs = a2.corpus.messages;
  const rowOf = factRowOf(a2);
  const home = new Map((r?.homes ?? []).map((h) => [h.personId, h]));
  const secsOf = (id) => (id && r ? r.messageSubsystems.get(id) : void 0) ?? [];
  const patchIdx = msgs.flatMap((m, i) => isPatchNotCover(m) ? [i] : []).sort((x, y) => rowOf[x] - rowOf[y]);
  const order = r ? factReviewOrder(a2) : [];
  const secCount = /* @__PURE__ */ new Map(), orgCount = /* @__PURE__ */ new Map();
  for (const i of patchIdx) {
    for (const s of secsOf(msgs[i].id)) bump2(secCount, s);
    bump2(orgCount, home.get(authorOf(msgs[i]))?.organisation);
  }
  for (const i of order) {
    const x = r.reviews[i];
    bump2(secCount, secsOf(x.target)[0]);
    bump2(orgCount, x.reviewerOrg);
    bump2(orgCount, x.authorOrg);
  }
  const maintained = /* @__PURE__ */ new Map();
  for (const x of r?.roles ?? []) if (x.role === "maintainer") maintained.set(x.personId, (maintained.get(x.personId) ?? /* @__PURE__ */ new Set()).add(x.subsystem));
  for (const secs of maintained.values()) for (const s of secs) if (!secCount.has(s)) secCount.set(s, 0);
  const sec = labels(secCount), org = labels(orgCount);
  const orgIdx = (o) => o ? org.at.get(o) : -1;
  let prev = 0;
  const person2 = factPersonIndex(a2);
  const ms = [...maintained].filter(([id]) => person2.has(id)).sort((x, y) => person2.get(x[0]) - person2.get(y[0]));
  return {
    schema: FACTS_SUBSYSTEMS_SCHEMA,
    status: r?.status ?? "no-data",
    hint: !r || r.status === "no-maintainers" ? hint : null,
    sections: r?.sections.length ?? 0,
    roles: r?.roles.length ?? 0,
    unparsed_patches: r?.unparsedPatches ?? 0,
    names: sec.names,
    orgs: org.names,
    patches: {
      msg: patchIdx.map((i) => {
        const d = rowOf[i] - prev;
        prev = rowOf[i];
        return d;
      }),
      sec: patchIdx.map((i) => secsOf(msgs[i].id).map((s) => sec.at.get(s))),
      org: patchIdx.map((i) => orgIdx(home.get(authorOf(msgs[i]))?.organisation))
    },
    reviews: {
      section: order.map((i) => {
        const s = secsOf(r.reviews[i].target)[0];
        return s ? sec.at.get(s) : -1;
      }),
      rorg: order.map((i) => orgIdx(r.reviews[i].reviewerOrg)),
      aorg: order.map((i) => orgIdx(r.reviews[i].authorOrg))
    },
    maintainers: { person: ms.map(([id]) => person2.get(id)), sec: ms.map(([, s]) => [...s].map((x) => sec.at.get(x)).sort((p, q) => p - q)) }
  };
}

// loaders/analysis/affiliation-artifacts.ts
var MAINTAINERS_HINT = "Add the kernel's MAINTAINERS file to see subsystems: `threadgraph analyze --maintainers PATH|URL` (e.g. https://raw.githubusercontent.com/torvalds/linux/master/MAINTAINERS), or `maintainers:` in threadgraph.config.ts. It is saved in the store.";
var TOP = { sections: 15, perList: 8, load: 40, orgs: 30, pairs: 40, perSection: 20 };
var OTHER = "(other sections)";
var byName = (x, y) => x < y ? -1 : x > y ? 1 : 0;
function affiliationFiles(a2, r, hint = MAINTAINERS_HINT) {
  const files = /* @__PURE__ */ new Map();
  files.set(FILES.factsSubsystems, JSON.stringify(buildFactsSubsystems(a2, r, hint)));
  const s = subsystemFigures(a2, r);
  files.set("subsystems.json", JSON.stringify({
    status: r.status,
    hint: r.status === "no-maintainers" ? hint : null,
    unparsed_patches: r.unparsedPatches,
    sections: r.sections.length,
    roles: r.roles.length,
    ...s
  }));
  files.set("organisations.json", JSON.stringify(organisationFigures(a2, r)));
  return files;
}
function subsystemFigures(a2, r) {
  const msgs = a2.corpus.messages;
  const home = new Map(r.homes.map((h) => [h.personId, h]));
  const secs = (id) => (id ? r.messageSubsystems.get(id) : void 0) ?? [];
  let patches = 0, mapped = 0;
  const perList = /* @__PURE__ */ new Map();
  for (const m of msgs) {
    if (!isPatchNotCover(m)) continue;
    patches++;
    const s = secs(m.id);
    if (!s.length) continue;
    mapped++;
    for (const l of m.lists) {
      const pl = perList.get(l) ?? /* @__PURE__ */ new Map();
      pl.set(s[0], (pl.get(s[0]) ?? 0) + 1);
      perList.set(l, pl);
    }
  }
  const cells = /* @__PURE__ */ new Map();
  const given = /* @__PURE__ */ new Map();
  for (const i of factReviewOrder(a2)) {
    const x = r.reviews[i], nak = a2.reviews[i].kind === "nacked-by" || a2.reviews[i].kind === "nak-line";
    const g = given.get(x.reviewer) ?? { reviews: 0, naks: 0 };
    if (nak) g.naks++;
    else g.reviews++;
    given.set(x.reviewer, g);
    const to = secs(x.target)[0], from = home.get(x.reviewer)?.homeSubsystem;
    if (!to || !from || from === INSUFFICIENT) continue;
    const k = `${from}\0${to}`;
    const c = cells.get(k) ?? { from, to, reviews: 0, naks: 0 };
    if (nak) c.naks++;
    else c.reviews++;
    cells.set(k, c);
  }
  const maintained = /* @__PURE__ */ new Map();
  for (const x of r.roles) if (x.role === "maintainer") maintained.set(x.personId, (maintained.get(x.personId) ?? /* @__PURE__ */ new Set()).add(x.subsystem));
  const person2 = factPersonIndex(a2);
  const maintainersOf = /* @__PURE__ */ new Map();
  for (const [id, mine] of maintained) for (const sec of mine) maintainersOf.set(sec, [...maintainersOf.get(sec) ?? [], id]);
  const patchesOf = /* @__PURE__ */ new Map();
  for (const m of msgs) {
    if (!isPatchNotCover(m)) continue;
    for (const id of new Set(secs(m.id).flatMap((x) => maintainersOf.get(x) ?? []))) patchesOf.set(id, (patchesOf.get(id) ?? 0) + 1);
  }
  const load = [...maintained].filter(([id]) => person2.has(id)).map(([id, mine]) => ({
    person: { id, name: clipText(a2.people.get(id)?.name || a2.people.get(id)?.email || id, 80) },
    sections: [...mine].sort(byName),
    patches: patchesOf.get(id) ?? 0,
    ...given.get(id) ?? { reviews: 0, naks: 0 },
    k: person2.get(id)
  })).filter((x) => x.patches + x.reviews + x.naks > 0).sort((p, q) => q.patches - p.patches || q.reviews - p.reviews || p.k - q.k).slice(0, TOP.load).map(({ k: _k, ...x }) => x);
  return {
    patches,
    mapped,
    matrix: foldCells([...cells.values()]),
    per_list: a2.corpus.lists.filter((l) => perList.has(l)).map((list) => ({ list, sections: topCounts(perList.get(list), TOP.perList).map(([section, patches2]) => ({ section, patches: patches2 })) })),
    load
  };
}
function foldCells(cells) {
  const weight = /* @__PURE__ */ new Map();
  for (const c of cells) for (const s of /* @__PURE__ */ new Set([c.from, c.to])) weight.set(s, (weight.get(s) ?? 0) + c.reviews + c.naks);
  const top = topCounts(weight, TOP.sections).map(([s]) => s), shown = new Set(top);
  const folded = /* @__PURE__ */ new Map();
  for (const c of cells) {
    const from = shown.has(c.from) ? c.from : OTHER, to = shown.has(c.to) ? c.to : OTHER;
    const k = `${from}\0${to}`;
    const f = folded.get(k) ?? { from, to, reviews: 0, naks: 0 };
    f.reviews += c.reviews;
    f.naks += c.naks;
    folded.set(k, f);
  }
  const out2 = [...folded.values()].sort((p, q) => byName(p.from, q.from) || byName(p.to, q.to));
  return { sections: [...top, ...out2.some((c) => c.from === OTHER || c.to === OTHER) ? [OTHER] : []], cells: out2 };
}
function topCounts(m, n) {
  return [...m].sort((p, q) => q[1] - p[1] || byName(p[0], q[0])).slice(0, n);
}
function organisationFigures(a2, r) {
  const msgs = a2.corpus.messages;
  const home = new Map(r.homes.map((h) => [h.personId, h]));
  const orgOf2 = (id) => id ? home.get(id)?.organisation ?? null : null;
  const orgs = /* @__PURE__ */ new Map();
  const org = (o) => {
    let x = orgs.get(o);
    if (!x) orgs.set(o, x = { organisation: o, people: /* @__PURE__ */ new Set(), messages: 0, patches: 0, reviews_given: 0, reviews_received: 0 });
    return x;
  };
  const people = /* @__PURE__ */ new Set(), withOrg = /* @__PURE__ */ new Set();
  for (const m of msgs) {
    const o = orgOf2(m.from);
    if (!a2.bots.has(m.from)) {
      people.add(m.from);
      if (o) withOrg.add(m.from);
    }
    if (o) {
      const x = org(o);
      x.messages++;
      x.people.add(m.from);
    }
    const ao = orgOf2(authorOf(m));
    if (ao && isPatchNotCover(m)) org(ao).patches++;
  }
  const months = /* @__PURE__ */ new Map(), byList = /* @__PURE__ */ new Map(), bySection = /* @__PURE__ */ new Map();
  const pairs = /* @__PURE__ */ new Map();
  const tally = (m, k, cross) => {
    const x = m.get(k) ?? { reviews: 0, cross: 0 };
    x.reviews++;
    if (cross) x.cross++;
    m.set(k, x);
  };
  const at = messageIndex(msgs);
  for (const i of factReviewOrder(a2)) {
    const x = r.reviews[i], rv = a2.reviews[i];
    if (rv.kind === "nacked-by" || rv.kind === "nak-line") continue;
    if (x.reviewerOrg) org(x.reviewerOrg).reviews_given++;
    if (x.authorOrg) org(x.authorOrg).reviews_received++;
    if (x.crossCompany === null) continue;
    const date = msgs[at.get(x.messageId)].date;
    if (date !== null) tally(months, new Date(date).toISOString().slice(0, 7), x.crossCompany);
    for (const l of a2.corpus.lists) if (rv.lists.includes(l)) tally(byList, l, x.crossCompany);
    const s = x.target ? r.messageSubsystems.get(x.target)?.[0] : void 0;
    if (s) tally(bySection, s, x.crossCompany);
    if (x.crossCompany) {
      const k = `${x.reviewerOrg}\0${x.authorOrg}`;
      const p = pairs.get(k) ?? { reviewer: x.reviewerOrg, author: x.authorOrg, reviews: 0 };
      p.reviews++;
      pairs.set(k, p);
    }
  }
  const share2 = ([k, v]) => ({ key: k, reviews: v.reviews, cross: v.cross, share: v.reviews ? v.cross / v.reviews : null });
  const byReviews = (p, q) => q.reviews - p.reviews || byName(p.key, q.key);
  return {
    people_with_org: withOrg.size,
    people: people.size,
    by_org: [...orgs.values()].map((x) => ({ ...x, people: x.people.size })).sort((p, q) => q.messages - p.messages || byName(p.organisation, q.organisation)).slice(0, TOP.orgs),
    monthly: [...months].sort((p, q) => byName(p[0], q[0])).map(share2),
    per_list: [...byList].map(share2).sort(byReviews),
    per_section: [...bySection].map(share2).sort(byReviews).slice(0, TOP.perSection),
    pairs: [...pairs.values()].sort((p, q) => q.reviews - p.reviews || byName(p.reviewer, q.reviewer) || byName(p.author, q.author)).slice(0, TOP.pairs)
  };
}
var THREAD_PARTICIPANTS_MAX = 500;
function threadAffiliationFiles(a2, r, files) {
  const shards = new ShardSet(FILES.threadAffiliationShard);
  if (r) {
    const home = new Map(r.homes.map((h) => [h.personId, h]));
    const byThread = /* @__PURE__ */ new Map();
    const tid = a2.tr.threading.threadId;
    a2.corpus.messages.forEach((m, i) => {
      let c = byThread.get(tid[i]);
      if (!c) byThread.set(tid[i], c = /* @__PURE__ */ new Map());
      c.set(m.from, (c.get(m.from) ?? 0) + 1);
    });
    for (const [t, counts] of byThread) {
      const ids = [...counts].sort((x, y) => y[1] - x[1]).slice(0, THREAD_PARTICIPANTS_MAX).map(([id]) => id);
      shards.add(t, JSON.stringify(Object.fromEntries(ids.map((id) => {
        const h = home.get(id);
        return [id, { home_list: h?.homeList ?? null, home_subsystem: h?.homeSubsystem ?? null, organisation: h?.organisation ?? null }];
      }))));
    }
  }
  shards.writeTo(files);
}

// loaders/analysis/facts-affiliations.ts
var AFF_UNKNOWN = -1;
var AFF_INSUFFICIENT = -2;
function labelIndex(values) {
  const n = /* @__PURE__ */ new Map();
  for (const v of values) if (v !== null) n.set(v, (n.get(v) ?? 0) + 1);
  const labels2 = [...n].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([v]) => v);
  return { labels: labels2, index: new Map(labels2.map((v, k) => [v, k])) };
}
function buildFactsAffiliations(a2, r, hint) {
  const ids = [...factPersonIndex(a2).keys()];
  const home = new Map((r?.homes ?? []).map((h) => [h.personId, h]));
  const subs = ids.map((id) => home.get(id)?.homeSubsystem ?? null);
  const orgs = ids.map((id) => home.get(id)?.organisation ?? null);
  const s = labelIndex(subs.map((x) => x === INSUFFICIENT ? null : x));
  const o = labelIndex(orgs);
  return {
    status: r?.status ?? "no-data",
    hint: !r || r.status === "no-maintainers" ? hint : null,
    subsystems: s.labels,
    organisations: o.labels,
    subsystem: subs.map((x) => x === null ? AFF_UNKNOWN : x === INSUFFICIENT ? AFF_INSUFFICIENT : s.index.get(x)),
    organisation: orgs.map((x) => x === null ? AFF_UNKNOWN : o.index.get(x))
  };
}

// loaders/analysis/facts-series-load.ts
var LOAD_FLAG = { answered: 1, applied: 2, author: 4 };
function buildSeriesLoadFacts(a2, order, subsystems) {
  const roles = a2.corpus.maintainerRoles;
  if (!roles || !a2.corpus.subsystems) return null;
  const lc = a2.series.lifecycle;
  const sectionsOf = /* @__PURE__ */ new Map(), peopleOf = /* @__PURE__ */ new Map();
  for (const r of roles) {
    let s = sectionsOf.get(r.personId);
    if (!s) sectionsOf.set(r.personId, s = /* @__PURE__ */ new Set());
    s.add(r.subsystem);
    let p = peopleOf.get(r.subsystem);
    if (!p) peopleOf.set(r.subsystem, p = /* @__PURE__ */ new Set());
    p.add(r.personId);
  }
  const touchedBy = (g) => {
    const out3 = /* @__PURE__ */ new Set();
    for (const sub of g.subsystems) for (const p of peopleOf.get(sub) ?? []) if (p !== g.author) out3.add(p);
    return out3;
  };
  const human = order.map((g) => !a2.bots.has(g.author));
  const count = /* @__PURE__ */ new Map();
  order.forEach((g, k) => {
    if (human[k]) for (const p of touchedBy(g)) count.set(p, (count.get(p) ?? 0) + 1);
  });
  const people = [...count].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([p]) => p);
  const idx = new Map(people.map((p, k) => [p, k]));
  const subIdx = new Map(subsystems.map((s, k) => [s, k]));
  const touchedSections = new Set(subsystems);
  const personIdx = factPersonIndex(a2);
  const out2 = { person: [], named: [], sections: [], sections_n: [], section_names: [], m: [], m_n: [] };
  people.forEach((p, k) => {
    const pi = personIdx.get(p) ?? -1;
    out2.person.push(pi);
    if (pi < 0) out2.named.push([k, p, clipText(a2.people.get(p)?.name || a2.people.get(p)?.email || p, 80)]);
    const secs = [...sectionsOf.get(p)].sort().filter((s, k2) => k2 < LOAD_SECTIONS || touchedSections.has(s));
    for (const s of secs) {
      if (!subIdx.has(s)) {
        subIdx.set(s, subsystems.length + out2.section_names.length);
        out2.section_names.push(s);
      }
      out2.sections.push(subIdx.get(s));
    }
    out2.sections_n.push(secs.length);
  });
  const spoke = groupResponders(a2.corpus.messages, a2.series);
  order.forEach((g, k) => {
    let n = 0;
    if (human[k]) {
      const appliedBy = g.applied >= 0 ? lc.outcomes[g.applied].by : null;
      const touched = /* @__PURE__ */ new Set();
      for (const sub of g.subsystems) for (const p of peopleOf.get(sub) ?? []) touched.add(p);
      const entries = [];
      for (const p of touched) {
        const bits = (spoke[g.group].has(p) ? LOAD_FLAG.answered : 0) | (appliedBy === p ? LOAD_FLAG.applied : 0) | (g.author === p ? LOAD_FLAG.author : 0);
        const i = idx.get(p);
        if (bits && i !== void 0) entries.push(i * 8 + bits);
      }
      out2.m.push(...entries.sort((x, y) => x - y));
      n = entries.length;
    }
    out2.m_n.push(n);
  });
  return out2;
}

// loaders/analysis/facts-series.ts
var TABLE_ROWS_MAX = 6e3;
var FACTS_SERIES_SCHEMA = 1;
var MIN = 6e4;
var SERIES_FLAG = { answered: 1, reviewed: 2, accepted: 4, partial: 8, bot: 16 };
var OUTCOMES = ["applied", "changes_requested", "rejected", "deferred", "superseded", "pending"];
function buildFactsSeries(a2) {
  const lc = a2.series.lifecycle;
  const lists = a2.corpus.lists;
  const bit = new Map(lists.map((l, i) => [l, 2 ** i]));
  const maskOf = (ls) => {
    let m = 0;
    for (const l of new Set(ls)) m += bit.get(l) ?? 0;
    return m;
  };
  const outcomeIdx = new Map(OUTCOMES.map((o, i) => [o, i]));
  const personIdx = factPersonIndex(a2);
  const order = groupOrder(a2);
  const subsystems = subsystemOrder(order);
  const subIdx = new Map(subsystems.map((s, i) => [s, i]));
  const G = {
    n: order.length,
    dated: 0,
    start: [],
    author: [],
    lists: [],
    flags: [],
    time: [],
    to_accept: [],
    outcome: [],
    revisions: [],
    sub: [],
    sub_n: []
  };
  const R = { version: [], patches: [], outcome: [], lists: [] };
  let prev = 0;
  for (const g of order) {
    if (g.start !== null) {
      const m = Math.floor(g.start / MIN);
      G.start.push(m - prev);
      prev = m;
      G.dated++;
    }
    G.author.push(personIdx.get(g.author) ?? -1);
    G.lists.push(maskOf(g.lists));
    G.flags.push((g.answered ? SERIES_FLAG.answered : 0) | (g.reviewed ? SERIES_FLAG.reviewed : 0) | (g.accepted ? SERIES_FLAG.accepted : 0) | (g.applied >= 0 && lc.outcomes[g.applied].partial ? SERIES_FLAG.partial : 0) | (a2.bots.has(g.author) ? SERIES_FLAG.bot : 0));
    G.time.push(g.time === null ? -1 : Math.round(g.time / MIN));
    G.to_accept.push(g.revisionsToAccept ?? 0);
    G.outcome.push(outcomeIdx.get(g.outcome));
    const revs = lc.grouping.groups[g.group].revisions;
    G.revisions.push(revs.length);
    for (const r of revs) {
      R.version.push(lc.revisions[r].version);
      R.patches.push(lc.revisions[r].patches);
      R.outcome.push(outcomeIdx.get(lc.outcomes[r].outcome));
      R.lists.push(maskOf(lc.revisions[r].lists));
    }
    G.sub_n.push(g.subsystems.length);
    for (const s of g.subsystems) G.sub.push(subIdx.get(s));
  }
  return {
    schema: FACTS_SERIES_SCHEMA,
    lists,
    outcomes: OUTCOMES,
    subsystems,
    has_subsystems: a2.series.subsystems,
    verdicts: a2.series.verdicts,
    groups: G,
    revisions: R
  };
}
function subsystemOrder(order) {
  const subCount = /* @__PURE__ */ new Map();
  for (const g of order) for (const s of g.subsystems) subCount.set(s, (subCount.get(s) ?? 0) + 1);
  return [...subCount].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([s]) => s);
}
function groupOrder(a2) {
  return [...a2.series.groups].sort((x, y) => {
    if (x.start === null || y.start === null) return x.start === y.start ? x.group - y.group : x.start === null ? 1 : -1;
    return x.start - y.start || x.group - y.group;
  });
}
function buildSeriesTable(a2) {
  const lc = a2.series.lifecycle;
  const personIdx = factPersonIndex(a2);
  const order = groupOrder(a2);
  const rowOf = new Map(order.map((g, k) => [g.group, k]));
  const recent = a2.series.groups.filter((g) => !a2.bots.has(g.author)).sort((x, y) => (y.start ?? 0) - (x.start ?? 0) || (x.id < y.id ? -1 : 1)).slice(0, TABLE_ROWS_MAX);
  const out2 = {
    group: [],
    subject: [],
    id: [],
    evidence: [],
    rule: [],
    author_id: [],
    load: buildSeriesLoadFacts(a2, order, subsystemOrder(order))
  };
  for (const g of recent) {
    const revs = lc.grouping.groups[g.group].revisions, last = revs[revs.length - 1];
    const decided = revs.find((r) => lc.outcomes[r].outcome === g.outcome && lc.outcomes[r].evidence) ?? last;
    out2.group.push(rowOf.get(g.group));
    out2.subject.push(clipText(lc.revisions[last].subject));
    out2.id.push(lc.revisions[last].id);
    out2.evidence.push(lc.outcomes[decided].evidence?.messageId ?? null);
    out2.rule.push(lc.outcomes[decided].evidence?.rule ?? null);
    out2.author_id.push(personIdx.has(g.author) ? null : g.author);
  }
  return out2;
}
function seriesFactFiles(a2) {
  return [[FILES.factsSeries, JSON.stringify(buildFactsSeries(a2))], [FILES.seriesTable, artifactJson(buildSeriesTable(a2))]];
}

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

// .h2-new.mts
var store = process.argv[2];
var LISTS = ["linux-cxl", "netdev", "linux-rdma"];
var st = await openStore(store);
var corpus = windowCorpus(await readCorpus(st, LISTS));
var inputs = await affiliationSetup(store, { writeDerived: false });
var rd = await readAffiliations(st, inputs);
await st.close();
var out = {};
var reps = +(process.env.REPS ?? 3);
var only = process.env.ONLY;
var T = (name, f) => {
  if (only && !only.split(",").includes(name)) return;
  let best2 = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    best2 = Math.min(best2, (d.user + d.system) / 1e3);
  }
  out[name] = Math.round(best2);
};
var tm = [];
var a;
for (let i = 0; i < (only && !only.includes("ac") ? 1 : reps); i++) {
  a = analyzeCorpus(corpus, { deferLayout: () => {
  } });
  tm.push(a.timings);
}
for (const k of Object.keys(tm[0])) out[`ac:${k}`] = Math.min(...tm.map((x) => x[k]));
var aff;
T("computeAffiliations", () => {
  aff = computeAffiliations(a, rd.input, { maintainers: rd.maintainers, tracked: inputs.tracked, orgOverrides: inputs.orgOverrides });
});
if (!aff) aff = computeAffiliations(a, rd.input, { maintainers: rd.maintainers, tracked: inputs.tracked, orgOverrides: inputs.orgOverrides });
if (aff.status === "ok") {
  a.corpus.subsystems = aff.messageSubsystems;
  a.corpus.maintainerRoles = aff.roles;
  a.corpus.sectionLists = sectionListNames(aff.sections);
}
T("series.recompute", () => {
  a.series = a.series.recompute();
});
T("seriesListStats", () => seriesListStats(a));
T("buildSeries", () => buildSeries(a));
T("seriesFactFiles", () => seriesFactFiles(a));
T("threadAffiliationFiles", () => threadAffiliationFiles(a, aff, /* @__PURE__ */ new Map()));
T("buildFactsAffiliations", () => buildFactsAffiliations(a, aff, ""));
T("affiliationFiles", () => affiliationFiles(a, aff));
T("buildGraphBuckets", () => buildGraphBuckets(a, factPersonIndex(a), quarterMetrics(quarterJob(a))));
var { threads } = buildThreadsArtifacts(a);
var pa = buildPeopleArtifacts(a);
T("buildFacts", () => buildFacts(a, pa.people.rows.map((x) => x.id)));
T("buildFactsPeople", () => buildFactsPeople(a));
T("buildPeopleColsFacts", () => buildPeopleColsFacts(a));
T("personFacts(all)", () => {
  const f = personFactsOf(a);
  for (const id of pa.ids) f(id);
});
T("personSeries(all)", () => {
  const f = personSeriesIndex(a);
  for (const id of pa.ids) f(id);
});
T("threadSeries(all)", () => {
  for (const t of threads.rows) threadSeries(a, t.id);
});
T("searchFiles", () => searchFiles(a, threads, pa.people, pa.emails, /* @__PURE__ */ new Map()));
console.log(JSON.stringify({ messages: a.corpus.messages.length, status: aff?.status, ...out }));
process.exit(0);
