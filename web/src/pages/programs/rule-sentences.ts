import { type Criterion, type DeclaredFactDefinition } from '@hpen/server/contracts';
import '../../i18n/parts/profile-values';
import type { Language } from '../../i18n/i18n';
import type { TFunction } from '../../i18n/translator';
import { degreeLabel, languageName, sectorLabel } from '../../lib/reference-labels';

/**
 * The rule document in plain language: each criterion becomes one sentence built from its kind,
 * operator and values ("Có học vị Tiến sĩ trở lên", "Dưới 35 tuổi"), so the wording cannot drift
 * from what the engine checks. The officer's own wording (the criterion's label) is shown beside it.
 */
export function ruleSentence(c: Criterion, t: TFunction, language: Language, facts: readonly DeclaredFactDefinition[] = []): string {
  const r = (key: string, values: Record<string, unknown> = {}) => t(`programs.rule.${key}` as never, values as never) as unknown as string;
  const join = (xs: readonly string[]) => xs.join(', ');
  const deg = (d: string) => degreeLabel(d, language);
  const grade = (g: string) => t(`programs.grade.${g}` as never) as string;
  const extras = (parts: Array<string | false | undefined>) => {
    const list = parts.filter((p): p is string => Boolean(p));
    return list.length ? ` (${list.join(', ')})` : '';
  };
  const factLabel = (key: string) => facts.find((f) => f.key === key)?.label[language] ?? key;
  switch (c.kind) {
    case 'all':
    case 'any':
    case 'not':
      return r(c.kind);
    case 'degree':
      if (c.min && c.anyOf) return `${r('degreeMin', { degree: deg(c.min) })}; ${r('degreeAny', { list: join(c.anyOf.map(deg)) })}`;
      if (c.anyOf) return r('degreeAny', { list: join(c.anyOf.map(deg)) });
      return r('degreeMin', { degree: deg(c.min ?? 'DH') });
    case 'title':
      return r(c.min === 'GS' ? 'titleGS' : 'titlePGS');
    case 'trained_abroad':
      return (
        r('trainedAbroad') +
        extras([c.minDegree && r('minDegree', { degree: deg(c.minDegree) }), c.minGrade && r('minGrade', { grade: grade(c.minGrade) })])
      );
    case 'graduation_grade':
      return c.degree ? r('gradeDegree', { degree: deg(c.degree), grade: grade(c.min) }) : r('grade', { grade: grade(c.min) });
    case 'age': {
      const parts: string[] = [];
      if (c.min !== undefined) parts.push(r('ageMin', { min: c.min }));
      if (c.max !== undefined) parts.push(r(c.strict ? 'ageUnder' : 'ageMax', { max: c.max }));
      return parts.join('; ');
    }
    case 'remaining_working_years':
      return r('remaining', { min: c.min, male: c.retirementAge.male, female: c.retirementAge.female });
    case 'sector':
      return r('sector', { list: join(c.anyOf.map((s) => sectorLabel(s, language))) });
    case 'field':
      return r('field', { list: join(c.anyOf) });
    case 'publications':
      return (
        r('publications', { min: c.min }) +
        extras([
          c.types && r('pubTypes', { list: join(c.types.map((x) => t(`profileValues.publicationType.${x}` as never) as string)) }),
          c.sinceYear !== undefined && r('sinceYear', { year: c.sinceYear }),
          c.role === 'main_author' && r('mainAuthor'),
          c.indexed && r('indexed'),
        ])
      );
    case 'patents':
      return (
        r('patents', { min: c.min }) +
        extras([c.status === 'granted' && r('patentsGranted'), c.status === 'granted_applied' && r('patentsApplied')])
      );
    case 'projects_led':
      return (
        r('projects', { min: c.min }) +
        extras([
          c.levels && r('levels', { list: join(c.levels.map((l) => t(`programs.level.${l}` as never) as string)) }),
          c.passedEvaluation && r('passed'),
        ])
      );
    case 'awards':
      return r('awards', { min: c.min }) + extras([c.prestigious && r('prestigious')]);
    case 'language':
      return r('language', { language: c.code ? languageName(c.code, language) : r('anyLanguage'), level: c.min });
    case 'experience_years':
      return r('experience', { min: c.min });
    case 'employer_type':
      return r('employer', { list: join(c.anyOf.map((e) => t(`programs.employer.${e}` as never) as string)) });
    case 'declared':
      if (c.op === 'at_least') return r('declaredAtLeast', { fact: factLabel(c.fact), value: String(c.value ?? '') });
      if (c.op === 'one_of')
        return r('declaredOneOf', { fact: factLabel(c.fact), list: Array.isArray(c.value) ? join(c.value) : String(c.value ?? '') });
      return r('declaredTrue', { fact: factLabel(c.fact) });
  }
}

/** A criterion whose wording or threshold is not verified against the official text. */
export const isToConfirm = (c: { toConfirm?: boolean | undefined; source?: { certainty: string } | undefined }) =>
  Boolean(c.toConfirm || (c.source && c.source.certainty !== 'V'));
