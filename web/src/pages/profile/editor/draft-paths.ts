/**
 * Section drafts mirror the API body, so an input's name, its draft path and the server's
 * error path are one string: `education.0.year`.
 */
export type Draft = Record<string, unknown>;

function segmentsOf(path: string): string[] {
  return path.split('.').filter(Boolean);
}

export function getIn(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of segmentsOf(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** A copy of `value` with `path` set; arrays stay arrays. */
export function setIn<T>(value: T, path: string, next: unknown): T {
  const [head, ...rest] = segmentsOf(path);
  if (head === undefined) return next as T;
  const container = (value ?? {}) as Record<string, unknown> | unknown[];
  const child = Array.isArray(container) ? container[Number(head)] : container[head];
  const updated = setIn(child, rest.join('.'), next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[Number(head)] = updated;
    return copy as T;
  }
  return { ...container, [head]: updated } as T;
}

/** '' means "not given": null for nullable fields, undefined (→ "required") otherwise. */
export const textOrNull = (value: string) => (value.trim() === '' ? null : value);

/** Digits become a number; anything else stays text so the schema reports "a number, please". */
export function yearValue(value: string, empty: null | undefined): number | string | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return empty;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export const yearText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
