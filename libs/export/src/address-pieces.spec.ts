import { addressPieces } from './address-pieces.js';

describe('addressPieces', () => {
  it('cuts an address after its scheme and before its marks, and the pieces joined are the address', () => {
    const address = 'https://www.bmi.bund.de/SharedDocs/downloads/DE/publikationen/onlinezugangsgesetz-2023.pdf?__blob=publicationFile&v=7';
    const pieces = addressPieces(address);
    expect(pieces).toEqual([
      'https://', 'www', '.bmi', '.bund', '.de', '/SharedDocs', '/downloads', '/DE', '/publikationen',
      '/onlinezugangsgesetz-2023', '.pdf', '?__blob', '=publicationFile', '&v', '=7',
    ]);
    expect(pieces.join('')).toBe(address);
  });

  it('keeps marks that follow each other together, and the colon of a scheme with its slashes', () => {
    expect(addressPieces('https://example.org//a__b/')).toEqual(['https://', 'example', '.org', '//a', '__b', '/']);
    expect(addressPieces('mailto:poststelle@kgst.de')).toEqual(['mailto:poststelle', '@kgst', '.de']);
  });

  it('cuts a stretch without a mark every 24 characters, a hyphen beginning a new stretch', () => {
    const stretch = 'straßenbenennungsverfahrensordnungsdokumentation';
    expect(addressPieces(`https://köln.de/${stretch}`)).toEqual(['https://', 'köln', '.de', `/${stretch.slice(0, 23)}`, stretch.slice(23, 47), stretch.slice(47)]);
    expect(addressPieces('https://a.de/bürgerbeteiligung-leitlinien-straßenbenennung')).toEqual(['https://', 'a', '.de', '/bürgerbeteiligung-leitlinien-straßenbenennung']);
  });
});
