// facts-affiliations.json: each fact-table person's home subsystem and organisation, so pages can
// group the browser-computed matrices (reply flows, who reviews whom) by them as well as by home
// list. Written after the affiliations (run.ts), since facts.json is built before they are known;
// indices follow fact-index.ts factPersonIndex, the same order as facts-people.json.
import type { Analysis } from "./analyze.ts";
import type { Affiliations } from "./affiliations.ts";
import { factPersonIndex } from "./fact-index.ts";
import { INSUFFICIENT } from "../maintainers/home.ts";

/** No verdict known: no MAINTAINERS, or a person the affiliation analysis never saw (no organisation, for `organisation`). */
export const AFF_UNKNOWN = -1;
/** Too little mail for a home subsystem (maintainers/home.ts INSUFFICIENT): a verdict, not a bucket. */
export const AFF_INSUFFICIENT = -2;

export interface FactsAffiliationsArtifact {
  /** Affiliations status ("ok", "no-maintainers", "no-files"), or "no-data" when no store was analysed. */
  status: string;
  /** How to add a MAINTAINERS file, when none is configured. */
  hint: string | null;
  /** Labels, most people first (small indices gzip best). */
  subsystems: string[];
  organisations: string[];
  /** Per person index: an index into `subsystems`, AFF_INSUFFICIENT or AFF_UNKNOWN. */
  subsystem: number[];
  /** Per person index: an index into `organisations`, or AFF_UNKNOWN (no organisation). */
  organisation: number[];
}

/** Labels by how many people carry them (most first, ties by name), and each value's index. */
function labelIndex(values: (string | null)[]): { labels: string[]; index: Map<string, number> } {
  const n = new Map<string, number>();
  for (const v of values) if (v !== null) n.set(v, (n.get(v) ?? 0) + 1);
  const labels = [...n].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([v]) => v);
  return { labels, index: new Map(labels.map((v, k) => [v, k])) };
}

export function buildFactsAffiliations(a: Analysis, r: Affiliations | null, hint: string | null): FactsAffiliationsArtifact {
  const ids = [...factPersonIndex(a).keys()];
  const home = new Map((r?.homes ?? []).map((h) => [h.personId, h]));
  const subs = ids.map((id) => home.get(id)?.homeSubsystem ?? null);
  const orgs = ids.map((id) => home.get(id)?.organisation ?? null);
  const s = labelIndex(subs.map((x) => (x === INSUFFICIENT ? null : x)));
  const o = labelIndex(orgs);
  return {
    status: r?.status ?? "no-data",
    hint: !r || r.status === "no-maintainers" ? hint : null,
    subsystems: s.labels, organisations: o.labels,
    subsystem: subs.map((x) => (x === null ? AFF_UNKNOWN : x === INSUFFICIENT ? AFF_INSUFFICIENT : s.index.get(x)!)),
    organisation: orgs.map((x) => (x === null ? AFF_UNKNOWN : o.index.get(x)!)),
  };
}
