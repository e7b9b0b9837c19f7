import { describe, expect, it } from 'vitest';
import {
  createProgramBodySchema,
  programContentSchema,
  updateProgramBodySchema,
} from '../../server/src/modules/programs/programs.schemas.js';
import { SEEDED_PROGRAMS } from '../../server/src/modules/programs/seed-programs.js';
import { setIn } from '../../web/src/pages/profile/editor/draft-paths.js';
import { draftOf, emptyRow, STARTER_RULES, toContent } from '../../web/src/pages/programs/program-content-draft.js';

/**
 * The officers' content form edits a draft of strings (web/src/pages/programs/program-content-draft.ts):
 * opening a program in it and saving unchanged must give back the same content, and what the
 * officer types (amounts with separators, empty dates, a commitment switched on) must reach the API's shape.
 */
describe("the program content form's draft", () => {
  it.each(SEEDED_PROGRAMS.map((s) => [s.code, s.content] as const))('round-trips the seeded program %s unchanged', (_code, seeded) => {
    const content = programContentSchema.parse(seeded);
    const body = updateProgramBodySchema.parse({ content: toContent(draftOf(content), content.rules), version: 1 });
    expect(body.content).toEqual(content);
  });

  it('turns typed values into the API shape: amounts with separators, empty dates and links, a commitment', () => {
    let d = draftOf(null);
    d = { ...d, code: 'hp-new', title: { vi: 'Chương trình', en: 'Program' }, agency: 'Sở Y tế' };
    d = setIn(d, 'legalBasis.0.number', '12/2027/NQ-HĐND');
    d = { ...d, benefits: [emptyRow.benefits()] };
    d = setIn(d, 'benefits.0.group', 'doctor');
    d = setIn(d, 'benefits.0.label', { vi: 'Bác sĩ', en: 'Doctor' });
    d = setIn(d, 'benefits.0.oneTimeVnd', '300.000.000');
    d = setIn(d, 'benefits.0.monthlyMinWageMultiple', '2,5');
    d = setIn(d, 'serviceCommitment', { ...d.serviceCommitment, on: true, years: '3' });
    const body = createProgramBodySchema.parse({ code: d.code, content: toContent(d, STARTER_RULES) });
    expect(body.content.legalBasis).toEqual([
      { number: '12/2027/NQ-HĐND', title: '', date: null, article: '', link: null, certainty: 'V' },
    ]);
    expect(body.content.benefits[0]).toMatchObject({ group: 'doctor', oneTimeVnd: 300_000_000, monthlyMinWageMultiple: 2.5 });
    expect(body.content.benefits[0]).not.toHaveProperty('source');
    expect(body.content.serviceCommitment).toEqual({ years: 3, conditions: { vi: '', en: '' } });
    expect(body.content.applicationWindow).toEqual({ opensOn: null, closesOn: null });
  });

  it('passes what is not a number on as typed, so the schema names that field', () => {
    const d = setIn({ ...draftOf(null), benefits: [emptyRow.benefits()] }, 'benefits.0.oneTimeVnd', 'ba trăm triệu');
    const result = createProgramBodySchema.safeParse({ code: 'hp-x', content: toContent(d, STARTER_RULES) });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('content.benefits.0.oneTimeVnd');
  });
});
