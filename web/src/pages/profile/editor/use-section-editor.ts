import type { OwnProfile, ProfileSection, VisibilityLevel } from '@hpen/server/contracts';
import { useEffect, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import type { profileContentSchema } from '@hpen/server/contracts';
import type { z } from 'zod';
import { isApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/describe-error';
import { useTranslation } from '../../../i18n/use-translation';
import { getIn, setIn, type Draft } from './draft-paths';
import { useProfileEditor } from './editor-context';
import { dottedPath, profileIssueMessage, type ProfileIssue } from './profile-issues';

export interface SectionSpec<D extends Draft> {
  section: ProfileSection;
  toDraft(profile: OwnProfile): D;
  /** The API body for this section, unvalidated: the schema below reports what is wrong. */
  toInput(draft: D): Draft;
  /** This section's part of the profile schema (loaded with zod on first use: profile-validation.ts). */
  schema(content: typeof profileContentSchema): z.ZodType<Draft>;
}

/** The schemas and zod, fetched once; sections start it when they open so a save does not wait. */
export const loadProfileValidation = () => import('./profile-validation');

export type SectionStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  /** The server found nothing different: no new version was made. */
  | { kind: 'unchanged' }
  | { kind: 'invalid'; unplaced: Array<{ path: string; message: string }> }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };

type InputChange = ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

/**
 * One section's draft, errors and save. The draft follows newer saved versions (another
 * section's save) as long as it holds nothing unsaved, so sections never overwrite each other.
 */
export function useSectionEditor<D extends Draft>(spec: SectionSpec<D>) {
  const { t } = useTranslation();
  const editor = useProfileEditor();
  const { profile } = editor;
  const [base, setBase] = useState(profile);
  const [draft, setDraft] = useState(() => spec.toDraft(profile));
  const [visibility, setVisibility] = useState<VisibilityLevel>(profile.visibility[spec.section]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SectionStatus>({ kind: 'idle' });

  const savedInput = useMemo(() => JSON.stringify(spec.toInput(spec.toDraft(base))), [spec, base]);
  const dirty = JSON.stringify(spec.toInput(draft)) !== savedInput || visibility !== base.visibility[spec.section];

  if (profile !== base && !dirty) {
    setBase(profile);
    setDraft(spec.toDraft(profile));
    setVisibility(profile.visibility[spec.section]);
  }

  const { reportDirty } = editor;
  useEffect(() => reportDirty(spec.section, dirty), [reportDirty, spec.section, dirty]);
  useEffect(() => () => reportDirty(spec.section, false), [reportDirty, spec.section]);
  useEffect(() => void loadProfileValidation().catch(() => undefined), []); // submit loads it again and reports a failure

  const touched = () => setStatus((s) => (s.kind === 'saved' || s.kind === 'unchanged' || s.kind === 'error' ? { kind: 'idle' } : s));

  const set = (path: string, value: unknown) => {
    setDraft((current) => setIn(current, path, value));
    setErrors((current) => withoutPath(current, path));
    touched();
  };

  const showIssues = (form: HTMLFormElement, issues: ProfileIssue[], fromServer: boolean) => {
    const next: Record<string, string> = {};
    for (const issue of issues) next[issue.path] ??= profileIssueMessage(issue, t, fromServer);
    setErrors(next);
    const placed = (path: string) => Boolean(form?.querySelector(`[name="${CSS.escape(path)}"], [data-error-for="${CSS.escape(path)}"]`));
    setStatus({
      kind: 'invalid',
      unplaced: Object.entries(next)
        .filter(([path]) => !placed(path))
        .map(([path, message]) => ({ path, message })),
    });
    // After React has rendered the messages, so the input's description is already there.
    requestAnimationFrame(() => focusFirstInvalid(form, Object.keys(next)));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget; // React clears currentTarget once the handler has returned
    let validation: Awaited<ReturnType<typeof loadProfileValidation>>;
    try {
      validation = await loadProfileValidation();
    } catch (error) {
      return setStatus({ kind: 'error', message: describeError(error, t) });
    }
    const result = spec.schema(validation.profileContentSchema).safeParse(spec.toInput(draft), { error: validation.formErrorMap });
    if (!result.success) {
      showIssues(
        form,
        result.error.issues.map((i) => ({ path: dottedPath(i.path), code: i.code, message: i.message })),
        false,
      );
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const updated = await editor.save({ ...result.data, visibility: { [spec.section]: visibility } });
      setBase(updated);
      setDraft(spec.toDraft(updated));
      setVisibility(updated.visibility[spec.section]);
      setErrors({});
      setStatus(updated.version === base.version ? { kind: 'unchanged' } : { kind: 'saved', version: updated.version });
    } catch (error) {
      if (isApiError(error) && error.code === 'profiles.version_conflict') setStatus({ kind: 'conflict' });
      else if (isApiError(error) && error.fields.length > 0) showIssues(form, error.fields, true);
      else setStatus({ kind: 'error', message: describeError(error, t) });
    }
  };

  return {
    section: spec.section,
    draft,
    dirty,
    errors,
    status,
    visibility,
    setVisibility: (level: VisibilityLevel) => {
      setVisibility(level);
      touched();
    },
    value: (path: string) => getIn(draft, path),
    error: (path: string) => errors[path],
    hasErrorsUnder: (prefix: string) => Object.keys(errors).some((p) => p === prefix || p.startsWith(`${prefix}.`)),
    set,
    bind: (path: string) => ({
      name: path,
      value: String(getIn(draft, path) ?? ''),
      error: errors[path],
      onChange: (event: InputChange) => set(path, event.target.value),
    }),
    bindCheck: (path: string) => ({
      name: path,
      checked: getIn(draft, path) === true,
      error: errors[path],
      onChange: (event: ChangeEvent<HTMLInputElement>) => set(path, event.target.checked),
    }),
    submit: (event: FormEvent<HTMLFormElement>) => void submit(event),
    reload: editor.reload,
  };
}
export type SectionEditor = ReturnType<typeof useSectionEditor>;

function withoutPath(errors: Record<string, string>, path: string): Record<string, string> {
  const parent = path.split('.').slice(0, -1).join('.');
  const keep = Object.entries(errors).filter(([p]) => p !== path && !p.startsWith(`${path}.`) && p !== parent);
  return keep.length === Object.keys(errors).length ? errors : Object.fromEntries(keep);
}

function focusFirstInvalid(form: HTMLFormElement | null, paths: string[]) {
  if (!form) return;
  for (const element of Array.from(form.querySelectorAll<HTMLElement>('[name], [data-error-for]'))) {
    const name = element.getAttribute('name') ?? element.getAttribute('data-error-for') ?? '';
    if (paths.includes(name)) {
      const target = element.matches('input, select, textarea, button')
        ? element
        : element.querySelector<HTMLElement>('input, select, textarea, button');
      (target ?? element).focus();
      return;
    }
  }
}
