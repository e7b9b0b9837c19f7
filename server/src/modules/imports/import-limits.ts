/**
 * Bounds on a member list, checked before and while reading it: a file (or one cell) can never
 * cost more than these, whatever it claims to be. A city association has thousands of members,
 * not millions; a name or an organisation fits in a few hundred characters.
 */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;
/** Longer cells are cut here while reading (and then reported by the row's validation). */
export const IMPORT_MAX_CELL_CHARS = 1_000;
/** XLSX: the most the unzipped parts we read (sheet, shared strings) may hold. */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Stored job errors stay short: never a driver's text or a file's content. */
export const JOB_ERROR_MAX_CHARS = 300;
