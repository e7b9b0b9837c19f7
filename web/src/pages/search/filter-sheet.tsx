import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from '../../components/icons';
import { useTranslation } from '../../i18n/use-translation';
import { useMediaQuery } from '../../lib/use-media-query';

/** The width below which the filters fold behind a button (search.css uses the same). */
export const NARROW_SEARCH = '(max-width: 700px)';

interface Props {
  id: string;
  open: boolean;
  onClose: (showResults: boolean) => void;
  /** "Xem 12 kết quả": closes the sheet onto the results. */
  showResultsLabel: string;
  children: ReactNode;
}

/**
 * The facet panel: a column beside the results on wide screens; on a phone a sheet over the
 * results (a modal dialog) with the result count on its button, so choosing filters never
 * buries the results below a long list. Escape or the backdrop closes it.
 */
export function FilterSheet({ id, open, onClose, showResultsLabel, children }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(NARROW_SEARCH);
  const sheet = narrow && open;
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!sheet) return;
    titleRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose(false);
    };
    document.addEventListener('keydown', onKey);
    document.body.classList.add('sheet-open');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('sheet-open');
    };
  }, [sheet, onClose]);

  return (
    <>
      {sheet ? <div className="sheet-backdrop" aria-hidden="true" onClick={() => onClose(false)} /> : null}
      <div
        id={id}
        className={open ? 'facet-panel-body is-open' : 'facet-panel-body'}
        {...(sheet ? { role: 'dialog', 'aria-modal': true, 'aria-labelledby': `${id}-title` } : {})}
      >
        <div className="facet-panel-head">
          <h2 id={`${id}-title`} className="facet-panel-title" tabIndex={-1} ref={titleRef}>
            {t('search.filters')}
          </h2>
          <button type="button" className="button-link facet-close" onClick={() => onClose(false)}>
            <Icon name="close" />
            <span className="visually-hidden">{t('search.closeFilters')}</span>
          </button>
        </div>
        {children}
        <div className="facet-done-bar">
          <button type="button" className="button-primary facet-done" data-testid="filters-done" onClick={() => onClose(true)}>
            {showResultsLabel}
          </button>
        </div>
      </div>
    </>
  );
}
