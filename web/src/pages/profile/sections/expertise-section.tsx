import { referenceData } from '@hpen/server/contracts';
import { CheckboxGroup } from '../../../forms/choice-fields';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { useTranslation } from '../../../i18n/use-translation';
import { useLanguage } from '../../../lib/use-language';
import { useFieldNames, useTaxonomy } from '../../../lib/use-taxonomy';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionEditor, type SectionSpec } from '../editor/use-section-editor';
import { FieldPicker } from './field-picker';
import { KeywordsInput } from './keywords-input';

type FieldItem = { code: string; primary: boolean };
type ExpertiseDraft = { fields: FieldItem[]; keywords: string[]; sectors: string[] };

const MAX_FIELDS = 10;

const spec: SectionSpec<ExpertiseDraft> = {
  section: 'expertise',
  toDraft: (p) => ({ fields: p.fields.map((f) => ({ ...f })), keywords: [...p.keywords], sectors: [...p.sectors] }),
  toInput: (d) => ({ fields: d.fields, keywords: d.keywords, sectors: d.sectors }),
  schema: (content) => content.pick({ fields: true, keywords: true, sectors: true }),
};

export function ExpertiseSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useSectionEditor(spec);
  const taxonomy = useTaxonomy();
  const { fields, sectors } = editor.draft;

  const addField = (code: string) => editor.set('fields', [...fields, { code, primary: !fields.some((f) => f.primary) }]);

  return (
    <SectionFrame editor={editor}>
      {taxonomy.isPending ? <Loading /> : null}
      {taxonomy.isError ? <QueryError error={taxonomy.error} onRetry={() => void taxonomy.refetch()} /> : null}
      {taxonomy.data ? (
        <FieldPicker
          fields={taxonomy.data.fields}
          chosen={fields.map((f) => f.code)}
          disabled={fields.length >= MAX_FIELDS}
          onPick={addField}
        />
      ) : null}
      <ChosenFields editor={editor} fields={fields} />
      <KeywordsInput editor={editor} />
      <CheckboxGroup
        name="sectors"
        legend={t('profile.labels.sectors')}
        options={referenceData.prioritySectors.map((s) => ({ value: s.code, label: s[language] }))}
        values={sectors}
        onChange={(next) => editor.set('sectors', next)}
        error={Object.entries(editor.errors).find(([p]) => p === 'sectors' || p.startsWith('sectors.'))?.[1]}
        columns
      />
    </SectionFrame>
  );
}

/** The chosen fields; one radio group marks the primary one. */
function ChosenFields({ editor, fields }: { editor: SectionEditor; fields: FieldItem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nameOf = useFieldNames(language);
  const setPrimary = (code: string) =>
    editor.set(
      'fields',
      fields.map((f) => ({ ...f, primary: f.code === code })),
    );
  const remove = (code: string) => {
    const rest = fields.filter((f) => f.code !== code);
    // Keep a primary field when the primary one goes: the first remaining becomes primary.
    if (rest.length > 0 && !rest.some((f) => f.primary)) rest[0] = { ...rest[0]!, primary: true };
    editor.set('fields', rest);
  };
  return (
    <fieldset className={editor.error('fields') ? 'choice-group field-invalid' : 'choice-group'} data-error-for="fields">
      <legend>{t('profile.help.fieldsChosen')}</legend>
      {fields.length === 0 ? <p className="muted">{t('profile.help.fieldsNone')}</p> : null}
      <ul className="chosen-fields" data-testid="chosen-fields">
        {fields.map((field, index) => {
          const name = nameOf(field.code);
          const error = editor.error(`fields.${index}.code`) ?? editor.error(`fields.${index}`);
          return (
            <li key={field.code} className="chosen-field" data-code={field.code} data-error-for={`fields.${index}.code`}>
              <span className="chosen-name">
                {name} <span className="picker-code">{field.code}</span>
              </span>
              <label className="check-row">
                <input
                  type="radio"
                  name="fields.primary"
                  value={field.code}
                  checked={field.primary}
                  onChange={() => setPrimary(field.code)}
                />
                <span>
                  {t('profile.help.primary')}
                  <span className="visually-hidden">: {name}</span>
                </span>
              </label>
              {/* The visible word starts the accessible name ("Xóa" + which field), as speech input expects. */}
              <button type="button" className="button-ghost button-small" onClick={() => remove(field.code)}>
                {t('profile.remove')}
                <span className="visually-hidden"> {name}</span>
              </button>
              {error ? <p className="field-error">{error}</p> : null}
            </li>
          );
        })}
      </ul>
      {editor.error('fields') ? <p className="field-error">{editor.error('fields')}</p> : null}
    </fieldset>
  );
}
