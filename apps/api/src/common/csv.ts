/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP's CSV injection
 * list). Such a cell is exported with a leading quote: the DPO reads what was typed, and Excel or
 * LibreOffice shows it as text instead of computing it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell's text, defused. */
export const csvText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The same rule in SQL, for exports that PostgreSQL writes itself (`COPY … TO STDOUT`). */
export const csvTextSql = (expression: string): string =>
  `CASE WHEN ${expression} ~ '^[-=+@\\t\\r]' THEN '''' || ${expression} ELSE ${expression} END`;

/** One CSV line (RFC 4180): every field quoted, quotes doubled, arrays joined with commas, null empty, formulas defused. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map((value) => `"${csvText(Array.isArray(value) ? value.join(',') : value === null || value === undefined ? '' : String(value)).replace(/"/g, '""')}"`).join(',')}\r\n`;
}
