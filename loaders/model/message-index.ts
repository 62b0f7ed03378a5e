// Message-ID -> index of a message array, made once per array. Threading, series, reviews,
// responsiveness, affiliations and the fact tables all look messages up by id: at 200k messages
// each of their own Maps cost ~0.1 s and 200k entries of garbage, a dozen times per analysis.
// For an id present twice the last message wins (as `new Map(messages.map(...))` does). The
// array must not be changed in place once indexed (an append is noticed and indexed again).

const made = new WeakMap<readonly { id: string }[], { n: number; index: Map<string, number> }>();

export function messageIndex(messages: readonly { id: string }[]): ReadonlyMap<string, number> {
  let m = made.get(messages);
  if (!m || m.n !== messages.length) {
    const index = new Map<string, number>();
    for (let i = 0; i < messages.length; i++) index.set(messages[i].id, i);
    made.set(messages, (m = { n: messages.length, index }));
  }
  return m.index;
}
