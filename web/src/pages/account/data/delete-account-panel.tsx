import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { deleteMyAccount } from '../../../api/data-rights.api';
import { endSession } from '../../../auth/session-store';
import { FormMessage } from '../../../forms/form-parts';
import { describeError } from '../../../i18n/describe-error';
import { useTranslation } from '../../../i18n/use-translation';
import { foldText } from '../../../lib/fold-text';

/** Where the home page finds the goodbye message after an erasure. */
export interface HomeNotice {
  notice?: 'accountDeleted';
}

/** Erasure behind a typed phrase (diacritics optional): one wrong click must not delete a career's profile. */
export function DeleteAccountPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const phrase = t('dataRights.deletePhrase');
  const matches = foldText(typed) === foldText(phrase);
  // The session ends once this guarded page is gone: ending it here first would make the
  // guard send the user to sign-in before the (transition) navigation home had rendered.
  const deleted = useRef(false);
  useEffect(
    () => () => {
      if (deleted.current) endSession(); // the server already revoked every session and the cookie
    },
    [],
  );

  const erase = useMutation({
    mutationFn: deleteMyAccount,
    onSuccess: () => {
      deleted.current = true;
      const state: HomeNotice = { notice: 'accountDeleted' };
      void navigate('/', { replace: true, state });
    },
  });

  return (
    <section className="panel danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('dataRights.deleteTitle')}</h2>
      <p>{t('dataRights.deleteBody')}</p>
      <p className="muted">{t('dataRights.deleteAdvice')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!matches) return setMismatch(true);
          erase.mutate();
        }}
      >
        <FormMessage kind="error">{erase.isError ? describeError(erase.error, t) : null}</FormMessage>
        <div className={mismatch && !matches ? 'field field-invalid' : 'field'}>
          <label htmlFor={id}>{t('dataRights.deleteConfirmLabel', { phrase })}</label>
          <input
            id={id}
            name="confirmation"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            aria-invalid={mismatch && !matches ? true : undefined}
            aria-describedby={mismatch && !matches ? `${id}-error` : undefined}
            onChange={(event) => setTyped(event.target.value)}
          />
          {mismatch && !matches ? (
            <p className="field-error" id={`${id}-error`}>
              {t('dataRights.deleteConfirmMismatch')}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button-danger"
            data-testid="delete-account"
            disabled={erase.isPending}
            aria-busy={erase.isPending || undefined}
          >
            {erase.isPending ? <span className="spinner" aria-hidden="true" /> : null}
            {t('dataRights.deleteButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
