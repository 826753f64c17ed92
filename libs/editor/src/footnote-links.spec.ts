import { footnoteParts, type FootnotePart } from './footnote-links.js';

/** The addresses found in `text`, each as written and as its target. */
function linksIn(text: string): Array<[string, string]> {
  return footnoteParts(text).flatMap((part) => (part.kind === 'link' ? [[part.text, part.href] as [string, string]] : []));
}

/** The text as written next to the addresses (each address replaced by "<…>"). */
function around(text: string): string {
  return footnoteParts(text)
    .map((part) => (part.kind === 'link' ? '<…>' : part.text))
    .join('');
}

describe('footnoteParts', () => {
  it('finds the address of a typical citation and leaves the words around it as they are', () => {
    const note =
      'Vgl. BSI (2024): IT-Grundschutz-Kompendium, https://www.bsi.bund.de/DE/Themen/Unternehmen-und-Organisationen/Standards-und-Zertifizierung/IT-Grundschutz/IT-Grundschutz-Kompendium/it-grundschutz-kompendium_node.html, abgerufen am 3.5.2025.';
    expect(footnoteParts(note)).toEqual<FootnotePart[]>([
      { kind: 'text', text: 'Vgl. BSI (2024): IT-Grundschutz-Kompendium, ' },
      {
        kind: 'link',
        text: 'https://www.bsi.bund.de/DE/Themen/Unternehmen-und-Organisationen/Standards-und-Zertifizierung/IT-Grundschutz/IT-Grundschutz-Kompendium/it-grundschutz-kompendium_node.html',
        href: 'https://www.bsi.bund.de/DE/Themen/Unternehmen-und-Organisationen/Standards-und-Zertifizierung/IT-Grundschutz/IT-Grundschutz-Kompendium/it-grundschutz-kompendium_node.html',
      },
      { kind: 'text', text: ', abgerufen am 3.5.2025.' },
    ]);
  });

  it('gives back the whole text when its parts are joined, for every kind of note', () => {
    const notes = [
      'KGSt-Bericht 3/2024, S. 12.',
      'Siehe https://www.kgst.de/dokumente. Dort auch www.kgst.de/themen.',
      '(vgl. https://de.wikipedia.org/wiki/Gemeinde_(Deutschland)), S. 4',
      '„https://www.destatis.de/“ – Statistisches Bundesamt',
      'mailto:poststelle@stmi.bayern.de, javascript:alert(1), ftp://example.org',
      '',
    ];
    for (const note of notes) {
      expect(footnoteParts(note).map((part) => part.text).join('')).toBe(note);
    }
    expect(footnoteParts('')).toEqual([]);
  });

  it('leaves a note without an address as one piece of text', () => {
    expect(footnoteParts('Beschluss des Kreistags vom 4. März 2025, Drs. 17/0815.')).toEqual([
      { kind: 'text', text: 'Beschluss des Kreistags vom 4. März 2025, Drs. 17/0815.' },
    ]);
  });

  it('leaves out the final period and comma of the sentence', () => {
    expect(linksIn('Abrufbar unter https://www.bmi.bund.de/DE/themen/moderne-verwaltung/moderne-verwaltung-node.html.')).toEqual([
      [
        'https://www.bmi.bund.de/DE/themen/moderne-verwaltung/moderne-verwaltung-node.html',
        'https://www.bmi.bund.de/DE/themen/moderne-verwaltung/moderne-verwaltung-node.html',
      ],
    ]);
    expect(around('Siehe https://www.dstgb.de, https://www.landkreistag.de; sowie https://www.staedtetag.de!')).toBe(
      'Siehe <…>, <…>; sowie <…>!',
    );
    expect(around('Quelle: https://www.kgst.de/dokumente?id=42…')).toBe('Quelle: <…>…');
  });

  it('keeps periods, commas and semicolons inside the address', () => {
    expect(linksIn('https://www.gesetze-im-internet.de/ozg/__1.html;jsessionid=AB12,CD34 (OZG)')).toEqual([
      ['https://www.gesetze-im-internet.de/ozg/__1.html;jsessionid=AB12,CD34', 'https://www.gesetze-im-internet.de/ozg/__1.html;jsessionid=AB12,CD34'],
    ]);
  });

  it('leaves out a closing parenthesis opened before the address, and keeps one opened inside it', () => {
    expect(around('(abrufbar unter https://www.it-planungsrat.de/beschluesse)')).toBe('(abrufbar unter <…>)');
    expect(linksIn('Vgl. Wikipedia (https://de.wikipedia.org/wiki/Gemeinde_(Deutschland)).')).toEqual([
      ['https://de.wikipedia.org/wiki/Gemeinde_(Deutschland)', 'https://de.wikipedia.org/wiki/Gemeinde_(Deutschland)'],
    ]);
    expect(around('[Online: https://www.bund.de/suche?q=cloud], Stand 2025')).toBe('[Online: <…>], Stand 2025');
  });

  it('ends the address at German and other quotation marks', () => {
    expect(around('So die „Digitalstrategie“ (online: „https://digitalstrategie-deutschland.de/“).')).toBe(
      'So die „Digitalstrategie“ (online: „<…>“).',
    );
    expect(around('»www.kgst.de«, «https://www.kgst.de/a» und "https://example.org/b".')).toBe('»<…>«, «<…>» und "<…>".');
    expect(linksIn('„https://www.destatis.de/DE/Home/_inhalt.html“')[0]?.[0]).toBe('https://www.destatis.de/DE/Home/_inhalt.html');
  });

  it('keeps umlauts and ß in the path and leads to their percent-encoded form', () => {
    expect(linksIn('Stadt Köln: https://www.stadt-koeln.de/politik-und-verwaltung/bürgerbeteiligung/straßen.html, 2024')).toEqual([
      [
        'https://www.stadt-koeln.de/politik-und-verwaltung/bürgerbeteiligung/straßen.html',
        'https://www.stadt-koeln.de/politik-und-verwaltung/b%C3%BCrgerbeteiligung/stra%C3%9Fen.html',
      ],
    ]);
  });

  it('writes a host with umlauts in its ASCII form in the target', () => {
    expect(linksIn('Portal: https://www.bürgerservice-münchen.de/start')).toEqual([
      ['https://www.bürgerservice-münchen.de/start', 'https://www.xn--brgerservice-mnchen-59bn.de/start'],
    ]);
  });

  it('turns an address beginning with www. into an https link', () => {
    expect(linksIn('Weitere Informationen: www.kgst.de/themen/digitalisierung.')).toEqual([
      ['www.kgst.de/themen/digitalisierung', 'https://www.kgst.de/themen/digitalisierung'],
    ]);
    expect(linksIn('WWW.BSI.BUND.DE')).toEqual([['WWW.BSI.BUND.DE', 'https://www.bsi.bund.de/']]);
  });

  it('keeps query, fragment and port of an address', () => {
    expect(linksIn('https://www.bundesanzeiger.de/pub/de/suchergebnis?words=Gemeinde&start=20#treffer-3 und http://intranet.kreis-xy.de:8080/wiki')).toEqual([
      [
        'https://www.bundesanzeiger.de/pub/de/suchergebnis?words=Gemeinde&start=20#treffer-3',
        'https://www.bundesanzeiger.de/pub/de/suchergebnis?words=Gemeinde&start=20#treffer-3',
      ],
      ['http://intranet.kreis-xy.de:8080/wiki', 'http://intranet.kreis-xy.de:8080/wiki'],
    ]);
  });

  it('finds several addresses in one note, also right after a colon or a bracket', () => {
    expect(around('Quellen:https://a.example.de/1 und (www.b-example.de) sowie [https://c.example.de/x].')).toBe(
      'Quellen:<…> und (<…>) sowie [<…>].',
    );
  });

  it('links an explicit mailto: address, but guesses no bare e-mail address', () => {
    expect(linksIn('Rückfragen: mailto:poststelle@kgst.de.')).toEqual([['mailto:poststelle@kgst.de', 'mailto:poststelle@kgst.de']]);
    expect(linksIn('Rückfragen an poststelle@kgst.de oder info@www.kgst.de')).toEqual([]);
    // Headers or a body riding along with the address stay text.
    expect(linksIn('mailto:poststelle@kgst.de?subject=Hallo&body=x')).toEqual([]);
  });

  it('turns no other scheme into a link', () => {
    expect(linksIn('javascript:alert(1) data:text/html,<b>x</b> file:///etc/passwd ftp://ftp.example.org/a vbscript:msgbox')).toEqual([]);
    expect(linksIn('JavaScript://www.example.org/%0Aalert(1)')).toEqual([]);
  });

  it('does not start an address inside a word or another address', () => {
    expect(linksIn('xhttps://example.org und dienst-www.example.org und ftp://www.example.org/a')).toEqual([]);
    expect(linksIn('Bericht_www.example.org und 2024www.example.org')).toEqual([]);
  });

  it('takes nothing for an address that is only its beginning', () => {
    expect(linksIn('Der Präfix https:// allein, http://. und www. oder www.de sind keine Adressen.')).toEqual([]);
    expect(around('https:// allein')).toBe('https:// allein');
  });

  it('ends an address at a line break, a tab and invisible characters', () => {
    expect(around('https://a.example.de/x\nweiter')).toBe('<…>\nweiter');
    expect(around('https://a.example.de/x\u200Bweiter')).toBe('<…>\u200Bweiter');
    expect(around('https://a.example.de/x\u00A0weiter')).toBe('<…>\u00A0weiter');
  });

  it('finds addresses in a note of the longest length', () => {
    const note = `${'Vgl. https://www.example.org/a/b, '.repeat(55)}Ende.`;
    expect(linksIn(note)).toHaveLength(55);
  });
});
