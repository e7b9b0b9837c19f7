import { referenceData, type OwnProfile } from '@hpen/server/contracts';
import { SelectField, TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { textOrNull, yearText, yearValue } from '../editor/draft-paths';
import { ItemsEditor } from '../editor/items-editor';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';
import { PublicationsImport } from './publications-import';

type Publication = OwnProfile['publications'][number];
type PublicationItem = Omit<Publication, 'year' | 'doi'> & { year: string; doi: string };
type PublicationsDraft = { publications: PublicationItem[] };

const spec: SectionSpec<PublicationsDraft> = {
  section: 'publications',
  toDraft: (p) => ({ publications: p.publications.map((e) => ({ ...e, year: yearText(e.year), doi: e.doi ?? '' })) }),
  toInput: (d) => ({ publications: d.publications.map((e) => ({ ...e, year: yearValue(e.year, undefined), doi: textOrNull(e.doi) })) }),
  schema: (content) => content.pick({ publications: true }),
};

const newItem = (): PublicationItem => ({ title: '', authors: '', venue: '', year: '', type: 'journal_article', doi: '' });

export function PublicationsSection() {
  const { t } = useTranslation();
  const editor = useSectionEditor(spec);
  const count = editor.draft.publications.length;
  return (
    <SectionFrame
      editor={editor}
      intro={count > 0 ? t('profile.help.publicationsCount', { count }) : undefined}
      after={<PublicationsImport hasUnsaved={editor.dirty} />}
    >
      <ItemsEditor<PublicationItem>
        editor={editor}
        path="publications"
        max={2000}
        newItem={newItem}
        addLabel={t('profile.sections.publications')}
        itemTitle={(item, i) => `${i + 1}. ${item.title || t('profile.help.untitled')}`}
        summary={(item) => (
          <span className="muted">
            {[item.authors, item.venue, item.year || t('profile.help.noYear')].filter(Boolean).join(' · ')}
            {item.doi ? ` · DOI ${item.doi}` : ''}
          </span>
        )}
        renderItem={(prefix) => (
          <div className="field-grid">
            <TextField {...editor.bind(`${prefix}.title`)} label={t('profile.labels.title')} required className="span-all" />
            <TextField {...editor.bind(`${prefix}.authors`)} label={t('profile.labels.authors')} />
            <TextField {...editor.bind(`${prefix}.venue`)} label={t('profile.labels.venue')} />
            <TextField {...editor.bind(`${prefix}.year`)} label={t('profile.labels.year')} inputMode="numeric" maxLength={4} required />
            <SelectField
              {...editor.bind(`${prefix}.type`)}
              label={t('profile.labels.type')}
              options={referenceData.publicationTypes.map((type) => ({ value: type, label: t(`profileValues.publicationType.${type}`) }))}
            />
            <TextField {...editor.bind(`${prefix}.doi`)} label={t('profile.labels.doi')} spellCheck={false} autoComplete="off" />
          </div>
        )}
      />
    </SectionFrame>
  );
}
