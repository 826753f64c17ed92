import { describe, expect, it } from '@jest/globals';
import { readRtfPictures, RTF_LIMITS, type RtfPicture } from './rtf-pictures';

// The start of a PNG and of a JPEG: what the pictures' bytes are checked against.
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46];
const WMF = [0xd7, 0xcd, 0xc6, 0x9a, 0x00, 0x00];

const hex = (bytes: number[]): string => bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** Hex wrapped as Word writes it: lines of 128 digits, CRLF between. */
const wrapped = (bytes: number[], width = 128): string =>
  (hex(bytes).match(new RegExp(`.{1,${String(width)}}`, 'g')) ?? []).join('\r\n');

const document = (body: string): string =>
  `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}{\\*\\generator Microsoft Word 16.0;}\\pard\\plain ${body}\\par}`;

/** An inline picture as Word writes it: the picture for current readers, a metafile for older ones. */
const wordPicture = (blip: string, bytes: number[], goal: [number, number] = [1500, 750]): string =>
  `{\\*\\shppict{\\pict{\\*\\picprop\\shplid1025{\\sp{\\sn shapeType}{\\sv 75}}{\\sp{\\sn fFlipH}{\\sv 0}}}` +
  `\\picscalex100\\picscaley100\\piccropl0\\piccropr0\\piccropt0\\piccropb0\\picw2646\\pich1323` +
  `\\picwgoal${String(goal[0])}\\pichgoal${String(goal[1])}\\${blip}\\bliptag-1286418521{\\*\\blipuid b353f1a7c1e0a2f3e6d4c1b2a3f4e5d6}` +
  `${wrapped(bytes)}}}{\\nonshppict{\\pict\\picscalex100\\picscaley100\\picw2646\\pich1323\\picwgoal1500\\pichgoal750\\wmetafile8\\bliptag-1286418521 ${hex(WMF)}}}`;

const summary = (picture: RtfPicture) => ({
  format: picture.format,
  bytes: picture.bytes === null ? null : [...picture.bytes],
  width: picture.width,
  height: picture.height,
});

