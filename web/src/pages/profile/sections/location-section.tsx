import type { OwnProfile } from '@hpen/server/contracts';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../../forms/choice-fields';
import { SelectField } from '../../../forms/fields';
import { countryOptions, districtOptions, provinceOptions } from '../../../lib/reference-labels';
import { useLanguage } from '../../../lib/use-language';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

const kinds = ['none', 'haiphong', 'vietnam', 'overseas'] as const;
type Kind = (typeof kinds)[number];
/** One draft holds every variant's choice, so switching back and forth loses nothing. */
type LocationDraft = { location: { kind: Kind; district: string; province: string; country: string } };

function toDraft(p: OwnProfile): LocationDraft {
  const l = p.location;
  return {
    location: {
      kind: l?.kind ?? 'none',
      district: l?.kind === 'haiphong' ? (l.district ?? '') : '',
      province: l?.kind === 'vietnam' ? l.province : '',
      country: l?.kind === 'overseas' ? l.country : '',
    },
  };
}

function toInput({ location: l }: LocationDraft) {
  switch (l.kind) {
    case 'haiphong':
      return { location: { kind: l.kind, district: l.district || null } };
    case 'vietnam':
      return { location: { kind: l.kind, province: l.province } };
    case 'overseas':
      return { location: { kind: l.kind, country: l.country } };
    default:
      return { location: null };
  }
}

const spec: SectionSpec<LocationDraft> = {
  section: 'location',
  toDraft,
  toInput,
  schema: (content) => content.pick({ location: true }),
};

export function LocationSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useSectionEditor(spec);
  const { kind } = editor.draft.location;
  return (
    <SectionFrame editor={editor}>
      <RadioGroup
        name="location.kind"
        legend={t('profile.labels.locationKind')}
        value={kind}
        onChange={(value) => editor.set('location.kind', value)}
        options={kinds.map((k) => ({ value: k, label: t(`profileValues.locationKind.${k}`) }))}
        error={editor.error('location.kind') ?? editor.error('location')}
        inline
      />
      {kind === 'haiphong' ? (
        <SelectField
          {...editor.bind('location.district')}
          label={t('profile.labels.district')}
          placeholder={t('profileValues.anyDistrict')}
          options={districtOptions(language)}
        />
      ) : null}
      {kind === 'vietnam' ? (
        <SelectField
          {...editor.bind('location.province')}
          label={t('profile.labels.province')}
          placeholder={t('profile.choose')}
          options={provinceOptions(language)}
          required
        />
      ) : null}
      {kind === 'overseas' ? (
        <SelectField
          {...editor.bind('location.country')}
          label={t('profile.labels.country')}
          placeholder={t('profile.choose')}
          options={countryOptions(language)}
          required
        />
      ) : null}
    </SectionFrame>
  );
}
