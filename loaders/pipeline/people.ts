// Recompute the people tables from everything in the store (small: distinct senders, authors
// of forwarded patches and trailer names), then commit them with the manifest. Messages are never rewritten: the
// views join messages.from_email -> person_emails -> people.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { BOT_LIST_VERSION, isBot } from "../parse/bots.ts";
import { parseMailmap, type Mailmap } from "../identity/mailmap.ts";
import { parseOverrides, type Overrides } from "../identity/overrides.ts";
import { IDENTITY_RULES_VERSION, resolvePeople, type Observation, type PeopleResult } from "../identity/resolve.ts";
import { PEOPLE_COLUMNS, PERSON_EMAIL_COLUMNS, SUSPECT_COLUMNS } from "../store/schema.ts";
import type { DuckStore } from "../store/store.ts";

export interface IdentityFiles {
  mailmaps?: string[];
  overrides?: string;
}

export interface IdentityInputs {
  mailmaps: Mailmap[];
  overrides?: Overrides;
  /** Hash of everything besides the messages that people depend on. */
  inputs: string;
}

/** Largest mailmap or overrides file read (the kernel's .mailmap is about 50 KB): a bigger one is another file given by mistake. */
export const IDENTITY_FILE_MAX_BYTES = 64 << 20;

export function loadIdentityFiles(files: IdentityFiles): IdentityInputs {
  const h = createHash("sha256").update(`bots:${BOT_LIST_VERSION}\nrules:${IDENTITY_RULES_VERSION}\n`);
  const read = (path: string, kind: "mailmap" | "overrides") => {
    // read whole as one string: 1 GiB failed in V8 ("Cannot create a string longer than...") naming no file
    const size = statSync(path).size;
    if (size > IDENTITY_FILE_MAX_BYTES) {
      throw new Error(`${kind} file ${path} is ${size} bytes, more than the ${IDENTITY_FILE_MAX_BYTES >> 20} MiB a ${kind} file can be: ` +
        `another file given by mistake? Nothing was changed. Pass the right file with --${kind} FILE, or --no-${kind}`);
    }
    const text = readFileSync(path, "utf8");
    h.update(`${path}\n${text}\n`);
    return text;
  };
  const mailmaps = (files.mailmaps ?? []).map((f) => notEmptied(parseMailmap(read(f, "mailmap"), f), f));
  const overrides = files.overrides ? parseOverrides(read(files.overrides, "overrides"), files.overrides) : undefined;
  return { mailmaps, overrides, inputs: h.digest("hex").slice(0, 32) };
}

/**
 * A mailmap none of whose lines is an entry is some other file at its path (an HTML error page
 * saved by a download, a truncated or wrong copy): used as an empty mailmap it would silently undo
 * every merge it made. A few malformed lines among entries are ignored, as git does (the kernel's
 * .mailmap has one); a file of comments and blank lines only is an empty mailmap.
 */
function notEmptied(m: Mailmap, file: string): Mailmap {
  if (m.entries.length > 0 || m.skipped.length === 0) return m;
  throw new Error(`mailmap file ${file} is not a mailmap: none of its ${m.skipped.length} lines (besides comments and blank lines) ` +
    `is a mailmap entry such as 'Proper Name <proper@email> <commit@email>' (first: ${m.skipped[0]}). Nothing was changed: ` +
    "the people keep their mailmap-based merges. Fix or restore the file, pass --mailmap FILE to use another one, or --no-mailmap to stop using one");
}

export async function collectObservations(store: DuckStore): Promise<Observation[]> {
  // Only messages with a copy left: a purged (public-inbox `d`) message observes nobody.
  const rows = await store.query<{ email: string; name: string; messages: number; bot: boolean }>(`
    WITH present AS (SELECT * FROM raw_messages WHERE message_id IN (SELECT message_id FROM arrivals))
    SELECT email, name, sum(messages) AS messages, bool_or(bot) AS bot FROM (
      SELECT from_email AS email, coalesce(from_name, '') AS name, count(*) AS messages, bool_or(is_bot) AS bot
        FROM present GROUP BY ALL
      UNION ALL
      -- authors of patches someone else sent: people even if they never sent mail themselves
      SELECT author_email AS email, coalesce(author_name, '') AS name, 0 AS messages, false AS bot
        FROM present WHERE author_email IS NOT NULL GROUP BY ALL
      UNION ALL
      SELECT email, coalesce(name, '') AS name, 0 AS messages, false AS bot
        FROM raw_trailers WHERE message_id IN (SELECT message_id FROM arrivals) GROUP BY ALL
    ) WHERE email IS NOT NULL AND email <> '' GROUP BY ALL ORDER BY email, name`);
  return rows.map((r) => ({ email: r.email, name: r.name, messages: r.messages, botFlag: r.bot }));
}

/** Resolve people and commit them as a new generation. Returns the resolution for reporting. */
export async function rebuildPeople(store: DuckStore, { mailmaps, overrides, inputs }: IdentityInputs): Promise<PeopleResult | null> {
  // Nothing committed since the last resolution and the same identity inputs: nothing to do.
  const before = store.manifest();
  await store.query("SELECT 1 FROM raw_people LIMIT 0"); // reads the views: sets store.peopleDamage
  const damaged = store.peopleDamage !== null; // unreadable people tables are always written anew
  if (!damaged && before.people && before.people.generation === before.generation && before.people.inputs === inputs) return null;
  const obs = await collectObservations(store);
  const result = resolvePeople(obs, { mailmaps, overrides, isBot: (name, email) => isBot({ name, email }) });
  const peopleRows = result.people.map((p) => ({ ...p, evidence: JSON.stringify(p.evidence) }));
  const emailRows = [...result.emailToPerson].map(([email, person_id]) => ({ email, person_id }));
  // Unchanged people: no new generation, so caches keyed on store.version() stay valid.
  const hash = createHash("sha256").update(JSON.stringify([peopleRows, emailRows, result.suspects])).digest("hex").slice(0, 32);
  const m = store.manifest();
  if (!damaged && m.people?.hash === hash && m.people.inputs === inputs) {
    // Same people: note that they are current, without a new generation (no data changed).
    if (m.people.generation !== m.generation) store.commit({ ...m, people: { ...m.people, generation: m.generation } });
    return result;
  }
  const gen = m.generation + 1;
  const tag = String(gen).padStart(6, "0");
  const people = await store.writeTable(`people/people-${tag}.parquet`, PEOPLE_COLUMNS,
    peopleRows);
  const emails = await store.writeTable(`people/emails-${tag}.parquet`, PERSON_EMAIL_COLUMNS,
    emailRows);
  const suspects = await store.writeTable(`people/suspects-${tag}.parquet`, SUSPECT_COLUMNS, result.suspects.map((x) => ({ ...x })));
  store.commit({ ...m, generation: gen, people: { people, emails, suspects, hash, inputs, generation: gen } });
  store.cleanOrphans();
  return result;
}
