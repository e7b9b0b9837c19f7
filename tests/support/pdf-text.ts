import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit (server/src/modules/shared/pdf.ts), enough to ask whether a
 * word is in it: streams are inflated, each embedded font's ToUnicode map read, and every hex
 * string shown by TJ decoded with each map (the result holds one decoding per font, so a word
 * set in any of the fonts is found). Spaces are dropped, as pdfkit may position words instead.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      streams.push(inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1'));
    } catch {
      streams.push(m[1]!); // not compressed
    }
  }
  const maps: Array<Map<number, string>> = [];
  for (const s of streams.filter((x) => x.includes('beginbfrange'))) {
    const map = new Map<number, string>();
    for (const r of s.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const start = parseInt(r[1]!, 16);
      // An empty entry (<>) is a glyph with no text of its own (a mark placed apart).
      [...r[3]!.matchAll(/<([0-9a-f ]*)>/gi)].forEach((e, i) => {
        const units = e[1] ? e[1].split(' ').map((h) => parseInt(h, 16)) : [];
        map.set(start + i, String.fromCharCode(...units));
      });
    }
    maps.push(map);
  }
  const shown: string[] = [];
  for (const s of streams)
    for (const tj of s.matchAll(/\[([^\]]*)\] TJ/g)) shown.push([...tj[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join(''));
  return maps
    .map((map) => shown.map((hex) => (hex.match(/.{4}/g) ?? []).map((code) => map.get(parseInt(code, 16)) ?? '').join('')).join('\n'))
    .join('\n')
    .replace(/[ \t]+/g, '');
}
