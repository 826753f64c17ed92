import { describe, expect, it } from '@jest/globals';
import { deEndings } from './de-endings';
import { DICTIONARIES } from './dictionaries';
import { enEndings } from './en-endings';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1] ?? '')
    .sort()
    .join();

describe('the messages of an ended editing connection (registered in dictionaries.ts)', () => {
  it('reach both languages’ dictionaries', () => {
    for (const key of Object.keys(deEndings) as (keyof typeof deEndings)[]) {
      expect([DICTIONARIES.de[key], DICTIONARIES.en[key]]).toEqual([deEndings[key], enEndings[key]]);
    }
  });

  it('use the same placeholders in German and English', () => {
    const mismatched = (Object.keys(deEndings) as (keyof typeof deEndings)[]).filter(
      (key) => placeholders(deEndings[key]) !== placeholders(enEndings[key]),
    );
    expect(mismatched).toEqual([]);
  });
});
