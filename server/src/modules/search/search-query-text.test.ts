import { describe, expect, it } from 'vitest';
import { prepareSearchText } from './search-query-text.js';

describe('search text as Meilisearch gets it', () => {
  it('drops the words that say what kind of help is wanted, when other words remain', () => {
    expect(prepareSearchText('phản biện đề án logistics')).toEqual({ text: 'logistics', dropped: ['phản', 'biện', 'đề', 'án'] });
    expect(prepareSearchText('chuyen gia ung thu benh vien').text).toBe('ung thu benh vien');
    expect(prepareSearchText('giam dinh du an dien gio ngoai khoi').text).toBe('dien gio ngoai khoi');
    // Nothing else typed: the words are what the person looks for.
    expect(prepareSearchText('phản biện')).toEqual({ text: 'phản biện', dropped: [] });
    // Only whole phrases: "tư" alone, or "gia" in "gia đình", stay.
    expect(prepareSearchText('kinh tế gia đình').text).toBe('kinh tế gia đình');
  });

  it('reads titles written with dots as the abbreviations the synonyms know', () => {
    expect(prepareSearchText('PGS.TS cảng biển').text).toBe('PGS TS cảng biển');
    expect(prepareSearchText('Th.S y học').text).toBe('ThS y học');
    expect(prepareSearchText('T.S logistics').text).toBe('TS logistics');
    expect(prepareSearchText('  GS.TSKH.  Nguyễn Văn A ').text).toBe('GS TSKH Nguyễn Văn A');
  });
});
