import type { ChangeEvent, ReactNode } from 'react';
import { useId } from 'react';

interface Choice {
  value: string;
  label: string;
}

interface CheckboxGroupProps {
  name: string;
  legend: ReactNode;
  options: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
  columns?: boolean;
}

/** Several checkboxes sharing one name: the API's array of codes. Order follows the options. */
export function CheckboxGroup({ name, legend, options, values, onChange, error, hint, columns }: CheckboxGroupProps) {
  const id = useId();
  const toggle = (value: string) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = new Set(values);
    if (event.target.checked) next.add(value);
    else next.delete(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <fieldset
      className={error ? 'choice-group field-invalid' : 'choice-group'}
      data-error-for={name}
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className={columns ? 'choice-options choice-columns' : 'choice-options'}>
        {options.map((option) => (
          <label key={option.value} className="check-row">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={toggle(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

interface RadioGroupProps {
  name: string;
  legend: ReactNode;
  options: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  inline?: boolean;
}

export function RadioGroup({ name, legend, options, value, onChange, error, inline }: RadioGroupProps) {
  const id = useId();
  return (
    <fieldset
      className={error ? 'choice-group field-invalid' : 'choice-group'}
      data-error-for={name}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className={inline ? 'choice-options choice-inline' : 'choice-options'}>
        {options.map((option) => (
          <label key={option.value} className="check-row">
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
