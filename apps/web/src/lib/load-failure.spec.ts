import { describe, expect, it } from '@jest/globals';
import { isLoadFailure } from './load-failure';

describe('isLoadFailure', () => {
  it.each([
    'Failed to fetch dynamically imported module: http://localhost:3000/assets/version-dialog-Ab12.js',
    'error loading dynamically imported module: http://localhost:3000/assets/section-page-Cd34.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/section-editor-Ef56.css',
  ])('recognises a chunk the browser could not load: %s', (message) => {
    expect(isLoadFailure(new TypeError(message))).toBe(true);
  });

  it('does not take a failure of our own code for a loading problem', () => {
    expect(isLoadFailure(new TypeError("Cannot read properties of undefined (reading 'title')"))).toBe(false);
    expect(isLoadFailure(new Error('Failed to fetch'))).toBe(false);
  });

  it('answers false for what is not an Error', () => {
    expect(isLoadFailure('Failed to fetch dynamically imported module')).toBe(false);
    expect(isLoadFailure(null)).toBe(false);
  });
});
