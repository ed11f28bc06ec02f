/**
 * `npm run version:bump -- <major|minor|patch|x.y.z>`: one version for the whole project,
 * changed in one step. Writes the new version to manifest.json, package.json and
 * package-lock.json (its two top-level version fields), and moves the changelog's
 * Unreleased entries under a heading for the new version with today's date.
 *
 * Every check runs before anything is written: the files must agree on the current
 * version, the new one must be greater (and of the form browsers accept: three numbers),
 * and Unreleased must list something.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Bump = 'major' | 'minor' | 'patch';

const VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;
const UNRELEASED = /^## \[Unreleased\][^\S\n]*$/m;
/** The next release heading (`## [1.2.3] - 2026-12-02`) or link definitions at the end. */
const NEXT_SECTION = /^(## \[|\[[^\]]+\]: )/m;

function parse(version: string): [number, number, number] {
  const match = VERSION.exec(version);
  if (!match) {
    throw new Error(`${JSON.stringify(version)} is not a version of the form 1.2.3`);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The version after `current`: a bump of one part, or an explicit greater version. */
export function nextVersion(current: string, request: string): string {
  const [major, minor, patch] = parse(current);
  if (request === 'major') return `${major + 1}.0.0`;
  if (request === 'minor') return `${major}.${minor + 1}.0`;
  if (request === 'patch') return `${major}.${minor}.${patch + 1}`;
  const wanted = parse(request);
  const order = [wanted[0] - major, wanted[1] - minor, wanted[2] - patch].find(
    (difference) => difference !== 0,
  );
  if (order === undefined || order < 0) {
    throw new Error(`${request} is not greater than the current version ${current}`);
  }
  return wanted.join('.');
}

/**
 * The changelog with Unreleased's entries under `## [version] - date`, and an empty
 * Unreleased above it. Throws when there is no Unreleased section, when it is empty, or
 * when the version already has a section.
 */
export function releaseChangelog(text: string, version: string, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${date} is not a date (YYYY-MM-DD)`);
  const heading = UNRELEASED.exec(text);
  if (!heading) throw new Error('The changelog has no "## [Unreleased]" section');
  if (text.includes(`## [${version}]`)) throw new Error(`The changelog already has ${version}`);
  const bodyStart = heading.index + heading[0].length;
  const rest = text.slice(bodyStart);
  const next = NEXT_SECTION.exec(rest);
  const bodyEnd = next ? bodyStart + next.index : text.length;
  const entries = text.slice(bodyStart, bodyEnd).trim();
  if (!/^\s*[-*] /m.test(entries)) {
    throw new Error('Nothing under "## [Unreleased]": list the changes before releasing');
  }
  const tail = text.slice(bodyEnd);
  return `${text.slice(0, bodyStart)}\n\n## [${version}] - ${date}\n\n${entries}\n${tail ? `\n${tail}` : ''}`;
}

/**
 * `text` (a JSON file) with the first `count` `"version": "<from>"` fields set to `to`,
 * everything else byte for byte as it was. Throws unless parsing the result differs from
 * the original in exactly the fields `paths` names.
 */
export function setJsonVersion(
  text: string,
  from: string,
  to: string,
  paths: ReadonlyArray<readonly string[]>,
): string {
  const field = new RegExp(`("version"\\s*:\\s*)"${from.replaceAll('.', '\\.')}"`, 'g');
  let replaced = 0;
  const updated = text.replace(field, (whole, prefix: string) =>
    replaced++ < paths.length ? `${prefix}"${to}"` : whole,
  );
  const expected = JSON.parse(text) as Record<string, unknown>;
  for (const path of paths) {
    let node = expected;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = path[path.length - 1] ?? '';
    if (node?.[last] !== from) {
      throw new Error(`${path.join('.')} is ${String(node?.[last])}, not ${from}`);
    }
    node[last] = to;
  }
  if (JSON.stringify(JSON.parse(updated)) !== JSON.stringify(expected)) {
    throw new Error(`Could not set ${paths.map((p) => p.join('.')).join(' and ')} to ${to}`);
  }
  return updated;
}

/** Today in the local time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const FILES = {
  manifest: 'manifest.json',
  package: 'package.json',
  lock: 'package-lock.json',
  changelog: 'CHANGELOG.md',
} as const;

/** Bumps every file under `root` together; returns the new version. */
export function bumpVersion(root: string, request: string, date = today()): string {
  const read = (name: string) => readFileSync(join(root, name), 'utf8');
  const texts = {
    manifest: read(FILES.manifest),
    package: read(FILES.package),
    lock: read(FILES.lock),
    changelog: read(FILES.changelog),
  };
  const current = (JSON.parse(texts.package) as { version: string }).version;
  const inManifest = (JSON.parse(texts.manifest) as { version: string }).version;
  if (inManifest !== current) {
    throw new Error(`package.json says ${current} but manifest.json says ${inManifest}`);
  }
  const version = nextVersion(current, request);
  const updated = {
    manifest: setJsonVersion(texts.manifest, current, version, [['version']]),
    package: setJsonVersion(texts.package, current, version, [['version']]),
    lock: setJsonVersion(texts.lock, current, version, [['version'], ['packages', '', 'version']]),
    changelog: releaseChangelog(texts.changelog, version, date),
  };
  // Everything is computed: now write, each file whole or not at all.
  for (const key of Object.keys(FILES) as Array<keyof typeof FILES>) {
    const file = join(root, FILES[key]);
    writeFileSync(`${file}.partial`, updated[key]);
    renameSync(`${file}.partial`, file);
  }
  return version;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const request = process.argv[2];
  if (!request || process.argv.length > 3) {
    console.error('Usage: npm run version:bump -- <major|minor|patch|x.y.z>');
    process.exit(2);
  }
  try {
    const version = bumpVersion(resolve(import.meta.dirname, '..'), request);
    console.log(
      `Version ${version}: manifest.json, package.json, package-lock.json and CHANGELOG.md updated.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
