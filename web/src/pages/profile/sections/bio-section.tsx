import { TextAreaField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type BioDraft = { bio: { vi: string; en: string } };

const spec: SectionSpec<BioDraft> = {
  section: 'bio',
  toDraft: (p) => ({ bio: { ...p.bio } }),
  toInput: (d) => ({ bio: { ...d.bio } }),
  schema: (content) => content.pick({ bio: true }),
};

export function BioSection() {
  const { t } = useTranslation();
  const editor = useSectionEditor(spec);
  const counter = (text: string) => `${text.length} / 5000`;
  return (
    <SectionFrame editor={editor} intro={t('profile.help.bio')}>
      <TextAreaField
        {...editor.bind('bio.vi')}
        label={t('profile.labels.bioVi')}
        hint={counter(editor.draft.bio.vi)}
        lang="vi"
        rows={6}
        maxLength={5000}
      />
      <TextAreaField
        {...editor.bind('bio.en')}
        label={t('profile.labels.bioEn')}
        hint={counter(editor.draft.bio.en)}
        lang="en"
        rows={6}
        maxLength={5000}
      />
    </SectionFrame>
  );
}