describe('readRtfPictures()', () => {
  it('finds the PNG and JPEG pictures of Word’s RTF in document order, with their bytes and the size they are shown at', () => {
    const rtf = document(
      `Vorher {\\b fett} ${wordPicture('pngblip', PNG, [3000, 1500])} Mitte ${wordPicture('jpegblip', JPEG)} Nachher`,
    );
    const found = readRtfPictures(rtf);
    expect(found.complete).toBe(true);
    expect(found.pictures.map(summary)).toEqual([
      { format: 'png', bytes: PNG, width: 3000, height: 1500 },
      { format: 'jpeg', bytes: JPEG, width: 1500, height: 750 },
    ]);
  });

  it('does not count the metafile Word writes beside each picture (\\nonshppict) as a picture of its own', () => {
    const found = readRtfPictures(document(wordPicture('pngblip', PNG)));
    expect(found.pictures.map((picture) => picture.format)).toEqual(['png']);
  });

  it('counts pictures in formats it cannot use, in their place, without their bytes', () => {
    const emf = `{\\*\\shppict{\\pict\\picwgoal600\\pichgoal600\\emfblip 01000000ff00}}`;
    const wmf = `{\\pict\\picwgoal300\\pichgoal300\\wmetafile8 ${hex(WMF)}}`;
    const found = readRtfPictures(
      document(
        `${wordPicture('pngblip', PNG)}${emf}${wmf}{\\pict\\macpict 0011}{\\pict\\dibitmap0 2800}{\\pict 00}${wordPicture('jpegblip', JPEG)}`,
      ),
    );
    expect(found.pictures.map((picture) => [picture.format, picture.bytes === null])).toEqual([
      ['png', false],
      ['emf', true],
      ['wmf', true],
      ['pict', true],
      ['bitmap', true],
      ['unknown', true],
      ['jpeg', false],
    ]);
  });

  it('reads hex data wrapped at any length, in upper or lower case, with spaces and tabs, and drops a trailing half byte', () => {
    const data = `${wrapped(PNG, 7).toUpperCase().replace(/\r\n/g, '\n')} \t${hex([0xab])}\r\nc`;
    const found = readRtfPictures(document(`{\\pict\\pngblip\r\n${data}}`));
    expect(found.pictures.map(summary)).toEqual([
      { format: 'png', bytes: [...PNG, 0xab], width: null, height: null },
    ]);
  });

  it('takes no text of the picture’s inner groups (its properties, its blip id) for data', () => {
    const rtf = document(
      `{\\pict{\\*\\picprop{\\sp{\\sn wzDescription}{\\sv Diagramm abcdef}}}\\pngblip{\\*\\blipuid 0123456789abcdef0123456789abcdef}${hex(PNG)}}`,
    );
    expect(readRtfPictures(rtf).pictures.map((picture) => picture.bytes && [...picture.bytes])).toEqual([
      PNG,
    ]);
  });

  it('is not misled by escaped braces and backslashes, \\’hh characters and Unicode in the text', () => {
    const text = `Klammern \\{ und \\} und \\\\ {\\i kursiv \\'e4\\u8364\\'80} {\\*\\bkmkstart _Ref1}\\{{\\pict\\pngblip ${hex(PNG)}}\\}`;
    const found = readRtfPictures(document(text));
    expect([found.complete, found.pictures.map((picture) => picture.bytes && [...picture.bytes])]).toEqual([
      true,
      [PNG],
    ]);
  });

  it('reads the raw bytes of \\bin, braces and backslashes among them, and goes on after them', () => {
    const raw = String.fromCharCode(...PNG, 0x7b, 0x7d, 0x5c, 0x7d);
    const found = readRtfPictures(
      document(`{\\pict\\pngblip\\bin${String(PNG.length + 4)} ${raw}}{\\pict\\jpegblip ${hex(JPEG)}}`),
    );
    expect([found.complete, found.pictures.map((picture) => picture.bytes && [...picture.bytes])]).toEqual([
      true,
      [[...PNG, 0x7b, 0x7d, 0x5c, 0x7d], JPEG],
    ]);
  });

  it('keeps no bytes of data that come before the picture names its format (no whole picture), but still counts it', () => {
    const found = readRtfPictures(document(`{\\pict ${hex(PNG.slice(0, 4))}\\pngblip ${hex(PNG.slice(4))}}`));
    expect(found.pictures.map(summary)).toEqual([{ format: 'png', bytes: null, width: null, height: null }]);
  });

  it('keeps no bytes of \\bin data that arrived decoded as text (characters beyond one byte), but still counts the picture', () => {
    const found = readRtfPictures(document(`{\\pict\\pngblip\\bin3 \u20ac\u00e4x}`));
    expect(found.pictures.map(summary)).toEqual([{ format: 'png', bytes: null, width: null, height: null }]);
  });

  it('gives the size a picture is shown at: its goal, less what is cropped, times its scale, and notes the cropping', () => {
    const scaled = '{\\pict\\picwgoal4000\\pichgoal2000\\picscalex50\\picscaley25\\pngblip 89}';
    const cropped =
      '{\\pict\\picwgoal4000\\pichgoal2000\\piccropl500\\piccropr-100\\piccropt250\\pngblip 89}';
    const found = readRtfPictures(document(scaled + cropped));
    expect(found.pictures.map((picture) => [picture.width, picture.height, picture.cropped])).toEqual([
      [2000, 500, false],
      [3600, 1750, true],
    ]);
  });

  it('counts the picture of a floating shape (its pib) but neither the drawn result beside it, nor texture fills, nor grouped shapes, nor picture bullets', () => {
    const floating =
      `{\\shp{\\*\\shpinst\\shpleft0\\shptop0\\shpright1500\\shpbottom750{\\sp{\\sn shapeType}{\\sv 75}}` +
      `{\\sp{\\sn fillBlip}{\\sv {\\pict\\pngblip ${hex(PNG)}}}}` +
      `{\\sp{\\sn pib}{\\sv {\\pict\\picwgoal1500\\pichgoal750\\jpegblip ${hex(JPEG)}}}}}` +
      `{\\shprslt\\par\\pard{\\pict\\wmetafile8 ${hex(WMF)}}\\par}}`;
    const grouped = `{\\shpgrp{\\*\\shpinst{\\shp{\\*\\shpinst{\\sp{\\sn pib}{\\sv {\\pict\\pngblip ${hex(PNG)}}}}}}}}`;
    const bullets = `{\\*\\listtable{\\list{\\*\\listpicture{\\pict\\pngblip ${hex(PNG)}}}}}`;
    const found = readRtfPictures(
      `{\\rtf1${bullets}\\pard ${floating} ${grouped} ${wordPicture('pngblip', PNG)}}`,
    );
    expect(found.pictures.map((picture) => picture.format)).toEqual(['jpeg', 'png']);
  });

  it('reads nothing from text that is no RTF', () => {
    for (const text of ['', 'Hallo', '<html><body>{\\rtf1}</body></html>', '{\\rtx1 {\\pict\\pngblip 89}}']) {
      expect(readRtfPictures(text)).toEqual({ pictures: [], complete: false });
    }
  });

  it('says it is incomplete when the text ends inside a group, and keeps the pictures finished before', () => {
    const found = readRtfPictures(`{\\rtf1 {\\pict\\pngblip ${hex(PNG)}} {\\pict\\jpegblip ffd8`);
    expect([found.complete, found.pictures.map((picture) => picture.format)]).toEqual([false, ['png']]);
    expect(readRtfPictures('{\\rtf1 \\').complete).toBe(false);
  });

  it('stops at the document’s last brace: what follows (a NUL, more braces) is no part of it', () => {
    const found = readRtfPictures(`{\\rtf1 {\\pict\\pngblip ${hex(PNG)}}}\0}}{\\pict\\pngblip ${hex(PNG)}}`);
    expect([found.complete, found.pictures.length]).toEqual([true, 1]);
  });

  it('keeps no bytes of a picture beyond the size limit, but counts it, and reads the next one whole', () => {
    const limits = { ...RTF_LIMITS, maxPictureBytes: 12 };
    const found = readRtfPictures(
      document(`{\\pict\\pngblip ${hex(PNG)}}{\\pict\\jpegblip ${hex(JPEG)}}`),
      limits,
    );
    expect(
      found.pictures.map((picture) => [
        picture.format,
        picture.tooLarge,
        picture.bytes && [...picture.bytes],
      ]),
    ).toEqual([
      ['png', true, null],
      ['jpeg', false, JPEG],
    ]);
  });

  it('stops, incomplete, past the most pictures or the deepest nesting it reads', () => {
    const three = document(`{\\pict\\pngblip 89}{\\pict\\pngblip 89}{\\pict\\pngblip 89}`);
    expect(readRtfPictures(three, { ...RTF_LIMITS, maxPictures: 2 })).toEqual({
      pictures: expect.any(Array),
      complete: false,
    });
    expect(readRtfPictures(three, { ...RTF_LIMITS, maxPictures: 3 }).complete).toBe(true);
    const deep = `{\\rtf1${'{\\b '.repeat(20)}x${'}'.repeat(20)}}`;
    expect(readRtfPictures(deep, { ...RTF_LIMITS, maxDepth: 20 }).complete).toBe(false);
    expect(readRtfPictures(deep, { ...RTF_LIMITS, maxDepth: 21 }).complete).toBe(true);
  });

  it('reads huge and hostile input in linear time', () => {
    const megabytes = 2;
    const hostile = [
      // A picture of 4 MB (8 MB of hex).
      `{\\rtf1{\\pict\\pngblip ${hex(PNG)}${'0'.repeat(megabytes * 2 * 1024 * 1024)}}}`,
      // Endless nesting, backslashes, a control word and a parameter without end, \bin past the end.
      `{\\rtf1${'{'.repeat(megabytes * 1024 * 1024)}`,
      `{\\rtf1${'\\'.repeat(megabytes * 1024 * 1024)}}`,
      `{\\rtf1\\${'a'.repeat(megabytes * 1024 * 1024)}9 {\\pict\\pngblip 89}}`,
      `{\\rtf1\\picw${'9'.repeat(megabytes * 1024 * 1024)}}`,
      `{\\rtf1{\\pict\\pngblip\\bin99999999999 ${'{'.repeat(1024)}`,
      // Many tiny pictures.
      `{\\rtf1${'{\\pict\\pngblip 89}'.repeat(RTF_LIMITS.maxPictures)}}`,
    ];
    const started = performance.now();
    const results = hostile.map((text) => readRtfPictures(text));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(results.map((result) => [result.complete, result.pictures.length])).toEqual([
      [true, 1],
      [false, 0],
      [true, 0],
      [true, 1],
      [true, 0],
      [false, 0],
      [true, RTF_LIMITS.maxPictures],
    ]);
    expect(results[0]?.pictures[0]?.bytes?.length).toBe(PNG.length + megabytes * 1024 * 1024);
  });
});
