import { describe, expect, it } from 'vitest';
import { markText, queryTerms, snippetFor, termsBeyondName } from './search-snippets.js';

const marked = (segments: Array<{ text: string; match: boolean }> | null) => segments?.filter((s) => s.match).map((s) => s.text) ?? null;
const joined = (segments: Array<{ text: string; match: boolean }> | null) => segments?.map((s) => s.text).join('') ?? null;

describe('snippets marked in Node', () => {
  it('marks Vietnamese words for a query typed without diacritics, keeping the text as written', () => {
    const text = 'Quy hoạch cảng biển Hải Phòng, giai đoạn 2021–2030';
    const out = markText(text, queryTerms('cang bien hai phong'));
    expect(marked(out)).toEqual(['cảng', 'biển', 'Hải', 'Phòng']);
    expect(joined(out)).toBe(text);
  });

  it('treats the last word as a prefix, allows typos by word length, and knows the synonyms', () => {
    expect(marked(markText('Logistics xanh và chuỗi cung ứng', queryTerms('chuoi cung u')))).toEqual(['chuỗi', 'cung', 'ứng']);
    expect(marked(markText('Tự động hóa cảng container', queryTerms('containre')))).toEqual(['container']);
    expect(markText('Ô nhiễm', queryTerms('nhm'))).toBeNull(); // three letters: no typo allowed, and no word starts with it
    expect(marked(markText('Tiến sĩ', queryTerms('phd')))).toEqual(['Tiến', 'sĩ']);
    expect(marked(markText('Seaport operations', queryTerms('cang bien')))).toEqual(['Seaport']);
    // A synonym of several words is marked only as a phrase.
    expect(marked(markText('An toàn hàng hải tại cảng Hải Phòng', queryTerms('maritime')))).toEqual(['hàng', 'hải']);
    expect(markText('Nguyễn Thị Hằng làm việc tại Hải Phòng', queryTerms('maritime'))).toBeNull();
    expect(marked(markText('Marine economy and maritime transport', queryTerms('van tai bien')))).toEqual(['maritime', 'transport']);
  });

  it('crops long texts to a window around the first match, with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `từ${i}`);
    words[20] = 'logistics';
    const out = markText(words.join(' '), queryTerms('logistics'), true);
    const text = joined(out)!;
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.split(' ').length).toBeLessThanOrEqual(26);
    expect(marked(out)).toEqual(['logistics']);
  });

  it('takes the snippet from the most telling attribute that matches, or none', () => {
    const doc = { keywords: ['kinh tế biển'], bio: ['Nghiên cứu logistics cảng biển'], publications: ['Green logistics in Vietnam'] };
    expect(snippetFor(doc, queryTerms('logistics'))?.attribute).toBe('bio');
    expect(snippetFor(doc, queryTerms('kinh te'))?.attribute).toBe('keywords');
    expect(snippetFor(doc, queryTerms('zzqqxv'))).toBeNull();
    // More words matched as typed beat a typo match in a more telling attribute.
    const port = { keywords: ['an toàn hàng hải'], bio: ['Quy hoạch cảng biển Lạch Huyện'] };
    expect(snippetFor(port, queryTerms('cang bien'))?.attribute).toBe('bio');
    // Typos only from five letters: "cang" is not "hàng", "quanr" is "quản".
    expect(snippetFor({ keywords: ['an toàn hàng hải'] }, queryTerms('cang'))).toBeNull();
    expect(marked(snippetFor({ keywords: ['quản lý cảng'] }, queryTerms('quanr'))!.text)).toEqual(['quản']);
    expect(
      snippetFor({ bio: ['Nguyễn Thị Hằng làm việc tại Hải Phòng'], keywords: ['an toàn hàng hải'] }, queryTerms('maritime'))?.attribute,
    ).toBe('keywords');
    expect(snippetFor(doc, queryTerms(''))).toBeNull();
  });

  it('leaves out of the snippet the words the name already matches', () => {
    const doc = { keywords: ['cảng biển'], sectorLabels: ['Kinh tế biển và vận tải biển'] };
    // The name matches every word (the last as a prefix): no snippet at all.
    expect(termsBeyondName('Nguyễn Văn Hải', queryTerms('nguyen van'))).toBeNull();
    expect(termsBeyondName('Nguyễn Văn Hải', queryTerms('nguyen van ha'))).toBeNull();
    // Only words matched as typed count: "khai" may be the name's "Hải" with a typo, or the keyword "khai thác".
    expect(termsBeyondName('Đoàn Văn Hải', queryTerms('doan van hai khai thac'))!.words.map((w) => w.word)).toEqual(['khai', 'thac']);
    // The rest of the query explains the match, and only the rest is marked.
    const rest = termsBeyondName('Nguyễn Văn Hải', queryTerms('van cang bien'))!;
    const snippet = snippetFor(doc, rest);
    expect(snippet?.attribute).toBe('keywords');
    expect(marked(snippet!.text)).toEqual(['cảng', 'biển']);
    expect(marked(markText('Kinh tế biển và vận tải biển', rest))).toEqual(['biển', 'biển']);
    // A name that matches nothing leaves the query whole.
    const terms = queryTerms('logistics');
    expect(termsBeyondName('Trần Thị Lan', terms)).toBe(terms);
  });
});
