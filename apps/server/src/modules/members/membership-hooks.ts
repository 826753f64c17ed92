import type { Role } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';

/** A member's role changed (`after` is the new role) or the member left (`after` null). */
export interface MembershipChange {
  actor: Actor;
  projectId: string;
  userId: string;
  before: Role;
  after: Role | null;
}

/** Runs inside the transaction that changes the membership, so both commit or neither. */
export type MembershipListener = (change: MembershipChange, em: EntityManager) => Promise<void>;

/**
 * Lets features that hold per-member state (assignments, live connections) follow
 * membership changes without the members module knowing them.
 */
@Injectable()
export class MembershipHooks {
  private readonly listeners: MembershipListener[] = [];

  register(listener: MembershipListener): void {
    this.listeners.push(listener);
  }

  async changed(change: MembershipChange, em: EntityManager): Promise<void> {
    for (const listener of this.listeners) {
      await listener(change, em);
    }
  }
}
