import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (tests run from out/test/unit). */
export const repoRoot = resolve(__dirname, '../../..');
export const seedsDir = join(repoRoot, 'seeds');

export function seedFiles(): string[] {
  return readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
}

export function readSeed(prefix: string): string {
  const name = seedFiles().find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(seedsDir, name), 'utf8');
}

export function readSeedBytes(prefix: string): Uint8Array {
  const name = seedFiles().find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(seedsDir, name));
}
