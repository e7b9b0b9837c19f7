import { Link } from 'react-router';
import { isApiError } from '../api/api-error';
import { describeError } from '../i18n/describe-error';
import { useTranslation } from '../i18n/use-translation';

/** A failed load, with a way to try again that does not lose the rest of the page. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {t('common.loadFailed')} {describeError(error, t)}
      </p>
      {isApiError(error) && error.code === 'auth.mfa_required' ? (
        <p>
          <Link to="/account#security">{t('security.start')}</Link>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
