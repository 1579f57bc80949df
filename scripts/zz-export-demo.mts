import fs from 'node:fs';
import { createAppHost } from '../src-main/app-host';
const file = '/tmp/cal-demo.sqlite';
for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
const app = await createAppHost(file, { validateOutput: true });
const ok = async (m: string, i: unknown) => { const r = await app.call(m, i); if (!r.ok) throw new Error(m + ' ' + JSON.stringify(r.error)); return r.data as any; };
let t = Date.now();
await ok('admin.loadDemoOrganisation', { employees: Number(process.argv[2] ?? 500) });
console.log('demo', Date.now() - t);
const { rows } = await ok('calibration.listSessions', {});
for (const s of rows) {
  console.log(s.name, s.status, s.memberCount, s.summary ? JSON.stringify({ up: s.summary.movedUp, down: s.summary.movedDown, within: s.summary.evaluation?.within }) : '');
  for (const kind of ['Pdf', 'Pptx', 'Xlsx']) {
    t = Date.now();
    const f = await ok(`calibration.export${kind}`, { id: s.id });
    fs.writeFileSync(`/tmp/${s.status}.${kind.toLowerCase()}`, Buffer.from(f.contentBase64, 'base64'));
    console.log(kind, Date.now() - t, 'ms', f.fileName);
  }
}
await app.close();
