import { parseSources } from './source-import.js';
import { entriesOf, randomText, CONTROL } from './source-import.test-support.js';

describe('parseSources on broken and hostile input', () => {
  const controls = '\uD800@misc{k, title = {\uDC00\u0000\u0085\u200B}}';
  const hostile = [
    '@article{',
    '@article{key, title = {unbalanced',
    '@article{key, title = "unbalanced',
    '@article{key, title = {x}}}}}} @book{b, title = {y}}',
    '@string{a = a # a # b} @misc{k, title = a}',
    `@string{a = "xx"} ${'@string{a = a # a # a} '.repeat(40)} ${'@misc{k, title = a} '.repeat(1000)}`,
    '@misc{k, = , ==, {}, title}',
    `@article{k, title = {${'{'.repeat(100_000)}`,
    `@article{k, author = {${'{'.repeat(100_000)}${'}'.repeat(100_000)}}}`,
    '{{{{'.repeat(25_000),
    'TY  - \nER  - \nER  - \nTY',
    'TY  - JOUR\nUR  - https://\nY2  - 9999/99/99\nDO  -  ',
    '@misc{k, title = {\\"{}\\c\\v{} \\',
    controls,
  ];

  it('never throws, whatever the text', () => {
    for (const text of hostile) {
      expect(() => parseSources(text)).not.toThrow();
    }
    const alphabet = '@{}()"#=,\\ \n\r\tabcand-~$\'`TY  - ER';
    for (let seed = 1; seed <= 200; seed += 1) {
      expect(() => parseSources(randomText(seed, 500))).not.toThrow();
      expect(() => parseSources(`@article{${randomText(seed, 500, alphabet)}`)).not.toThrow();
      expect(() => parseSources(`TY  - JOUR\n${randomText(seed, 500, alphabet)}`)).not.toThrow();
    }
  });

  it("still yields the entry of an unterminated @article{, cut off, with title '' and no control characters or lone surrogates in any field", () => {
    expect(entriesOf('@article{')).toEqual([
      {
        position: 1,
        name: '',
        source: { authors: '', title: '', year: '', publication: '', url: '', accessed: '' },
        cutOff: true,
      },
    ]);
    const [entry] = entriesOf(controls);
    expect(entry?.source.title).not.toMatch(CONTROL);
    expect(entry?.source.title).not.toMatch(/[\uD800-\uDFFF]/);
  });

  it('reads 100 000 nested braces without running out of stack', () => {
    const deep = `@misc{deep, title = {${'{'.repeat(100_000)}Tief${'}'.repeat(100_000)}}, year = 2020}`;
    expect(entriesOf(deep)[0]?.source).toMatchObject({ title: 'Tief', year: '2020' });
  });

  it('finishes on a megabyte of random text and of repeated entry starts, values and tags', () => {
    const megabyte = 1 << 20;
    const inputs = [
      randomText(7, megabyte),
      `@article{${randomText(8, megabyte, '@{}()"#=,\\ \nabcand-~')}`,
      '@article{'.repeat(megabyte / 9),
      `@misc{k, author = {${'Given Name and '.repeat(megabyte / 15)}}}`,
      `@misc{k, title = {${'\\"{ '.repeat(megabyte / 4)}}}`,
      `@misc{k, title = {a${' '.repeat(megabyte)}b}}`,
      `TY  - JOUR\n${'AU  - Müller, Anna\n'.repeat(megabyte / 19)}`,
      'TY  - JOUR\n'.repeat(megabyte / 11),
      `${' '.repeat(megabyte)}@${' '.repeat(megabyte)}`,
    ];
    for (const text of inputs) {
      expect(() => parseSources(text)).not.toThrow();
    }
  });
});
