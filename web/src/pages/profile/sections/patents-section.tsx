import type { OwnProfile } from '@hpen/server/contracts';
import { SelectField, TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { countryOptions } from '../../../lib/reference-labels';
import { useLanguage } from '../../../lib/use-language';
import { textOrNull, yearText, yearValue } from '../editor/draft-paths';
import { ItemsEditor } from '../editor/items-editor';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type Patent = OwnProfile['patents'][number];
type PatentItem = Omit<Patent, 'year' | 'country'> & { year: string; country: string };
type PatentsDraft = { patents: PatentItem[] };

const spec: SectionSpec<PatentsDraft> = {
  section: 'patents',
  toDraft: (p) => ({ patents: p.patents.map((e) => ({ ...e, year: yearText(e.year), country: e.country ?? '' })) }),
  toInput: (d) => ({ patents: d.patents.map((e) => ({ ...e, year: yearValue(e.year, undefined), country: textOrNull(e.country) })) }),
  schema: (content) => content.pick({ patents: true }),
};

export function PatentsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useSectionEditor(spec);
  return (
    <SectionFrame editor={editor}>
      <ItemsEditor<PatentItem>
        editor={editor}
        path="patents"
        max={200}
        newItem={() => ({ title: '', number: '', country: 'VN', year: '' })}
        addLabel={t('profile.sections.patents')}
        itemTitle={(item, i) => [t('profile.itemN', { n: i + 1 }), item.title].filter(Boolean).join(' — ')}
        renderItem={(prefix) => (
          <div className="field-grid">
            <TextField {...editor.bind(`${prefix}.title`)} label={t('profile.labels.title')} required className="span-all" />
            <TextField {...editor.bind(`${prefix}.number`)} label={t('profile.labels.number')} />
            <SelectField
              {...editor.bind(`${prefix}.country`)}
              label={t('profile.labels.country')}
              placeholder={t('profile.notSpecified')}
              options={countryOptions(language)}
            />
            <TextField {...editor.bind(`${prefix}.year`)} label={t('profile.labels.year')} inputMode="numeric" maxLength={4} required />
          </div>
        )}
      />
    </SectionFrame>
  );
}
