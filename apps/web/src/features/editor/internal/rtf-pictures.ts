/**
 * The pictures of RTF, as Word and LibreOffice Writer put a copied selection on the
 * clipboard beside its HTML. That HTML names its pictures by files of the author's computer
 * (`file:///…/clip_image002.png`), which no browser may read; the RTF carries the same
 * pictures as hexadecimal data in `{\pict … \pngblip 8950…}` groups, in the same order.
 *
 * One pass over the text with a stack of open groups: linear in the length whatever arrives
 * (text outside pictures is passed over with one character class, the only regular
 * expression), and every limit checked as it goes.
 */

/** What kind of picture a `\pict` group holds; only PNG and JPEG are taken. */
export type RtfPictureFormat = 'png' | 'jpeg' | 'emf' | 'wmf' | 'pict' | 'bitmap' | 'unknown';

/** One picture of the text, in document order. */
export interface RtfPicture {
  format: RtfPictureFormat;
  /** The picture's bytes: only for PNG and JPEG; null beyond the size limit or when they came garbled. */
  bytes: Uint8Array<ArrayBuffer> | null;
  /** The bytes were more than `maxPictureBytes` and not kept. */
  tooLarge: boolean;
  /** Shown cropped (`\piccrop…`): the bytes are the whole picture, the HTML's file only the part shown. */
  cropped: boolean;
  /** The size it is shown at, in twips (1/1440 inch), scaled and cropped; null when the RTF does not say. */
  width: number | null;
  height: number | null;
}

export interface RtfPictures {
  pictures: RtfPicture[];
  /**
   * False when the text was not read to its end: no RTF, cut off, or past a limit. Its
   * pictures are then no reliable list of the document's (one may be missing).
   */
  complete: boolean;
}

export interface RtfLimits {
  /** More pictures than this: reading stops (incomplete). */
  maxPictures: number;
  /** A picture with more bytes is counted but its bytes are not kept. */
  maxPictureBytes: number;
  /** Groups nested deeper than this: reading stops (incomplete). Word nests a few dozen at most. */
  maxDepth: number;
}

export const RTF_LIMITS: RtfLimits = { maxPictures: 500, maxPictureBytes: 64 * 1024 * 1024, maxDepth: 500 };

/**
 * Destinations whose pictures are no pictures of the text: the metafile Word writes beside
 * each picture for older readers (`\nonshppict`), a floating shape's drawn result beside its
 * picture (`\shprslt`), a list's picture bullets (`\listpicture`), and the pictures inside a
 * group of shapes (`\shpgrp`), which the HTML shows as one drawing.
 */
const NOT_OF_THE_TEXT = new Set(['nonshppict', 'shprslt', 'listpicture', 'shpgrp']);

const FORMATS: Record<string, RtfPictureFormat> = {
  pngblip: 'png',
  jpegblip: 'jpeg',
  emfblip: 'emf',
  wmetafile: 'wmf',
  pmmetafile: 'wmf',
  macpict: 'pict',
  dibitmap: 'bitmap',
  wbitmap: 'bitmap',
};

const NUMBERS = [
  'picwgoal',
  'pichgoal',
  'picscalex',
  'picscaley',
  'piccropl',
  'piccropr',
  'piccropt',
  'piccropb',
] as const;
type PictureNumber = (typeof NUMBERS)[number];

/** A `\pict` group being read. */
class PictureDraft {
  format: RtfPictureFormat = 'unknown';
  readonly numbers = new Map<PictureNumber, number>();
  private buffer = new Uint8Array(0);
  private length = 0;
  private nibble = -1;
  private tooLarge = false;
  private spoiled = false;

  constructor(private readonly maxBytes: number) {}

  /** Only PNG and JPEG bytes are kept: the format word comes before the data. */
  private get keeps(): boolean {
    return (this.format === 'png' || this.format === 'jpeg') && !this.tooLarge && !this.spoiled;
  }

  /**
   * Reads the picture's hex data from `from` up to the next brace or backslash (line breaks,
   * spaces and stray characters between the digits are passed over); where it stopped.
   */
  readData(rtf: string, from: number): number {
    let at = from;
    for (; at < rtf.length; at += 1) {
      const code = rtf.charCodeAt(at);
      if (code === 0x7b || code === 0x7d || code === 0x5c) {
        break;
      }
      const value = hexValue(code);
      if (value < 0) {
        continue;
      }
      if (this.nibble < 0) {
        this.nibble = value;
      } else {
        this.push((this.nibble << 4) | value);
        this.nibble = -1;
      }
    }
    return at;
  }

