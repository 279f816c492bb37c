// Bytes → text: BOM sniffing, UTF-8 (strict) with a Windows-1252 fallback for French Excel exports,
// UTF-16 with BOM (or obvious UTF-16 LE/BE without BOM), and binary detection (NUL bytes, magic numbers).
import { bytesToMb, MAX_IMPORT_BYTES } from './limits.ts';
import { msg } from './messages.ts';
import type { ImportMessage, TextEncoding } from './types.ts';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding; bom: boolean; warnings: ImportMessage[] }
  | { ok: false; error: ImportMessage };

export type BinaryFormat = 'ZIP' | 'XLS' | 'PNG' | 'JPEG' | 'GIF' | 'PDF' | 'GZIP' | '7Z' | 'RAR' | 'UTF-32' | 'binary';

const MAGIC: { format: BinaryFormat; bytes: number[] }[] = [
  { format: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { format: 'XLS', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { format: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { format: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { format: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { format: 'GZIP', bytes: [0x1f, 0x8b] },
  { format: '7Z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { format: 'UTF-32', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { format: 'UTF-32', bytes: [0x00, 0x00, 0xfe, 0xff] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Known binary container from the first bytes, or null. */
export function sniffMagic(bytes: Uint8Array): BinaryFormat | null {
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return m.format;
  return null;
}

/** A ZIP whose first entries look like an Office Open XML workbook. */
export function looksLikeXlsxZip(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
  const head = latin1(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  return head.includes('[Content_Types].xml') || head.includes('xl/');
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  }
  return s;
}

/** UTF-16 without BOM: NUL bytes almost only at odd (LE) or even (BE) offsets in an ASCII-heavy start. */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.7 && zeroEven <= pairs * 0.02) return 'utf-16le';
  if (zeroEven >= pairs * 0.7 && zeroOdd <= pairs * 0.02) return 'utf-16be';
  return null;
}

function hasNul(text: string): boolean {
  return text.indexOf('\u0000') !== -1;
}

export function checkSize(name: string, size: number): ImportMessage | null {
  if (size > MAX_IMPORT_BYTES) {
    return msg('import.file.tooLarge', { name, sizeMb: bytesToMb(size), maxMb: bytesToMb(MAX_IMPORT_BYTES) });
  }
  return null;
}

/**
 * Decodes a text file. Never throws.
 * Order: size → empty → magic numbers → BOM → UTF-16 heuristic → NUL bytes → strict UTF-8 → Windows-1252.
 */
export function decodeBytes(bytes: Uint8Array, name = 'fichier'): DecodeResult {
  const tooLarge = checkSize(name, bytes.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  if (bytes.length === 0) return { ok: false, error: msg('import.file.empty', { name }) };

  const magic = sniffMagic(bytes);
  if (magic) {
    if (magic === 'ZIP' && looksLikeXlsxZip(bytes))
      return { ok: false, error: msg('import.file.xlsxNamedCsv', { name }) };
    if (magic === 'XLS') return { ok: false, error: msg('import.file.xlsUnsupported', { name }) };
    return { ok: false, error: msg('import.file.binary', { name, format: magic }) };
  }

  let encoding: TextEncoding;
  let body = bytes;
  let bom = false;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
    bom = true;
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
    bom = true;
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
    bom = true;
  } else {
    encoding = guessUtf16WithoutBom(bytes) ?? 'utf-8';
  }

  const warnings: ImportMessage[] = [];
  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    text = new TextDecoder(encoding).decode(body);
  } else {
    if (body.indexOf(0) !== -1) return { ok: false, error: msg('import.file.binary', { name, format: 'binary' }) };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      encoding = 'windows-1252';
      text = decodeWindows1252(body);
      warnings.push(msg('import.decode.windows1252'));
      const suspect = findSuspectCp1252(text);
      if (suspect) warnings.push(msg('import.decode.suspectEncoding', { ...suspect, encoding: 'Windows-1252' }));
    }
  }
  if (hasNul(text)) return { ok: false, error: msg('import.file.binary', { name, format: 'binary' }) };
  if (text.trim() === '') return { ok: false, error: msg('import.file.empty', { name }) };
  const moji = findMojibake(text);
  if (moji) warnings.push(msg('import.decode.mojibake', moji));
  return { ok: true, text, encoding, bom, warnings };
}

// Windows-1252 characters of bytes 0x80–0x9F (undefined bytes keep their C1 code point, as in WHATWG).
const CP1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Windows-1252 through TextDecoder, then bytes 0x80–0x9F re-mapped: some runtimes (Node builds with
 * limited ICU) decode the 'windows-1252' label as ISO-8859-1 and leave C1 control characters there.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  return text.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function sampleAround(text: string, index: number): string {
  let start = index;
  while (start > 0 && index - start < 12 && !/[\s;,\t|"]/.test(text.charAt(start - 1))) start--;
  let end = index + 1;
  while (end < text.length && end - index < 12 && !/[\s;,\t|"]/.test(text.charAt(end))) end++;
  return text.slice(start, end);
}

// UTF-8 text decoded as Latin-1/Windows-1252 then re-encoded: "Ã©", "Ã¨", "Ã§", "Ã´", "â€™"…
const MOJIBAKE =
  /Ã[\u0080-\u00BF\u2018-\u203A\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC]|â€[\u0099\u2122\u0153\u009D\u201C\u201D\u00A6\u00A2\u201A]/;

/** First place (1-based line, short sample) where UTF-8 bytes were decoded twice. */
function findMojibake(text: string): { row: number; sample: string } | null {
  const m = MOJIBAKE.exec(text.length > 2_000_000 ? text.slice(0, 2_000_000) : text);
  if (!m) return null;
  return { row: lineOf(text, m.index), sample: sampleAround(text, m.index) };
}

// Characters that Windows-1252 gives to bytes 0x80–0x9F; in French text they follow a letter only
// when the file is in another code page (DOS CP850: é = 0x82 "‚", è = 0x8A "Š", ç = 0x87 "‡"…).
// Legitimate French characters of that range (’ ” … – — œ €) are not listed.
const C1_AFTER_LETTER =
  /[A-Za-z][\u0081\u008D\u008F\u0090\u009D\u201A\u0192\u201E\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u201C\u2022\u02DC\u2122\u0161\u203A\u017E\u0178]/;

/** In a Windows-1252 decoding, a C1-range character glued to a letter suggests another code page. */
function findSuspectCp1252(text: string): { row: number; sample: string } | null {
  const m = C1_AFTER_LETTER.exec(text.length > 2_000_000 ? text.slice(0, 2_000_000) : text);
  if (!m) return null;
  return { row: lineOf(text, m.index + 1), sample: sampleAround(text, m.index + 1) };
}
