import { TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { textOrNull } from '../editor/draft-paths';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type ContactDraft = { contact: { email: string; phone: string } };

const spec: SectionSpec<ContactDraft> = {
  section: 'contact',
  toDraft: (p) => ({ contact: { email: p.contact.email ?? '', phone: p.contact.phone ?? '' } }),
  toInput: (d) => ({ contact: { email: textOrNull(d.contact.email), phone: textOrNull(d.contact.phone) } }),
  schema: (content) => content.pick({ contact: true }),
};

export function ContactSection() {
  const { t } = useTranslation();
  const editor = useSectionEditor(spec);
  return (
    <SectionFrame editor={editor}>
      <div className="field-grid">
        <TextField
          {...editor.bind('contact.email')}
          type="email"
          label={t('profile.labels.contactEmail')}
          autoComplete="email"
          inputMode="email"
        />
        <TextField
          {...editor.bind('contact.phone')}
          type="tel"
          label={t('profile.labels.contactPhone')}
          hint={t('profile.help.phone')}
          autoComplete="tel"
        />
      </div>
    </SectionFrame>
  );
}