  /** One byte of data; a character beyond 0xFF (raw `\bin` data that was decoded as text) spoils the picture. */
  push(byte: number): void {
    if (!this.keeps) {
      // Data before the format word (or past the limit) leaves no whole picture to keep.
      this.spoiled = true;
      return;
    }
    if (byte > 0xff) {
      this.spoiled = true;
      return;
    }
    if (this.length === this.maxBytes) {
      this.tooLarge = true;
      this.buffer = new Uint8Array(0);
      return;
    }
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(Math.min(this.maxBytes, Math.max(4096, this.buffer.length * 2)));
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length] = byte;
    this.length += 1;
  }

  /** The size shown, in twips: the goal (`\picwgoal`), less what is cropped, times the scale. */
  private shown(
    goal: PictureNumber,
    scale: PictureNumber,
    crops: [PictureNumber, PictureNumber],
  ): number | null {
    const size = this.numbers.get(goal);
    if (size === undefined || size <= 0) {
      return null;
    }
    const cropped = size - (this.numbers.get(crops[0]) ?? 0) - (this.numbers.get(crops[1]) ?? 0);
    const shown = (cropped * (this.numbers.get(scale) ?? 100)) / 100;
    return shown > 0 ? shown : null;
  }

  finish(): RtfPicture {
    const crops = ['piccropl', 'piccropr', 'piccropt', 'piccropb'] as const;
    return {
      format: this.format,
      // A trailing half byte is dropped.
      bytes: this.keeps && this.length > 0 ? this.buffer.slice(0, this.length) : null,
      tooLarge: this.tooLarge,
      cropped: crops.some((crop) => (this.numbers.get(crop) ?? 0) !== 0),
      width: this.shown('picwgoal', 'picscalex', ['piccropl', 'piccropr']),
      height: this.shown('pichgoal', 'picscaley', ['piccropt', 'piccropb']),
    };
  }
}

/** One open group `{…}`. */
interface Group {
  /** Pictures in here are not the text's (NOT_OF_THE_TEXT, or a shape property other than its picture). */
  skip: boolean;
  /** No control word or text read yet: the next word names the destination. */
  first: boolean;
  /** This group is a `\pict`. */
  picture: PictureDraft | null;
  /** This group is a shape property's name (`{\sn pib}`): its text, kept short. */
  name: string | null;
  /** This group is a shape property (`{\sp{\sn …}{\sv …}}`): the name read from its `\sn`. */
  property: string | null;
}

const isLetter = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

