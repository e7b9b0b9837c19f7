import { useState, type ReactNode } from 'react';
import { Icon } from '../../components/icons';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

export interface FacetOption {
  value: string;
  label: string;
  /** null: no count to show (the "any" choice of a single-choice facet). */
  count: number | null;
}

/** One facet as a disclosure: open at first when asked to or when it holds a choice. */
export function FacetSection({
  title,
  chosen,
  defaultOpen,
  children,
}: {
  title: string;
  chosen: number;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  // Read once: closing a section by hand must not be undone by the next render.
  const [initiallyOpen] = useState(Boolean(defaultOpen) || chosen > 0);
  return (
    <details className="facet" open={initiallyOpen}>
      <summary>
        <span className="facet-title">{title}</span>
        {chosen > 0 ? <span className="facet-chosen">{chosen}</span> : null}
        <Icon name="chevronDown" className="facet-chevron" />
      </summary>
      <div className="facet-body">{children}</div>
    </details>
  );
}

export function FacetCheckbox({
  name,
  option,
  checked,
  onChange,
  type = 'checkbox',
}: {
  name: string;
  option: FacetOption;
  checked: boolean;
  onChange: (checked: boolean) => void;
  type?: 'checkbox' | 'radio';
}) {
  const language = useLanguage();
  return (
    <label className={option.count === 0 && !checked ? 'facet-option facet-empty' : 'facet-option'}>
      <input type={type} name={name} value={option.value} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span className="facet-label">{option.label}</span>
      {option.count === null ? null : <span className="facet-count">{formatNumber(option.count, language)}</span>}
    </label>
  );
}

interface FacetListProps {
  name: string;
  title: string;
  options: FacetOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  /** How many options show before "show more". */
  limit?: number;
  /** One value at most (radios), with `anyLabel` as the empty choice. */
  single?: { anyLabel: string };
}

/** Checkboxes named after the API filter (`input[name=degree][value=TS]`), with counts. */
export function FacetList({ name, title, options, selected, onChange, limit = 8, single }: FacetListProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  // A chosen value stays visible even when it falls beyond the limit.
  const visible = expanded ? options : options.filter((o, i) => i < limit || selected.includes(o.value));
  const hidden = options.length - visible.length;
  const toggle = (value: string) => (checked: boolean) => {
    if (single) onChange(checked && value ? [value] : []);
    else onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  };
  const type = single ? 'radio' : 'checkbox';
  return (
    <fieldset className="facet-options">
      <legend className="visually-hidden">{title}</legend>
      {single ? (
        <FacetCheckbox
          type="radio"
          name={name}
          option={{ value: '', label: single.anyLabel, count: null }}
          checked={selected.length === 0}
          onChange={toggle('')}
        />
      ) : null}
      {visible.map((option) => (
        <FacetCheckbox
          key={option.value}
          type={type}
          name={name}
          option={option}
          checked={selected.includes(option.value)}
          onChange={toggle(option.value)}
        />
      ))}
      {hidden > 0 || expanded ? (
        <button type="button" className="button-link facet-more" aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
          {expanded ? t('search.showLess') : t('search.showMore', { count: hidden })}
        </button>
      ) : null}
    </fieldset>
  );
}
