// Where a person is "from" (docs/analysis.md "Home list and home subsystem"), pure:
// - home list: every list their mail reached, tracked or not, each message weighing 1/k on its k
//   lists; the top list must lead the next by at least one message's weight, else the verdict is
//   "cross-list" (someone whose mail all went to one cross-posted thread has no home list);
// - home subsystem: among the sections they maintain or review, the one with the most of their
//   activity (messages in its threads and to its L: lists); else the section their own patches
//   touch most; else the section of the patches they answer most; with fewer than MIN_MESSAGES
//   messages and no role the verdict is "insufficient", never a guess.

export const CROSS_LIST = "cross-list";
export const INSUFFICIENT = "insufficient";
/** Fewer messages than this and no role: too little mail for a home subsystem. */
export const MIN_MESSAGES = 3;

/** Weights per key; the winner must lead by `margin`, else `tie`; null when empty. */
export function clearWinner(weights: Map<string, number>, margin: number, tie: string): string | null {
  const sorted = [...weights.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  if (!sorted.length || sorted[0][1] <= 0) return null;
  if (sorted.length > 1 && sorted[0][1] - sorted[1][1] < margin - 1e-9) return tie;
  return sorted[0][0];
}

/** Home list of one person from the lists of each message they sent. */
export function homeList(messageLists: string[][]): string | null {
  const w = new Map<string, number>();
  for (const ls of messageLists) {
    const u = [...new Set(ls)];
    for (const l of u) w.set(l, (w.get(l) ?? 0) + 1 / u.length);
  }
  return clearWinner(w, 1, CROSS_LIST);
}

export interface HomeSubsystemInput {
  messages: number;
  /** Sections they hold a role in (maintainer first), in MAINTAINERS order. */
  roles: { subsystem: string; role: "maintainer" | "reviewer" }[];
  /** Their activity per section: messages in threads mapping to it, plus 1/k per message to one of its L: lists (k: the message's lists). */
  activity: Map<string, number>;
  /** Tie-break among role sections: how many of their role sections share an L: list with it (a media maintainer's sections cluster on linux-media). */
  affinity?: Map<string, number>;
  /** Sections of their own patches, each patch weighing 1/k over its k sections. */
  ownPatches: Map<string, number>;
  /** Sections of the patches they replied to, weighted like ownPatches. */
  answered: Map<string, number>;
}

export interface HomeSubsystem { subsystem: string; evidence: string }

export function homeSubsystem(x: HomeSubsystemInput): HomeSubsystem {
  if (x.roles.length) {
    let best: { subsystem: string; role: string; n: number } | null = null;
    for (const r of x.roles) {
      const n = x.activity.get(r.subsystem) ?? 0;
      const aff = (k: string) => x.affinity?.get(k) ?? 0;
      if (!best || n > best.n + 1e-9 || (Math.abs(n - best.n) <= 1e-9 && (aff(r.subsystem) > aff(best.subsystem) ||
        (aff(r.subsystem) === aff(best.subsystem) && r.role === "maintainer" && best.role !== "maintainer")))) best = { ...r, n };
    }
    if (best && best.n > 0) return { subsystem: best.subsystem, evidence: `${best.role}; ${round(best.n)} messages of activity` };
  }
  const own = clearWinner(x.ownPatches, 0, "");
  if (own) return { subsystem: own, evidence: `own patches: ${round(x.ownPatches.get(own)!)}` };
  if (x.roles.length) {
    const top = Math.max(...x.roles.map((y) => x.affinity?.get(y.subsystem) ?? 0));
    const near = x.roles.filter((y) => (x.affinity?.get(y.subsystem) ?? 0) === top);
    const r = near.find((y) => y.role === "maintainer") ?? near[0];
    return { subsystem: r.subsystem, evidence: `${r.role}; no activity in its threads` };
  }
  if (x.messages < MIN_MESSAGES) return { subsystem: INSUFFICIENT, evidence: `${x.messages} messages (fewer than ${MIN_MESSAGES})` };
  const ans = clearWinner(x.answered, 0, "");
  if (ans) return { subsystem: ans, evidence: `replies to its patches: ${round(x.answered.get(ans)!)}` };
  return { subsystem: INSUFFICIENT, evidence: "no patches sent or answered" };
}

const round = (n: number) => Math.round(n * 10) / 10;
