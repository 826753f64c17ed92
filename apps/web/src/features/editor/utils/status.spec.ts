import { describe, expect, it } from '@jest/globals';
import type { CollabState } from '../internal/collab-session';
import { describeStatus, endedMessage } from './status';

const base: CollabState = {
  connection: 'connected',
  synced: true,
  loaded: true,
  unsaved: false,
  endedWith: null,
  retry: 'idle',
  peers: [],
};

describe('describeStatus()', () => {
  it('says "all saved" only when connected, synced and nothing is unconfirmed', () => {
    expect(describeStatus(base, true)).toEqual({ keys: ['editor.status.connected', 'editor.status.saved'], tone: 'ok' });
    expect(describeStatus({ ...base, unsaved: true }, true).keys).toEqual(['editor.status.connected', 'editor.status.saving']);
    expect(describeStatus({ ...base, synced: false }, true).keys).toEqual(['editor.status.connected']);
  });

  it('does not speak of saving to someone who cannot edit', () => {
    expect(describeStatus(base, false).keys).toEqual(['editor.status.connected']);
    expect(describeStatus({ ...base, unsaved: true }, false)).toEqual({
      keys: ['editor.status.connected', 'editor.status.notSaved'],
      tone: 'problem',
    });
  });

  it('tells a lost connection apart from the first one, and mentions edits still to send', () => {
    expect(describeStatus({ ...base, connection: 'connecting', synced: false }, true).keys).toEqual([
      'editor.status.connecting',
    ]);
    expect(describeStatus({ ...base, connection: 'reconnecting', synced: false }, true)).toEqual({
      keys: ['editor.status.reconnecting'],
      tone: 'problem',
    });
    expect(describeStatus({ ...base, connection: 'reconnecting', unsaved: true }, true).keys).toEqual([
      'editor.status.reconnecting',
      'editor.status.unsavedOffline',
    ]);
    expect(describeStatus({ ...base, connection: 'ended', endedWith: 4403 }, true).keys).toEqual(['editor.status.ended']);
  });

  it('says after an end whether edits went unsaved with it', () => {
    expect(describeStatus({ ...base, connection: 'ended', endedWith: 4403, unsaved: true }, false)).toEqual({
      keys: ['editor.status.ended', 'editor.status.notSaved'],
      tone: 'problem',
    });
  });
});

describe('endedMessage()', () => {
  it('tells the trash apart from an access that ended', () => {
    expect(endedMessage(4410, false)).toBe('editor.ended.trashed');
    expect(endedMessage(4403, false)).toBe('editor.ended.forbidden');
  });

  it('says plainly that the last changes were not saved when the access ended with some in this tab', () => {
    expect(endedMessage(4403, true)).toBe('editor.ended.forbiddenUnsaved');
  });

  it('names the other ends, and a general one for codes it does not know', () => {
    expect([4401, 4413, 1009, 4400, null].map((code) => endedMessage(code, false))).toEqual([
      'editor.ended.signedOut',
      'editor.ended.tooLarge',
      'editor.ended.changeTooLarge',
      'editor.ended.other',
      'editor.ended.other',
    ]);
  });
});
