/** One CSV line (RFC 4180): every field quoted, quotes doubled, arrays joined with commas, null empty. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map((value) => `"${(Array.isArray(value) ? value.join(',') : value === null || value === undefined ? '' : String(value)).replace(/"/g, '""')}"`).join(',')}\r\n`;
}
