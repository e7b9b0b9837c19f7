import { isLanguage, type Language } from '../i18n/i18n';
import { useTranslation } from '../i18n/use-translation';

/** The current UI language, narrowed to the ones we ship. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}
