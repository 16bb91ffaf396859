// A V8 heap snapshot (`v8.writeHeapSnapshot`) summed up: the self size of its objects by kind (constructor or
// type), largest first. Read as bytes and scanned, not parsed as one JSON text: the snapshot of a large extension
// host is longer than the longest string V8 makes.
import { readFileSync } from 'node:fs';

interface SnapshotMeta {
  readonly node_fields: readonly string[];
  readonly node_types: readonly (readonly string[] | string)[];
}

/** The `count` numbers of the array that follows `"key":[` in `bytes` (typed: a large host's snapshot has tens of millions). */
function numbersAfter(bytes: Buffer, key: string, count: number): Float64Array {
  const start = bytes.indexOf(`"${key}":[`);
  if (start < 0) throw new Error(`The heap snapshot has no ${key}.`);
  const numbers = new Float64Array(count);
  let length = 0;
  let value = 0;
  let inNumber = false;
  for (let at = start + key.length + 4; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte >= 48 && byte <= 57) {
      value = value * 10 + byte - 48;
      inNumber = true;
    } else {
      if (inNumber && length < count) numbers[length++] = value;
      value = 0;
      inNumber = false;
      if (byte === 93) return numbers.subarray(0, length); // ]
    }
  }
  throw new Error(`The heap snapshot's ${key} does not end.`);
}

/** The strings of the snapshot's string table. */
function stringsOf(bytes: Buffer): string[] {
  const start = bytes.lastIndexOf('"strings":[');
  if (start < 0) throw new Error('The heap snapshot has no strings.');
  const strings: string[] = [];
  let at = start + '"strings":['.length;
  while (at < bytes.length) {
    const byte = bytes[at];
    if (byte === 93) return strings;
    if (byte !== 34) {
      at++;
      continue;
    }
    let end = at + 1;
    while (bytes[end] !== 34) end += bytes[end] === 92 ? 2 : 1;
    strings.push(JSON.parse(bytes.toString('utf8', at, end + 1)) as string);
    at = end + 1;
  }
  throw new Error("The heap snapshot's strings do not end.");
}

export function summariseHeapSnapshot(file: string, rows = 25): string {
  const bytes = readFileSync(file);
  const metaStart = bytes.indexOf('"meta":');
  const metaEnd = bytes.indexOf(',"node_count"');
  const meta = JSON.parse(bytes.toString('utf8', metaStart + '"meta":'.length, metaEnd)) as SnapshotMeta;
  const nodeCount = Number(/^,"node_count":(\d+)/.exec(bytes.toString('latin1', metaEnd, metaEnd + 40))?.[1]);
  const fields = meta.node_fields.length;
  const typeField = meta.node_fields.indexOf('type');
  const nameField = meta.node_fields.indexOf('name');
  const sizeField = meta.node_fields.indexOf('self_size');
  const types = meta.node_types[typeField] as readonly string[];
  const nodes = numbersAfter(bytes, 'nodes', nodeCount * fields);
  const strings = stringsOf(bytes);
  const kinds = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let at = 0; at < nodes.length; at += fields) {
    const type = types[nodes[at + typeField]];
    const size = nodes[at + sizeField];
    total += size;
    // Objects and native data by their names; strings, arrays, code and the rest by their type.
    const kind = type === 'object' || type === 'native' || type === 'closure' ? `${type} ${strings[nodes[at + nameField]]?.slice(0, 60)}` : type;
    const entry = kinds.get(kind) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count++;
    kinds.set(kind, entry);
  }
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const lines = [`bench:host: the extension host's heap by kind of object (self sizes, ${mb(total)} in ${(nodes.length / fields).toLocaleString('en')} objects):`];
  for (const [kind, entry] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, rows)) {
    lines.push(`  ${mb(entry.bytes).padStart(9)}  ${entry.count.toLocaleString('en').padStart(11)}  ${kind}`);
  }
  return lines.join('\n');
}
