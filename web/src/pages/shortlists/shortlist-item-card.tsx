import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { removeShortlistItem, putShortlistItem, shortlistKeys, type ShortlistItem } from '../../api/shortlists.api';
import { TextAreaField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { degreeLabel } from '../../lib/reference-labels';
import { useLanguage } from '../../lib/use-language';
import { useFieldNames } from '../../lib/use-taxonomy';

/** One expert on a shortlist as agencies see them, with the list owner's note. */
export function ShortlistItemCard({ listId, item }: { listId: string; item: ShortlistItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fieldName = useFieldNames(language);
  const queryClient = useQueryClient();
  const expert = item.expert;
  const name = expert?.fullName ?? t('shortlists.unshared');
  const form = useZodForm(async () => (await import('./shortlist-schemas')).shortlistItemBodySchema, { note: item.note });
  const refresh = () => queryClient.invalidateQueries({ queryKey: shortlistKeys.all });

  const saveNote = useMutation({
    mutationFn: (note: string) => putShortlistItem(listId, item.profileId, note),
    onSuccess: () => void refresh(),
    onError: form.applyError,
  });
  const remove = useMutation({
    mutationFn: () => removeShortlistItem(listId, item.profileId),
    onSuccess: () => void refresh(),
  });

  const credentials = expert
    ? [expert.academicTitle ? t(`profileValues.academicTitle.${expert.academicTitle}`) : '', degreeLabel(expert.highestDegree, language)]
        .filter(Boolean)
        .join(' · ')
    : '';
  const fields = [...(expert?.fields ?? [])].sort((a, b) => Number(b.primary) - Number(a.primary)).map((f) => fieldName(f.code));
  const contact = expert?.contact;

  return (
    <li
      className={expert ? 'panel shortlist-item' : 'panel shortlist-item is-unshared'}
      data-testid="shortlist-item"
      data-id={item.profileId}
    >
      <div className="shortlist-item-main">
        {expert ? (
          <>
            <h3>
              <Link to={`/experts/${item.profileId}`}>
                {expert.academicTitle ? (
                  <span className="name-title">{t(`profileValues.academicTitleShort.${expert.academicTitle}`)} </span>
                ) : null}
                {expert.fullName}
              </Link>
            </h3>
            {credentials ? <p className="hit-credentials">{credentials}</p> : null}
            {fields.length ? <p className="hit-fields">{fields.join(' · ')}</p> : null}
            {contact && (contact.email || contact.phone) ? (
              <p className="shortlist-contact">
                <span className="muted">{t('shortlists.contact')}: </span>
                {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
                {contact.email && contact.phone ? ' · ' : null}
                {contact.phone ? <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a> : null}
              </p>
            ) : (
              <p className="muted shortlist-contact">{t('shortlists.noContact')}</p>
            )}
          </>
        ) : (
          <>
            <h3>{t('shortlists.unshared')}</h3>
            <p className="muted">{t('shortlists.unsharedBody')}</p>
          </>
        )}
        <p className="muted shortlist-added">{t('shortlists.addedOn', { date: formatDate(item.addedAt, language) })}</p>
      </div>
      <form className="form shortlist-note" noValidate onSubmit={form.handleSubmit((body) => saveNote.mutate(body.note))}>
        <TextAreaField {...form.field('note')} label={t('shortlists.note')} rows={3} maxLength={2000} />
        <FormMessage kind="error">{form.formError ?? (remove.isError ? describeError(remove.error, t) : null)}</FormMessage>
        <FormMessage kind="success">
          {saveNote.isSuccess && form.values.note.trim() === saveNote.data.note ? t('shortlists.noteSaved') : null}
        </FormMessage>
        <div className="form-actions">
          <SubmitButton
            pending={saveNote.isPending}
            disabled={form.values.note.trim() === item.note}
            className="button-secondary button-small"
          >
            {t('shortlists.saveNote')}
          </SubmitButton>
          <button
            type="button"
            className="button-danger button-small"
            data-testid="remove-from-shortlist"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t('shortlists.confirmRemove', { name }))) remove.mutate();
            }}
          >
            {t('shortlists.remove')}
          </button>
        </div>
      </form>
    </li>
  );
}
