/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces, so
 * "khoa hoc may tinh" finds "Khoa học máy tính". The server's own function, from the contracts.
 */
export { foldVietnamese as foldText } from '@hpen/server/contracts';
