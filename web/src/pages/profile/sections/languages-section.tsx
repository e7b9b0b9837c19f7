import { referenceData } from '@hpen/server/contracts';
import { SelectField } from '../../../forms/fields';
import { useTranslation } from '../../../i18n/use-translation';
import { languageName, languageOptions } from '../../../lib/reference-labels';
import { useLanguage } from '../../../lib/use-language';
import { ItemsEditor } from '../editor/items-editor';
import { SectionFrame } from '../editor/section-frame';
import { useSectionEditor, type SectionSpec } from '../editor/use-section-editor';

type LanguageItem = { code: string; level: string };
type LanguagesDraft = { languages: LanguageItem[] };

const spec: SectionSpec<LanguagesDraft> = {
  section: 'languages',
  toDraft: (p) => ({ languages: p.languages.map((l) => ({ ...l })) }),
  toInput: (d) => ({ languages: d.languages }),
  schema: (content) => content.pick({ languages: true }),
};

export function LanguagesSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useSectionEditor(spec);
  const options = languageOptions(language);
  return (
    <SectionFrame editor={editor}>
      <ItemsEditor<LanguageItem>
        editor={editor}
        path="languages"
        max={20}
        newItem={() => ({ code: '', level: '' })}
        addLabel={t('profile.labels.language')}
        itemTitle={(item, i) =>
          [t('profile.itemN', { n: i + 1 }), item.code ? languageName(item.code, language) : ''].filter(Boolean).join(' — ')
        }
        renderItem={(prefix) => (
          <div className="field-grid">
            <SelectField
              {...editor.bind(`${prefix}.code`)}
              label={t('profile.labels.language')}
              placeholder={t('profile.choose')}
              options={options}
              required
            />
            <SelectField
              {...editor.bind(`${prefix}.level`)}
              label={t('profile.labels.level')}
              placeholder={t('profile.choose')}
              options={referenceData.cefrLevels.map((level) => ({ value: level, label: t(`profileValues.cefr.${level}`) }))}
              required
            />
          </div>
        )}
      />
    </SectionFrame>
  );
}
