// Re-packs a stored (uncompressed) zip with Node's native deflate. pptxgenjs compresses through JSZip's
// JavaScript deflate, which took about half of a large deck's export time.
import zlib from 'node:zlib';

interface Entry { name: Buffer; crc: number; size: number; data: Buffer; offset: number; method: 0 | 8 }

/** The files of a zip whose entries are all stored uncompressed, with their CRCs, from its central directory. */
function storedEntries(zip: Buffer): { name: Buffer; crc: number; content: Buffer }[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('Not a zip file.');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files: { name: Buffer; crc: number; content: Buffer }[] = [];
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('A damaged zip directory.');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength);
    if (method !== 0) throw new Error('Expected a zip of stored entries.');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (!name.toString('utf8').endsWith('/')) files.push({ name, crc, content: zip.subarray(dataStart, dataStart + size) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The same files in the same order, deflated (level 6) where that makes them smaller. */
export async function deflateZip(stored: Buffer): Promise<Buffer> {
  const parts: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const { name, crc, content } of storedEntries(stored)) {
    const deflated = zlib.deflateRawSync(content, { level: 6 });
    const compress = deflated.length < content.length;
    const data = compress ? deflated : content;
    const entry: Entry = { name, crc, size: content.length, data, offset, method: compress ? 8 : 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, data);
    offset += header.length + name.length + data.length;
    entries.push(entry);
  }
  const central: Buffer[] = [];
  for (const entry of entries) {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt32LE(0x00210000, 12);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.data.length, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt32LE(entry.offset, 42);
    central.push(record, entry.name);
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
