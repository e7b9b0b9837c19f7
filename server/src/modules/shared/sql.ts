/** An ILIKE pattern that finds `value` anywhere, with its own %, _ and \ taken literally. */
export function containing(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
