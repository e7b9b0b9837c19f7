import type { RuleDocument } from '@hpen/server/contracts';
import type { CreateProgramBody, ProgramContent } from '../../api/programs.api';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { isApiError } from '../../api/api-error';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { describeError, describeFieldIssue } from '../../i18n/describe-error';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { getIn, setIn } from '../profile/editor/draft-paths';
import { emptyRow, toContent, type ContentDraft, type RowList as RowListName } from './program-content-draft';
import {
  DraftArea,
  DraftCheck,
  DraftContext,
  DraftSelect,
  DraftText,
  Localised,
  RowList,
  SourceFields,
  useCertainties,
} from './program-content-fields';
import '../../i18n/parts/program-content';

type Errors = Partial<Record<string, string>>;
export type ContentBody = CreateProgramBody | { content: ProgramContent; version: number; note: string };

/** The body's schema and zod's messages in our words, loaded when the form first validates (zod stays out of the page's first load). */
async function loadValidation(create: boolean) {
  const [schemas, { formErrorMap }] = await Promise.all([import('./program-content-schema'), import('../../i18n/zod-messages')]);
  return { schema: create ? schemas.createProgramBodySchema : schemas.updateProgramBodySchema, formErrorMap };
}

/** A body path ("content.benefits.0.oneTimeVnd", "/code") names the draft field it belongs to. */
const fieldKey = (path: string) =>
  path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '')
    .replace(/^content\./, '');

/**
 * The officer's form for a program's content: code (on creation), titles, summary, agency, legal
 * bases, target groups, benefits by group (VND amounts and multiples of the regional minimum wage),
 * the application window, required documents and the service commitment. Checked with the
 * server's own schema before sending; the server's 400 `fields` land under the same inputs, and
 * the first field in error takes the focus.
 */
