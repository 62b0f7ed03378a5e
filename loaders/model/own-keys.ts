// Untrusted strings (list names, SQL column aliases, ids) used as keys of plain records: `o[k] = v`
// with k === "__proto__" replaces the prototype instead of adding a key, and the value vanishes.
// setOwn always adds an own, enumerable key, so JSON output and deepEqual stay as for any key.

export function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Does the record have this key as its own (not inherited from Object.prototype)? */
export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}
