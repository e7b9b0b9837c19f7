/** A value in a Meilisearch filter expression, quoted (`fields IN ["502", …]`): quotes and backslashes escaped. */
export const quoteFilterValue = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;
