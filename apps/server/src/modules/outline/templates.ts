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

const MUNICIPAL_REPORT: TemplateDefinition = {
  id: 'kommunaler-bericht-open-source',
  title: 'Kommunaler Bericht: Open Source und digitale Souveränität',
  language: 'de' satisfies Language,
  sections: [
    { title: 'Vorwort', numbered: false },
    { title: 'Ausgangslage und Einführung' },
    { title: 'Kommunale Forcierungsstrategien' },
    {
      title: 'Wie kommen Kommunen sukzessive zu mehr Open Source?',
      children: [
        { title: 'Stufenweises Vorgehen' },
        { title: 'Open Source im Beschaffungsverfahren' },
        { title: 'Fallbeispiele' },
      ],
    },
    { title: 'Kontributoren und das Open-Source-Ökosystem' },
    { title: 'Vorurteile gegen Open Source und ihre Auflösung' },
  ],
};

/** The outlines a new project can start from (`GET /api/templates`). */
export const TEMPLATES: readonly TemplateDefinition[] = [MUNICIPAL_REPORT];

export function findTemplate(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
