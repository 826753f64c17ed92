import { ReportCompiler } from './compiler.js';
import { bookmarks, reportModel } from './report-model.test-support.js';
import { buildRenderData } from './render-data.js';

const titled = (title: string, language: 'de' | 'en' = 'de') =>
  reportModel([], {
    language,
    sections: [{ number: '1', title, depth: 1, state: 'draft', content: { type: 'doc', content: [] } }],
  });

describe('quotes in a section title', () => {
  it('are set as the report’s language sets them, in the render data already', () => {
    expect(buildRenderData(titled('Glossar "Souveränität" und \'Open\'')).data.sections[0].title).toEqual([
      'Glossar \u201ESouveränität\u201C und \u201AOpen\u2018',
    ]);
    expect(buildRenderData(titled('The "open" way', 'en')).data.sections[0].title).toEqual([
      'The \u201Copen\u201D way',
    ]);
  });

  it('print typographic in the PDF’s bookmarks too, where Typst’s smart quotes came out straight', () => {
    const rendered = new ReportCompiler().render(titled('Glossar "Souveränität"'));
    expect(bookmarks(Buffer.from(rendered.pdf).toString('latin1'))).toContain(
      '1 Glossar \u201ESouveränität\u201C',
    );
  });
});
