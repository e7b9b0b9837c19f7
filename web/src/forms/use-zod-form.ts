import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/api-error';
import { describeError, describeFieldIssue } from '../i18n/describe-error';
import { useTranslation } from '../i18n/use-translation';

type Value = string | boolean;
type FieldErrors = Partial<Record<string, string>>;
type InputChange = ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

interface Options<V> {
  /** Turns raw input values into the API body shape before validation (e.g. '' → undefined). */
  prepare?: (values: V) => unknown;
}

/**
 * A shared API schema, or a function that imports it: a page whose form is not needed to show it
 * passes `() => import('./x-schemas').then((m) => m.xSchema)`, so zod (~26 kB gzip) is not part of
 * its first load (tests/integration/web-bundle-budget.test.ts); it loads once the page is shown.
 */
export type SchemaSource<Out> = z.ZodType<Out> | (() => Promise<z.ZodType<Out>>);

/** The schema and zod's messages in our words (zod-messages.ts, which imports zod, loads with them). */
async function loadValidation<Out>(source: SchemaSource<Out>) {
  const [schema, { formErrorMap }] = await Promise.all([typeof source === 'function' ? source() : source, import('../i18n/zod-messages')]);
  return { schema, formErrorMap };
}

/** Server paths may be `email`, `body.email` or `/email`; forms are flat, so the first segment names the field. */
function fieldNameOf(path: string): string {
  const segments = path.replace(/^\//, '').split(/[./]/).filter(Boolean);
  if (segments[0] === 'body' && segments.length > 1) return segments[1] ?? '';
  return segments[0] ?? '';
}

/**
 * Form state validated with a shared API schema before anything is sent. Errors are per
 * field (from zod or from the server's `fields`) plus one form-level sentence; they are
 * stored already translated and refreshed by the next submit.
 */
export function useZodForm<V extends Record<string, Value>, Out>(schema: SchemaSource<Out>, initial: V, options: Options<V> = {}) {
  const { t } = useTranslation();
  // Loaded once the form is shown, so a submit finds it there; a submit loads it again and reports a failure.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the source is fixed for a form's life (often an inline arrow)
  useEffect(() => void loadValidation(schema).catch(() => undefined), []);
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setValue = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  }, []);

  const field = (name: keyof V & string) => ({
    name,
    value: String(values[name] ?? ''),
    error: errors[name],
    onChange: (event: InputChange) => setValue(name, event.target.value as V[typeof name]),
  });

  const checkbox = (name: keyof V & string) => ({
    name,
    checked: values[name] === true,
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(name, event.target.checked as V[typeof name]),
  });

  const handleSubmit = (onValid: (data: Out) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const form = event.currentTarget;
    void loadValidation(schema).then(
      (validation) => validate(validation, form, onValid),
      (error: unknown) => setFormError(describeError(error, t)),
    );
  };

  const validate = (
    { schema, formErrorMap }: Awaited<ReturnType<typeof loadValidation<Out>>>,
    form: HTMLFormElement,
    onValid: (data: Out) => void,
  ) => {
    const input = options.prepare ? options.prepare(values) : values;
    const result = schema.safeParse(input, { error: formErrorMap });
    if (result.success) {
      setErrors({});
      onValid(result.data);
      return;
    }
    const next: FieldErrors = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      next[name] ??= issue.message;
    }
    setErrors(next);
    focusFirstInvalid(form, Object.keys(next));
  };

  /** For useMutation's onError: field issues go under their inputs, the rest into the alert. */
  const applyError = (error: unknown) => {
    if (isApiError(error) && error.fields.length > 0) {
      const next: FieldErrors = {};
      for (const issue of error.fields) {
        const name = fieldNameOf(issue.path);
        if (name in values) next[name] ??= describeFieldIssue(issue.code, issue.message, t);
      }
      setErrors(next);
    }
    setFormError(describeError(error, t));
  };

  const reset = (next: V = initial) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  };

  return { values, setValue, errors, setErrors, field, checkbox, handleSubmit, applyError, formError, setFormError, reset };
}

function focusFirstInvalid(form: HTMLFormElement, names: string[]) {
  for (const element of Array.from(form.elements)) {
    const name = (element as HTMLInputElement).name;
    if (name && names.includes(name) && element instanceof HTMLElement) {
      element.focus();
      return;
    }
  }
}
