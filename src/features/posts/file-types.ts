/**
 * What a file is, told by its bytes: the types a post may carry. The name only has to agree
 * (a text file named `.png` is refused); the declared type is never read.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

export interface FileType {
  kind: 'image' | 'file';
  /** Without parameters; text types get their charset added by `sniff`. */
  mime: string;
  /** Short and the same in every language: shown beside a file's name. */
  label: string;
  /** The name's extensions that agree with the content (lower case, without the dot). */
  extensions: readonly string[];
}

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'gif'];
const image = (mime: string, label: string): FileType => ({
  kind: 'image',
  mime,
  label,
  // An image is re-encoded in its own format whatever its name says, so any image name fits.
  extensions: IMAGE_EXTENSIONS,
});
const file = (mime: string, label: string, extensions: string[]): FileType => ({
  kind: 'file',
  mime,
  label,
  extensions,
});

export const FILE_TYPES = {
  jpeg: image('image/jpeg', 'JPEG'),
  png: image('image/png', 'PNG'),
  webp: image('image/webp', 'WebP'),
  gif: image('image/gif', 'GIF'),
  pdf: file('application/pdf', 'PDF', ['pdf']),
  docx: file('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'DOCX', [
    'docx',
  ]),
  xlsx: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX', ['xlsx']),
  pptx: file('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PPTX', [
    'pptx',
  ]),
  odt: file('application/vnd.oasis.opendocument.text', 'ODT', ['odt']),
  ods: file('application/vnd.oasis.opendocument.spreadsheet', 'ODS', ['ods']),
  odp: file('application/vnd.oasis.opendocument.presentation', 'ODP', ['odp']),
  zip: file('application/zip', 'ZIP', ['zip']),
  // Text is text by its bytes; which kind of text the name says. No extension: plain text.
  txt: file('text/plain', 'TXT', ['txt', 'text', 'log', '']),
  csv: file('text/csv', 'CSV', ['csv']),
  md: file('text/markdown', 'MD', ['md', 'markdown']),
} as const satisfies Record<string, FileType>;

export type FileTypeName = keyof typeof FILE_TYPES;

/** The label of a stored type (`text/csv; charset=utf-8` → CSV). */
export function labelOf(mime: string): string {
  const bare = mime.split(';')[0]!.trim();
  return Object.values(FILE_TYPES).find((t) => t.mime === bare)?.label ?? bare;
}

export interface Sniffed {
  type: FileTypeName;
  kind: 'image' | 'file';
  /** With `; charset=…` for text. */
  mime: string;
}

/** The name's extension, lower case, without the dot; '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The accepted type of a file's content, when its name agrees with it; null otherwise. A name
 * without an extension claims nothing, so the content decides.
 */
export function sniff(data: Buffer, name: string): Sniffed | null {
  const ext = extensionOf(name);
  const found = byContent(data);
  if (found) {
    const t = FILE_TYPES[found];
    return ext === '' || (t.extensions as readonly string[]).includes(ext)
      ? { type: found, kind: t.kind, mime: t.mime }
      : null;
  }
  const charset = textCharset(data);
  if (!charset) return null;
  const type = (['txt', 'csv', 'md'] as const).find((k) =>
    (FILE_TYPES[k].extensions as readonly string[]).includes(ext),
  );
  return type ? { type, kind: 'file', mime: `${FILE_TYPES[type].mime}; charset=${charset}` } : null;
}

const starts = (data: Buffer, bytes: readonly number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Binary types by their magic bytes (and, for ZIP-based documents, their entries). */
function byContent(data: Buffer): Exclude<FileTypeName, 'txt' | 'csv' | 'md'> | null {
  if (starts(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(data, ascii('GIF87a')) || starts(data, ascii('GIF89a'))) return 'gif';
  if (starts(data, ascii('RIFF')) && starts(data, ascii('WEBP'), 8)) return 'webp';
  if (starts(data, ascii('%PDF-'))) return 'pdf';
  if (starts(data, [0x50, 0x4b, 0x03, 0x04]) || starts(data, [0x50, 0x4b, 0x05, 0x06])) {
    return zipType(data);
  }
  return null;
}

/** An office document is a ZIP; its entries say which. A ZIP we cannot read is refused. */
function zipType(data: Buffer): 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'zip' | null {
  const entries = zipEntries(data);
  if (!entries) return null;
  const names = new Set(entries.map((e) => e.name));
  if (names.has('[Content_Types].xml')) {
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('ppt/presentation.xml')) return 'pptx';
  }
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const declared = storedEntryText(data, mimetype.offset);
    if (declared === FILE_TYPES.odt.mime) return 'odt';
    if (declared === FILE_TYPES.ods.mime) return 'ods';
    if (declared === FILE_TYPES.odp.mime) return 'odp';
  }
  return 'zip';
}

const MAX_ENTRIES = 65_535;

/** The names in a ZIP's central directory, or null when there is no readable one. */
function zipEntries(data: Buffer): { name: string; offset: number }[] | null {
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const last = data.length - 22;
  let end = -1;
  for (let i = last; i >= 0 && i >= last - 65_535; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = data.readUInt16LE(end + 10);
  const start = data.readUInt32LE(end + 16);
  const out: { name: string; offset: number }[] = [];
  let at = start;
  // ZIP64 archives (0xFFFF entries, 0xFFFFFFFF offsets) and damaged ones stop the walk early:
  // what was read so far still tells an office document from a plain ZIP.
  for (let n = 0; n < Math.min(count, MAX_ENTRIES); n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) break;
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const offset = data.readUInt32LE(at + 42);
    if (at + 46 + nameLength > data.length) break;
    out.push({ name: data.toString('utf8', at + 46, at + 46 + nameLength), offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** The content of an uncompressed ZIP entry as text (an OpenDocument's `mimetype`). */
function storedEntryText(data: Buffer, offset: number): string | null {
  if (offset + 30 > data.length || data.readUInt32LE(offset) !== 0x04034b50) return null;
  if (data.readUInt16LE(offset + 8) !== 0) return null;
  const size = data.readUInt32LE(offset + 18);
  const start = offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
  if (size > 200 || start + size > data.length) return null;
  return data.toString('latin1', start, start + size);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Bytes that Windows-1252 leaves undefined.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * 'utf-8' or 'windows-1252' (what spreadsheet exports on German Windows write) when the bytes
 * are text: no control characters other than tab, line feed, form feed and carriage return.
 */
export function textCharset(data: Buffer): 'utf-8' | 'windows-1252' | null {
  if (data.length === 0) return null;
  let high = false;
  for (const b of data) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f)
      return null;
    if (b >= 0x80) high = true;
  }
  if (!high) return 'utf-8';
  try {
    utf8.decode(data);
    return 'utf-8';
  } catch {
    for (const b of data) if (CP1252_UNDEFINED.has(b)) return null;
    return 'windows-1252';
  }
}
