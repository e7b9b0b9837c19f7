/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export const defuseCsvCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
