// User override file: explicit corrections applied after the automatic merges.
// Format (one directive per line, '#' comments; see docs/identity.md):
//   join EMAIL EMAIL [EMAIL...]   these addresses are one person
//   split EMAIL                   this address is its own person (no mailmap/name merge)
//   name EMAIL Display Name       display name of the person holding EMAIL
//   bot EMAIL | notbot EMAIL      force the bot flag of the person holding EMAIL
//   org EMAIL [FROM..UNTIL] NAME  organisation of the person holding EMAIL (dates inclusive,
//                                 either may be empty; NAME "-" = none), docs/identity.md
import { readFileSync } from "node:fs";
import { normalizeEmail } from "./normalize.ts";

export interface Overrides {
  joins: { emails: string[]; origin: string }[];
  splits: Set<string>;
  names: Map<string, string>;
  bots: Map<string, boolean>;
  /** Organisation overrides, in file order (a later line wins where ranges overlap). */
  orgs: { email: string; organisation: string | null; from?: number; until?: number; origin: string }[];
}

export function emptyOverrides(): Overrides {
  return { joins: [], splits: new Set(), names: new Map(), bots: new Map(), orgs: [] };
}

/** Parse an override file; malformed lines throw with file:line so the user can fix them. */
export function parseOverrides(text: string, file = "overrides"): Overrides {
  const o = emptyOverrides();
  text.split(/\r?\n/).forEach((raw, i) => {
    const origin = `${file}:${i + 1}`;
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const [verb, ...rest] = line.split(/\s+/);
    const email = (s: string | undefined) => {
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
        const day = (d: string | undefined, end: boolean) => {
          if (!d) return undefined;
          const t = Date.parse(`${d}T00:00:00Z`);
          if (Number.isNaN(t)) throw new Error(`${origin}: not a date: ${d}`);
          return end ? t + 86_400_000 - 1 : t;
        };
        const from = day(range?.[1], false), until = day(range?.[2], true);
        if (from !== undefined && until !== undefined && until < from) throw new Error(`${origin}: the range ends before it starts`);
        o.orgs.push({ email: email(rest[0]), organisation: name === "-" ? null : name, from, until, origin });
        break;
      }
      default:
        throw new Error(`${origin}: unknown directive '${verb}' (expected join, split, name, bot, notbot, org)`);
    }
  });
  return o;
}

export function readOverrides(path: string): Overrides {
  return parseOverrides(readFileSync(path, "utf8"), path);
}
