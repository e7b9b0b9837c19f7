import { changeLanguage, isLanguage, languages } from '../i18n/i18n';
import { useTranslation } from '../i18n/use-translation';
import { useLanguage } from '../lib/use-language';

/** Each option is labelled in its own language so people can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="language-switch">
      <label htmlFor="language-select" className="visually-hidden">
        {t('nav.language')}
      </label>
      <select
        id="language-select"
        name="language"
        value={language}
        onChange={(event) => void (isLanguage(event.target.value) && changeLanguage(event.target.value))}
      >
        {languages.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
