/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces.
 * "Nguyễn  Văn Hải" → "nguyen van hai". Pure: usable on both sides.
 */
export function foldVietnamese(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Common Vietnamese family names (folded), enough to recognise surname-first order. */
const VIETNAMESE_SURNAMES = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dao dinh luong trinh mai to cao vuong luu doan la chu ta thai kieu quach ha lam tang khuc ton that trieu'.split(
    ' ',
  ),
);

/**
 * One author's display name from BibTeX's last/first parts. Vietnamese names read surname
 * first ("Phạm, Thị Thu Hương" → "Phạm Thị Thu Hương"; "Nguyễn Văn Hải" stays as written);
 * other names read first then last ("Smith, John" → "John Smith").
 */
export function displayAuthorName(lastName: string, firstName: string): string {
  const firstWord = (s: string) => foldVietnamese(s).split(' ')[0] ?? '';
  const surnameFirst = VIETNAMESE_SURNAMES.has(firstWord(lastName)) && !VIETNAMESE_SURNAMES.has(firstWord(firstName));
  return (surnameFirst ? [lastName, firstName] : [firstName, lastName]).filter(Boolean).join(' ');
}
