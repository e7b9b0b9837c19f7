import type { positionItemSchema } from '@hpen/server/contracts';
import type { z } from 'zod';
import { CheckboxField, TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { yearText, yearValue } from '../editor/draft-paths';
import { ItemsEditor } from '../editor/items-editor';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type Position = z.infer<typeof positionItemSchema>;
type PositionItem = Omit<Position, 'from' | 'to'> & { from: string; to: string };
type PositionsDraft = { positions: PositionItem[] };

const spec: SectionSpec<PositionsDraft> = {
  section: 'positions',
  toDraft: (p) => ({ positions: p.positions.map((e) => ({ ...e, from: yearText(e.from), to: yearText(e.to) })) }),
  toInput: (d) => ({ positions: d.positions.map((e) => ({ ...e, from: yearValue(e.from, undefined), to: yearValue(e.to, null) })) }),
  schema: (content) => content.pick({ positions: true }),
};

const newItem = (): PositionItem => ({ title: '', organisation: '', from: '', to: '', current: false });

export function PositionsSection() {
  const { t } = useTranslation();
  const editor = useSectionEditor(spec);
  return (
    <SectionFrame editor={editor}>
      <ItemsEditor<PositionItem>
        editor={editor}
        path="positions"
        max={40}
        newItem={newItem}
        addLabel={t('profile.sections.positions')}
        itemTitle={(item, i) => [t('profile.itemN', { n: i + 1 }), item.title, item.organisation].filter(Boolean).join(' — ')}
        renderItem={(prefix, item) => (
          <div className="field-grid">
            <TextField {...editor.bind(`${prefix}.title`)} label={t('profile.labels.positionTitle')} required />
            <TextField {...editor.bind(`${prefix}.organisation`)} label={t('profile.labels.organisation')} required />
            <TextField {...editor.bind(`${prefix}.from`)} label={t('profile.labels.from')} inputMode="numeric" maxLength={4} required />
            <TextField
              {...editor.bind(`${prefix}.to`)}
              label={t('profile.labels.to')}
              inputMode="numeric"
              maxLength={4}
              disabled={item.current}
            />
            <CheckboxField
              {...editor.bindCheck(`${prefix}.current`)}
              onChange={(event) => {
                editor.set(`${prefix}.current`, event.target.checked);
                if (event.target.checked) editor.set(`${prefix}.to`, '');
              }}
              label={t('profile.labels.current')}
            />
          </div>
        )}
      />
    </SectionFrame>
  );
}
