import type { ReactNode } from 'react';
import { FormMessage } from '../../../forms/form-parts';
import { useTranslation } from '../../../i18n/use-translation';
import { describePath } from './describe-path';
import type { SectionEditor } from './use-section-editor';
import { VisibilitySelect } from './visibility-select';

interface Props {
  editor: SectionEditor;
  intro?: ReactNode;
  children: ReactNode;
  /** Rendered after the section's form (e.g. the import panel, which is a form of its own). */
  after?: ReactNode;
}

/** A section card: title, fields, who may see it, its own Save, and what happened. */
export function SectionFrame({ editor, intro, children, after }: Props) {
  const { t } = useTranslation();
  const { section, status } = editor;
  const titleId = `section-${section}-title`;
  return (
    <section id={`section-${section}`} className="panel profile-section" aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId} tabIndex={-1}>
          {t(`profile.sections.${section}`)}
        </h2>
        {editor.dirty ? <span className="badge badge-warn">{t('profile.unsaved')}</span> : null}
      </div>
      {intro ? <p className="muted">{intro}</p> : null}
      <form onSubmit={editor.submit} noValidate className="form">
        {children}
        <FormMessage kind="error">
          {status.kind === 'invalid' ? (
            <>
              {t('profile.fixErrors')}
              {status.unplaced.length > 0 ? (
                <ul className="error-list">
                  {status.unplaced.map((issue) => (
                    <li key={issue.path}>
                      {describePath(issue.path, t)}: {issue.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
          {status.kind === 'conflict' ? (
            <>
              {t('profile.conflict')}
              <span className="notice-extra">
                <button type="button" className="button-secondary" data-testid="reload-profile" onClick={() => void editor.reload()}>
                  {t('profile.reload')}
                </button>
              </span>
            </>
          ) : null}
          {status.kind === 'error' ? status.message : null}
        </FormMessage>
        <FormMessage kind="success" testId="profile-saved">
          {status.kind === 'saved' ? t('profile.saved', { version: status.version }) : null}
          {status.kind === 'unchanged' ? t('profile.unchanged') : null}
        </FormMessage>
        <div className="section-footer">
          <VisibilitySelect section={section} value={editor.visibility} onChange={editor.setVisibility} />
          <button
            type="submit"
            className="button-primary"
            data-testid={`save-${section}`}
            disabled={status.kind === 'saving'}
            aria-busy={status.kind === 'saving' || undefined}
          >
            {status.kind === 'saving' ? <span className="spinner" aria-hidden="true" /> : null}
            {t('profile.save')}
          </button>
        </div>
      </form>
      {after}
    </section>
  );
}
