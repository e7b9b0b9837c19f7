import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { SectionEditor } from './use-section-editor';

interface Props<T> {
  editor: SectionEditor;
  /** The list's API path, e.g. `education`; items are `education.0`, `education.1`… */
  path: string;
  newItem: () => T;
  max: number;
  addLabel: string;
  itemTitle: (item: T, index: number) => string;
  renderItem: (prefix: string, item: T, index: number) => ReactNode;
  /** Long lists (publications) show one line per item and open items one at a time. */
  summary?: (item: T) => ReactNode;
  pageSize?: number;
}

/** A repeatable list of fieldsets with add, remove and reorder; every control is a real button. */
export function ItemsEditor<T>({ editor, path, newItem, max, addLabel, itemTitle, renderItem, summary, pageSize = 50 }: Props<T>) {
  const { t } = useTranslation();
  const items = (editor.value(path) as T[] | undefined) ?? [];
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [showAll, setShowAll] = useState(false);
  // The item just added, focused once it has rendered.
  const focusIndex = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (focusIndex.current === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-item="${focusIndex.current}"] :is(input, select, textarea)`)?.focus();
    focusIndex.current = null;
  });

  const write = (next: T[]) => editor.set(path, next);
  const add = () => {
    write([...items, newItem()]);
    setOpen((current) => new Set(current).add(items.length));
    setShowAll(true);
    focusIndex.current = items.length;
  };
  const remove = (index: number) => {
    write(items.filter((_, i) => i !== index));
    setOpen(new Set());
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    write(next);
    setOpen(new Set());
  };
  const toggle = (index: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  const errorBeyondPage = Object.keys(editor.errors).some((p) => p.startsWith(`${path}.`) && Number(p.split('.')[1]) >= pageSize);
  const visible = summary && !showAll && !errorBeyondPage ? items.slice(0, pageSize) : items;
  return (
    <div className="items-editor" data-error-for={path}>
      {items.length === 0 ? <p className="muted">{t('profile.none')}</p> : null}
      <ol className="item-list" ref={listRef}>
        {visible.map((item, index) => {
          const prefix = `${path}.${index}`;
          const expanded = !summary || open.has(index) || editor.hasErrorsUnder(prefix);
          const title = itemTitle(item, index);
          return (
            <li key={index} data-item={index} className={expanded ? 'item-card' : 'item-card item-collapsed'}>
              <fieldset>
                <legend>{title}</legend>
                {summary && !expanded ? <div className="item-summary">{summary(item)}</div> : null}
                {expanded ? <div className="item-fields">{renderItem(prefix, item, index)}</div> : null}
                <div className="item-actions">
                  {summary ? (
                    <button type="button" className="button-secondary button-small" aria-expanded={expanded} onClick={() => toggle(index)}>
                      {expanded ? t('profile.done') : t('profile.edit')}
                      <span className="visually-hidden"> {title}</span>
                    </button>
                  ) : null}
                  <button type="button" className="button-ghost button-small" disabled={index === 0} onClick={() => move(index, -1)}>
                    ↑
                    <span className="visually-hidden">
                      {' '}
                      {t('profile.moveUp')} {title}
                    </span>
                  </button>
                  <button
                    type="button"
                    className="button-ghost button-small"
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                    <span className="visually-hidden">
                      {' '}
                      {t('profile.moveDown')} {title}
                    </span>
                  </button>
                  <button type="button" className="button-danger button-small" onClick={() => remove(index)}>
                    {t('profile.remove')}
                    <span className="visually-hidden"> {title}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {visible.length < items.length ? (
        <button type="button" className="button-link" onClick={() => setShowAll(true)}>
          {t('profile.help.showAll', { count: items.length })}
        </button>
      ) : null}
      {editor.error(path) ? <p className="field-error">{editor.error(path)}</p> : null}
      <p>
        <button type="button" className="button-secondary" onClick={add} disabled={items.length >= max}>
          + {addLabel}
        </button>
      </p>
    </div>
  );
}
