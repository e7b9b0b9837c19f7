import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation';
import { Link, useNavigate } from 'react-router';
import { createProgram, saveProgram } from '../../api/programs.api';
import { FormMessage } from '../../forms/form-parts';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { draftOf, STARTER_RULES } from './program-content-draft';
import { ProgramContentForm, type ContentBody } from './program-content-form';
import '../../i18n/parts/program-content';
import './programs.css';
import { type EditorProps, ProgramForEditing } from './program-for-editing';

/** `/programs/officer/new`: a new program's content → a draft, then its rules in the rule editor, then publish. */
export function NewProgramPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('programContent.newTitle'));
  const create = useMutation({
    mutationFn: (body: ContentBody) => createProgram(body as Parameters<typeof createProgram>[0]),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
      void navigate(`/programs/officer/${r.id}`);
    },
  });
  return (
    <div className="page programs program-content" data-testid="new-program-page">
      <p className="muted">
        <Link to="/programs/officer">{t('programs.officer')}</Link>
      </p>
      <h1>{t('programContent.newTitle')}</h1>
      <p>{t('programContent.newLead')}</p>
      <ProgramContentForm
        initial={draftOf(null)}
        rules={STARTER_RULES}
        mode="create"
        notice={t('programContent.createNotice')}
        pending={create.isPending}
        onSubmit={create.mutateAsync}
      />
    </div>
  );
}

/** `/programs/officer/:id/content`: edit a program's content; once published, saving makes a new version. */
export function ProgramContentPage() {
  const { t } = useTranslation();
  return <ProgramForEditing title={t('programContent.editTitle')} remountKey={(p) => `${p.id}:${p.version}`} editor={ContentEditor} />;
}

function ContentEditor({ program, message, setMessage }: EditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ContentBody) => saveProgram(program.id, body as Parameters<typeof saveProgram>[1]),
    onMutate: () => setMessage(null),
    onSuccess: (r) => {
      setMessage(t('programContent.saved', { version: r.version }));
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
  // The server freezes a version once the public has seen it: the next save is a new version.
  const notice = program.publishedAt
    ? t('programContent.newVersionNotice', { version: program.version, next: program.version + 1 })
    : t('programContent.sameVersionNotice', { version: program.version });
  return (
    <div className="page programs program-content" data-testid="program-content-page">
      <p className="muted">
        <Link to="/programs/officer">{t('programs.officer')}</Link> ·{' '}
        <Link to={`/programs/officer/${program.id}`}>{t('programContent.toRules')}</Link> ·{' '}
        <Link to={`/programs/${program.id}`}>{program.code}</Link>
      </p>
      <h1>{program.content.title[language]}</h1>
      <p>
        {t('programs.version', { version: program.version })} · {t(`programs.status.${program.status}`)}
      </p>
      <FormMessage kind="success" testId="content-saved">
        {message}
      </FormMessage>
      <ProgramContentForm
        initial={draftOf(program.content)}
        rules={program.content.rules}
        mode="edit"
        version={program.version}
        notice={notice}
        pending={save.isPending}
        onSubmit={save.mutateAsync}
      />
    </div>
  );
}
