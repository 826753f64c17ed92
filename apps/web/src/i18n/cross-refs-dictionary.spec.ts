import { describe, expect, it } from '@jest/globals';
import { deCrossRefs } from './de-cross-refs';
import { DICTIONARIES } from './dictionaries';
import { enCrossRefs } from './en-cross-refs';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1] ?? '')
    .sort()
    .join();

const keys = Object.keys(deCrossRefs) as (keyof typeof deCrossRefs)[];

describe('the cross-references’ messages (registered in dictionaries.ts)', () => {
  it('reach both languages’ dictionaries', () => {
    for (const key of keys) {
      expect([DICTIONARIES.de[key], DICTIONARIES.en[key]]).toEqual([deCrossRefs[key], enCrossRefs[key]]);
    }
  });

  it('use the same placeholders in German and English', () => {
    expect(keys.filter((key) => placeholders(deCrossRefs[key]) !== placeholders(enCrossRefs[key]))).toEqual([]);
  });
});
