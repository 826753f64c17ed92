import type { deFailures } from './de-failures';

export const enFailures: Record<keyof typeof deFailures, string> = {
  'failure.load.title': 'Kapitel has been updated',
  'failure.load.text':
    'A part of the application could not be loaded, usually because Kapitel has just been updated or the connection was briefly lost. Please reload the page.',
  'failure.page.title': 'Something went wrong here',
  'failure.page.text':
    'This part of the page could not be shown. Reload the page; if the error remains, please contact whoever runs your Kapitel installation.',
  'failure.reload': 'Reload page',
};
