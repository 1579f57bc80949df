import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../../src-shared/errors';

/*
 * Just enough of ZIP to read an XLSX safely. The central directory is read first, and a
 * workbook whose entries say they unpack to more than MAX_UNPACKED is refused before anything
 * is inflated; while inflating, the bytes are counted and an entry that produces more than it
 * declared (a zip bomb lies about its sizes) stops at once. Nothing is inflated whole: entries
 * are streamed in chunks to whoever parses them.
 */

/** What an import may unpack from one workbook: far above any real sheet of 200,000 rows. */
export const MAX_UNPACKED = 256 * 1024 * 1024;
/** Parts up to this size are inflated in one call; larger ones (big sheets) are streamed. */
const INFLATE_AT_ONCE = 4 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;

export class ZipReader {
  readonly entries: Map<string, ZipEntry>;
  private unpacked = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly fileName: string,
  ) {
    this.entries = readCentralDirectory(bytes, fileName);
    const declared = [...this.entries.values()].reduce((sum, e) => sum + e.size, 0);
    if (declared > MAX_UNPACKED) throw tooLarge(fileName, `would unpack to ${megabytes(declared)}`);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, in chunks, never more than it declared nor more than the workbook's cap. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw damaged(this.fileName);
    const data = this.compressedData(entry);
    if (entry.method === 0) {
      this.count(entry, data.length, data.length);
      yield data;
      return;
    }
    if (entry.method !== 8) throw new AppError('VALIDATION', `${this.fileName} uses a kind of compression Canopy cannot read; save it again from Excel.`);
    if (entry.size <= INFLATE_AT_ONCE) {
      yield this.inflateSmall(entry, data);
      return;
    }
    // Large output chunks: each one is a trip to the thread pool.
    const inflater = createInflateRaw({ chunkSize: 512 * 1024 });
    Readable.from([data]).pipe(inflater);
    let produced = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        produced += chunk.length;
        this.count(entry, produced, chunk.length);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw damaged(this.fileName);
    } finally {
      inflater.destroy();
    }
  }

  /** A small part in one synchronous call (no thread-pool trips), never past what it declared. */
  private inflateSmall(entry: ZipEntry, data: Buffer): Buffer {
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(this.fileName, `unpacks to more than it declares (${entry.name})`);
      throw damaged(this.fileName);
    }
    this.count(entry, out.length, out.length);
    return out;
  }

  async text(name: string): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(name)) parts.push(chunk);
    return Buffer.concat(parts).toString('utf8');
  }

  private count(entry: ZipEntry, producedByEntry: number, chunk: number) {
    this.unpacked += chunk;
    if (producedByEntry > entry.size) throw tooLarge(this.fileName, `unpacks to more than it declares (${entry.name})`);
    if (this.unpacked > MAX_UNPACKED) throw tooLarge(this.fileName, `unpacks to more than ${megabytes(MAX_UNPACKED)}`);
  }

  private compressedData(entry: ZipEntry): Buffer {
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_HEADER) throw damaged(this.fileName);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw damaged(this.fileName);
    return this.bytes.subarray(start, end);
  }
}

function readCentralDirectory(bytes: Buffer, fileName: string): Map<string, ZipEntry> {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw damaged(fileName);
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) ({ count, offset } = readZip64End(bytes, eocd, fileName));
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER) throw damaged(fileName);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    applyZip64Extra(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.set(entry.name.replace(/^\//, ''), entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
}

function readZip64End(bytes: Buffer, eocd: number, fileName: string) {
  const locator = eocd - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_EOCD_LOCATOR) throw damaged(fileName);
  const at = Number(bytes.readBigUInt64LE(locator + 8));
  if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_EOCD) throw damaged(fileName);
  return { count: Number(bytes.readBigUInt64LE(at + 32)), offset: Number(bytes.readBigUInt64LE(at + 48)) };
}

/** Sizes that do not fit 32 bits are in the ZIP64 extra field, in this order, only when needed. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer) {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= at + 4 + length ? Number(extra.readBigUInt64LE(field)) : 0;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

const damaged = (fileName: string) => new AppError('VALIDATION', `${fileName} is not a readable Excel (.xlsx) workbook (it may be damaged).`);

const tooLarge = (fileName: string, what: string) =>
  new AppError(
    'VALIDATION',
    `${fileName} ${what}, more than an import reads (${megabytes(MAX_UNPACKED)}); it may be damaged or built to overload the computer. Nothing was read. Save the sheet as CSV, or split it, and import again.`,
  );
