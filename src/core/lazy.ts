/**
 * A value made on first use. For module-level constants that cost at load and are rarely
 * needed: a regular expression with Unicode property classes (`\p{L}`, …) expands and sorts
 * hundreds of ranges when it is created, ~10 M instructions for a handful of them, paid by
 * every start whether or not any input needs it.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
