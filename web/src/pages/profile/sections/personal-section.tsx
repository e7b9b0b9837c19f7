import { SelectField, TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { textOrNull, yearText, yearValue } from '../editor/draft-paths';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type PersonalDraft = { birthYear: string; gender: string };

const spec: SectionSpec<PersonalDraft> = {
  section: 'personal',
  toDraft: (p) => ({ birthYear: yearText(p.birthYear), gender: p.gender ?? '' }),
  toInput: (d) => ({ birthYear: yearValue(d.birthYear, null), gender: textOrNull(d.gender) }),
  schema: (content) => content.pick({ birthYear: true, gender: true }),
};

const genders = ['female', 'male', 'other'] as const;

export function PersonalSection() {
  const { t } = useTranslation();
  const editor = useSectionEditor(spec);
  return (
    <SectionFrame editor={editor}>
      <div className="field-grid">
        <TextField
          {...editor.bind('birthYear')}
          label={t('profile.labels.birthYear')}
          inputMode="numeric"
          maxLength={4}
          autoComplete="bday-year"
        />
        <SelectField
          {...editor.bind('gender')}
          label={t('profile.labels.gender')}
          placeholder={t('profile.notSpecified')}
          options={genders.map((g) => ({ value: g, label: t(`profileValues.gender.${g}`) }))}
        />
      </div>
    </SectionFrame>
  );
}
