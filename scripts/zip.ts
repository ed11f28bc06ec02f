/**
 * A reproducible zip writer (and a strict reader, for the tests): the same files give the
 * same bytes on every run. Entries are sorted by name, every timestamp is 1980-01-01 00:00
 * (the earliest a zip can hold), permissions are fixed (0644, or 0755 for an executable),
 * no directory entries, no extra fields, no comment. Deflate at level 9 where it is
 * smaller, stored otherwise. No zip64: the extensions are far below its limits.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipInput {
  /** Path inside the archive, with `/` separators, no leading `/`, no `.` or `..` parts. */
  name: string;
  data: Uint8Array;
  /** Marks the file executable (0755); every other file is 0644. */
  executable?: boolean;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Unix permission bits (from the external attributes), e.g. 0o644. */
  mode: number;
  /** 0 (stored) or 8 (deflated). */
  method: number;
  /** MS-DOS date and time words, as stored. */
  dosDate: number;
  dosTime: number;
}

/** 1980-01-01 00:00:00 in MS-DOS format: day 1, month 1, year 1980 + 0. */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;
export const FIXED_DOS_TIME = 0;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: deflate. Made by: Unix (3), so the external attributes carry the mode. */
const VERSION_NEEDED = 20;
const VERSION_MADE_BY = (3 << 8) | 20;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x0800;
const S_IFREG = 0o100000;
const MAX_32 = 0xffffffff;

/** Throws unless `name` is a plain relative path of the kind every unzip tool accepts. */
export function checkEntryName(name: string): void {
  const parts = name.split('/');
  if (
    name === '' ||
    name.includes('\\') ||
    name.includes('\0') ||
    parts.some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new Error(`Not a valid path inside a zip: ${JSON.stringify(name)}`);
  }
}

/** The archive's bytes: a pure function of the inputs' names, contents and executable bits. */
export function writeZip(inputs: readonly ZipInput[]): Buffer {
  const sorted = [...inputs].sort((a, b) => compareNames(a.name, b.name));
  for (const [i, input] of sorted.entries()) {
    checkEntryName(input.name);
    if (i > 0 && sorted[i - 1]?.name === input.name) {
      throw new Error(`The zip would hold ${input.name} twice`);
    }
  }
  if (sorted.length > 0xffff) throw new Error('Too many files for a zip without zip64');

  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of sorted) {
    const name = Buffer.from(input.name, 'utf8');
    const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const crc = crc32(data) >>> 0;
    const flags = /^[\x20-\x7e]*$/.test(input.name) ? 0 : UTF8_FLAG;
    if (data.length > MAX_32 || offset + body.length > MAX_32) {
      throw new Error(`${input.name}: too large for a zip without zip64`);
    }

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(FIXED_DOS_TIME, 10);
    local.writeUInt16LE(FIXED_DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const mode = input.executable ? 0o755 : 0o644;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(FIXED_DOS_TIME, 12);
    central.writeUInt16LE(FIXED_DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal attributes: all zero (already).
    central.writeUInt32LE(((S_IFREG | mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }

  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Byte order of the UTF-8 names, so the order never depends on a locale. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Reads a zip and checks it as strictly as its own writer would write it: every central
 * entry matches its local header, sizes and CRCs are right, names are plain paths, nothing
 * appears twice, and nothing lies between or after the parts. Throws on anything else.
 */
export function readZip(zip: Buffer): ZipEntry[] {
  const endAt = zip.length - 22;
  if (endAt < 0 || zip.readUInt32LE(endAt) !== END_OF_CENTRAL_DIRECTORY) {
    throw new Error('No end-of-central-directory record at the end (or a comment follows it)');
  }
  const count = zip.readUInt16LE(endAt + 10);
  const directorySize = zip.readUInt32LE(endAt + 12);
  const directoryAt = zip.readUInt32LE(endAt + 16);
  if (zip.readUInt16LE(endAt + 8) !== count || zip.readUInt16LE(endAt + 20) !== 0) {
    throw new Error('Unexpected end-of-central-directory record');
  }
  if (directoryAt + directorySize !== endAt) {
    throw new Error('The central directory does not end where the end record begins');
  }

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = directoryAt;
  let expectedLocal = 0;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`Entry ${i}: no central header`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const dosTime = zip.readUInt16LE(at + 12);
    const dosDate = zip.readUInt16LE(at + 14);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const external = zip.readUInt32LE(at + 38);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    checkEntryName(name);
    if (names.has(name)) throw new Error(`${name} appears twice`);
    names.add(name);
    if (flags & ~UTF8_FLAG) throw new Error(`${name}: unexpected flags ${flags}`);
    if (localAt !== expectedLocal) throw new Error(`${name}: a gap or overlap before it`);

    if (zip.readUInt32LE(localAt) !== LOCAL_HEADER) throw new Error(`${name}: no local header`);
    const same =
      zip.readUInt16LE(localAt + 6) === flags &&
      zip.readUInt16LE(localAt + 8) === method &&
      zip.readUInt16LE(localAt + 10) === dosTime &&
      zip.readUInt16LE(localAt + 12) === dosDate &&
      zip.readUInt32LE(localAt + 14) === crc &&
      zip.readUInt32LE(localAt + 18) === compressedSize &&
      zip.readUInt32LE(localAt + 22) === size &&
      zip.readUInt16LE(localAt + 26) === nameLength &&
      zip.toString('utf8', localAt + 30, localAt + 30 + nameLength) === name;
    if (!same) throw new Error(`${name}: the local header differs from the central one`);
    const bodyAt = localAt + 30 + nameLength + zip.readUInt16LE(localAt + 28);
    const body = zip.subarray(bodyAt, bodyAt + compressedSize);
    expectedLocal = bodyAt + compressedSize;

    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = inflateRawSync(body);
    else throw new Error(`${name}: unknown compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, header says ${size}`);
    if (crc32(data) >>> 0 !== crc) throw new Error(`${name}: CRC mismatch`);

    entries.push({ name, data, mode: (external >>> 16) & 0o7777, method, dosDate, dosTime });
  }
  if (at !== endAt) throw new Error('Bytes between the central directory and its end record');
  if (expectedLocal !== directoryAt) throw new Error('Bytes between the files and the directory');
  return entries;
}
