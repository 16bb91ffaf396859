/**
 * A binary file of named sections, for indexes saved between windows: typed
 * arrays stored as they are in memory, so that loading one back is a view
 * over the bytes read (no parsing per number), and lists of strings stored as
 * one text with offsets, decoded in one call.
 *
 * Layout: `ARSN`, the format number (u32), the header's length (u32), the
 * header (UTF-8 JSON: the caller's meta, each section's name, kind, offset
 * and length, and a checksum of the payload), padding to 8 bytes, then the
 * payload, each section starting on an 8-byte boundary. Anything that does not
 * add up (another magic or format, a header that is not JSON, a section out of
 * bounds, a checksum that differs) is refused with a reason: a damaged file is
 * never trusted.
 */

const MAGIC = 0x4e535241; // 'ARSN', little-endian
const ALIGN = 8;

type ArrayKind = 'i32' | 'i16' | 'i8' | 'u8' | 'f64';
type NumberArray = Int32Array | Int16Array | Int8Array | Uint8Array | Float64Array;

/** A section as written: a typed array, or a list of strings. */
export type SectionValue = NumberArray | readonly string[];

interface SectionEntry {
  readonly name: string;
  readonly kind: ArrayKind | 'strings';
  /** Bytes from the payload's start. */
  readonly offset: number;
  readonly byteLength: number;
  /** Elements (array) or strings. */
  readonly count: number;
}

interface Header {
  readonly meta: Record<string, unknown>;
  readonly sections: readonly SectionEntry[];
  readonly checksum: number;
}

export type DecodedSnapshot =
  | { readonly ok: true; readonly meta: Record<string, unknown>; readonly sections: SnapshotSections }
  | { readonly ok: false; readonly reason: string };

const KINDS: Record<ArrayKind, { readonly bytes: number; readonly make: (buffer: ArrayBuffer, offset: number, length: number) => NumberArray }> = {
  i32: { bytes: 4, make: (b, o, l) => new Int32Array(b, o, l) },
  i16: { bytes: 2, make: (b, o, l) => new Int16Array(b, o, l) },
  i8: { bytes: 1, make: (b, o, l) => new Int8Array(b, o, l) },
  u8: { bytes: 1, make: (b, o, l) => new Uint8Array(b, o, l) },
  f64: { bytes: 8, make: (b, o, l) => new Float64Array(b, o, l) },
};

function kindOf(value: NumberArray): ArrayKind {
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Int16Array) return 'i16';
  if (value instanceof Int8Array) return 'i8';
  if (value instanceof Uint8Array) return 'u8';
  return 'f64';
}

const pad = (n: number) => (n + ALIGN - 1) & ~(ALIGN - 1);

/**
 * Writes sections and meta into one file's bytes. Strings are stored as one
 * UTF-8 text whose offsets (in UTF-16 units) follow it as 32-bit integers.
 */
export function encodeSnapshot(format: number, meta: Record<string, unknown>, sections: Readonly<Record<string, SectionValue>>): Uint8Array {
  const encoder = new TextEncoder();
  const parts: { entry: Omit<SectionEntry, 'offset'>; bytes: Uint8Array }[] = [];
  for (const [name, value] of Object.entries(sections)) {
    if (Array.isArray(value)) {
      const strings = value as readonly string[];
      const offsets = new Int32Array(strings.length + 1);
      let at = 0;
      for (let i = 0; i < strings.length; i++) {
        offsets[i] = at;
        at += strings[i].length;
      }
      offsets[strings.length] = at;
      const text = encoder.encode(strings.join(''));
      // The offsets first (4-byte aligned at the section's start), then the text.
      const bytes = new Uint8Array(offsets.byteLength + text.byteLength);
      bytes.set(new Uint8Array(offsets.buffer), 0);
      bytes.set(text, offsets.byteLength);
      parts.push({ entry: { name, kind: 'strings', byteLength: bytes.byteLength, count: strings.length }, bytes });
    } else {
      const array = value as NumberArray;
      parts.push({
        entry: { name, kind: kindOf(array), byteLength: array.byteLength, count: array.length },
        bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
      });
    }
  }
  let payloadLength = 0;
  const entries: SectionEntry[] = parts.map(({ entry }) => {
    const placed = { ...entry, offset: payloadLength };
    payloadLength = pad(payloadLength + entry.byteLength);
    return placed;
  });
  const payload = new Uint8Array(payloadLength);
  parts.forEach(({ bytes }, i) => payload.set(bytes, entries[i].offset));
  const header = encoder.encode(JSON.stringify({ meta, sections: entries, checksum: checksumOf(payload) } satisfies Header));
  const start = pad(12 + header.byteLength);
  const file = new Uint8Array(start + payloadLength);
  const view = new DataView(file.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, format, true);
  view.setUint32(8, header.byteLength, true);
  file.set(header, 12);
  file.set(payload, start);
  return file;
}

