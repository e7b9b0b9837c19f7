/**
 * Bounds on a member list, checked before and while reading it: a file (or one cell) can never
 * cost more than these, whatever it claims to be. A city association has thousands of members,
 * not millions; a name or an organisation fits in a few hundred characters.
 */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** Longer cells are cut here while reading (and then reported by the row's validation). */
export const IMPORT_MAX_CELL_CHARS = 1_000;
/** XLSX: the most one unzipped part (a sheet) may hold, and the shared strings (all the text cells). */
export const XLSX_MAX_PART_BYTES = 128 * 1024 * 1024;
export const XLSX_MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024;
/** CSV: the most one line (or one record) may hold; a member's row is a few hundred characters. */
export const CSV_MAX_RECORD_CHARS = 64 * 1024;
/** A dry run that reads for longer than this stops: no upload can hold the server's work forever. */
export const IMPORT_MAX_READ_MS = 120_000;
/** Stored job errors stay short: never a driver's text or a file's content. */
export const JOB_ERROR_MAX_CHARS = 300;
