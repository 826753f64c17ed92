import type { deMyWork } from './de-my-work';

/** English messages of the person's own work: exactly the German keys. */
export const enMyWork: Record<keyof typeof deMyWork, string> = {
  'myWork.title': 'My sections',
  'myWork.intro': 'What you write and what awaits your review, from all projects; what is due first on top.',
  'myWork.empty': 'No section is assigned to you at the moment, and none awaits your review.',
  'myWork.project': 'Project',
  'myWork.writing': 'You write',
  'myWork.reviewing': 'You review',
  'myWork.noDueDate': 'No due date',
  'myWork.progressEmpty': 'No sections yet',
  'myWork.open.none': 'Nothing open for you',
  'myWork.open.one': '1 section open for you',
  'myWork.open.other': '{count} sections open for you',
  'myWork.filter': 'Only my sections',
  'myWork.filter.shown': 'Your sections: {count} of {total}. Parent sections are shown in grey for context.',
  'myWork.filter.all': 'Showing all sections.',
  'myWork.filter.none': 'No section of this project is assigned to you, and none awaits your review.',
  'myWork.filter.showAll': 'Show all sections',
  'myWork.context': '(parent section)',
};
