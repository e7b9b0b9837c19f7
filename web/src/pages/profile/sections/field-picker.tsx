import type { TaxonomyField } from '@hpen/server/contracts';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { foldText } from '../../../lib/fold-text';
import { useLanguage } from '../../../lib/use-language';
import { useSuggestions } from '../../../lib/use-suggestions';
import { fieldName } from '../../../lib/use-taxonomy';
// Its wording lives in the profile's message part: loaded here too, for the pages outside the editor that use the picker (offers).
import '../../../i18n/parts/profile';

const MAX_SHOWN = 40;

interface Props {
  fields: readonly TaxonomyField[];
  chosen: readonly string[];
  disabled: boolean;
  onPick: (code: string) => void;
}

/**
 * Scores a match: the code itself, then names starting with the query, then the rest. Each word
 * typed must start a word of a name ("ung thu" is not inside "Kỹ thuật dân dụng").
 */
function search(index: ReadonlyArray<{ field: TaxonomyField; names: string; words: readonly string[] }>, query: string): TaxonomyField[] {
  const q = foldText(query);
  if (!q) return index.slice(0, MAX_SHOWN).map((e) => e.field);
  const words = q.split(' ');
  return index
    .filter((e) => words.every((w) => e.words.some((own) => own.startsWith(w))))
    .map((e) => ({ field: e.field, rank: e.field.code === q ? 0 : e.names.split(' | ').some((n) => n.startsWith(q)) ? 1 : 2 }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_SHOWN)
    .map((e) => e.field);
}

/**
 * A combobox over the S&T field classification (ARIA 1.2 pattern): type in Vietnamese with or
 * without diacritics, in English, or a code; arrows move, Enter picks, Escape closes.
 */
export function FieldPicker({ fields, chosen, disabled, onPick }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const byCode = useMemo(() => new Map(fields.map((f) => [f.code, f])), [fields]);
  const index = useMemo(
    () =>
      fields.map((field) => {
        const names = foldText(`${field.code} | ${field.nameVi} | ${field.nameEn}`);
        return { field, names, words: names.split(/[^a-z0-9]+/).filter(Boolean) };
      }),
    [fields],
  );
  // The server also knows synonyms, typos and the fields experts choose with a keyword ("ung thu" → Y học lâm sàng).
  const suggested = useSuggestions(query, open);
  const matches = useMemo(() => {
    if (!open) return [];
    const local = search(index, query);
    const fromServer = (suggested?.fields ?? []).map((s) => byCode.get(s.code)).filter((f): f is TaxonomyField => f !== undefined);
    return [...new Map([...local, ...fromServer].map((f) => [f.code, f])).values()].slice(0, MAX_SHOWN);
  }, [open, index, query, suggested, byCode]);
  const optionId = (i: number) => `${id}-option-${i}`;

  const pick = (field: TaxonomyField | undefined) => {
    if (!field || chosen.includes(field.code)) return;
    onPick(field.code);
    setAnnouncement(`${t('profile.help.fieldChosen')}: ${fieldName(field, language)}`);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (matches.length ? (a + step + matches.length) % matches.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault(); // never submit the section from the search box
      if (open) pick(matches[active]);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else setQuery('');
    }
  };

  const parentName = (field: TaxonomyField) => {
    const parent = field.parentCode ? byCode.get(field.parentCode) : undefined;
    return parent ? fieldName(parent, language) : null;
  };

  return (
    <div className="field field-picker">
      <label htmlFor={`${id}-input`}>{t('profile.help.fieldSearch')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {disabled ? t('profile.help.fieldsMax') : t('profile.help.fieldSearchHint')}
      </p>
      <input
        id={`${id}-input`}
        name="fieldSearch"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={open && matches[active] ? optionId(active) : undefined}
        disabled={disabled}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={`${id}-list`} role="listbox" className="picker-list" hidden={!open} aria-label={t('profile.help.fieldSearch')}>
        {open && matches.length === 0 ? <li className="picker-empty">{t('profile.help.fieldNoMatch')}</li> : null}
        {matches.map((field, i) => {
          const taken = chosen.includes(field.code);
          const parent = parentName(field);
          return (
            <li
              key={field.code}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              aria-disabled={taken || undefined}
              data-testid="field-option"
              data-code={field.code}
              className={`picker-option level-${field.level}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(field)}
            >
              <span className="picker-name">
                {fieldName(field, language)} <span className="picker-code">{field.code}</span>
              </span>
              <span className="picker-sub">
                {language === 'vi' ? field.nameEn : field.nameVi}
                {parent ? ` · ${parent}` : ''}
                {taken ? ` · ${t('profile.help.fieldChosen')}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
