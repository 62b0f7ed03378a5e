// Lists of people's names as text. Never with commas: "Last, First" would read as two people.
export const NAME_SEP = " · ";

/** Names (or PersonRefs with .name) joined with " · ". */
export function joinNames(people) {
  return (people ?? []).map((p) => (p != null && typeof p === "object" ? p.name ?? "" : p ?? "")).join(NAME_SEP);
}
