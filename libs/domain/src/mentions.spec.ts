import fc from 'fast-check';
import { addedMentions, findMentions, type Mentionable } from './mentions.js';

const anna: Mentionable = { userId: 'u-anna', name: 'Anna' };
const annaSchmidt: Mentionable = { userId: 'u-anna-schmidt', name: 'Anna Schmidt' };
const jorg: Mentionable = { userId: 'u-jorg', name: 'Jörg Müller' };
const members = [anna, annaSchmidt, jorg];

describe('findMentions', () => {
  it.each([
    ['@Anna bitte prüfen', ['u-anna']],
    ['Danke @Anna Schmidt!', ['u-anna-schmidt']],
    ['@anna schmidt und @JÖRG MÜLLER', ['u-anna-schmidt', 'u-jorg']],
    ['(@Anna), @Jörg Müller: ok', ['u-anna', 'u-jorg']],
    ['@Anna und nochmal @Anna', ['u-anna']],
    ['@Anna Schmidtke', ['u-anna']],
    ['Zeile\n@Jörg Müller\tweiter', ['u-jorg']],
  ])('finds the members %j mentions', (body, expected) => {
    expect(findMentions(body, members)).toEqual(expected);
  });

  it.each([
    ['a name without @', 'Anna bitte prüfen'],
    ['a name that continues as a longer word', '@Annalena'],
    ['an e-mail address', 'schreib an anna@example.org oder x@Anna'],
    ['a lone @', 'Preis @ 5 Euro @'],
    ['a name that is not a member', '@Bernd Beispiel'],
  ])('mentions nobody for %s', (_what, body) => {
    expect(findMentions(body, members)).toEqual([]);
  });

  it('prefers the longest name that matches', () => {
    expect(findMentions('@Anna Schmidt', [anna, annaSchmidt])).toEqual(['u-anna-schmidt']);
    expect(findMentions('@Anna Schmidt', [annaSchmidt, anna])).toEqual(['u-anna-schmidt']);
  });

  it('mentions every member who carries the same name', () => {
    const twin = { userId: 'u-anna-2', name: 'anna' };
    expect(findMentions('@Anna', [anna, twin])).toEqual(['u-anna', 'u-anna-2']);
  });

  it('ignores members without a name and works next to characters outside the BMP', () => {
    expect(findMentions('😀@Anna😀', [{ userId: 'x', name: '  ' }, anna])).toEqual(['u-anna']);
  });

  it('finds a member written anywhere in arbitrary text, and nobody who is not listed', () => {
    const name = fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{2,8}( [A-Za-zÄÖÜäöüß]{2,8})?$/);
    const filler = fc.string({ maxLength: 20 }).map((text) => text.replace(/[@\p{L}\p{M}\p{N}_]/gu, ' '));
    fc.assert(
      fc.property(name, name, filler, filler, (member, outsider, before, after) => {
        fc.pre(!outsider.toLowerCase().startsWith(member.toLowerCase()));
        fc.pre(!member.toLowerCase().startsWith(outsider.toLowerCase()));
        const list = [{ userId: 'member', name: member }];
        expect(findMentions(`${before}@${member}${after}`, list)).toEqual(['member']);
        expect(findMentions(`${before}@${outsider}${after}`, list)).toEqual([]);
      }),
    );
  });
});

describe('addedMentions', () => {
  it('names those an edit mentions newly', () => {
    expect(addedMentions(['a', 'b'], ['b', 'c', 'a', 'd'])).toEqual(['c', 'd']);
    expect(addedMentions(['a'], [])).toEqual([]);
  });
});