export function ProgramContentForm({
  initial,
  rules,
  mode,
  version,
  notice,
  pending,
  onSubmit,
}: {
  initial: ContentDraft;
  rules: RuleDocument;
  mode: 'create' | 'edit';
  version?: number;
  /** What saving will do (a new version once published), shown above the button. */
  notice: ReactNode;
  pending: boolean;
  /** Sends the checked body; a rejection's field issues are shown under their inputs. */
  onSubmit: (body: ContentBody) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusTurn, setFocusTurn] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const certainties = useCertainties();
  useEffect(() => void loadValidation(mode === 'create').catch(() => undefined), [mode]);

  const show = (next: Errors, extra: string[]) => {
    setErrors(next);
    const count = Object.keys(next).length;
    setFormError([count ? t('programContent.checkFields', { count }) : '', ...extra].filter(Boolean).join(' '));
    setFocusTurn((n) => n + 1);
  };
  useEffect(() => {
    if (!focusTurn || !formRef.current) return;
    for (const element of Array.from(formRef.current.elements))
      if (element instanceof HTMLElement && errors[(element as HTMLInputElement).name]) return element.focus();
  }, [focusTurn]); // eslint-disable-line react-hooks/exhaustive-deps -- focus once per check, on its errors

  // The server's answer: its field issues under their inputs, the rest as one sentence.
  const showServerError = (error: unknown) => {
    const next: Errors = {};
    const unplaced: string[] = [];
    if (isApiError(error))
      for (const issue of error.fields) {
        const key = fieldKey(issue.path);
        const message = describeFieldIssue(issue.code, issue.message, t);
        if (formRef.current?.elements.namedItem(key)) next[key] ??= message;
        else unplaced.push(`${key}: ${message}`);
      }
    show(next, [describeError(error, t), ...unplaced]);
  };

  const form = {
    draft,
    errors,
    set: (path: string, value: unknown) => {
      setDraft((d) => setIn(d, path, value));
      setErrors((e) => ({ ...e, [path]: undefined }));
    },
    addRow: (list: RowListName) => {
      setDraft((d) => ({ ...d, [list]: [...d[list], emptyRow[list]()] }));
      setErrors((e) => ({ ...e, [list]: undefined }));
    },
    removeRow: (list: RowListName, index: number) => {
      setDraft((d) => ({ ...d, [list]: d[list].filter((_, i) => i !== index) }));
      // Rows after it move up: their issues no longer match, the next save checks again.
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${list}.`))));
    },
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const content = toContent(draft, rules);
    const body = mode === 'create' ? { code: draft.code.trim(), content } : { content, version: version ?? 1, note: draft.note };
    loadValidation(mode === 'create').then(
      ({ schema, formErrorMap }) => {
        const result = schema.safeParse(body, { error: formErrorMap });
        if (result.success) return void onSubmit(result.data as ContentBody).catch(showServerError);
        const next: Errors = {};
        for (const issue of result.error.issues) {
          // The schema's own checks (duplicate codes, window order) carry a stable code, worded like the server's.
          const code = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
          next[fieldKey(issue.path.join('.'))] ??= code ? describeFieldIssue(code, issue.message, t) : issue.message;
        }
        show(next, []);
      },
      (error: unknown) => setFormError(describeError(error, t)),
    );
  };

  const vnd = (path: string) => {
    const n = Number(String(getIn(draft, path) ?? '').replace(/[\s.,]/g, ''));
    return n > 0 ? t('programContent.vndPreview', { amount: formatNumber(n, language) }) : t('programContent.vndHint');
  };
  const groupCodes = [...new Set([...rules.groups.map((g) => g.code), ...draft.targetGroups.map((g) => g.code).filter(Boolean)])];

  return (
    <DraftContext.Provider value={form}>
      <form ref={formRef} className="form content-form" onSubmit={submit} noValidate data-testid="program-content-form">
        <fieldset className="content-list">
          <legend>{t('programContent.identity')}</legend>
          {mode === 'create' ? (
            <DraftText path="code" label={t('programContent.code')} hint={t('programContent.codeHint')} required />
          ) : null}
          <Localised path="title" label={t('programContent.title')} required />
          <Localised path="summary" label={t('programContent.summary')} area />
          <DraftText path="agency" label={t('programContent.agency')} required />
        </fieldset>

        <RowList
          list="legalBasis"
          legend={t('programContent.legalBasis')}
          lead={t('programContent.legalBasisLead')}
          rowLegend={(i) => t('programContent.legalBasisRow', { n: i + 1 })}
          addLabel={t('programContent.addLegalBasis')}
        >
          {(i) => (
            <div className="content-pair">
              <DraftText
                path={`legalBasis.${i}.number`}
                label={t('programContent.docNumber')}
                hint={t('programContent.docNumberHint')}
                required
              />
              <DraftText path={`legalBasis.${i}.date`} type="date" label={t('programContent.docDate')} />
              <DraftText path={`legalBasis.${i}.article`} label={t('programContent.article')} />
              <DraftText path={`legalBasis.${i}.title`} label={t('programContent.docTitle')} />
              <DraftText path={`legalBasis.${i}.link`} type="url" label={t('programContent.link')} />
              <DraftSelect path={`legalBasis.${i}.certainty`} label={t('programContent.certainty')} options={certainties} />
            </div>
          )}
        </RowList>

        <RowList
          list="targetGroups"
          legend={t('programContent.targetGroups')}
          rowLegend={(i) => t('programContent.targetGroupRow', { n: i + 1 })}
          addLabel={t('programContent.addTargetGroup')}
        >
          {(i) => (
            <>
              <DraftText
                path={`targetGroups.${i}.code`}
                label={t('programContent.groupCode')}
                hint={t('programContent.codeHint')}
                required
              />
              <Localised path={`targetGroups.${i}.label`} label={t('programContent.name')} required />
            </>
          )}
        </RowList>

        <RowList
          list="benefits"
          legend={t('programContent.benefits')}
          lead={t('programContent.benefitsLead')}
          rowLegend={(i) => t('programContent.benefitRow', { n: i + 1 })}
          addLabel={t('programContent.addBenefit')}
        >
          {(i) => (
            <>
              <DraftText
                path={`benefits.${i}.group`}
                label={t('programContent.benefitGroup')}
                hint={t('programContent.benefitGroupHint')}
                list="content-group-codes"
                required
              />
              <Localised path={`benefits.${i}.label`} label={t('programContent.name')} required />
              <div className="content-pair">
                <DraftText
                  path={`benefits.${i}.oneTimeVnd`}
                  inputMode="numeric"
                  label={t('programContent.oneTimeVnd')}
                  hint={vnd(`benefits.${i}.oneTimeVnd`)}
                />
                <DraftText
                  path={`benefits.${i}.monthlyMinWageMultiple`}
                  inputMode="decimal"
                  label={t('programContent.monthlyMultiple')}
                  hint={t('programContent.monthlyMultipleHint')}
                />
              </div>
              <Localised path={`benefits.${i}.note`} label={t('programContent.note')} area />
              <SourceFields path={`benefits.${i}.source`} />
              <DraftCheck path={`benefits.${i}.toConfirm`} label={t('programContent.toConfirm')} />
            </>
          )}
        </RowList>
        <datalist id="content-group-codes">
          {groupCodes.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>

        <fieldset className="content-list">
          <legend>{t('programContent.window')}</legend>
          <p className="muted">{t('programContent.windowLead')}</p>
          <div className="content-pair">
            <DraftText path="applicationWindow.opensOn" type="date" label={t('programContent.opensOn')} />
            <DraftText path="applicationWindow.closesOn" type="date" label={t('programContent.closesOn')} />
          </div>
        </fieldset>

        <RowList
          list="requiredDocuments"
          legend={t('programContent.documents')}
          lead={t('programContent.documentsLead')}
          rowLegend={(i) => t('programContent.documentRow', { n: i + 1 })}
          addLabel={t('programContent.addDocument')}
        >
          {(i) => (
            <>
              <DraftText
                path={`requiredDocuments.${i}.code`}
                label={t('programContent.docCode')}
                hint={t('programContent.codeHint')}
                required
              />
              <Localised path={`requiredDocuments.${i}.label`} label={t('programContent.name')} required />
              <DraftCheck path={`requiredDocuments.${i}.required`} label={t('programContent.docRequired')} />
            </>
          )}
        </RowList>

        <fieldset className="content-list">
          <legend>{t('programContent.commitment')}</legend>
          <DraftCheck path="serviceCommitment.on" label={t('programContent.commitmentOn')} />
          {draft.serviceCommitment.on ? (
            <>
              <DraftText path="serviceCommitment.years" inputMode="numeric" label={t('programContent.years')} required />
              <Localised path="serviceCommitment.conditions" label={t('programContent.conditions')} area />
              <SourceFields path="serviceCommitment.source" />
            </>
          ) : null}
        </fieldset>

        {mode === 'edit' ? (
          <DraftArea path="note" label={t('programContent.versionNote')} hint={t('programContent.versionNoteHint')} />
        ) : null}
        <div className="notice notice-info" data-testid="content-save-notice">
          {notice}
        </div>
        <FormMessage kind="error" testId="content-form-error">
          {formError || null}
        </FormMessage>
        <div className="form-actions">
          <SubmitButton pending={pending}>{mode === 'create' ? t('programContent.create') : t('programContent.save')}</SubmitButton>
        </div>
      </form>
    </DraftContext.Provider>
  );
}
