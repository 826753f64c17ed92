import type { ExportMode, Language } from '@kapitel/domain';

const MODE_WORDS: Record<Language, Record<ExportMode, string>> = {
  de: { draft: 'entwurf', final: 'endfassung' },
  en: { draft: 'draft', final: 'final' },
};

/** `open-source-in-der-verwaltung-entwurf-2025-11-28.pdf` (or `.odt`): ASCII only, so every browser keeps it. */
export function exportFilename(title: string, language: Language, mode: ExportMode, date: string, extension = 'pdf'): string {
  const slug = title
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || (language === 'de' ? 'bericht' : 'report')}-${MODE_WORDS[language][mode]}-${date}.${extension}`;
}
