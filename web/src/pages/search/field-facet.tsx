import type { TaxonomyField } from '@hpen/server/contracts';
import { useId, useState } from 'react';
import { Icon } from '../../components/icons';
import { useTranslation } from '../../i18n/use-translation';
import { useLanguage } from '../../lib/use-language';
import { fieldName, useTaxonomy } from '../../lib/use-taxonomy';
import { FacetCheckbox } from './facet-group';

interface Props {
  counts: Record<string, number>;
  selected: readonly string[];
  onChange: (values: string[]) => void;
}

/**
 * Fields in two levels: the six areas, each opening onto its sub-fields. Ticking an area
 * finds everyone in it (the index files a sub-field under its area too).
 */
export function FieldFacet({ counts, selected, onChange }: Props) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const fields = taxonomy.data?.fields ?? [];
  const areas = fields.filter((f) => f.parentCode === null);
  const childrenOf = (code: string) => fields.filter((f) => f.parentCode === code);
  const shown = (f: TaxonomyField) => (counts[f.code] ?? 0) > 0 || selected.includes(f.code);
  const toggle = (code: string) => (checked: boolean) => onChange(checked ? [...selected, code] : selected.filter((v) => v !== code));

  return (
    <fieldset className="facet-options field-facet">
      <legend className="visually-hidden">{t('search.facets.field')}</legend>
      {areas
        .filter((area) => shown(area) || childrenOf(area.code).some(shown))
        .map((area) => (
          <FieldArea
            key={area.code}
            area={area}
            subfields={childrenOf(area.code).filter(shown)}
            counts={counts}
            selected={selected}
            toggle={toggle}
          />
        ))}
    </fieldset>
  );
}

interface AreaProps {
  area: TaxonomyField;
  subfields: TaxonomyField[];
  counts: Record<string, number>;
  selected: readonly string[];
  toggle: (code: string) => (checked: boolean) => void;
}

function FieldArea({ area, subfields, counts, selected, toggle }: AreaProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(() => subfields.some((f) => selected.includes(f.code)));
  const name = fieldName(area, language);
  const option = (f: TaxonomyField) => ({ value: f.code, label: fieldName(f, language), count: counts[f.code] ?? 0 });
  return (
    <div className="field-area">
      <div className="field-area-row">
        <FacetCheckbox name="field" option={option(area)} checked={selected.includes(area.code)} onChange={toggle(area.code)} />
        {subfields.length ? (
          <button
            type="button"
            className="field-area-toggle"
            aria-expanded={open}
            aria-controls={id}
            aria-label={t('search.showSubfields', { name })}
            onClick={() => setOpen((v) => !v)}
          >
            <Icon name="chevronDown" />
          </button>
        ) : null}
      </div>
      {subfields.length ? (
        <div className="field-subfields" id={id} hidden={!open}>
          {subfields.map((f) => (
            <FacetCheckbox key={f.code} name="field" option={option(f)} checked={selected.includes(f.code)} onChange={toggle(f.code)} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
