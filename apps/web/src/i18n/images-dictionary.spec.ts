import { describe, expect, it } from '@jest/globals';
import { deImages } from './de-images';
import { DICTIONARIES } from './dictionaries';
import { enImages } from './en-images';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1] ?? '')
    .sort()
    .join();

describe('the image messages (registered in dictionaries.ts, beside de.ts and en.ts)', () => {
  it('reach both languages’ dictionaries', () => {
    for (const key of Object.keys(deImages) as (keyof typeof deImages)[]) {
      expect([DICTIONARIES.de[key], DICTIONARIES.en[key]]).toEqual([deImages[key], enImages[key]]);
    }
  });

  it('use the same placeholders in German and English', () => {
    const mismatched = (Object.keys(deImages) as (keyof typeof deImages)[]).filter(
      (key) => placeholders(deImages[key]) !== placeholders(enImages[key]),
    );
    expect(mismatched).toEqual([]);
  });
});
