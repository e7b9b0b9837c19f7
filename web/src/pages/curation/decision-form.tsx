import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { isApiError } from '../../api/api-error';
import { FormMessage } from '../../forms/form-parts';
import { describeError, describeFieldIssue } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';

export interface DecisionChoice<D extends string> {
  value: D;
  label: string;
  /** The stable selector: approve, reject, request-changes. */
  testId: string;
  className: string;
}

interface Props<D extends string> {
  choices: Array<DecisionChoice<D>>;
  /** Loads the server's own decision contract (a reason is required for every decision but approve) when it is first needed. */
  loadSchema: () => Promise<z.ZodType<{ decision: D; reason?: string | undefined }>>;
  pending: boolean;
  error: unknown;
  onDecide: (body: { decision: D; reason?: string | undefined }) => void;
  /** Names the decision for screen readers when a page has several (one per applicant). */
  subject?: string;
}

/**
 * A reason box and one submit button per decision; the pressed button is the decision. The
 * reason is checked with the shared schema (loaded with the first decision) before anything is sent.
 */
export function DecisionForm<D extends string>({ choices, loadSchema, pending, error, onDecide, subject }: Props<D>) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const serverReason = isApiError(error) ? error.fields.find((f) => f.path.replace(/^body\./, '') === 'reason') : undefined;
  const shownReasonError = reasonError ?? (serverReason ? describeFieldIssue(serverReason.code, serverReason.message, t) : null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = choices.find((c) => c.value === submitter?.value)?.value;
    if (!decision) return;
    const form = event.currentTarget;
    void loadSchema().then((schema) => {
      const parsed = schema.safeParse({ decision, reason: reason.trim() || undefined });
      if (!parsed.success) {
        setReasonError(t('curation.reasonRequired'));
        form.querySelector('textarea')?.focus();
        return;
      }
      setReasonError(null);
      onDecide(parsed.data);
    });
  };

  return (
    <form className="form decision-form" noValidate onSubmit={submit}>
      <FormMessage kind="error">{error && !serverReason ? describeError(error, t) : null}</FormMessage>
      <div className={shownReasonError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-reason`}>
          {t('curation.reasonLabel')}
          {subject ? <span className="visually-hidden"> — {subject}</span> : null}
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={3}
          maxLength={1000}
          value={reason}
          aria-invalid={shownReasonError ? true : undefined}
          aria-describedby={shownReasonError ? `${id}-error` : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setReasonError(null);
          }}
        />
        {shownReasonError ? (
          <p className="field-error" id={`${id}-error`}>
            {shownReasonError}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        {choices.map((choice) => (
          <button
            key={choice.value}
            type="submit"
            name="decision"
            value={choice.value}
            className={choice.className}
            data-testid={choice.testId}
            disabled={pending}
          >
            {choice.label}
            {subject ? <span className="visually-hidden"> — {subject}</span> : null}
          </button>
        ))}
      </div>
    </form>
  );
}
