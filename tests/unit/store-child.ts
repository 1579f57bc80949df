// A second process for the store tests (run with `node --import tsx`):
//   open <db>… (create:<db>)   tries to open each <db> in turn (creating when asked), printing one line
//                              per file: {"ok":true} or {"ok":false,"message":…}
//   backup <db> <target> <MB>  makes a Canopy database of about MB megabytes, backs it up to <target>
//                              through the API, and freezes halfway (printing "halfway") to be killed.
import { createAppHost } from '../../src-main/app-host';
import { storeSchema } from '../../src-main/areas';
import { openStore } from '../../src-main/store/data-source';

const [command, db, ...rest] = process.argv.slice(2);

async function open() {
  for (const spec of [db, ...rest]) {
    const create = spec.startsWith('create:');
    try {
      const store = await openStore(create ? spec.slice(7) : spec, storeSchema, { create });
      await store.close();
      console.log(JSON.stringify({ ok: true }));
    } catch (error) {
      console.log(JSON.stringify({ ok: false, message: (error as Error).message }));
    }
  }
}

async function backupAndFreeze() {
  const [target, megabytes] = rest;
  const app = await createAppHost(db, { validateOutput: false });
  const filler = 'x'.repeat(4000);
  const insert = app.store().raw.prepare(`INSERT INTO audit_event (id, at, actor, entity, entity_id, action, after) VALUES (?, '2026-01-01', 'test', 'filler', ?, 'create', ?)`);
  app.store().raw.transaction(() => {
    for (let i = 0; i < Number(megabytes) * 250; i++) insert.run(`filler-${i}`, String(i), filler);
  })();
  app.subscribe((event) => {
    if (event.type === 'progress' && event.done > 0 && event.done < event.total) {
      process.stdout.write(`halfway ${event.done}/${event.total}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // frozen mid-backup until killed
    }
  });
  const result = await app.call('admin.backupDatabase', { path: target });
  console.log(`finished ${JSON.stringify(result)}`);
}

(command === 'open' ? open() : backupAndFreeze()).catch((error) => {
  console.error(error);
  process.exit(1);
});
