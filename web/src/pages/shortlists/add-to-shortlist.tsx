import type { ShortlistSummary } from '@hpen/server/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { createShortlist, listShortlists, putShortlistItem, shortlistKeys } from '../../api/shortlists.api';
import { Icon } from '../../components/icons';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { SelectField, TextAreaField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import '../../i18n/parts/shortlists';
import { useTranslation } from '../../i18n/use-translation';
import type { AddInput } from './shortlist-schemas';

const NEW = 'new';

interface Props {
  profileId: string;
  expertName: string;
}

/** "Add to shortlist": a button opening a modal dialog (choose or create a list, optional note). */
export function AddToShortlist({ profileId, expertName }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button-secondary button-small"
        data-testid="add-to-shortlist"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <Icon name="plus" /> {t('shortlists.add')}
      </button>
      {open ? (
        <AddDialog
          profileId={profileId}
          expertName={expertName}
          onClosed={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function AddDialog({ profileId, expertName, onClosed }: Props & { onClosed: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const lists = useQuery({ queryKey: shortlistKeys.list, queryFn: listShortlists });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const close = () => dialog.current?.close(); // fires "close", which unmounts the dialog

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`add-${profileId}-title`} onClose={onClosed} data-testid="shortlist-dialog">
      <div className="dialog-head">
        <h2 id={`add-${profileId}-title`}>{t('shortlists.addTitle', { name: expertName })}</h2>
        <button type="button" className="dialog-close" aria-label={t('shortlists.close')} onClick={close}>
          <Icon name="close" size={18} />
        </button>
      </div>
      {lists.isPending ? <Loading /> : null}
      {lists.isError ? <QueryError error={lists.error} onRetry={() => void lists.refetch()} /> : null}
      {lists.data ? <AddForm profileId={profileId} expertName={expertName} lists={lists.data.items} onCancel={close} /> : null}
    </dialog>
  );
}

/** The form that had focus is gone: continue at the "open the list" link. */
const focusFirstLink = (element: HTMLDivElement | null) => {
  element?.querySelector<HTMLElement>('a, button')?.focus();
};

function AddForm({ profileId, expertName, lists, onCancel }: Props & { lists: ShortlistSummary[]; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Lists come most recently used first: the likeliest target.
  const form = useZodForm(
    async () => (await import('./shortlist-schemas')).addSchema,
    { shortlistId: lists[0]?.id ?? NEW, name: '', note: '' },
    {
      prepare: (v): unknown =>
        v.shortlistId === NEW
          ? { target: 'new', name: v.name, note: v.note }
          : { target: 'existing', shortlistId: v.shortlistId, note: v.note },
    },
  );

  // The dialog focused its close button while the lists loaded: start at the first field instead.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  }, []);

  const add = useMutation({
    mutationFn: async (input: AddInput) => {
      const list = input.target === 'new' ? await createShortlist({ name: input.name }) : lists.find((l) => l.id === input.shortlistId);
      if (!list) throw new Error('unknown shortlist');
      // A retry after a failed add must not create the list a second time.
      if (input.target === 'new') form.setValue('shortlistId', list.id);
      await putShortlistItem(list.id, profileId, input.note);
      return list;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: shortlistKeys.all }),
    onError: form.applyError,
  });

  if (add.isSuccess) {
    return (
      <div className="dialog-body dialog-done" ref={focusFirstLink}>
        <FormMessage kind="success" testId="shortlist-added">
          <p>{t('shortlists.added', { name: expertName, list: add.data.name })}</p>
        </FormMessage>
        <div className="form-actions">
          <Link className="button-primary" to={`/shortlists/${add.data.id}`} data-testid="open-shortlist">
            {t('shortlists.openList')}
          </Link>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('shortlists.close')}
          </button>
        </div>
      </div>
    );
  }

  const creating = form.values.shortlistId === NEW;
  return (
    <form ref={formRef} className="form dialog-body" noValidate onSubmit={form.handleSubmit((input) => add.mutate(input))}>
      {lists.length ? (
        <SelectField
          {...form.field('shortlistId')}
          label={t('shortlists.chooseList')}
          options={[
            ...lists.map((l) => ({ value: l.id, label: `${l.name} (${l.count})` })),
            { value: NEW, label: t('shortlists.newList') },
          ]}
        />
      ) : null}
      {creating ? (
        <TextField
          {...form.field('name')}
          label={t('shortlists.newListName')}
          placeholder={t('shortlists.namePlaceholder')}
          maxLength={120}
          autoComplete="off"
        />
      ) : null}
      <TextAreaField {...form.field('note')} label={t('shortlists.note')} hint={t('shortlists.noteHint')} rows={3} maxLength={2000} />
      <FormMessage kind="error">{form.formError}</FormMessage>
      <div className="form-actions">
        <SubmitButton pending={add.isPending}>{t('shortlists.addSubmit')}</SubmitButton>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('shortlists.cancel')}
        </button>
      </div>
    </form>
  );
}
