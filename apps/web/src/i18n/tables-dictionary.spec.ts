import { describe, expect, it } from '@jest/globals';
import { deTables } from './de-tables';
import { DICTIONARIES } from './dictionaries';
import { enTables } from './en-tables';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1] ?? '')
    .sort()
    .join();

describe('the table tools’ messages (registered in dictionaries.ts)', () => {
  it('reach both languages’ dictionaries', () => {
    for (const key of Object.keys(deTables) as (keyof typeof deTables)[]) {
      expect([DICTIONARIES.de[key], DICTIONARIES.en[key]]).toEqual([deTables[key], enTables[key]]);
    }
  });

  it('use the same placeholders in German and English, and name the PDF’s words of each language', () => {
    const mismatched = (Object.keys(deTables) as (keyof typeof deTables)[]).filter(
      (key) => placeholders(deTables[key]) !== placeholders(enTables[key]),
    );
    expect(mismatched).toEqual([]);
    expect(deTables['tables.dialog.hint']).toContain('„Tabelle N: …“');
    expect(enTables['tables.dialog.hint']).toContain('“Table N: …”');
  });
});
