import type { OwnProfile } from '@hpen/server/contracts';
import { useState } from 'react';
import { RadioGroup } from '../../../forms/choice-fields';
import { SelectField, TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { countryOptions } from '../../../lib/reference-labels';
import { filterOptions, usePlaceNames, useProvinceCommunes } from '../../../lib/use-places';
import { useLanguage } from '../../../lib/use-language';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

const kinds = ['none', 'haiphong', 'vietnam', 'overseas'] as const;
type Kind = (typeof kinds)[number];
/** One draft holds every variant's choice, so switching back and forth loses nothing. */
type LocationDraft = {
  location: { kind: Kind; commune: string; province: string; provinceCommune: string; country: string; formerAddress: string };
};

function toDraft(p: OwnProfile): LocationDraft {
  const l = p.location;
  return {
    location: {
      kind: l?.kind ?? 'none',
      commune: l?.kind === 'haiphong' ? (l.commune ?? '') : '',
      formerAddress: l?.kind === 'haiphong' ? (l.formerAddress ?? '') : '',
      province: l?.kind === 'vietnam' ? l.province : '',
      provinceCommune: l?.kind === 'vietnam' ? (l.commune ?? '') : '',
      country: l?.kind === 'overseas' ? l.country : '',
    },
  };
}

function toInput({ location: l }: LocationDraft) {
  switch (l.kind) {
    case 'haiphong':
      // An old value "to confirm" stays until a commune is chosen.
      return {
        location: {
          kind: l.kind,
          commune: l.commune || null,
          ...(!l.commune && l.formerAddress ? { formerAddress: l.formerAddress } : {}),
        },
      };
    case 'vietnam':
      return { location: { kind: l.kind, province: l.province, commune: l.provinceCommune || null } };
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
  const places = usePlaceNames(language);
  const [typed, setTyped] = useState('');
  const { kind, commune, province, provinceCommune, formerAddress } = editor.draft.location;
  const otherCommunes = useProvinceCommunes(kind === 'vietnam' ? province : '');
  const provinceCommuneOptions = (otherCommunes.data?.communes ?? []).map((c) => ({ value: c.code, label: c[language] }));
  const searchable = kind === 'haiphong' ? places.communeOptions : provinceCommuneOptions;
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
      {kind === 'haiphong' && !commune && formerAddress ? (
        <p className="notice notice-info" data-testid="confirm-commune-hint">
          {t('profileValues.confirmCommune', { former: formerAddress })}
        </p>
      ) : null}
      {kind === 'vietnam' ? (
        <SelectField
          {...editor.bind('location.province')}
          label={t('profile.labels.province')}
          placeholder={t('profile.choose')}
          options={places.provinceOptions.filter((p) => p.value !== '31')}
          required
        />
      ) : null}
      {kind === 'haiphong' || (kind === 'vietnam' && province) ? (
        <>
          <TextField
            name="location.placeSearch"
            label={t('profile.labels.communeSearch')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
          />
          <SelectField
            {...editor.bind(kind === 'haiphong' ? 'location.commune' : 'location.provinceCommune')}
            label={kind === 'haiphong' ? t('profile.labels.commune') : t('profile.labels.provinceCommune')}
            placeholder={t('profileValues.anyCommune')}
            options={filterOptions(searchable, typed, kind === 'haiphong' ? commune : provinceCommune)}
            error={editor.error('location.commune')}
          />
        </>
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
