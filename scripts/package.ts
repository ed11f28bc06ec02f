/**
 * `npm run package`: builds both targets, then writes the store uploads to `release/`:
 *
 * - `gateway-guard-<version>-chrome.zip`: `dist/chrome`, for the Chrome Web Store and Edge
 *   Add-ons;
 * - `gateway-guard-<version>-firefox.zip`: `dist/firefox`, for Firefox Add-ons;
 * - `gateway-guard-<version>-source.zip`: every file git tracks (SOURCE-BUILD.md says how
 *   to build from it), the source Firefox Add-ons asks for with bundled code.
 *
 * The zips are reproducible: the same files give byte-identical archives (see zip.ts).
 * `--out <dir>` writes them elsewhere than `release/`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeZip, type ZipInput } from './zip.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const TARGETS = ['chrome', 'firefox'] as const;
export type Target = (typeof TARGETS)[number];
export const SOURCE_BUILD_DOC = 'SOURCE-BUILD.md';

export interface Packaged {
  version: string;
  chrome: string;
  firefox: string;
  source: string;
}

/** The file names for a version: `gateway-guard-1.2.3-chrome.zip` and its two siblings. */
export function zipNames(version: string): Record<Target | 'source', string> {
  const base = `gateway-guard-${version}`;
  return {
    chrome: `${base}-chrome.zip`,
    firefox: `${base}-firefox.zip`,
    source: `${base}-source.zip`,
  };
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The version package.json and manifest.json agree on (throws when they do not). */
export function projectVersion(root = ROOT): string {
  const version = readJson(join(root, 'package.json')).version;
  const manifest = readJson(join(root, 'manifest.json')).version;
  if (typeof version !== 'string' || version !== manifest) {
    throw new Error(
      `package.json says ${String(version)} but manifest.json says ${String(manifest)}: run npm run version:bump`,
    );
  }
  return version;
}

/** Every regular file under `dir`, as zip entries named relative to it. */
export function filesOf(dir: string): ZipInput[] {
  const inputs: ZipInput[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        inputs.push({ name: relative(dir, path).split(sep).join('/'), data: readFileSync(path) });
      } else {
        throw new Error(`${path} is neither a file nor a folder; a store zip cannot hold it`);
      }
    }
  };
  walk(dir);
  return inputs;
}

/** The files git tracks, as they are in the working copy, with git's executable bit. */
export function trackedFiles(root = ROOT): ZipInput[] {
  const listing = execFileSync('git', ['ls-files', '-s', '-z'], { cwd: root, encoding: 'utf8' });
  const inputs: ZipInput[] = [];
  for (const line of listing.split('\0')) {
    if (line === '') continue;
    // "<mode> <object> <stage>\t<path>"
    const tab = line.indexOf('\t');
    const [mode] = line.slice(0, tab).split(' ');
    const name = line.slice(tab + 1);
    const path = join(root, name);
    if (mode !== '100644' && mode !== '100755') {
      throw new Error(
        `${name} is tracked with mode ${mode}; the source zip holds regular files only`,
      );
    }
    if (!existsSync(path)) throw new Error(`${name} is tracked but missing from the working copy`);
    inputs.push({ name, data: readFileSync(path), executable: mode === '100755' });
  }
  return inputs;
}

/** Tracked files with changes not yet committed (the source zip would not match a commit). */
export function uncommittedChanges(root = ROOT): string[] {
  const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: root,
    encoding: 'utf8',
  });
  return status.split('\n').filter((line) => line.trim() !== '');
}

/** Checks a build before it is zipped: a manifest at its root, of the version being packaged. */
export function checkBuild(dir: string, version: string): ZipInput[] {
  const files = filesOf(dir);
  const manifest = files.find((file) => file.name === 'manifest.json');
  if (!manifest) throw new Error(`${dir} has no manifest.json: did the build run?`);
  const built = JSON.parse(Buffer.from(manifest.data).toString('utf8')).version;
  if (built !== version) {
    throw new Error(`${dir}/manifest.json is version ${built}, not ${version}: build again`);
  }
  return files;
}

function writeAtomically(file: string, data: Buffer): void {
  const temporary = `${file}.partial`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** Builds (unless `build` is false), then writes the three zips to `outDir`. */
export function packageRelease({
  root = ROOT,
  outDir = join(root, 'release'),
  build = true,
}: {
  root?: string;
  outDir?: string;
  build?: boolean;
} = {}): Packaged {
  const version = projectVersion(root);
  if (build) {
    const run = spawnSync('npm', ['run', 'build'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      // What ships must not depend on the caller's NODE_ENV (`test` gives other bundles).
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status})`);
  }
  const sources = trackedFiles(root);
  if (!sources.some((file) => file.name === SOURCE_BUILD_DOC)) {
    throw new Error(`${SOURCE_BUILD_DOC} must be tracked: the source zip's build instructions`);
  }

  mkdirSync(outDir, { recursive: true });
  const names = zipNames(version);
  const paths = {
    chrome: join(outDir, names.chrome),
    firefox: join(outDir, names.firefox),
    source: join(outDir, names.source),
  };
  for (const target of TARGETS) {
    writeAtomically(paths[target], writeZip(checkBuild(join(root, 'dist', target), version)));
  }
  writeAtomically(paths.source, writeZip(sources));
  return { version, ...paths };
}

function main(argv: string[]): void {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !outDir) throw new Error('--out needs a folder');
  const changes = uncommittedChanges();
  if (changes.length > 0) {
    console.warn(
      `Warning: tracked files have uncommitted changes; the source zip holds them as they are:\n${changes.join('\n')}`,
    );
  }
  const packaged = packageRelease(outDir ? { outDir: resolve(outDir) } : {});
  console.log(`\nGateway Guard ${packaged.version}:`);
  for (const path of [packaged.chrome, packaged.firefox, packaged.source]) {
    const data = readFileSync(path);
    const sha256 = createHash('sha256').update(data).digest('hex');
    console.log(`  ${relative(process.cwd(), path)}  ${data.length} bytes  sha256 ${sha256}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
