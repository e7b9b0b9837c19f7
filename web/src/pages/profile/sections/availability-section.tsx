import { referenceData } from '@hpen/server/contracts';
import { CheckboxGroup } from '../../../forms/choice-fields';
import { TextAreaField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type AvailabilityDraft = { availability: { kinds: string[]; modes: string[]; note: string } };

const modes = ['remote', 'in_person'] as const;

const spec: SectionSpec<AvailabilityDraft> = {
  section: 'availability',
  toDraft: (p) => ({ availability: { kinds: [...p.availability.kinds], modes: [...p.availability.modes], note: p.availability.note } }),
  toInput: (d) => ({ availability: d.availability }),
  schema: (content) => content.pick({ availability: true }),
};

export function AvailabilitySection() {
  const { t } = useTranslation();
  const editor = useSectionEditor(spec);
  const { kinds, modes: chosenModes } = editor.draft.availability;
  return (
    <SectionFrame editor={editor}>
      <CheckboxGroup
        name="availability.kinds"
        legend={t('profile.labels.kinds')}
        options={referenceData.availabilityKinds.map((k) => ({ value: k, label: t(`profileValues.availabilityKind.${k}`) }))}
        values={kinds}
        onChange={(next) => editor.set('availability.kinds', next)}
        error={editor.error('availability.kinds')}
        columns
      />
      <CheckboxGroup
        name="availability.modes"
        legend={t('profile.labels.modes')}
        options={modes.map((m) => ({ value: m, label: t(`profileValues.mode.${m}`) }))}
        values={chosenModes}
        onChange={(next) => editor.set('availability.modes', next)}
        error={editor.error('availability.modes')}
      />
      <TextAreaField {...editor.bind('availability.note')} label={t('profile.labels.note')} rows={3} maxLength={500} />
    </SectionFrame>
  );
}
