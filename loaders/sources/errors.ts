// Errors a source throws for a path it cannot read at all (missing, not an archive, damaged).
export class SourceError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = "SourceError";
  }
}
