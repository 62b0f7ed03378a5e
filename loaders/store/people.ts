// Recompute the people tables from everything in the store (small: distinct senders and
// trailer names), then commit them with the manifest. Messages are never rewritten: the
// views join messages.from_email -> person_emails -> people.
import { createHash } from "node:crypto";
import { isBot } from "../identity/bots.ts";
import { readMailmap, type Mailmap } from "../identity/mailmap.ts";
import { readOverrides, type Overrides } from "../identity/overrides.ts";
import { resolvePeople, type Observation, type PeopleResult } from "../identity/resolve.ts";
import { PEOPLE_COLUMNS, PERSON_EMAIL_COLUMNS } from "./schema.ts";
import type { DuckStore } from "./store.ts";

export interface IdentityFiles {
  mailmaps?: string[];
  overrides?: string;
}

export function loadIdentityFiles(files: IdentityFiles): { mailmaps: Mailmap[]; overrides?: Overrides } {
  return {
    mailmaps: (files.mailmaps ?? []).map(readMailmap),
    overrides: files.overrides ? readOverrides(files.overrides) : undefined,
  };
}

export async function collectObservations(store: DuckStore): Promise<Observation[]> {
  const rows = await store.query<{ email: string; name: string; messages: number; bot: boolean }>(`
    SELECT email, name, sum(messages) AS messages, bool_or(bot) AS bot FROM (
      SELECT from_email AS email, coalesce(from_name, '') AS name, count(*) AS messages, bool_or(is_bot) AS bot
        FROM raw_messages GROUP BY ALL
      UNION ALL
      SELECT email, coalesce(name, '') AS name, 0 AS messages, false AS bot FROM raw_trailers GROUP BY ALL
    ) WHERE email IS NOT NULL AND email <> '' GROUP BY ALL ORDER BY email, name`);
  return rows.map((r) => ({ email: r.email, name: r.name, messages: r.messages, botFlag: r.bot }));
}

/** Resolve people and commit them as a new generation. Returns the resolution for reporting. */
export async function rebuildPeople(
  store: DuckStore, { mailmaps, overrides }: { mailmaps: Mailmap[]; overrides?: Overrides },
): Promise<PeopleResult> {
  const obs = await collectObservations(store);
  const result = resolvePeople(obs, { mailmaps, overrides, isBot: (name, email) => isBot({ name, email }) });
  const peopleRows = result.people.map((p) => ({ ...p, evidence: JSON.stringify(p.evidence) }));
  const emailRows = [...result.emailToPerson].map(([email, person_id]) => ({ email, person_id }));
  // Unchanged people: no new generation, so caches keyed on store.version() stay valid.
  const hash = createHash("sha256").update(JSON.stringify([peopleRows, emailRows])).digest("hex").slice(0, 32);
  const m = store.manifest();
  if (m.people?.hash === hash) return result;
  const gen = m.generation + 1;
  const tag = String(gen).padStart(6, "0");
  const people = await store.writeTable(`people/people-${tag}.parquet`, PEOPLE_COLUMNS,
    peopleRows);
  const emails = await store.writeTable(`people/emails-${tag}.parquet`, PERSON_EMAIL_COLUMNS,
    emailRows);
  store.commit({ ...m, generation: gen, people: { people, emails, hash } });
  store.cleanOrphans();
  return result;
}
