import { referenceData } from '@hpen/server/contracts';
import { SelectField, TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { degreeOptions } from '../../../lib/reference-labels';
import { useLanguage } from '../../../lib/use-language';
import { textOrNull } from '../editor/draft-paths';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type IdentityDraft = { fullName: string; academicTitle: string; highestDegree: string; orcid: string };

const spec: SectionSpec<IdentityDraft> = {
  section: 'identity',
  toDraft: (p) => ({
    fullName: p.fullName,
    academicTitle: p.academicTitle ?? '',
    highestDegree: p.highestDegree ?? '',
    orcid: p.orcid ?? '',
  }),
  toInput: (d) => ({
    fullName: d.fullName,
    academicTitle: textOrNull(d.academicTitle),
    highestDegree: textOrNull(d.highestDegree),
    orcid: textOrNull(d.orcid),
  }),
  schema: (content) => content.pick({ fullName: true, academicTitle: true, highestDegree: true, orcid: true }),
};

export function IdentitySection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useSectionEditor(spec);
  return (
    <SectionFrame editor={editor}>
      <div className="field-grid">
        <TextField
          {...editor.bind('fullName')}
          label={t('profile.labels.fullName')}
          hint={t('hints.fullName')}
          autoComplete="name"
          required
        />
        <SelectField
          {...editor.bind('academicTitle')}
          label={t('profile.labels.academicTitle')}
          placeholder={t('profile.notSpecified')}
          options={referenceData.academicTitles.map((code) => ({ value: code, label: t(`profileValues.academicTitle.${code}`) }))}
        />
        <SelectField
          {...editor.bind('highestDegree')}
          label={t('profile.labels.highestDegree')}
          placeholder={t('profile.notSpecified')}
          options={degreeOptions(language)}
        />
        <TextField
          {...editor.bind('orcid')}
          label={t('profile.labels.orcid')}
          hint={t('profile.help.orcid')}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </SectionFrame>
  );
}
