// Graph node keys for person ids. Person ids come from mail, and graphology keeps adjacency in
// plain objects, where a person called "__proto__" or "constructor" collides with
// Object.prototype (a crash, or edges that seem to exist). So the reply graphs are keyed by the id
// behind a fixed prefix: never a prototype member, and the same sort and insertion order as the
// ids, so metrics and layout come out exactly as they would for the bare ids.
import type { ReplyEdge } from "../graph/replies.ts";

const PREFIX = "p:";

export const graphKey = (id: string): string => PREFIX + id;
export const personOfKey = (key: string): string => key.slice(PREFIX.length);

/** Reply edges with graph keys for from/to, for buildReplyGraph. */
export function keyedReplies(replies: ReplyEdge[]): ReplyEdge[] {
  return replies.map((e) => ({ ...e, from: graphKey(e.from), to: graphKey(e.to) }));
}

/** A per-node result keyed by graph key, re-keyed by person id. */
export function byPerson<V>(m: Map<string, V>): Map<string, V> {
  return new Map([...m].map(([k, v]) => [personOfKey(k), v]));
}
