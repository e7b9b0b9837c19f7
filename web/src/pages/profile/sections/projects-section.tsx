import type { OwnProfile } from '@hpen/server/contracts';
import { SelectField, TextField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { yearText, yearValue } from '../editor/draft-paths';
import { ItemsEditor } from '../editor/items-editor';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type Project = OwnProfile['projects'][number];
type ProjectItem = Omit<Project, 'from' | 'to'> & { from: string; to: string };
type ProjectsDraft = { projects: ProjectItem[] };

const levels = ['national', 'ministry', 'city', 'institutional', 'international', 'other'] as const;

const spec: SectionSpec<ProjectsDraft> = {
  section: 'projects',
  toDraft: (p) => ({ projects: p.projects.map((e) => ({ ...e, from: yearText(e.from), to: yearText(e.to) })) }),
  toInput: (d) => ({ projects: d.projects.map((e) => ({ ...e, from: yearValue(e.from, undefined), to: yearValue(e.to, null) })) }),
  schema: (content) => content.pick({ projects: true }),
};

export function ProjectsSection() {
  const { t } = useTranslation();
  const editor = useSectionEditor(spec);
  return (
    <SectionFrame editor={editor}>
      <ItemsEditor<ProjectItem>
        editor={editor}
        path="projects"
        max={200}
        newItem={() => ({ title: '', role: '', funder: '', level: 'other', from: '', to: '' })}
        addLabel={t('profile.sections.projects')}
        itemTitle={(item, i) => [t('profile.itemN', { n: i + 1 }), item.title].filter(Boolean).join(' — ')}
        renderItem={(prefix) => (
          <div className="field-grid">
            <TextField {...editor.bind(`${prefix}.title`)} label={t('profile.labels.title')} required className="span-all" />
            <TextField {...editor.bind(`${prefix}.role`)} label={t('profile.labels.role')} />
            <TextField {...editor.bind(`${prefix}.funder`)} label={t('profile.labels.funder')} />
            <SelectField
              {...editor.bind(`${prefix}.level`)}
              label={t('profile.labels.projectLevel')}
              options={levels.map((level) => ({ value: level, label: t(`profileValues.projectLevel.${level}`) }))}
            />
            <TextField {...editor.bind(`${prefix}.from`)} label={t('profile.labels.from')} inputMode="numeric" maxLength={4} required />
            <TextField {...editor.bind(`${prefix}.to`)} label={t('profile.labels.to')} inputMode="numeric" maxLength={4} />
          </div>
        )}
      />
    </SectionFrame>
  );
}
