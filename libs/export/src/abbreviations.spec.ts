import { reportModel } from './report-model.test-support.js';
import { buildRenderData } from './render-data.js';

const abbreviationsOf = (abbreviations: unknown, language: 'de' | 'en' = 'de') =>
  buildRenderData(reportModel([], { language, abbreviations: abbreviations as never })).data;

describe('the list of abbreviations in the render data', () => {
  it("hands the entries over in the model's order, as text pieces with smart quotes split out", () => {
    const data = abbreviationsOf([
      { short: 'OZG', long: 'Onlinezugangsgesetz' },
      { short: 'z. B.', long: 'zum Beispiel' },
      { short: 'BSI', long: 'Bundesamt für Sicherheit in der Informationstechnik ("BSI")' },
    ]);
    expect(data.abbreviations).toEqual([
      { s: ['OZG'], l: ['Onlinezugangsgesetz'] },
      { s: ['z. B.'], l: ['zum Beispiel'] },
      { s: ['BSI'], l: ['Bundesamt für Sicherheit in der Informationstechnik (', true, 'BSI', true, ')'] },
    ]);
    expect(data.labels.abbreviations).toBe('Abkürzungsverzeichnis');
  });

  it('passes Typst markup through as plain strings, never as markup', () => {
    const data = abbreviationsOf([
      { short: '#set', long: '*fett* $x$ <l> @ref #include("/etc/passwd") \\ ]' },
    ]);
    expect(data.abbreviations).toEqual([
      { s: ['#set'], l: ['*fett* $x$ <l> @ref #include(', true, '/etc/passwd', true, ') \\ ]'] },
    ]);
  });

  it('cleans control characters and line breaks, trims, and leaves out an entry without an abbreviation', () => {
    const data = abbreviationsOf([
      { short: '  KRI\u0007TIS\n', long: 'Kritische\tInfrastrukturen ' },
      { short: ' \u200B ', long: 'nichts abgekürzt' },
      { short: 'EU', long: '' },
    ]);
    expect(data.abbreviations).toEqual([
      { s: ['KRITIS'], l: ['Kritische Infrastrukturen'] },
      { s: ['EU'], l: [] },
    ]);
  });

  it('is empty (no list, no heading) without abbreviations, and names the list in English for an English report', () => {
    expect(abbreviationsOf(undefined).abbreviations).toEqual([]);
    expect(abbreviationsOf([]).abbreviations).toEqual([]);
    expect(abbreviationsOf([{ short: 'EU', long: 'European Union' }], 'en')).toMatchObject({
      abbreviations: [{ s: ['EU'], l: ['European Union'] }],
      labels: { abbreviations: 'Abbreviations' },
    });
  });
});
