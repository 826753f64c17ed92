import { pastedHeadings } from './pasted-headings.js';

describe('pastedHeadings()', () => {
  it('makes Word’s Überschrift 1 the highest heading of a text, and keeps h2 to h4', () => {
    expect(pastedHeadings('<h1 class=MsoTitle>Ziele</h1><H2>a</H2><h3>b</h3><h4>c</h4>')).toBe(
      '<h2 class=MsoTitle>Ziele</h2><H2>a</H2><h3>b</h3><h4>c</h4>',
    );
  });

  it('brings levels below the lowest up to it, and touches no text', () => {
    expect(pastedHeadings('<h5>x</h5><h6/>Tag &lt;h1&gt; bleibt, <hr> und <header> auch')).toBe(
      '<h4>x</h4><h4/>Tag &lt;h1&gt; bleibt, <hr> und <header> auch',
    );
  });
});
