import { describe, expect, it } from '@jest/globals';
import type { ChangeTopic } from '@kapitel/domain';
import { projectPageReloads, sectionPageReloads } from './live-reloads';
import type { ProjectEvent } from './project-events';

const change = (topic: ChangeTopic, extra = {}): ProjectEvent => ({
  type: 'change',
  change: { projectId: 'p', topic, ...extra },
});

describe('projectPageReloads()', () => {
  it('reloads the outline (with progress and trash) on outline and section changes', () => {
    expect(projectPageReloads(change('outline'), 'me')).toEqual(['outline']);
    expect(projectPageReloads(change('section', { sectionId: 's' }), 'me')).toEqual(['outline']);
  });

  it('reloads the project itself only when it or one’s own membership changed', () => {
    expect(projectPageReloads(change('project'), 'me')).toEqual(['project']);
    expect(projectPageReloads(change('members', { userId: 'other' }), 'me')).toEqual(['members', 'outline']);
    expect(projectPageReloads(change('members', { userId: 'me' }), 'me')).toEqual([
      'project',
      'members',
      'outline',
    ]);
  });

  it('reloads everything on resync, the comment counts on comments and nothing on a revocation', () => {
    expect(projectPageReloads({ type: 'resync' }, 'me')).toEqual([
      'project',
      'members',
      'outline',
      'comments',
      'exports',
      'abbreviations',
      'sources',
      'words',
    ]);
    expect(projectPageReloads(change('comments', { sectionId: 's' }), 'me')).toEqual(['comments']);
    expect(projectPageReloads({ type: 'revoked' }, 'me')).toEqual([]);
  });

  it('reloads the list of earlier exports when an export was queued, started, done or failed', () => {
    expect(projectPageReloads(change('exports', { exportId: 'e' }), 'me')).toEqual(['exports']);
  });

  it('reloads the list of abbreviations when it changed', () => {
    expect(projectPageReloads(change('abbreviations'), 'me')).toEqual(['abbreviations']);
    expect(projectPageReloads(change('sources'), 'me')).toEqual(['sources']);
  });

  it("reloads only the outline's word counts when a text changed: the project page shows no text", () => {
    expect(projectPageReloads(change('text', { sectionId: 's' }), 'me')).toEqual(['words']);
  });
});

describe('sectionPageReloads()', () => {
  it('reloads section, history, versions and the comments (their abilities) for a change of this section only', () => {
    expect(sectionPageReloads(change('section', { sectionId: 's' }), 's', 'me')).toEqual([
      'section',
      'history',
      'versions',
      'comments',
    ]);
    expect(sectionPageReloads(change('section', { sectionId: 'other' }), 's', 'me')).toEqual([]);
  });

  it('reloads the section (title, number, existence) and the outline (for cross-references) on outline changes', () => {
    expect(sectionPageReloads(change('outline'), 's', 'me')).toEqual(['section', 'outline']);
    expect(sectionPageReloads(change('outline', { sectionId: 'other' }), 's', 'me')).toEqual([
      'section',
      'outline',
    ]);
    // This section's assignment changed: who may resolve or accept its comments may have too.
    expect(sectionPageReloads(change('outline', { sectionId: 's' }), 's', 'me')).toEqual([
      'section',
      'outline',
      'comments',
    ]);
  });

  it('reloads role and abilities when one’s own membership changed, else only the names', () => {
    expect(sectionPageReloads(change('members', { userId: 'me' }), 's', 'me')).toEqual([
      'project',
      'members',
      'section',
      'comments',
    ]);
    expect(sectionPageReloads(change('members', { userId: 'other' }), 's', 'me')).toEqual(['members']);
  });

  it('reloads the comments when those of this section changed', () => {
    expect(sectionPageReloads(change('comments', { sectionId: 's' }), 's', 'me')).toEqual(['comments']);
    expect(sectionPageReloads(change('comments', { sectionId: 'other' }), 's', 'me')).toEqual([]);
  });

  it('ignores exports, which the section page does not show', () => {
    expect(sectionPageReloads(change('exports', { exportId: 'e' }), 's', 'me')).toEqual([]);
  });

  it('ignores the list of abbreviations, which the section page does not show', () => {
    expect(sectionPageReloads(change('abbreviations'), 's', 'me')).toEqual([]);
    expect(sectionPageReloads(change('sources'), 's', 'me')).toEqual(['sources']);
  });

  it('reloads everything on resync', () => {
    expect(sectionPageReloads({ type: 'resync' }, 's', 'me')).toEqual([
      'project',
      'members',
      'section',
      'history',
      'comments',
      'versions',
      'outline',
      'figures',
      'sources',
    ]);
  });

  it('reloads the report’s figures when another section’s text changed, not for its own (the editor has it live)', () => {
    expect(sectionPageReloads(change('text', { sectionId: 'other' }), 's', 'me')).toEqual(['figures']);
    expect(sectionPageReloads(change('text', { sectionId: 's' }), 's', 'me')).toEqual([]);
  });
});
