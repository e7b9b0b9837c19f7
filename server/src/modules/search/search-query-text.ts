import { foldVietnamese } from '../shared/text.js';

/**
 * What a person types, made into what Meilisearch should match. Agencies phrase a need
 * ("phản biện đề án logistics", "chuyên gia ung thư bệnh viện"): the words that say what kind of
 * help is wanted describe no expert, and with every word required they would find nobody.
 * They are dropped when other words remain. Titles written with dots ("PGS.TS", "Th.S") become
 * the abbreviations the synonyms know. Measured with `npm run bench -- relevance`.
 */
const REQUEST_PHRASES = [
  'chuyen gia',
  'nha khoa hoc',
  'tu van',
  'phan bien',
  'giam dinh',
  'danh gia de an',
  'de an',
  'du an',
  'can tim',
  'tim kiem',
  'expert',
  'experts',
  'consultant',
  'reviewer',
].map((phrase) => phrase.split(' '));

export interface PreparedQuery {
  /** The text sent to Meilisearch. */
  text: string;
  /** Request words that were dropped ("phản biện", "đề án"), for the snippet and the UI. */
  dropped: string[];
}

export function prepareSearchText(raw: string): PreparedQuery {
  const words = undot(raw).split(/\s+/).filter(Boolean);
  const folded = words.map((w) => foldVietnamese(w));
  const keep = words.map(() => true);
  for (let i = 0; i < words.length; i++) {
    for (const phrase of REQUEST_PHRASES) {
      if (phrase.every((p, k) => folded[i + k] === p)) {
        for (let k = 0; k < phrase.length; k++) keep[i + k] = false;
        break;
      }
    }
  }
  if (!keep.some(Boolean)) return { text: words.join(' '), dropped: [] };
  return { text: words.filter((_, i) => keep[i]).join(' '), dropped: words.filter((_, i) => !keep[i]) };
}

/** "PGS.TS" → "PGS TS", "Th.S" → "ThS", "T.S" → "TS"; other dots and punctuation between words become spaces. */
function undot(text: string): string {
  return text
    .replace(/(^|[^\p{L}])([Tt])h\.\s?([Ss])(?![\p{L}])/gu, '$1$2h$3')
    .replace(/(^|[^\p{L}])([Tt])\.\s?([Ss])(?![\p{L}])/gu, '$1$2$3')
    .replace(/[.,;:!?()"“”]+/g, ' ')
    .trim();
}
