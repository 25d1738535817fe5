import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SymlinkRefused, writeFileAtomic } from '../../src/load/atomic-write.js';
import { tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('refuses a path that is a symbolic link by default, leaving link and target alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'passwd'), 'root:x:0:0\n');
    symlinkSync(join(dir, 'passwd'), join(dir, 'config.json'));
    expect(() => writeFileAtomic(join(dir, 'config.json'), '{}')).toThrow(SymlinkRefused);
    expect(readFileSync(join(dir, 'passwd'), 'utf8')).toBe('root:x:0:0\n');
    expect(lstatSync(join(dir, 'config.json')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'passwd']);
  });

  it('replaces the link itself when asked (caches), never writing its target', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'passwd'), 'root:x:0:0\n');
    symlinkSync(join(dir, 'passwd'), join(dir, 'parsed.json'));
    writeFileAtomic(join(dir, 'parsed.json'), '{}', { link: 'replace' });
    expect(readFileSync(join(dir, 'passwd'), 'utf8')).toBe('root:x:0:0\n');
    expect(lstatSync(join(dir, 'parsed.json')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'parsed.json'), 'utf8')).toBe('{}');
  });

  it('creates missing folders readable by the user alone', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'a', 'b', 'f.json'), '{}', { mkdir: true });
    expect([lstatSync(join(dir, 'a')).mode & 0o777, lstatSync(join(dir, 'a', 'b')).mode & 0o777]).toEqual([0o700, 0o700]);
  });
});
