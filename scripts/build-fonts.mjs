// Makes resources/fonts: the Unicode fonts that every exported file (PDF now; SVG, PNG later) embeds.
// The result is committed; this script documents how it was made and remakes it.
//
// Sources are Debian's Noto packages (SIL Open Font License 1.1):
//   apt-get install fonts-noto-core fonts-noto-cjk
//   node scripts/build-fonts.mjs [--core DIR] [--cjk DIR]
// (defaults /usr/share/fonts/truetype/noto and /usr/share/fonts/opentype/noto).
//
// - Latin, Greek, Cyrillic (Noto Sans), Arabic, Hebrew, Devanagari, Thai, Armenian, Georgian:
//   copied whole, regular and bold (plus Noto Sans italic).
// - CJK: Noto Sans CJK ships as 19–20 MB collections per weight. We take the Simplified Chinese
//   face and keep the characters names are written in (hanCharacters and HANGUL below), as unhinted
//   CFF without OpenType layout tables: about 6 MB a weight, in two files (Han, Hangul).
//   Unhinted because hb-subset (WebAssembly, fixed 65 MB heap) cannot subset this many CFF glyphs
//   with hints; hints matter little in print and at PDF zoom levels.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const subsetFont = require('subset-font');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const coreDir = args.core ?? '/usr/share/fonts/truetype/noto';
const cjkDir = args.cjk ?? '/usr/share/fonts/opentype/noto';
const outDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'resources', 'fonts');

const COPIED = [
  'NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf',
  'NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf',
  'NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf',
  'NotoSansDevanagari-Regular.ttf', 'NotoSansDevanagari-Bold.ttf',
  'NotoSansThai-Regular.ttf', 'NotoSansThai-Bold.ttf',
  'NotoSansArmenian-Regular.ttf', 'NotoSansArmenian-Bold.ttf',
  'NotoSansGeorgian-Regular.ttf', 'NotoSansGeorgian-Bold.ttf',
];

/** Face 2 of Debian's NotoSansCJK-*.ttc is "Noto Sans CJK SC" (0 JP, 1 KR, 2 SC, 3 TC, 4 HK). */
const CJK_FACE = 2;
// Two files a weight: hb-subset's fixed heap cannot take Han and Hangul (32,000+ glyphs) at once.
const CJK = [
  { source: 'NotoSansCJK-Regular.ttc', output: 'NotoSansCJKsc-Regular-Han.otf', characters: () => hanCharacters() },
  { source: 'NotoSansCJK-Regular.ttc', output: 'NotoSansCJKsc-Regular-Hangul.otf', characters: () => HANGUL },
  { source: 'NotoSansCJK-Bold.ttc', output: 'NotoSansCJKsc-Bold-Han.otf', characters: () => hanCharacters() },
  { source: 'NotoSansCJK-Bold.ttc', output: 'NotoSansCJKsc-Bold-Hangul.otf', characters: () => HANGUL },
];

/** Every character of a double-byte legacy encoding's rows, decoded by the runtime's own tables. */
function decodeRows(encoding, leadBytes, trailBytes) {
  const decoder = new TextDecoder(encoding);
  const characters = [];
  for (let lead = leadBytes[0]; lead <= leadBytes[1]; lead++) {
    for (let trail = trailBytes[0]; trail <= trailBytes[1]; trail++) {
      const text = decoder.decode(Uint8Array.of(lead, trail));
      if (text.length > 0 && !text.includes('\uFFFD')) characters.push(...text);
    }
  }
  return characters;
}

const range = (first, last) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i));

const HANGUL = [
  ...range(0xac00, 0xd7a3), // every modern Hangul syllable (Korean names are not bound to KS X 1001's 2,350)
  ...range(0x1100, 0x11ff), // Hangul jamo
  ...range(0x3130, 0x318f), // Hangul compatibility jamo
];

