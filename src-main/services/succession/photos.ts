// Employee photos: imported from images named by employee number (E000123.jpg), or a zip of them;
// each is checked (a real PNG or JPEG, not too large), cropped to a square and stored as a small PNG.
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import JSZip from 'jszip';
import type { Input } from '../../../src-shared/api';
import { MAX_PHOTO_BYTES, MAX_PHOTO_ZIP_BYTES } from '../../../src-shared/api/succession';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { jsonIds } from './common';

/** Stored photos are squares of this many pixels: sharp on the chart and in exports, small in the file. */
export const PHOTO_SIZE = 192;
/** Images with more pixels than this are refused before decoding (a small file can claim a huge picture). */
const MAX_PIXELS = 40_000_000;
const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

interface Candidate { fileName: string; bytes: Buffer }
interface Checked { fileName: string; employeeId: string; png: Buffer }

export async function importPhotos(ctx: ServiceContext, input: Input<'succession.importPhotos'>): Promise<{ imported: number; replaced: number }> {
  const issues: ErrorIssue[] = [];
  const candidates: Candidate[] = [];
  for (const [index, file] of input.files.entries()) {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (/\.zip$/i.test(file.fileName)) {
      if (bytes.length > MAX_PHOTO_ZIP_BYTES) issues.push(issue(index, `${file.fileName} is larger than ${MB(MAX_PHOTO_ZIP_BYTES)}; split it into smaller zips.`));
      else candidates.push(...(await unzip(file.fileName, bytes, issues, index)));
    } else candidates.push({ fileName: file.fileName, bytes });
  }
  const numbers = employeeNumbers(ctx);
  const checked: Checked[] = [];
  const seen = new Map<string, string>();
  candidates.forEach((candidate, index) => {
    const problem = checkImage(candidate);
    if (problem) return void issues.push(issue(index, problem));
    const number = path.basename(candidate.fileName).replace(/\.[^.]+$/, '').trim().toLowerCase();
    const employeeId = numbers.get(number);
    if (!employeeId) return void issues.push(issue(index, `${candidate.fileName}: no employee has the number "${number.toUpperCase()}"; name each photo by employee number (E000123.jpg).`));
    if (seen.has(employeeId)) return void issues.push(issue(index, `${candidate.fileName} and ${seen.get(employeeId)} are both for employee ${number.toUpperCase()}; keep one.`));
    seen.set(employeeId, candidate.fileName);
    const png = normalise(candidate);
    if (!png) return void issues.push(issue(index, `${candidate.fileName} could not be read as an image.`));
    checked.push({ fileName: candidate.fileName, employeeId, png });
  });
  if (candidates.length === 0 && issues.length === 0) issues.push(issue(0, 'The zip holds no images.'));
  if (issues.length) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new AppError('VALIDATION', `${issues[0].message}${more} No photos were stored.`, issues);
  }
  if (input.dryRun) return { imported: checked.length, replaced: 0 };
  return storePhotos(ctx, checked);
}

const issue = (index: number, message: string): ErrorIssue => ({ path: ['files', index], message });

async function unzip(zipName: string, bytes: Buffer, issues: ErrorIssue[], index: number): Promise<Candidate[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    issues.push(issue(index, `${zipName} is not a readable zip file.`));
    return [];
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir && !/(^|\/)(__MACOSX|\.)/.test(entry.name));
  const out: Candidate[] = [];
  for (const entry of entries) {
    // The size the entry claims, checked before inflating it.
    const claimed = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (claimed > MAX_PHOTO_BYTES) {
      issues.push(issue(index, `${entry.name} in ${zipName} is larger than ${MB(MAX_PHOTO_BYTES)}; photos are at most ${MB(MAX_PHOTO_BYTES)} each.`));
      continue;
    }
    out.push({ fileName: entry.name, bytes: await entry.async('nodebuffer') });
  }
  return out;
}

/** What is wrong with a file as a photo, or null: a PNG or JPEG by its content, within the size limits. */
export function checkImage(candidate: Candidate): string | null {
  const { fileName, bytes } = candidate;
  if (bytes.length > MAX_PHOTO_BYTES) return `${fileName} is larger than ${MB(MAX_PHOTO_BYTES)}; photos are at most ${MB(MAX_PHOTO_BYTES)} each.`;
  const size = imageSize(bytes);
  if (!size) return `${fileName} is not a PNG or JPEG image.`;
  if (size.width * size.height > MAX_PIXELS) return `${fileName} is ${size.width} × ${size.height} pixels; photos are at most 40 megapixels.`;
  return null;
}

