import { useQuery } from '@tanstack/react-query';
import { referenceData } from '@hpen/server/contracts';
import { useCallback } from 'react';
import { listOrganisations } from '../../api/organisations.api';
import { useTranslation } from '../../i18n/use-translation';
import { useLanguage } from '../../lib/use-language';
import { usePlaceNames } from '../../lib/use-places';
import { useTaxonomy } from '../../lib/use-taxonomy';

export type Dimension = 'field' | 'sector' | 'degree' | 'title' | 'location' | 'association' | 'organisation' | 'value';

/** Human labels for the keys of every breakdown (codes of the reference data, organisations, states). */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const taxonomy = useTaxonomy();
  const orgs = useQuery({ queryKey: ['organisations', 'public'], queryFn: listOrganisations, staleTime: 300_000 });
  const places = usePlaceNames(lang);
  return useCallback(
    (dim: Dimension) =>
      (key: string): string => {
        const pick = (o: { vi: string; en: string }) => (lang === 'en' ? o.en : o.vi);
        switch (dim) {
          case 'field': {
            const f = taxonomy.data?.fields.find((x) => x.code === key);
            return f ? `${key} · ${lang === 'en' ? f.nameEn : f.nameVi}` : key;
          }
          case 'sector': {
            const s = referenceData.prioritySectors.find((x) => x.code === key);
            return s ? pick(s) : key;
          }
          case 'degree': {
            const d = referenceData.degrees.find((x) => x.code === key);
            return d ? pick(d) : t(`reports.values.${key}`, { defaultValue: key });
          }
          case 'location': {
            const [kind, code = ''] = key.split(':');
            if (kind === 'haiphong')
              return `Hải Phòng · ${code && code !== 'unknown' ? places.commune(code) : t('reports.values.unknown')}`;
            if (kind === 'province') return places.province(code);
            if (kind === 'overseas') return new Intl.DisplayNames([i18n.language], { type: 'region' }).of(code) ?? code;
            return t('reports.values.unknown');
          }
          case 'association':
          case 'organisation': {
            const o = orgs.data?.items.find((x) => x.code === key || x.id === key);
            return o ? (lang === 'en' ? o.nameEn : o.nameVi) : key;
          }
          default:
            return t(`reports.values.${key}`, { defaultValue: key });
        }
      },
    [t, i18n.language, lang, taxonomy.data, orgs.data, places],
  );
}