/**
 * Chinese and Japanese: every ideograph of the basic CJK Unified Ideographs block (20,992: names use
 * characters well outside GB 2312 and JIS X 0208, such as 堃, 珺, 赟, 垚) and the compatibility
 * ideographs some Korean hanja decode to; kana, CJK punctuation, full-width and enclosed forms; and every
 * other character of the national double-byte sets (GB 2312, Big5, JIS X 0208, KS X 1001), i.e. the symbols
 * people type in these locales.
 */
function hanCharacters() {
  const hangul = new Set(HANGUL);
  const legacy = [
    ...decodeRows('gb2312', [0xa1, 0xf7], [0xa1, 0xfe]),
    ...decodeRows('big5', [0xa1, 0xf9], [0x40, 0xfe]),
    ...decodeRows('euc-jp', [0xa1, 0xfe], [0xa1, 0xfe]),
    ...decodeRows('euc-kr', [0xa1, 0xfe], [0xa1, 0xfe]),
  ].filter((character) => !hangul.has(character));
  return [
    ...range(0x4e00, 0x9fff), // CJK Unified Ideographs
    ...range(0xf900, 0xfaff), // CJK Compatibility Ideographs
    ...range(0x3000, 0x303f), // CJK symbols and punctuation
    ...range(0x3040, 0x30ff), // Hiragana, Katakana
    ...range(0x31f0, 0x31ff), // Katakana phonetic extensions
    ...range(0x3200, 0x32ff), // Enclosed CJK letters
    ...range(0xff00, 0xffef), // Half-width and full-width forms
    ...legacy,
  ];
}

/** One face of a TrueType/OpenType collection as a standalone font file (tables copied, offsets rewritten). */
function faceOfCollection(collection, index) {
  if (collection.toString('latin1', 0, 4) !== 'ttcf') throw new Error('Not a font collection (.ttc).');
  const start = collection.readUInt32BE(12 + 4 * index);
  const tableCount = collection.readUInt16BE(start + 4);
  const tables = Array.from({ length: tableCount }, (_, i) => {
    const record = start + 12 + 16 * i;
    return { record, offset: collection.readUInt32BE(record + 8), length: collection.readUInt32BE(record + 12) };
  });
  let size = 12 + 16 * tableCount;
  const placed = tables.map((table) => {
    const at = size;
    size += (table.length + 3) & ~3;
    return at;
  });
  const font = Buffer.alloc(size);
  collection.copy(font, 0, start, start + 12);
  tables.forEach((table, i) => {
    const record = 12 + 16 * i;
    collection.copy(font, record, table.record, table.record + 16);
    font.writeUInt32BE(placed[i], record + 8);
    collection.copy(font, placed[i], table.offset, table.offset + table.length);
  });
  return font;
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

fs.mkdirSync(outDir, { recursive: true });
for (const file of COPIED) {
  fs.copyFileSync(path.join(coreDir, file), path.join(outDir, file));
  console.log(`${file}: ${megabytes(fs.statSync(path.join(outDir, file)).size)} (copied)`);
}
for (const { source, output, characters: list } of CJK) {
  const face = faceOfCollection(fs.readFileSync(path.join(cjkDir, source)), CJK_FACE);
  const characters = [...new Set(list())].join('');
  const subset = await subsetFont(face, characters, {
    targetFormat: 'sfnt',
    noHinting: true,
    preserveNameIds: [13, 14], // the licence and its URL, beside the names hb-subset keeps
    // Vertical metrics, baseline and layout tables: horizontal names need none of them.
    dropTables: ['GSUB', 'GPOS', 'BASE', 'VORG', 'vhea', 'vmtx'],
  });
  fs.writeFileSync(path.join(outDir, output), subset);
  console.log(`${output}: ${megabytes(subset.length)} (${[...characters].length} characters of ${source} face ${CJK_FACE})`);
}
const total = fs.readdirSync(outDir).reduce((sum, file) => sum + fs.statSync(path.join(outDir, file)).size, 0);
console.log(`resources/fonts: ${megabytes(total)}`);
