// SQL literal helpers (identifiers and strings are quoted, never interpolated raw).
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
