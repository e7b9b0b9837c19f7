import { translator, type TFunction } from '../../../i18n/translator';

/** "education.0.year" → "Đào tạo · Mục 1 · Năm", for errors that have no input of their own. */
export function describePath(path: string, t: TFunction): string {
  return path
    .split('.')
    .map((segment) => {
      if (/^\d+$/.test(segment)) return t('profile.itemN', { n: Number(segment) + 1 });
      const key = `profile.labels.${segment}`;
      return translator.exists(key) ? (t(key as never) as string) : segment;
    })
    .join(' · ');
}
