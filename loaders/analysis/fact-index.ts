// The fact tables' person index (facts.ts personIndexOf) of an analysis, made once: the graph,
// graph buckets, subsystem, organisation and affiliation builders each need it, and at 200k
// messages each computation was 0.1-0.2 s (a count over every message and a sort). Read-only.
import type { Analysis } from "./analyze.ts";
import { personIndexOf } from "./facts.ts";

const made = new WeakMap<Analysis, Map<string, number>>();

/** personIndexOf(a), computed once per analysis (an analysis' messages, replies and reviews never change). */
export function factPersonIndex(a: Analysis): Map<string, number> {
  let m = made.get(a);
  if (!m) made.set(a, (m = personIndexOf(a)));
  return m;
}
