import type Database from 'better-sqlite3';
import { migrationName } from './kit';

/**
 * Files made before migrations were numbered recorded them under invented timestamps, and ran
 * the journal and the goal library as one migration. Their records are renamed before TypeORM
 * looks, so it sees the numbered migrations as applied.
 */
const LEGACY: [string, [string, number][]][] = [
  ['Initial1795651200000', [['Initial', 1]]],
  ['Skills1795737600000', [['Skills', 2]]],
  ['Goals1795824000000', [['Goals', 3]]],
  ['Reviews1795910400000', [['Reviews', 4]]],
  ['Journal1795996800000', [['Journal', 5], ['GoalLibrary', 6]]],
  ['Questionnaires1796083200000', [['Questionnaires', 7]]],
];

export function renameLegacyMigrations(db: Database.Database): void {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get();
  if (!table) return;
  const remove = db.prepare(`DELETE FROM migrations WHERE name = ?`);
  const insert = db.prepare(`INSERT INTO migrations (timestamp, name) VALUES (?, ?)`);
  db.transaction(() => {
    for (const [oldName, numbered] of LEGACY) {
      if (remove.run(oldName).changes === 0) continue;
      for (const [title, number] of numbered) insert.run(number, migrationName(title, number));
    }
  })();
}
