// Who may set a series' state with a pw-bot line. netdev's mailbot acts only on commands from
// the patch's author and from the maintainers of the code it touches per MAINTAINERS (plus a few
// senior reviewers it lists itself, which we cannot see): anyone else's "pw-bot: cr" changes
// nothing in patchwork, so it decides no outcome here either (it stays a recorded verdict).
//   with MAINTAINERS: the series' author or sender, or a person holding M:/R: of a section the
//     series touches, or of a section whose L: is a list it was posted to;
//   without: the author or sender, or a person who applied patches on one of its lists (the
//     applier a patchwork-bot notice names, or the sender of a maintainer's "Applied" / b4
//     thanks), over the whole observation.
import type { AnalysisMessage } from "../model/corpus.ts";
import type { VerdictRecord } from "../model/verdict.ts";
import type { Revision } from "./revisions.ts";
import { messageIndex } from "../model/message-index.ts";

export interface MaintainerAuthority {
  /** M:/R: roles: person id -> sections. */
  roles: Map<string, Set<string>>;
  /** Sections a message touches (by message id). */
  subsystemsOf: (messageId: string) => string[];
  /** Section -> the list names of its L: entries. */
  sectionLists: Map<string, string[]>;
}

/** (revision, person) -> may that person's pw-bot line decide the revision's outcome. */
export type PwBotAuthority = (r: number, person: string) => boolean;

export function pwBotAuthority(messages: AnalysisMessage[], revisions: Revision[], revisionOf: Int32Array, verdicts: VerdictRecord[],
  maintainers?: MaintainerAuthority): PwBotAuthority {
  const own = (r: number, p: string) => p === revisions[r].author || p === revisions[r].sender;
  if (maintainers) {
    const byList = new Map<string, string[]>();
    for (const [sec, lists] of maintainers.sectionLists) for (const l of lists) { const x = byList.get(l); if (x) x.push(sec); else byList.set(l, [sec]); }
    const sections: (Set<string> | undefined)[] = [];
    const sectionsOf = (r: number) => sections[r] ??= new Set([
      ...revisions[r].members.flatMap((i) => maintainers.subsystemsOf(messages[i].id)),
      ...revisions[r].lists.flatMap((l) => byList.get(l) ?? [])]);
    return (r, p) => {
      if (own(r, p)) return true;
      const mine = maintainers.roles.get(p);
      if (!mine) return false;
      for (const s of sectionsOf(r)) if (mine.has(s)) return true;
      return false;
    };
  }
  // Fallback: appliers per list, from the applied evidence that is not itself a pw-bot line.
  const idx = messageIndex(messages);
  const appliers = new Map<string, Set<string>>();
  for (const v of verdicts) {
    if ((v.kind !== "applied" && v.kind !== "accepted") || v.rule === "pw-bot") continue;
    const i = idx.get(v.messageId);
    if (i === undefined || messages[i].patch.isPatch || revisionOf[i] < 0) continue;
    const who = v.personId ?? (messages[i].isBot ? null : messages[i].from);
    if (who === null) continue;
    for (const l of revisions[revisionOf[i]].lists) { const x = appliers.get(l); if (x) x.add(who); else appliers.set(l, new Set([who])); }
  }
  return (r, p) => own(r, p) || revisions[r].lists.some((l) => appliers.get(l)?.has(p) ?? false);
}
