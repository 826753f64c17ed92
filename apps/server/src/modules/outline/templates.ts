import type { Language, Template } from '@kapitel/domain';

export interface TemplateSection {
  title: string;
  /** False for front and back matter without a number. */
  numbered?: boolean;
  children?: TemplateSection[];
}

export interface TemplateDefinition extends Template {
  sections: TemplateSection[];
}

// Titles as a municipal association would put them in a report: plain German, no jargon.
// Foreword and annex carry no number, as the hint of the "Nummeriert" field says.
const MUNICIPAL_REPORT: TemplateDefinition = {
  id: 'kommunaler-bericht-open-source',
  title: 'Kommunaler Bericht: Open Source und digitale Souveränität',
  language: 'de' satisfies Language,
  sections: [
    { title: 'Vorwort', numbered: false },
    { title: 'Ausgangslage und Einführung' },
    { title: 'Handlungsmöglichkeiten der Kommunen' },
    {
      title: 'Schritt für Schritt zu mehr Open Source',
      children: [
        { title: 'Bestandsaufnahme und Planung' },
        { title: 'Open Source im Beschaffungsverfahren' },
        { title: 'Beispiele aus Kommunen' },
      ],
    },
    { title: 'Zusammenarbeit in der Open-Source-Gemeinschaft' },
    { title: 'Häufige Einwände und Antworten' },
    { title: 'Anhang', numbered: false },
  ],
};

// The same report for an English one (a partnership report, a summary for European partners):
// the web app offers each template to projects of its language.
const MUNICIPAL_REPORT_EN: TemplateDefinition = {
  id: 'municipal-report-open-source',
  title: 'Municipal report: open source and digital sovereignty',
  language: 'en' satisfies Language,
  sections: [
    { title: 'Foreword', numbered: false },
    { title: 'Background and introduction' },
    { title: 'What municipalities can do' },
    {
      title: 'Step by step towards more open source',
      children: [
        { title: 'Taking stock and planning' },
        { title: 'Open source in procurement' },
        { title: 'Examples from municipalities' },
      ],
    },
    { title: 'Working with the open-source community' },
    { title: 'Common objections and answers' },
    { title: 'Annex', numbered: false },
  ],
};

/** The outlines a new project can start from (`GET /api/templates`). */
export const TEMPLATES: readonly TemplateDefinition[] = [MUNICIPAL_REPORT, MUNICIPAL_REPORT_EN];

export function findTemplate(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
