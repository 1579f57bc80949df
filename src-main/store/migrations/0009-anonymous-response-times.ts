import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/**
 * Anonymous questionnaires keep no time per person: an invitation's `responded_at` held when the
 * person answered, and the audit event of each response named the invitation, so reading the
 * results before and after a response tied it to them. Invitations now hold the questionnaire's
 * opening time (meaning only "responded"), and those audit events name the questionnaire.
 */
export class AnonymousResponseTimes0009 implements MigrationInterface {
  name = migrationName('AnonymousResponseTimes', 9);

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      UPDATE audit_event
         SET entity = 'questionnaire',
             entity_id = (SELECT i.questionnaire_id FROM questionnaire_invitation i WHERE i.id = audit_event.entity_id),
             before = NULL,
             after = json_object('responseAdded', json('true'), 'source', json_extract(after, '$.source'))
       WHERE entity = 'questionnaire_invitation'
         AND entity_id IN (SELECT i.id FROM questionnaire_invitation i JOIN questionnaire q ON q.id = i.questionnaire_id WHERE q.anonymous = 1)`);
    await runner.query(`
      UPDATE questionnaire_invitation
         SET responded_at = (SELECT coalesce(q.opened_at, q.created_at) FROM questionnaire q WHERE q.id = questionnaire_invitation.questionnaire_id)
       WHERE responded_at IS NOT NULL
         AND questionnaire_id IN (SELECT id FROM questionnaire WHERE anonymous = 1)`);
  }

  async down(): Promise<void> {
    // The times were removed on purpose; they cannot come back.
  }
}