function hexValue(code: number): number {
  if (isDigit(code)) {
    return code - 0x30;
  }
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** Where text ends: the next group or control word. */
const SYNTAX = /[{}\\]/g;

/** The longest control word and parameter the RTF specification allows. */
const MAX_WORD = 32;
const MAX_DIGITS = 10;

/** The pictures of `rtf` in document order (see the file's comment). */
export function readRtfPictures(rtf: string, limits: RtfLimits = RTF_LIMITS): RtfPictures {
  const pictures: RtfPicture[] = [];
  let start = 0;
  // Blanks and a byte order mark before the document are no part of it.
  while (start < rtf.length && (rtf.charCodeAt(start) <= 0x20 || rtf.charCodeAt(start) === 0xfeff)) {
    start += 1;
  }
  if (!rtf.startsWith('{\\rtf', start)) {
    return { pictures, complete: false };
  }
  const stack: Group[] = [];
  let i = start;
  const end = rtf.length;

  /** A control word in the innermost group: the group's destination when it comes first, else maybe a picture's property. */
  const word = (group: Group, parent: Group | undefined, name: string, parameter: number | null): void => {
    if (group.first) {
      group.first = false;
      if (name === 'pict' && !group.skip && parent?.picture === null) {
        group.picture = new PictureDraft(limits.maxPictureBytes);
      } else if (NOT_OF_THE_TEXT.has(name)) {
        group.skip = true;
      } else if (name === 'sp') {
        group.property = '';
      } else if (name === 'sn') {
        group.name = '';
      } else if (name === 'sv' && parent?.property !== null && parent?.property !== 'pib') {
        // Only a shape's `pib` ("picture in blip") is its picture; a `fillBlip` is a texture.
        group.skip = true;
      }
      return;
    }
    const picture = group.picture;
    if (picture !== null) {
      const format = FORMATS[name];
      if (format !== undefined) {
        picture.format = format;
      } else if (parameter !== null && (NUMBERS as readonly string[]).includes(name)) {
        picture.numbers.set(name as PictureNumber, parameter);
      }
    }
  };

  while (i < end) {
    const code = rtf.charCodeAt(i);
    const group = stack[stack.length - 1];
    if (code === 0x7b) {
      // `{`
      if (stack.length >= limits.maxDepth) {
        return { pictures, complete: false };
      }
      stack.push({ skip: group?.skip ?? false, first: true, picture: null, name: null, property: null });
      i += 1;
      continue;
    }
    if (group === undefined) {
      break;
    }
    if (code === 0x7d) {
      // `}`
      stack.pop();
      const parent = stack[stack.length - 1];
      if (group.picture !== null) {
        if (pictures.length >= limits.maxPictures) {
          return { pictures, complete: false };
        }
        pictures.push(group.picture.finish());
      }
      if (group.name !== null && parent !== undefined) {
        parent.property = group.name.trim();
      }
      if (parent === undefined) {
        // The document's last `}`: what follows (a clipboard may add a NUL) is no part of it.
        break;
      }
      i += 1;
      continue;
    }
    if (code === 0x0d || code === 0x0a) {
      // Line breaks are not text in RTF (hex data is wrapped at any length).
      i += 1;
      continue;
    }
    if (code !== 0x5c) {
      // Text: a picture's data, a property's name, or text of the document we do not need.
      if (group.picture !== null) {
        i = group.picture.readData(rtf, i);
        continue;
      }
      if (code !== 0x20 && code !== 0x09) {
        group.first = false;
      }
      if (group.name !== null) {
        group.name += group.name.length < MAX_WORD ? rtf[i] : '';
        i += 1;
        continue;
      }
      // Passed over at the speed of the regular expression engine (one character class: linear).
      SYNTAX.lastIndex = i;
      i = SYNTAX.exec(rtf)?.index ?? end;
      continue;
    }
    // `\`: a control word `\name-123 ` or a control symbol `\{`, `\'hh`, `\*` …
    const parent = stack[stack.length - 2];
    i += 1;
    if (i >= end) {
      break;
    }
    if (!isLetter(rtf.charCodeAt(i))) {
      const symbol = rtf[i] ?? '';
      i += symbol === "'" ? 3 : 1;
      // A symbol is text (`\{`, `\'e4`, `\~` …) but `\*`, which marks the destination after it as optional.
      group.first &&= symbol === '*';
      continue;
    }
    const nameStart = i;
    while (i < end && isLetter(rtf.charCodeAt(i))) {
      i += 1;
    }
    // A longer word is no word of the specification: read past it as one unknown word.
    const name = i - nameStart <= MAX_WORD ? rtf.slice(nameStart, i) : '';
    let parameter: number | null = null;
    const negative = rtf.charCodeAt(i) === 0x2d && isDigit(rtf.charCodeAt(i + 1));
    if (negative) {
      i += 1;
    }
    const digitsStart = i;
    while (i < end && i - digitsStart < MAX_DIGITS && isDigit(rtf.charCodeAt(i))) {
      i += 1;
    }
    if (i > digitsStart) {
      parameter = Number(rtf.slice(digitsStart, i)) * (negative ? -1 : 1);
    }
    if (rtf.charCodeAt(i) === 0x20) {
      i += 1;
    }
    if (name === 'bin' && parameter !== null && parameter > 0) {
      // `\binN`: N bytes of raw data follow (braces and backslashes among them, not syntax).
      const binEnd = Math.min(end, i + parameter);
      if (group.picture !== null) {
        for (let at = i; at < binEnd; at += 1) {
          group.picture.push(rtf.charCodeAt(at));
        }
      }
      i = binEnd;
      group.first = false;
      continue;
    }
    word(group, parent, name, parameter);
  }
  return { pictures, complete: stack.length === 0 };
}
