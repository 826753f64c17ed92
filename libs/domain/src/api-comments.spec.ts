import {
  codePointLength,
  commentAbilities,
  commentBodyProblem,
  commentExcerpt,
  suggestionProblem,
  type CommentFacts,
} from './api-comments.js';
import { LIMITS } from './limits.js';
import { ROLES, type Role } from './roles.js';

describe('commentBodyProblem', () => {
  it.each([
    ['plain text', 'Bitte Quelle ergänzen.'],
    ['HTML, kept as text', '<b>fett</b> <script>alert(1)</script>'],
    ['tabs and newlines', 'Zeile 1\n\tZeile 2'],
    ['emoji and other astral characters', '👍🏽 𝔘𝔫𝔦𝔠𝔬𝔡𝔢'],
    ['exactly the longest body, counted in code points', '😀'.repeat(LIMITS.commentMaxLength)],
    ['one character', 'x'],
  ])('accepts %s', (_what, body) => {
    expect(commentBodyProblem(body)).toBeNull();
  });

  it.each([
    ['an empty body', '', /empty/],
    ['only whitespace', ' \n\t ', /empty/],
    ['one character too many', 'x'.repeat(LIMITS.commentMaxLength + 1), /at most 10000/],
    ['a lone high surrogate', 'a\uD83Db', /Unicode/],
    ['a lone low surrogate', '\uDE00', /Unicode/],
    ['surrogates in the wrong order', '\uDE00\uD83D', /Unicode/],
    ['NUL', 'a\u0000b', /control/],
    ['a carriage return', 'a\r\nb', /control/],
    ['escape', '\u001B[31m', /control/],
  ])('refuses %s', (_what, body, message) => {
    expect(commentBodyProblem(body)).toMatch(message);
  });
});

describe('codePointLength', () => {
  it('counts an astral character once', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect('a😀b'.length).toBe(4);
  });
});

describe('commentExcerpt', () => {
  it('collapses whitespace into one line', () => {
    expect(commentExcerpt('  Bitte\n\n  prüfen\t!  ')).toBe('Bitte prüfen !');
  });

  it('cuts long text with an ellipsis, never inside a surrogate pair', () => {
    const excerpt = commentExcerpt('😀'.repeat(200), 10);
    expect(Array.from(excerpt)).toHaveLength(10);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(commentBodyProblem(excerpt)).toBeNull();
  });
});

describe('commentAbilities', () => {
  const facts = (over: Partial<CommentFacts>): CommentFacts => ({
    isAuthor: false,
    isRoot: true,
    isThreadAuthor: false,
    isAssignee: false,
    suggestsOpenChange: false,
    mayEditText: false,
    ...over,
  });

  // ARCHITECTURE.md, "Who may do what", written out: [role, facts, edit, delete, resolve].
  const TABLE: Array<[Role, Partial<CommentFacts>, boolean, boolean, boolean]> = [
    ['lead', {}, false, true, true],
    ['lead', { isAuthor: true, isThreadAuthor: true }, true, true, true],
    ['author', {}, false, false, false],
    ['author', { isAssignee: true }, false, false, true],
    ['author', { isAuthor: true, isThreadAuthor: true }, true, true, true],
    ['author', { isAuthor: true, isRoot: false }, true, true, false],
    ['reviewer', {}, false, false, false],
    ['reviewer', { isAssignee: true }, false, false, false],
    ['reviewer', { isAuthor: true, isThreadAuthor: true }, true, true, true],
    ['reader', {}, false, false, false],
    ['reader', { isAuthor: true, isThreadAuthor: true, isAssignee: true }, false, false, false],
  ];

  it.each(TABLE)('gives a %s with %j: edit %s, delete %s, resolve %s', (role, over, edit, remove, resolve) => {
    expect(commentAbilities(role, facts(over))).toEqual({ edit, delete: remove, resolve, accept: false });
  });

  it('never lets anyone resolve a reply', () => {
    for (const role of ROLES) {
      const all = facts({ isAuthor: true, isThreadAuthor: true, isAssignee: true, isRoot: false });
      expect(commentAbilities(role, all).resolve).toBe(false);
    }
  });

  it('lets whoever may edit the text now accept an open suggested change, and nobody else', () => {
    for (const role of ROLES) {
      expect(commentAbilities(role, facts({ suggestsOpenChange: true, mayEditText: true })).accept).toBe(true);
      expect(commentAbilities(role, facts({ suggestsOpenChange: true, mayEditText: false })).accept).toBe(false);
      expect(commentAbilities(role, facts({ suggestsOpenChange: false, mayEditText: true })).accept).toBe(false);
      expect(commentAbilities(role, facts({ suggestsOpenChange: true, mayEditText: true, isRoot: false })).accept).toBe(false);
    }
  });
});

describe('suggestionProblem', () => {
  it('takes one line of text, and nothing to delete the passage', () => {
    expect(suggestionProblem('freie Software')).toBeNull();
    expect(suggestionProblem('')).toBeNull();
    expect(suggestionProblem('😀'.repeat(LIMITS.suggestionMaxLength))).toBeNull();
  });

  it('refuses line breaks, tabs, other control characters, direction overrides, only spaces, lone surrogates and too much text', () => {
    const refused = ['zwei\nZeilen', 'mit\tTab', 'NUL\u0000', 'DEL\u007f', 'halb\ud800', 'Zeile\u2028Trenner', 'rechts\u202Elinks', '   '];
    for (const text of [...refused, 'x'.repeat(LIMITS.suggestionMaxLength + 1)]) {
      expect(suggestionProblem(text)).not.toBeNull();
    }
  });
});