/** Reads a file written by `encodeSnapshot` with the same format number, checking everything it can. */
export function decodeSnapshot(bytes: Uint8Array, format: number): DecodedSnapshot {
  const fail = (reason: string): DecodedSnapshot => ({ ok: false, reason });
  if (bytes.byteLength < 12) return fail('the file is too short');
  // Typed views need aligned offsets: a buffer from a pool may start anywhere.
  if (bytes.byteOffset % ALIGN !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return fail('it is not a saved index');
  const written = view.getUint32(4, true);
  if (written !== format) return fail(`it was written in format ${written}, not ${format}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.byteLength) return fail('its header is cut short');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength))) as Header;
  } catch {
    return fail('its header is not readable');
  }
  if (!isHeader(header)) return fail('its header is not readable');
  const start = pad(12 + headerLength);
  if (start > bytes.byteLength) return fail('its length does not add up');
  const payload = bytes.subarray(start);
  if (payload.byteLength % ALIGN !== 0) return fail('its length does not add up');
  if (checksumOf(payload) !== header.checksum) return fail('its checksum does not match (the file is damaged)');
  const sections = new Map<string, SectionEntry>();
  for (const entry of header.sections) {
    const width = entry.kind === 'strings' ? 1 : KINDS[entry.kind].bytes;
    if (entry.offset % ALIGN !== 0 || entry.offset + entry.byteLength > payload.byteLength || (entry.kind !== 'strings' && entry.byteLength !== entry.count * width)) {
      return fail(`its section ${entry.name} is out of bounds`);
    }
    sections.set(entry.name, entry);
  }
  return { ok: true, meta: header.meta, sections: new SnapshotSections(payload, sections) };
}

/** The sections of a decoded file, read by name and kind; a missing or mistyped section throws a `SnapshotError`. */
export class SnapshotSections {
  constructor(
    private readonly payload: Uint8Array,
    private readonly entries: ReadonlyMap<string, SectionEntry>,
  ) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }

  i32(name: string): Int32Array {
    return this.array(name, 'i32') as Int32Array;
  }

  i16(name: string): Int16Array {
    return this.array(name, 'i16') as Int16Array;
  }

  i8(name: string): Int8Array {
    return this.array(name, 'i8') as Int8Array;
  }

  u8(name: string): Uint8Array {
    return this.array(name, 'u8') as Uint8Array;
  }

  f64(name: string): Float64Array {
    return this.array(name, 'f64') as Float64Array;
  }

  /** A list of strings: one decode of the whole text, then slices of it. */
  strings(name: string): string[] {
    const entry = this.entry(name, 'strings');
    const offsetsBytes = (entry.count + 1) * 4;
    if (offsetsBytes > entry.byteLength) throw new SnapshotError(`section ${name} is cut short`);
    const at = this.payload.byteOffset + entry.offset;
    const offsets = new Int32Array(this.payload.buffer, at, entry.count + 1);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(this.payload.subarray(entry.offset + offsetsBytes, entry.offset + entry.byteLength));
    } catch {
      throw new SnapshotError(`section ${name} is not UTF-8`);
    }
    if (offsets[0] !== 0 || offsets[entry.count] !== text.length) throw new SnapshotError(`section ${name} does not add up`);
    const strings = new Array<string>(entry.count);
    for (let i = 0; i < entry.count; i++) {
      const from = offsets[i];
      const to = offsets[i + 1];
      if (to < from) throw new SnapshotError(`section ${name} does not add up`);
      strings[i] = text.slice(from, to);
    }
    return strings;
  }

  private entry(name: string, kind: SectionEntry['kind']): SectionEntry {
    const entry = this.entries.get(name);
    if (!entry) throw new SnapshotError(`section ${name} is missing`);
    if (entry.kind !== kind) throw new SnapshotError(`section ${name} is ${entry.kind}, not ${kind}`);
    return entry;
  }

  private array(name: string, kind: ArrayKind): NumberArray {
    const entry = this.entry(name, kind);
    return KINDS[kind].make(this.payload.buffer as ArrayBuffer, this.payload.byteOffset + entry.offset, entry.count);
  }
}

/** A saved index whose contents do not fit together: it is discarded and built again. */
export class SnapshotError extends Error {}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Partial<Header>;
  return (
    typeof header.meta === 'object' &&
    header.meta !== null &&
    typeof header.checksum === 'number' &&
    Array.isArray(header.sections) &&
    header.sections.every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        typeof s.name === 'string' &&
        (s.kind === 'strings' || Object.hasOwn(KINDS, s.kind)) &&
        Number.isSafeInteger(s.offset) &&
        s.offset >= 0 &&
        Number.isSafeInteger(s.byteLength) &&
        s.byteLength >= 0 &&
        Number.isSafeInteger(s.count) &&
        s.count >= 0,
    )
  );
}

/** A 32-bit hash of the payload, taken 32 bits at a time (fast enough for hundreds of megabytes). */
function checksumOf(payload: Uint8Array): number {
  const words = new Int32Array(payload.buffer, payload.byteOffset, payload.byteLength >> 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 0x01000193);
  return (hash ^ words.length) >>> 0;
}
