/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces, so
 * "khoa hoc may tinh" finds "Khoa học máy tính". Mirrors the server's foldVietnamese
 * (server/src/modules/shared/text.ts), which the contracts entry does not re-export.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