/** Width and height from a PNG's header or a JPEG's frame header; null when the bytes are neither. */
export function imageSize(bytes: Buffer): { width: number; height: number; type: 'png' | 'jpeg' } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), type: 'png' };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1];
      const length = bytes.readUInt16BE(offset + 2);
      // Start-of-frame markers (baseline, progressive…), not DHT (C4), JPG (C8) or DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7), type: 'jpeg' };
      }
      offset += 2 + length;
    }
  }
  return null;
}

/** A square PNG of the photo's centre, drawn by resvg; null when nothing could be decoded. */
function normalise(candidate: Candidate): Buffer | null {
  const type = imageSize(candidate.bytes)!.type;
  const href = `data:image/${type};base64,${candidate.bytes.toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_SIZE}" height="${PHOTO_SIZE}"><image width="${PHOTO_SIZE}" height="${PHOTO_SIZE}" preserveAspectRatio="xMidYMid slice" href="${href}"/></svg>`;
  try {
    const rendered = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    const pixels = rendered.pixels;
    let opaque = false;
    for (let k = 3; k < pixels.length; k += 4 * 97) if (pixels[k] > 0) { opaque = true; break; }
    return opaque ? rendered.asPng() : null;
  } catch {
    return null;
  }
}

function employeeNumbers(ctx: ServiceContext): Map<string, string> {
  const rows = ctx.store.raw.prepare(`SELECT id, employee_number AS number FROM employee WHERE archived = 0`).all() as { id: string; number: string }[];
  return new Map(rows.map((row) => [row.number.trim().toLowerCase(), row.id]));
}

async function storePhotos(ctx: ServiceContext, photos: Checked[]): Promise<{ imported: number; replaced: number }> {
  const db = ctx.store.raw;
  const existing = new Set((db.prepare(`SELECT employee_id AS id FROM employee_photo WHERE employee_id IN (SELECT value FROM json_each(?))`).all(jsonIds(photos.map((p) => p.employeeId))) as { id: string }[]).map((r) => r.id));
  const upsert = db.prepare(`INSERT INTO employee_photo (employee_id, mime_type, data, source_name, updated_at) VALUES (?, 'image/png', ?, ?, ?)
    ON CONFLICT (employee_id) DO UPDATE SET mime_type = excluded.mime_type, data = excluded.data, source_name = excluded.source_name, updated_at = excluded.updated_at`);
  for (const photo of photos) upsert.run(photo.employeeId, photo.png, photo.fileName, ctx.now);
  await recordAudit(ctx, photos.map((photo) => ({
    entity: 'employee_photo', entityId: photo.employeeId, action: existing.has(photo.employeeId) ? ('update' as const) : ('create' as const), after: { sourceName: photo.fileName, bytes: photo.png.length },
  })));
  return { imported: photos.length, replaced: existing.size };
}

export async function removePhotos(ctx: ServiceContext, employeeIds: string[]): Promise<number> {
  const db = ctx.store.raw;
  const found = (db.prepare(`SELECT employee_id AS id, source_name AS sourceName FROM employee_photo WHERE employee_id IN (SELECT value FROM json_each(?))`).all(jsonIds(employeeIds)) as { id: string; sourceName: string | null }[]);
  db.prepare(`DELETE FROM employee_photo WHERE employee_id IN (SELECT value FROM json_each(?))`).run(jsonIds(employeeIds));
  await recordAudit(ctx, found.map((row) => ({ entity: 'employee_photo', entityId: row.id, action: 'delete' as const, before: { sourceName: row.sourceName } })));
  return found.length;
}

/** Photos as PNG bytes by employee (for the exports). */
export function photoBytes(ctx: ServiceContext, employeeIds: Iterable<string>): Map<string, Buffer> {
  const ids = [...new Set(employeeIds)];
  const out = new Map<string, Buffer>();
  const stmt = ctx.store.raw.prepare(`SELECT employee_id AS id, data FROM employee_photo WHERE employee_id IN (SELECT value FROM json_each(?))`);
  for (let k = 0; k < ids.length; k += 2000) {
    for (const row of stmt.all(JSON.stringify(ids.slice(k, k + 2000))) as { id: string; data: Buffer }[]) out.set(row.id, row.data);
  }
  return out;
}

export function getPhotos(ctx: ServiceContext, employeeIds: string[]): { employeeId: string; dataUrl: string }[] {
  return [...photoBytes(ctx, employeeIds)].map(([employeeId, data]) => ({ employeeId, dataUrl: `data:image/png;base64,${data.toString('base64')}` }));
}
