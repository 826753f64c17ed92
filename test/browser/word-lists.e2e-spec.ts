import type { Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { pasteInto } from './clipboard.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';

/**
 * Lists and footnotes as Word on Windows puts them on the clipboard: list items are
 * paragraphs styled `mso-list:l<list> level<n>`, their numbers and bullets typed text in a span
 * styled `mso-list:Ignore`; a footnote is a link "[1]" to its text in a list at the end.
 */
function wordItem(list: number, level: number, marker: string, text: string, place: 'First' | 'Middle' | 'Last'): string {
  const indent = String(36 * level);
  return (
    `<p class=MsoListParagraphCxSp${place} style='margin-left:${indent}.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l${String(list)} level${String(level)} lfo${String(list + 1)}'>` +
    `<![if !supportLists]><span style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>${marker}` +
    `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>`
  );
}

function wordFootnoteRef(number: number): string {
  const id = String(number);
  return (
    `<a style='mso-footnote-id:ftn${id}' href="#_ftn${id}" name="_ftnref${id}" title=""><span class=MsoFootnoteReference>` +
    `<span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>` +
    `<span style='font-size:11.0pt;line-height:107%'>[${id}]</span></span><![endif]></span></span></a>`
  );
}

function wordFootnotes(notes: string[]): string {
  const items = notes.map((text, index) => {
    const id = String(index + 1);
    return (
      `<div style='mso-element:footnote' id=ftn${id}><p class=MsoFootnoteText><a style='mso-footnote-id:ftn${id}' href="#_ftnref${id}" name="_ftn${id}" title="">` +
      `<span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>` +
      `<span style='font-size:10.0pt;line-height:107%'>[${id}]</span></span><![endif]></span></span></a> ${text}<o:p></o:p></p></div>`
    );
  });
  return `<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>${items.join('')}</div>`;
}

function wordDocument(body: string): string {
  return (
    `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">` +
    `<head><meta name=Generator content="Microsoft Word 15"></head>` +
    `<body lang=DE style='tab-interval:35.4pt'><!--StartFragment--><div class=WordSection1>${body}</div><!--EndFragment--></body></html>`
  );
}

/** A stored node, shortened: its type, its words and its children's (paragraphs inside list items by their words). */
type Shape = string | { [type: string]: Shape[] | string };

interface JsonNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
}

function shape(node: JsonNode): Shape {
  if (node.type === 'paragraph') {
    return (node.content ?? []).map((child) => (child.type === 'footnote' ? `[^${String(child.attrs?.text)}]` : (child.text ?? ''))).join('');
  }
  const start = node.type === 'orderedList' && node.attrs?.start !== 1 ? `@${String(node.attrs?.start)}` : '';
  return { [`${node.type}${start}`]: (node.content ?? []).map(shape) };
}

async function storedShape(person: Person, projectId: string, sectionId: string): Promise<Shape[]> {
  const res = await person.client.get<{ json: JsonNode }>(`/api/projects/${projectId}/sections/${sectionId}/content`);
  return (res.body.json.content ?? []).map(shape);
}

async function openSection(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByText('Alle Änderungen gespeichert').waitFor();
  await page.locator('.ProseMirror').click();
}

describeInBrowser('lists and footnotes pasted from Word, in Chromium', () => {
  const suite = browserSuite();

  it('makes Word’s list paragraphs real numbered and bulleted lists, nested by their level, and its footnotes real footnotes', async () => {
    const { project, author, section, url } = await sectionTeam(suite.app, 'Word-Listen');
    const page = await suite.pageOf(author);
    await openSection(page, url);

    await pasteInto(page, {
      html: wordDocument(
        `<p class=MsoNormal>Die Kommunen gehen in drei Schritten vor${wordFootnoteRef(1)}:<o:p></o:p></p>` +
          wordItem(0, 1, '1.', 'Bestand erheben', 'First') +
          wordItem(0, 2, '<span style=\'font-family:"Courier New"\'>o</span>', 'Server', 'Middle') +
          wordItem(0, 2, '<span style=\'font-family:"Courier New"\'>o</span>', 'Fachverfahren', 'Middle') +
          wordItem(0, 1, '2.', 'Ziele festlegen', 'Last') +
          `<p class=MsoNormal>Dabei helfen${wordFootnoteRef(2)}<o:p></o:p></p>` +
          wordItem(1, 1, '<span style=\'font-family:Symbol\'>·</span>', 'die KGSt', 'First') +
          wordItem(1, 1, '<span style=\'font-family:Symbol\'>·</span>', 'der Städtetag', 'Last') +
          wordItem(2, 1, '4)', 'Weiter ab vier', 'First') +
          wordFootnotes(['Vgl. §&nbsp;5 Vergabeverordnung.', 'Stand <b>Mai</b> 2025.']),
      ),
    });

    await page.locator('.ProseMirror ol li', { hasText: 'Bestand erheben' }).waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedShape(author, project.id, section.id)).toEqual([
      'Die Kommunen gehen in drei Schritten vor[^Vgl. § 5 Vergabeverordnung.]:',
      {
        orderedList: [
          { listItem: ['Bestand erheben', { bulletList: [{ listItem: ['Server'] }, { listItem: ['Fachverfahren'] }] }] },
          { listItem: ['Ziele festlegen'] },
        ],
      },
      'Dabei helfen[^Stand Mai 2025.]',
      { bulletList: [{ listItem: ['die KGSt'] }, { listItem: ['der Städtetag'] }] },
      { 'orderedList@4': [{ listItem: ['Weiter ab vier'] }] },
    ]);
    // Nothing of Word's numbers, brackets or the list of notes is left as text.
    const text = await page.locator('.ProseMirror').innerText();
    expect(text).not.toMatch(/\[1\]|\[2\]|1\.\s+Bestand|·/);
    await screenshot(page, 'word-lists-01-pasted');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('makes Writer’s footnotes real footnotes, and leaves a plain paste as it was', async () => {
    const { project, author, section, url } = await sectionTeam(suite.app, 'Writer-Fußnoten');
    const page = await suite.pageOf(author);
    await openSection(page, url);

    await pasteInto(page, {
      html:
        `<p>Die Stadt spart<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a> Lizenzkosten.</p>` +
        `<p>Siehe <a href="#kapitel-2">Kapitel 2</a>.</p>` +
        `<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>KGSt-Bericht 2024.</p></div>`,
    });
    await page.locator('.ProseMirror', { hasText: 'Lizenzkosten' }).waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedShape(author, project.id, section.id)).toEqual([
      'Die Stadt spart[^KGSt-Bericht 2024.] Lizenzkosten.',
      'Siehe Kapitel 2.',
    ]);
  });
});
