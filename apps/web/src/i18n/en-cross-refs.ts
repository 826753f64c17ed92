import type { deCrossRefs } from './de-cross-refs';

/** English messages of cross-references between sections (see de-cross-refs.ts). */
export const enCrossRefs: Record<keyof typeof deCrossRefs, string> = {
  'crossRefs.chapter': 'Chapter {number}',
  'crossRefs.section': 'Section {number}',
  'crossRefs.titled': '“{title}”',
  'crossRefs.missing': 'Missing reference: “{title}”',
  'crossRefs.spoken': 'Cross-reference: {label}',
  'crossRefs.spokenNumbered': 'Cross-reference: {label} “{title}”',
  'crossRefs.spokenMissing': 'Cross-reference to a missing section: “{title}”',
  'crossRefs.tooltipMissing': 'The section “{title}” is no longer in the report (deleted or in the trash).',
  'crossRefs.tooltipFollow': '{target} – {keys}+click opens the section',
  'crossRefs.insert': 'Insert cross-reference',
  'crossRefs.change': 'Change cross-reference',
  'crossRefs.dialog.follow': 'Go to the section “{title}”',
  'crossRefs.dialog.filter': 'Filter sections',
  'crossRefs.dialog.filterHint': 'By number or title. Enter takes the chosen section.',
  'crossRefs.dialog.sections': 'Target of the reference',
  'crossRefs.dialog.count': '{count} of {total} sections',
  'crossRefs.dialog.none': 'No section matches “{filter}”.',
  'crossRefs.dialog.empty': 'The report has no other section yet.',
  'crossRefs.dialog.loading': 'Loading the outline …',
  'crossRefs.dialog.required': 'Please choose the section the reference points to.',
  'crossRefs.dialog.insert': 'Insert',
  'crossRefs.dialog.apply': 'Apply',
  'crossRefs.inserted': 'Cross-reference to {label} inserted.',
  'crossRefs.changed': 'Cross-reference changed: now to {label}.',
};
