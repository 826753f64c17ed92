import type { Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { pngImage, readImage } from '../../apps/server/test/image-files.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { pasteInto } from './clipboard.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';

const EDITOR = '.ProseMirror';

/**
 * What Word on Windows puts on the clipboard for a selection with pictures, made here: HTML
 * whose pictures are files of the author's computer (each written twice: VML in a conditional
 * comment, then an `<img>` for other programs), and RTF with the same pictures as hex data.
 */
interface WordPicture {
  /** The PNG (or, for `blip: 'emfblip'`, any bytes: a format we cannot show). */
  bytes: Buffer;
  /** Its size on the page, in CSS pixels (the HTML's width and height; 15 twips each in the RTF). */
  width: number;
  height: number;
  blip?: 'pngblip' | 'emfblip';
  alt?: string;
  /** 'both': VML and its `<img>` (Word's usual); 'vml': only the VML; 'img': only the `<img>`. */
  html?: 'both' | 'vml' | 'img';
}

/** A drawn arrow (an autoshape): VML without a picture and an `<img>` of it in the HTML, a shape whose drawn result is a metafile in the RTF. */
interface WordArrow {
  arrow: true;
}

type Part = string | WordPicture | WordArrow;

const TEMP = 'file:///C:/Users/ALIAUT~1/AppData/Local/Temp/msohtmlclip1/01';
const METAFILE = Buffer.from('d7cdc69a0000000000000000', 'hex');

function wordHtmlArrow(index: number): string {
  const id = `Pfeil_x0020_${String(index)}`;
  return (
    `<p class=MsoNormal><!--[if gte vml 1]><v:shape id="${id}" o:spid="_x0000_s10${String(25 + index)}" type="#_x0000_t13"` +
    ` style='position:absolute;width:60pt;height:20pt;z-index:251659264' fillcolor="#4472c4 [3204]" strokeweight="1pt"/><![endif]-->` +
    `<![if !vml]><span style='mso-ignore:vglayout;position:absolute;z-index:251659264'><img width=82 height=29` +
    ` src="${TEMP}/clip_image00${String(2 * index)}.png" v:shapes="${id}"></span><![endif]><o:p></o:p></p>`
  );
}

/** One picture in a paragraph of Word's HTML; `index` numbers its shape and its files. */
function wordHtmlPicture(picture: WordPicture, index: number): string {
  const id = `Grafik_x0020_${String(index)}`;
  const alt = picture.alt === undefined ? '' : ` alt="${picture.alt}"`;
  const vml =
    `<!--[if gte vml 1]><v:shape id="${id}" o:spid="_x0000_i10${String(25 + index)}" type="#_x0000_t75"${alt}` +
    ` style='width:${String(picture.width * 0.75)}pt;height:${String(picture.height * 0.75)}pt;visibility:visible;mso-wrap-style:square'>\r\n` +
    ` <v:imagedata src="${TEMP}/clip_image00${String(2 * index - 1)}.png" o:title=""/>\r\n</v:shape><![endif]-->`;
  const img =
    `<![if !vml]><img width=${String(picture.width)} height=${String(picture.height)}` +
    ` src="${TEMP}/clip_image00${String(2 * index)}.png"${alt} v:shapes="${id}"><![endif]>`;
  const html = picture.html ?? 'both';
  return `<p class=MsoNormal><span style='mso-no-proof:yes'>${html === 'img' ? '' : vml}${html === 'vml' ? '' : img}</span><o:p></o:p></p>`;
}

/** The HTML of a Word selection: paragraphs of text and pictures, in the order given. */
function wordHtml(parts: Part[]): string {
  let index = 0;
  const body = parts
    .map((part) => {
      if (typeof part === 'string') {
        return `<p class=MsoNormal>${part}<o:p></o:p></p>`;
      }
      index += 1;
      return 'arrow' in part ? wordHtmlArrow(index) : wordHtmlPicture(part, index);
    })
    .join('\r\n');
  return (
    `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">` +
    `<head><meta name=Generator content="Microsoft Word 15"><!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->` +
    `<!--[if gte vml 1]><v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/></v:shapetype><![endif]-->` +
    `</head><body lang=DE style='tab-interval:35.4pt'><!--StartFragment-->${body}<!--EndFragment--></body></html>`
  );
}

/** Hex as Word writes it: 128 digits a line. */
const wrappedHex = (bytes: Buffer): string => (bytes.toString('hex').match(/.{1,128}/g) ?? []).join('\r\n');

/** The RTF of the same selection: each picture for current readers (`\shppict`) beside a metafile for older ones. */
function wordRtf(parts: Part[]): string {
  const body = parts
    .map((part) => {
      if (typeof part === 'string') {
        return `\\pard\\plain\\ltrpar\\s0 {\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\lang1031 ${part}\\par}`;
      }
      if ('arrow' in part) {
        return (
          `\\pard\\plain {\\shp{\\*\\shpinst\\shpleft0\\shptop0\\shpright1200\\shpbottom400\\shpz0{\\sp{\\sn shapeType}{\\sv 13}}` +
          `{\\sp{\\sn fillColor}{\\sv 12874308}}}{\\shprslt{\\*\\do\\dobxcolumn\\dobypara\\dpx0\\dpy0}` +
          `{\\pict\\picwgoal1200\\pichgoal400\\wmetafile8 ${wrappedHex(METAFILE)}}}}\\par`
        );
      }
      const goal = `\\picwgoal${String(part.width * 15)}\\pichgoal${String(part.height * 15)}`;
      return (
        `\\pard\\plain {\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\lang1031\\noproof {\\*\\shppict{\\pict{\\*\\picprop\\shplid1025{\\sp{\\sn shapeType}{\\sv 75}}` +
        `{\\sp{\\sn fLayoutInCell}{\\sv 1}}}\\picscalex100\\picscaley100\\piccropl0\\piccropr0\\piccropt0\\piccropb0\\picw${String(part.width * 26)}` +
        `\\pich${String(part.height * 26)}${goal}\\${part.blip ?? 'pngblip'}\\bliptag-86049543{\\*\\blipuid fade0c1a2b3c4d5e6f708192a3b4c5d6}\r\n` +
        `${wrappedHex(part.bytes)}}}{\\nonshppict{\\pict\\picscalex100\\picscaley100${goal}\\wmetafile8\\bliptag-86049543 ` +
        `${wrappedHex(METAFILE)}}}\\par}`
      );
    })
    .join('\r\n');
  return `{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}{\\*\\generator Microsoft Word 16.0;}\r\n${body}}`;
}

/** The top-level nodes of the section as the server stores them: paragraphs by their text, images by their attributes. */
async function storedNodes(person: Person, projectId: string, sectionId: string): Promise<unknown[]> {
  interface Node {
    type: string;
    attrs?: Record<string, unknown>;
    content?: { text?: string }[];
  }
  const res = await person.client.get<{ json: { content?: Node[] } }>(
    `/api/projects/${projectId}/sections/${sectionId}/content`,
  );
  return (res.body.json.content ?? []).map((node) =>
    node.type === 'image'
      ? { image: node.attrs ?? {} }
      : (node.content ?? []).map((text) => text.text ?? '').join(''),
  );
}

/** An image node among storedNodes() with at least these attributes. */
const imageWith = (attrs: Record<string, unknown>): unknown => ({
  image: expect.objectContaining(attrs) as unknown,
});

/** Opens the section as its author and waits until the text can be written. */
async function openSection(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).waitFor();
  await page.getByText('Alle Änderungen gespeichert').waitFor();
}

