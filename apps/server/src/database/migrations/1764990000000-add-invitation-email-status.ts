import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an invitation's link was e-mailed (docs/invitations.md): `sent`, `failed` or `off`
 * (no e-mail tried). Invitations from before were never e-mailed, hence the default.
 */
export class AddInvitationEmailStatus1764990000000 implements MigrationInterface {
  name = 'AddInvitationEmailStatus1764990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invitations ADD COLUMN email_status text NOT NULL DEFAULT 'off'`);
    await queryRunner.query(
      `ALTER TABLE invitations ADD CONSTRAINT chk_invitations_email_status CHECK (email_status IN ('sent', 'failed', 'off'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invitations DROP CONSTRAINT chk_invitations_email_status`);
    await queryRunner.query(`ALTER TABLE invitations DROP COLUMN email_status`);
  }
}
