import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useSuggestions } from '../../../lib/use-suggestions';
import type { SectionEditor } from '../editor/use-section-editor';

const MAX_KEYWORDS = 30;

/** Free keywords as removable chips; Enter or "Add" takes the typed text (commas split it). */
export function KeywordsInput({ editor }: { editor: SectionEditor }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const keywords = (editor.value('keywords') as string[] | undefined) ?? [];
  // Keywords other experts use, so the same topic is written the same way (offered by the browser's list).
  const suggestions = (useSuggestions(text, true)?.keywords ?? []).filter((k) => !keywords.includes(k.text));
  const errors = Object.entries(editor.errors).filter(([path]) => path === 'keywords' || path.startsWith('keywords.'));

  const add = () => {
    const fresh = text
      .split(/[,;]/)
      .map((k) => k.trim())
      .filter(Boolean);
    if (fresh.length === 0) return;
    editor.set('keywords', [...keywords, ...fresh].slice(0, MAX_KEYWORDS));
    setText('');
  };

  return (
    <div className={errors.length ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t('profile.labels.keywords')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('profile.help.keywords')}
      </p>
      {keywords.length > 0 ? (
        <ul className="chip-list">
          {keywords.map((keyword, index) => (
            <li key={`${keyword}-${index}`} className={editor.error(`keywords.${index}`) ? 'chip chip-invalid' : 'chip'}>
              <span>{keyword}</span>
              <button
                type="button"
                className="chip-remove"
                onClick={() =>
                  editor.set(
                    'keywords',
                    keywords.filter((_, i) => i !== index),
                  )
                }
              >
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">{t('profile.help.removeKeyword', { keyword })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-input">
        <input
          id={id}
          name="keywords"
          value={text}
          maxLength={60}
          aria-describedby={errors.length ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={errors.length ? true : undefined}
          list={`${id}-suggestions`}
          autoComplete="off"
          disabled={keywords.length >= MAX_KEYWORDS}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((k) => (
            <option key={k.text} value={k.text}>
              {t('profile.help.keywordUsage', { count: k.count })}
            </option>
          ))}
        </datalist>
        <button type="button" className="button-secondary" onClick={add} disabled={keywords.length >= MAX_KEYWORDS}>
          {t('profile.add')}
        </button>
      </div>
      {errors.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors
            .map(([path, message]) => (/\.\d+$/.test(path) ? `“${keywords[Number(path.split('.')[1])] ?? ''}”: ${message}` : message))
            .join(' ')}
        </p>
      ) : null}
    </div>
  );
}