describeInBrowser('pictures pasted from Word, in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  it('puts the pictures of a paste from Word, read from its RTF, into the text where they stood, each once though Word writes it twice, stored on the server', async () => {
    const { project, author, section, url } = await sectionTeam(suite.app, 'Word');
    const page = await pageOf(author);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await openSection(page, url);
    await page.locator(EDITOR).click();

    const chart = pngImage(24, 12, [20, 120, 60]);
    const map = pngImage(10, 20, [30, 90, 160]);
    const seal = pngImage(16, 16, [160, 30, 30]);
    const parts: Part[] = [
      'Einleitung zum Haushalt.',
      { bytes: chart, width: 24, height: 12 },
      'Zwischen den Bildern.',
      { bytes: map, width: 10, height: 20, alt: 'Karte der Ortsteile', html: 'img' },
      // A picture Word wrote as VML alone: it gets an image of its own, in its place.
      { bytes: seal, width: 16, height: 16, alt: 'Wappen', html: 'vml' },
      'Schluss.',
    ];
    await pasteInto(page, { html: wordHtml(parts), rtf: wordRtf(parts) });

    await page.getByText('Bild eingefügt. Ihm fehlt noch der Alternativtext').waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const srcs = await page.evaluate<string[]>(
      `[...document.querySelectorAll('${EDITOR} img')].map((img) => img.getAttribute('src'))`,
    );
    expect(srcs).toHaveLength(3);
    expect(
      srcs.filter((src) => new RegExp(`^/api/projects/${project.id}/images/[0-9a-f-]{36}$`).test(src)),
    ).toEqual(srcs);
    expect(await storedNodes(author, project.id, section.id)).toEqual([
      'Einleitung zum Haushalt.',
      imageWith({ src: srcs[0], alt: null, width: 24, height: 12 }),
      'Zwischen den Bildern.',
      imageWith({ src: srcs[1], alt: 'Karte der Ortsteile', width: 10, height: 20 }),
      imageWith({ src: srcs[2], alt: 'Wappen', width: 16, height: 16 }),
      'Schluss.',
    ]);
    // Each is exactly the picture that stood there.
    const stored = await Promise.all(srcs.map(async (src) => (await readImage(author, src)).bytes));
    expect(stored.map((bytes, index) => bytes.equals([chart, map, seal][index] ?? Buffer.alloc(0)))).toEqual([
      true,
      true,
      true,
    ]);
    expect(await page.getByText('weggelassen').count()).toBe(0);
    await waitUntilTrue(
      page,
      `[...document.querySelectorAll('${EDITOR} img')].every((img) => img.complete && img.naturalWidth > 0)`,
      'the pasted pictures to load',
    );
    await screenshot(page, 'word-paste-01-pictures-in-place');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 90_000);

  it('leaves out, with the notice, the pictures whose RTF lacks them or does not line up, a picture in a format it cannot show and a drawn shape, and takes the others', async () => {
    const { project, author, section, url } = await sectionTeam(suite.app, 'Word fehlt');
    const page = await pageOf(author);
    await openSection(page, url);
    await page.locator(EDITOR).click();
    const chart = pngImage(24, 12, [20, 120, 60]);
    const map = pngImage(10, 20, [30, 90, 160]);
    const notices = page.getByRole('status').filter({ hasText: 'weggelassen' });

    // No RTF at all, as another program may give: the text without the pictures.
    const twoPictures: Part[] = [
      'Ohne Zwischenablage-RTF.',
      { bytes: chart, width: 24, height: 12 },
      { bytes: map, width: 10, height: 20 },
    ];
    await pasteInto(page, { html: wordHtml(twoPictures) });
    await notices.getByText('2 Bilder aus dem eingefügten Inhalt wurden weggelassen').waitFor();
    await page.locator(`${EDITOR} p`, { hasText: 'Ohne Zwischenablage-RTF.' }).waitFor();
    await page.keyboard.press('Enter');

    // RTF with the text but not the pictures (as when Word leaves them out of it).
    await pasteInto(page, {
      html: wordHtml(['RTF ohne Bilder.', { bytes: chart, width: 24, height: 12 }]),
      rtf: wordRtf(['RTF ohne Bilder.']),
    });
    await notices.getByText('Ein Bild aus dem eingefügten Inhalt wurde weggelassen').waitFor();
    await page.locator(`${EDITOR} p`, { hasText: 'RTF ohne Bilder.' }).waitFor();
    await page.keyboard.press('Enter');

    // As many pictures, but of other sizes than the HTML's (another order): none is put in another's place.
    await pasteInto(page, {
      html: wordHtml(['Vertauscht.', ...twoPictures.slice(1)]),
      rtf: wordRtf(['Vertauscht.', twoPictures[2] ?? '', twoPictures[1] ?? '']),
    });
    await notices.getByText('2 Bilder aus dem eingefügten Inhalt wurden weggelassen').waitFor();
    await page.locator(`${EDITOR} p`, { hasText: 'Vertauscht.' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await page.locator(`${EDITOR} img`).count()).toBe(0);

    // A chart Word keeps as a metafile (EMF), which the PDF cannot take, and a drawn arrow (no
    // picture in the RTF) between two PNGs: those two left out, the PNGs in their places.
    const emf = {
      bytes: Buffer.from('0100000084000000', 'hex'),
      width: 30,
      height: 30,
      blip: 'emfblip' as const,
    };
    const mixed: Part[] = [
      'Gemischt.',
      { bytes: chart, width: 24, height: 12 },
      emf,
      { arrow: true },
      { bytes: map, width: 10, height: 20 },
    ];
    await pasteInto(page, { html: wordHtml(mixed), rtf: wordRtf(mixed) });
    await notices.getByText('2 Bilder aus dem eingefügten Inhalt wurden weggelassen').waitFor();
    await page.getByText('2 Bilder eingefügt. Ihnen fehlt noch der Alternativtext').waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    // Nothing stands where a picture was left out, not even the empty paragraph that held it.
    expect(await storedNodes(author, project.id, section.id)).toEqual([
      'Ohne Zwischenablage-RTF.',
      'RTF ohne Bilder.',
      'Vertauscht.',
      'Gemischt.',
      imageWith({ width: 24, height: 12 }),
      imageWith({ width: 10, height: 20 }),
      // The cursor's paragraph after the last image.
      '',
    ]);
    await screenshot(page, 'word-paste-02-left-out');
  }, 90_000);
});
