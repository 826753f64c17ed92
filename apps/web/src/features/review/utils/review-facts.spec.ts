import { describe, expect, it } from '@jest/globals';
import type { Member, ReviewState, Section, Transition } from '@kapitel/domain';
import { reviewFacts } from './review-facts';

const section = (state: ReviewState, reviewerId: string | null = 'rita'): Section =>
  ({ id: 's1', state, reviewerId }) as Section;
const step = (id: string, action: Transition['action'], note: string | null): Transition => ({
  id,
  from: 'in_review',
  to: action === 'request_changes' ? 'changes_requested' : 'draft',
  action,
  actorId: 'rita',
  actorName: 'Rita Prüfer',
  note,
  at: '2026-11-30T08:00:00.000Z',
});
const rita: Member = { userId: 'rita', name: 'Rita Prüfer', email: 'rita@example.org', organisation: null, role: 'reviewer' };

describe('reviewFacts()', () => {
  it('takes the last request for changes from the history while changes are requested, and none in other states', () => {
    const history = [step('t1', 'request_changes', 'Erste Runde'), step('t2', 'submit', null), step('t3', 'request_changes', 'Spalte „Jahr“')];
    expect(reviewFacts(section('changes_requested'), history, [rita]).changeRequest?.note).toBe('Spalte „Jahr“');
    expect(reviewFacts(section('draft'), history, [rita]).changeRequest).toBeNull();
    expect(reviewFacts(section('changes_requested'), undefined, [rita]).changeRequest).toBeNull();
  });

  it('names the reviewer in review once the members are there, and nobody when the reviewer left or none is named', () => {
    expect(reviewFacts(section('in_review'), [], [rita]).reviewerName).toBe('Rita Prüfer');
    expect(reviewFacts(section('in_review'), [], undefined).reviewerName).toBeUndefined();
    expect(reviewFacts(section('in_review'), [], []).reviewerName).toBeNull();
    expect(reviewFacts(section('in_review', null), [], undefined).reviewerName).toBeNull();
  });
});
