import { Link } from 'react-router';
import { useTranslation } from '../../../i18n/use-translation';
import { formatDate } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { useProfileEditor } from '../editor/editor-context';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type Empty = Record<string, never>;

/** Nothing to edit: the server keeps the list; the expert sets who may see it. */
const spec: SectionSpec<Empty> = {
  section: 'completedReviews',
  toDraft: () => ({}),
  toInput: () => ({}),
  schema: (content) => content.pick({}),
};

export function CompletedReviewsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useSectionEditor(spec);
  const items = useProfileEditor().profile.completedReviews;
  return (
    <SectionFrame editor={editor} intro={t('profile.completedReviews.intro')}>
      {items.length === 0 ? <p className="muted">{t('profile.completedReviews.none')}</p> : null}
      <ul className="plain-list">
        {items.map((r) => (
          <li key={r.consultationId}>
            <Link to={`/public/consultations/${r.consultationId}`}>{r.title}</Link>
            <span className="cell-sub">
              {[t(`consultations.kind.${r.kind}`), t(`consultations.role.${r.role}`), r.requester, formatDate(r.date, language)].join(
                ' · ',
              )}
            </span>
          </li>
        ))}
      </ul>
    </SectionFrame>
  );
}
