import { csvLine, csvText } from './csv';

describe('CSV cells', () => {
  it.each(['=1+1', '+33 6 12', '-2-3', '@SUM(A1)', '\t=1', '\r=1'])('defuses %j, which a spreadsheet would compute', (text) => {
    expect(csvText(text)).toBe(`'${text}`);
  });

  it.each(['Vérifier le message', 'a=b', '', '42', "'déjà cité"])('keeps %j as it is', (text) => {
    expect(csvText(text)).toBe(text);
  });

  it('quotes every field, doubles quotes, and defuses what would run', () => {
    expect(csvLine(['=HYPERLINK("x")', null, ['a', 'b'], 3])).toBe(`"'=HYPERLINK(""x"")","","a,b","3"\r\n`);
  });
});
