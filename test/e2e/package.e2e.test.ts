/**
 * `npm run package`: two runs (each building first) give byte-identical zips; the store
 * zips hold exactly the build, manifest.json at their root; the source zip holds exactly
 * the tracked files, and building from it gives the store zips' very files; the Firefox
 * zip passes web-ext lint; each store zip loads in its browser and its background answers.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesOf, projectVersion, trackedFiles, zipNames } from '../../scripts/package.ts';
import { FIXED_DOS_DATE, FIXED_DOS_TIME, readZip, type ZipEntry } from '../../scripts/zip.ts';
import { browserNames } from './harness/browsers.ts';
import { useBrowser } from './harness/fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);
const version = projectVersion(root);
const names = zipNames(version);
const KINDS = ['chrome', 'firefox', 'source'] as const;

const scratch = mkdtempSync(join(tmpdir(), 'gg-package-'));
const runs = [join(scratch, 'first'), join(scratch, 'second')];
let first: Record<(typeof KINDS)[number], Buffer>;

function runPackage(outDir: string): void {
  const run = spawnSync(bin('tsx'), ['scripts/package.ts', '--out', outDir], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`npm run package failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** Unpacks a zip's entries into a new folder under the scratch folder. */
function unpack(entries: ZipEntry[], name: string): string {
  const dir = join(scratch, name);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.data);
  }
  return dir;
}

const byName = (entries: Array<{ name: string }>) => entries.map((e) => e.name).sort();

beforeAll(() => {
  for (const outDir of runs) runPackage(outDir);
  const read = (kind: (typeof KINDS)[number]) => readFileSync(join(runs[0] ?? '', names[kind]));
  first = { chrome: read('chrome'), firefox: read('firefox'), source: read('source') };
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run package', () => {
  it('names the zips with the version package.json and manifest.json agree on', () => {
    expect(names.chrome).toBe(`gateway-guard-${version}-chrome.zip`);
    expect(names.firefox).toBe(`gateway-guard-${version}-firefox.zip`);
    expect(names.source).toBe(`gateway-guard-${version}-source.zip`);
  });

  it.each(KINDS)('gives byte-identical %s zips on two runs', (kind) => {
    const second = readFileSync(join(runs[1] ?? '', names[kind]));
    expect(second.length).toBe(first[kind].length);
    expect(second.equals(first[kind])).toBe(true);
  });

  it.each(['chrome', 'firefox'] as const)(
    '%s: holds exactly the build, manifest.json at its root, sorted, fixed times and modes',
    (target) => {
      const entries = readZip(first[target]);
      const build = filesOf(resolve(root, 'dist', target));
      expect(entries.map((e) => e.name)).toContain('manifest.json');
      expect(byName(entries)).toEqual(byName(build));
      expect(entries.map((e) => e.name)).toEqual(byName(entries));
      for (const file of build) {
        const entry = entries.find((e) => e.name === file.name);
        expect(entry?.data.equals(Buffer.from(file.data)), file.name).toBe(true);
      }
      for (const entry of entries) {
        expect([entry.mode, entry.dosDate, entry.dosTime], entry.name).toEqual([
          0o644,
          FIXED_DOS_DATE,
          FIXED_DOS_TIME,
        ]);
      }
      const manifest = JSON.parse(
        entries.find((e) => e.name === 'manifest.json')?.data.toString('utf8') ?? '{}',
      );
      expect(manifest.version).toBe(version);
    },
  );

  it('source: holds exactly the tracked files, with the build instructions', () => {
    const entries = readZip(first.source);
    const tracked = trackedFiles(root);
    expect(byName(entries)).toEqual(byName(tracked));
    for (const name of ['SOURCE-BUILD.md', 'package.json', 'package-lock.json', 'manifest.json']) {
      expect(entries.map((e) => e.name)).toContain(name);
    }
    const instructions = entries.find((e) => e.name === 'SOURCE-BUILD.md')?.data.toString('utf8');
    expect(instructions).toContain('npm ci');
    expect(instructions).toContain('npm run build');
    expect(instructions).toMatch(/Node\.js \d+\.\d+/);
    for (const file of tracked) {
      const entry = entries.find((e) => e.name === file.name);
      expect(entry?.mode, file.name).toBe(file.executable ? 0o755 : 0o644);
    }
  });

  it("source: building it as SOURCE-BUILD.md says gives the store zips' very files", () => {
    const dir = unpack(readZip(first.source), 'build-from-source');
    // The dependencies `npm ci` would install: this checkout's own.
    symlinkSync(realpathSync(resolve(root, 'node_modules')), join(dir, 'node_modules'), 'dir');
    // As in a user's shell: not the NODE_ENV=test this test runs under.
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    for (const target of ['chrome', 'firefox'] as const) {
      const built = filesOf(join(dir, 'dist', target));
      const zipped = readZip(first[target]);
      expect(byName(built), target).toEqual(byName(zipped));
      for (const file of built) {
        const entry = zipped.find((e) => e.name === file.name);
        expect(entry?.data.equals(Buffer.from(file.data)), `${target}/${file.name}`).toBe(true);
      }
    }
  }, 120_000);

  it('firefox: the zip passes web-ext lint with no errors', () => {
    const dir = unpack(readZip(first.firefox), 'lint-firefox');
    const lint = spawnSync(bin('web-ext'), ['lint', '-s', dir, '--output', 'json', '--no-input'], {
      cwd: root,
      encoding: 'utf8',
    });
    const report = JSON.parse(lint.stdout) as {
      summary: { errors: number };
      errors: Array<{ code: string; message: string; file?: string }>;
    };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(lint.status).toBe(0);
  }, 120_000);
});

describe.each(browserNames())('the packaged zip loads in %s', (name) => {
  const target = name === 'chromium' ? 'chrome' : 'firefox';
  const env = useBrowser(name, {
    // Firefox installs the zip itself (as about:debugging would); Chromium loads only a
    // folder, so it gets the zip's entries unpacked.
    extensionDir: () =>
      target === 'firefox'
        ? join(runs[0] ?? '', names.firefox)
        : unpack(readZip(first[target]), `load-${target}`),
  });

  it('starts, and its background answers with the packaged version', async () => {
    const manifest = await env.inExtension<{ version: string }>(
      `(globalThis.browser ?? globalThis.chrome).runtime.getManifest()`,
    );
    expect(manifest.version).toBe(version);
    const pong = await env.inExtension<{ type: string }>(
      `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'ping' })`,
    );
    expect(pong).toEqual({ type: 'pong' });
  });
});
