import type { OwnProfile } from '@hpen/server/contracts';
import { TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { yearText, yearValue } from '../editor/draft-paths';
import { ItemsEditor } from '../editor/items-editor';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type Award = OwnProfile['awards'][number];
type AwardItem = Omit<Award, 'year'> & { year: string };
type AwardsDraft = { awards: AwardItem[] };

const spec: SectionSpec<AwardsDraft> = {
  section: 'awards',
  toDraft: (p) => ({ awards: p.awards.map((e) => ({ ...e, year: yearText(e.year) })) }),
  toInput: (d) => ({ awards: d.awards.map((e) => ({ ...e, year: yearValue(e.year, undefined) })) }),
  schema: (content) => content.pick({ awards: true }),
};

export function AwardsSection() {
  const { t } = useTranslation();
  const editor = useSectionEditor(spec);
  return (
    <SectionFrame editor={editor}>
      <ItemsEditor<AwardItem>
        editor={editor}
        path="awards"
        max={200}
        newItem={() => ({ title: '', issuer: '', year: '' })}
        addLabel={t('profile.sections.awards')}
        itemTitle={(item, i) => [t('profile.itemN', { n: i + 1 }), item.title].filter(Boolean).join(' — ')}
        renderItem={(prefix) => (
          <div className="field-grid">
            <TextField {...editor.bind(`${prefix}.title`)} label={t('profile.labels.title')} required className="span-all" />
            <TextField {...editor.bind(`${prefix}.issuer`)} label={t('profile.labels.issuer')} />
            <TextField {...editor.bind(`${prefix}.year`)} label={t('profile.labels.year')} inputMode="numeric" maxLength={4} required />
          </div>
        )}
      />
    </SectionFrame>
  );
}
