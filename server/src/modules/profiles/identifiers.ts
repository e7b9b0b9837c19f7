/**
 * ORCID iD and DOI checks. Pure functions: the zod contracts (and so web/) use them.
 */

const ORCID_PREFIX = /^(?:https?:\/\/)?(?:www\.)?orcid\.org\//i;

/** Strips a pasted https://orcid.org/ prefix and upper-cases the check character. */
export function normaliseOrcid(value: string): string {
  return value.trim().replace(ORCID_PREFIX, '').toUpperCase();
}

/** ISO 7064 MOD 11-2 over the 15 digits; 10 is written as X. */
export function orcidCheckDigit(baseDigits: string): string {
  let total = 0;
  for (const ch of baseDigits) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

export function isValidOrcid(value: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return false;
  const digits = value.replace(/-/g, '');
  return orcidCheckDigit(digits.slice(0, 15)) === digits[15];
}

const DOI_PREFIX = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/|^doi:\s*/i;

export function normaliseDoi(value: string): string {
  return value.trim().replace(DOI_PREFIX, '');
}

/** Crossref's recommended pattern for modern DOIs: 10.<registrant>/<suffix without spaces>. */
export function isValidDoi(value: string): boolean {
  return /^10\.\d{4,9}\/[^\s]+$/.test(value) && value.length <= 255;
}
