import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../forms/fields';
import { getIn } from '../profile/editor/draft-paths';
import type { ContentDraft, RowList as RowListName } from './program-content-draft';

/** The content form's state, shared by its fields: each field is named by its path in the draft. */
export interface DraftForm {
  draft: ContentDraft;
  set: (path: string, value: unknown) => void;
  errors: Partial<Record<string, string>>;
  addRow: (list: RowListName) => void;
  removeRow: (list: RowListName, index: number) => void;
}
export const DraftContext = createContext<DraftForm | null>(null);
function useDraft(): DraftForm {
  const form = useContext(DraftContext);
  if (!form) throw new Error('A content field outside the content form');
  return form;
}

interface FieldProps {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
}

export function DraftText({
  path,
  type = 'text',
  ...rest
}: FieldProps & { type?: string; inputMode?: 'numeric' | 'decimal'; list?: string }) {
  const { draft, set, errors } = useDraft();
  return (
    <TextField
      name={path}
      type={type}
      value={String(getIn(draft, path) ?? '')}
      onChange={(e) => set(path, e.target.value)}
      error={errors[path]}
      data-testid={`content-${path}`}
      {...rest}
    />
  );
}

export function DraftArea({ path, ...rest }: FieldProps) {
  const { draft, set, errors } = useDraft();
  return (
    <TextAreaField
      name={path}
      rows={3}
      value={String(getIn(draft, path) ?? '')}
      onChange={(e) => set(path, e.target.value)}
      error={errors[path]}
      data-testid={`content-${path}`}
      {...rest}
    />
  );
}

export function DraftCheck({ path, label }: { path: string; label: ReactNode }) {
  const { draft, set, errors } = useDraft();
  return (
    <CheckboxField
      name={path}
      label={label}
      checked={getIn(draft, path) === true}
      onChange={(e) => set(path, e.target.checked)}
      error={errors[path]}
    />
  );
}

export function DraftSelect({
  path,
  label,
  options,
}: {
  path: string;
  label: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { draft, set, errors } = useDraft();
  return (
    <SelectField
      name={path}
      label={label}
      options={options}
      value={String(getIn(draft, path) ?? '')}
      onChange={(e) => set(path, e.target.value)}
      error={errors[path]}
    />
  );
}

/** A text in Vietnamese (first) and English: two labelled fields side by side on a wide screen. */
export function Localised({ path, label, area, required }: { path: string; label: string; area?: boolean; required?: boolean }) {
  const { t } = useTranslation();
  const Field = area ? DraftArea : DraftText;
  return (
    <div className="content-pair">
      <Field path={`${path}.vi`} label={t('programContent.inVi', { label })} {...(required ? { required } : {})} />
      <Field path={`${path}.en`} label={t('programContent.inEn', { label })} {...(required ? { required } : {})} />
    </div>
  );
}

/** A legal source: the document and article, its link, how sure we are ([V]/[P]/[U] of POLICY-FACTS.md). */
export function SourceFields({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <div className="content-pair">
      <DraftText path={`${path}.ref`} label={t('programContent.sourceRef')} hint={t('programContent.sourceHint')} />
      <DraftText path={`${path}.link`} type="url" label={t('programContent.link')} />
      <DraftSelect path={`${path}.certainty`} label={t('programContent.certainty')} options={useCertainties()} />
    </div>
  );
}

export function useCertainties() {
  const { t } = useTranslation();
  return (['V', 'P', 'U'] as const).map((c) => ({ value: c, label: t(`programContent.certainties.${c}`) }));
}

/**
 * A list of rows (legal bases, groups, benefits, documents): each row a fieldset with its legend
 * and a remove button; "add" appends a row and moves the focus into it, "remove" moves it to "add".
 * An issue about the whole list (too few rows) is shown under the legend and focuses "add".
 */
export function RowList({
  list,
  legend,
  lead,
  rowLegend,
  addLabel,
  children,
}: {
  list: RowListName;
  legend: string;
  lead?: string;
  rowLegend: (index: number) => string;
  addLabel: string;
  children: (index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const { draft, errors, addRow, removeRow } = useDraft();
  const rows = draft[list];
  const box = useRef<HTMLFieldSetElement>(null);
  const focusAfter = useRef<'last' | 'add' | null>(null);
  useEffect(() => {
    const where = focusAfter.current;
    focusAfter.current = null;
    if (where === 'last') box.current?.querySelector<HTMLElement>('.content-row:last-of-type :is(input, select, textarea)')?.focus();
    if (where === 'add') box.current?.querySelector<HTMLElement>(`button[name="${list}"]`)?.focus();
  }, [rows.length, list]);
  return (
    <fieldset className="content-list" ref={box} data-testid={`content-list-${list}`}>
      <legend>{legend}</legend>
      {lead ? <p className="muted">{lead}</p> : null}
      {errors[list] ? <p className="field-error">{errors[list]}</p> : null}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="content-row">
          <legend>{rowLegend(i)}</legend>
          {children(i)}
          <button
            type="button"
            className="button-small button-secondary"
            onClick={() => {
              focusAfter.current = 'add';
              removeRow(list, i);
            }}
          >
            {t('programContent.remove', { item: rowLegend(i) })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        name={list}
        className="button-small button-secondary"
        onClick={() => {
          focusAfter.current = 'last';
          addRow(list);
        }}
        data-testid={`add-${list}`}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
