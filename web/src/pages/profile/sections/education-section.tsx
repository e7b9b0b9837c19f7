import type { educationItemSchema } from '@hpen/server/contracts';
import type { z } from 'zod';
import { CheckboxField, SelectField, TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { countryOptions, degreeLabel, degreeOptions } from '../../../lib/reference-labels';
import { useLanguage } from '../../../lib/use-language';
import { yearText, yearValue } from '../editor/draft-paths';
import { ItemsEditor } from '../editor/items-editor';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type Education = z.infer<typeof educationItemSchema>;
type EducationItem = Omit<Education, 'year'> & { year: string };
type EducationDraft = { education: EducationItem[] };

const honours = ['none', 'xuat_sac', 'gioi', 'kha'] as const;

const spec: SectionSpec<EducationDraft> = {
  section: 'education',
  toDraft: (p) => ({ education: p.education.map((e) => ({ ...e, year: yearText(e.year) })) }),
  toInput: (d) => ({ education: d.education.map((e) => ({ ...e, year: yearValue(e.year, undefined) })) }),
  schema: (content) => content.pick({ education: true }),
};

const newItem = (): EducationItem => ({
  degree: '' as EducationItem['degree'],
  field: '',
  institution: '',
  country: 'VN',
  year: '',
  trainedAbroad: false,
  honours: 'none',
});

export function EducationSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useSectionEditor(spec);
  const countries = countryOptions(language);
  return (
    <SectionFrame editor={editor}>
      <ItemsEditor<EducationItem>
        editor={editor}
        path="education"
        max={20}
        newItem={newItem}
        addLabel={t('profile.sections.education')}
        itemTitle={(item, i) =>
          [t('profile.itemN', { n: i + 1 }), degreeLabel(item.degree, language), item.institution].filter(Boolean).join(' — ')
        }
        renderItem={(prefix) => (
          <div className="field-grid">
            <SelectField
              {...editor.bind(`${prefix}.degree`)}
              label={t('profile.labels.degree')}
              placeholder={t('profile.choose')}
              options={degreeOptions(language)}
              required
            />
            <TextField {...editor.bind(`${prefix}.field`)} label={t('profile.labels.field')} required />
            <TextField {...editor.bind(`${prefix}.institution`)} label={t('profile.labels.institution')} required />
            <SelectField
              {...editor.bind(`${prefix}.country`)}
              label={t('profile.labels.country')}
              placeholder={t('profile.choose')}
              options={countries}
              required
            />
            <TextField
              {...editor.bind(`${prefix}.year`)}
              label={t('profile.labels.graduationYear')}
              inputMode="numeric"
              maxLength={4}
              required
            />
            <SelectField
              {...editor.bind(`${prefix}.honours`)}
              label={t('profile.labels.honours')}
              options={honours.map((h) => ({ value: h, label: t(`profileValues.honours.${h}`) }))}
            />
            <CheckboxField {...editor.bindCheck(`${prefix}.trainedAbroad`)} label={t('profile.labels.trainedAbroad')} />
          </div>
        )}
      />
    </SectionFrame>
  );
}
