// Items grouped by a small integer key (a person's index, a slot) in one counting sort: typed
// arrays instead of a Map of growing arrays per key (at 200k messages those were ~100 MB of garbage).

/** Items 0..keys.length-1 grouped by `keys[item]` (negative: left out), each group in item order: slot s holds items[at[s]..at[s+1]). */
export interface SlotGroups { at: Int32Array; items: Int32Array }

export function groupSlots(keys: Int32Array, slots: number): SlotGroups {
  const at = new Int32Array(slots + 1);
  for (let i = 0; i < keys.length; i++) if (keys[i] >= 0) at[keys[i] + 1]++;
  for (let s = 0; s < slots; s++) at[s + 1] += at[s];
  const items = new Int32Array(at[slots]), next = at.slice(0, slots);
  for (let i = 0; i < keys.length; i++) if (keys[i] >= 0) items[next[keys[i]]++] = i;
  return { at, items };
}

/** How many items slot `s` holds. */
export const slotSize = (g: SlotGroups, s: number) => g.at[s + 1] - g.at[s];
