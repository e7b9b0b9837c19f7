// Worker thread for publications-import.ts: runs the BibTeX and CSV parsers off the event loop.
// Plain JavaScript so it starts the same under tsx, vitest and a built server.
import { parentPort, workerData } from 'node:worker_threads';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';

const KEPT = ['title', 'author', 'editor', 'journal', 'booktitle', 'publisher', 'school', 'institution', 'year', 'doi'];

function readEntry(text, macros) {
  try {
    // Titles keep their case: sentence-casing would mangle Vietnamese proper names.
    const library = parseBibtex(macros + text, { sentenceCase: false, english: false, unsupported: 'ignore' });
    const entry = library.entries[0];
    if (!entry || library.errors.length > 0 || entry.input === '') return { ok: false, key: entry?.key ?? '' };
    const fields = Object.fromEntries(KEPT.filter((k) => entry.fields[k] !== undefined).map((k) => [k, entry.fields[k]]));
    return { ok: true, key: entry.key, type: entry.type, fields };
  } catch {
    return { ok: false, key: '' };
  }
}

function readCsv({ content, maxRows, maxRecordSize }) {
  try {
    const rows = parseCsv(content, {
      bom: true,
      columns: (header) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      max_record_size: maxRecordSize,
      to: maxRows + 1,
    });
    parentPort.postMessage({ rows });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error).slice(0, 300) });
  }
}

// Loaded: the caller's time limit for the parsing itself starts now.
parentPort.postMessage({ ready: true });
if (workerData.format === 'csv') readCsv(workerData);
else {
  // In batches: one message per entry would cost the main thread more than the entries do.
  // Sent at least every 25 ms, so what was read before a time limit is kept.
  let batch = [];
  let sentAt = performance.now();
  workerData.entries.forEach((text, index) => {
    batch.push({ index, entry: readEntry(text, workerData.macros) });
    if (batch.length === 50 || performance.now() - sentAt > 25) {
      parentPort.postMessage({ batch });
      batch = [];
      sentAt = performance.now();
    }
  });
  if (batch.length > 0) parentPort.postMessage({ batch });
}
parentPort.postMessage({ done: true });
