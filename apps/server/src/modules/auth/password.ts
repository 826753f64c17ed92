import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id (the library's default algorithm; its const enum cannot be named under
 * isolatedModules) with OWASP's minimum of 19 MiB, 2 passes, 1 lane unless configured higher.
 */
export class PasswordHasher {
  private readonly options;
  private dummy: Promise<string> | null = null;

  constructor(memoryKiB: number) {
    this.options = { memoryCost: memoryKiB, timeCost: 2, parallelism: 1 };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(storedHash: string, password: string): Promise<boolean> {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of one verification without an account, so that an unknown email
   * cannot be told from a wrong password by timing.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('kapitel-timing-equaliser');
    await this.verify(await this.dummy, password);
    return false;
  }
}
