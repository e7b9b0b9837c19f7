import { useMemo, useSyncExternalStore } from 'react';
import { fixedT, translator } from './translator';

const currentLanguage = () => translator.language;

/**
 * `const { t } = useTranslation()`: a `t` in the language the component renders in; the component
 * renders again when the language changes (as react-i18next's hook of the same name did).
 */
export function useTranslation() {
  const language = useSyncExternalStore(translator.onLanguageChanged, currentLanguage);
  return useMemo(() => ({ t: fixedT(language), i18n: { language } }), [language]);
}
