import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bumpVersion,
  nextVersion,
  releaseChangelog,
  setJsonVersion,
  today,
} from '../../scripts/version-bump.ts';

const root = resolve(import.meta.dirname, '../..');

describe('nextVersion', () => {
  it.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.9', 'patch', '0.1.10'],
    ['0.1.3', 'minor', '0.2.0'],
    ['0.9.3', 'major', '1.0.0'],
    ['1.2.3', '1.2.4', '1.2.4'],
    ['1.2.3', '1.10.0', '1.10.0'],
    ['1.2.3', '2.0.0', '2.0.0'],
  ])('%s + %s = %s', (current, request, next) => {
    expect(nextVersion(current, request)).toBe(next);
  });

  it.each([
    ['1.2.3', '1.2.3'],
    ['1.2.3', '1.2.2'],
    ['1.2.3', '0.9.9'],
  ])('refuses %s → %s (not greater)', (current, request) => {
    expect(() => nextVersion(current, request)).toThrow(/not greater/);
  });

  it.each(['1.2', '1.2.3.4', 'v1.2.3', '1.2.3-beta', '01.2.3', 'huge', ''])(
    'refuses %j (browsers take three plain numbers)',
    (request) => {
      expect(() => nextVersion('1.2.3', request)).toThrow(/not a version/);
    },
  );
});

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added

- A new thing.

### Fixed

- A bug.

## [0.1.0] - 2026-12-01

### Added

- The first thing.
`;

describe('releaseChangelog', () => {
  it("moves Unreleased's entries under the new version and leaves Unreleased empty", () => {
    expect(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-24')).toBe(`# Changelog

Intro.

## [Unreleased]

## [0.2.0] - 2026-12-24

### Added

- A new thing.

### Fixed

- A bug.

## [0.1.0] - 2026-12-01

### Added

- The first thing.
`);
  });

  it('works on a first release, and before link definitions', () => {
    const first = '# Changelog\n\n## [Unreleased]\n\n- One.\n';
    expect(releaseChangelog(first, '1.0.0', '2027-01-02')).toBe(
      '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2027-01-02\n\n- One.\n',
    );
    const links = '## [Unreleased]\n\n- One.\n\n[Unreleased]: https://example.com/compare\n';
    expect(releaseChangelog(links, '1.0.0', '2027-01-02')).toBe(
      '## [Unreleased]\n\n## [1.0.0] - 2027-01-02\n\n- One.\n\n[Unreleased]: https://example.com/compare\n',
    );
  });

  it('refuses an empty Unreleased, a missing one, a version it already has, a bad date', () => {
    const empty = '## [Unreleased]\n\n### Added\n\n## [0.1.0] - 2026-12-01\n\n- x\n';
    expect(() => releaseChangelog(empty, '0.2.0', '2026-12-24')).toThrow(/Nothing under/);
    expect(() => releaseChangelog('# Changelog\n', '0.2.0', '2026-12-24')).toThrow(/no "## \[/);
    expect(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-12-24')).toThrow(/already has/);
    expect(() => releaseChangelog(CHANGELOG, '0.2.0', '24.12.2026')).toThrow(/not a date/);
  });

  it("releases the project's own changelog cleanly", () => {
    const text = readFileSync(resolve(root, 'CHANGELOG.md'), 'utf8');
    const released = releaseChangelog(text, '99.0.0', '2030-01-01');
    const unreleased = released.indexOf('## [Unreleased]');
    const version = released.indexOf('## [99.0.0] - 2030-01-01');
    expect(unreleased).toBeGreaterThan(0);
    expect(released.slice(unreleased, version)).toBe('## [Unreleased]\n\n');
    expect(released.length).toBe(text.length + '## [99.0.0] - 2030-01-01\n\n'.length);
  });
});

describe('setJsonVersion', () => {
  it('changes only the named fields, keeping the rest byte for byte', () => {
    const text =
      '{\n  "name": "x",\n  "version": "1.0.0",\n  "list": ["a", "b"],\n  "deps": { "y": { "version": "1.0.0" } }\n}\n';
    expect(setJsonVersion(text, '1.0.0', '1.1.0', [['version']])).toBe(
      text.replace('"version": "1.0.0"', '"version": "1.1.0"'),
    );
  });

  it('refuses when a named field holds another version', () => {
    const text = '{ "version": "2.0.0", "packages": { "": { "version": "1.0.0" } } }';
    expect(() =>
      setJsonVersion(text, '1.0.0', '1.1.0', [['version'], ['packages', '', 'version']]),
    ).toThrow(/version is 2\.0\.0/);
  });
});

describe('bumpVersion on files', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function project(version: string, manifestVersion = version) {
    dir = mkdtempSync(join(tmpdir(), 'gg-bump-'));
    const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
    write(
      'manifest.json',
      `{\n  "manifest_version": 3,\n  "version": "${manifestVersion}",\n  "permissions": ["storage", "alarms"]\n}\n`,
    );
    write('package.json', `{\n  "name": "gateway-guard",\n  "version": "${version}"\n}\n`);
    write(
      'package-lock.json',
      `{\n  "name": "gateway-guard",\n  "version": "${version}",\n  "lockfileVersion": 3,\n  "packages": {\n    "": {\n      "name": "gateway-guard",\n      "version": "${version}"\n    },\n    "node_modules/dep": {\n      "version": "${version}"\n    }\n  }\n}\n`,
    );
    write('CHANGELOG.md', CHANGELOG);
    return (name: string) => readFileSync(join(dir, name), 'utf8');
  }

  it('sets every version together and dates the changelog', () => {
    const read = project('0.1.0');
    expect(bumpVersion(dir, 'minor', '2026-12-24')).toBe('0.2.0');
    expect(JSON.parse(read('manifest.json'))).toEqual({
      manifest_version: 3,
      version: '0.2.0',
      permissions: ['storage', 'alarms'],
    });
    // The file's own layout is kept (the one-line array stays one line).
    expect(read('manifest.json')).toContain('"permissions": ["storage", "alarms"]');
    expect(JSON.parse(read('package.json')).version).toBe('0.2.0');
    const lock = JSON.parse(read('package-lock.json'));
    expect(lock.version).toBe('0.2.0');
    expect(lock.packages[''].version).toBe('0.2.0');
    // A dependency that happens to share the old version is left alone.
    expect(lock.packages['node_modules/dep'].version).toBe('0.1.0');
    expect(read('CHANGELOG.md')).toContain('## [Unreleased]\n\n## [0.2.0] - 2026-12-24\n');
  });

  it('writes nothing when the files disagree on the current version', () => {
    const read = project('0.1.0', '0.0.9');
    expect(() => bumpVersion(dir, 'patch', '2026-12-24')).toThrow(/manifest\.json says 0\.0\.9/);
    expect(JSON.parse(read('package.json')).version).toBe('0.1.0');
    expect(read('CHANGELOG.md')).toBe(CHANGELOG);
  });

  it('writes nothing when the changelog cannot be released', () => {
    const read = project('0.1.0');
    writeFileSync(join(dir, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n');
    expect(() => bumpVersion(dir, 'patch', '2026-12-24')).toThrow(/Nothing under/);
    expect(JSON.parse(read('manifest.json')).version).toBe('0.1.0');
    expect(JSON.parse(read('package-lock.json')).version).toBe('0.1.0');
  });

  it("bumps the project's own files (a copy), the lock's dependencies untouched", () => {
    dir = mkdtempSync(join(tmpdir(), 'gg-bump-'));
    const names = ['manifest.json', 'package.json', 'package-lock.json', 'CHANGELOG.md'];
    for (const name of names) writeFileSync(join(dir, name), readFileSync(join(root, name)));
    const before = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const version = bumpVersion(dir, 'patch', '2030-01-01');
    expect(version).toBe(nextVersion(before.version, 'patch'));
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    expect(read('manifest.json').version).toBe(version);
    expect(read('package.json').version).toBe(version);
    const lock = read('package-lock.json');
    expect(lock.version).toBe(version);
    expect(lock.packages[''].version).toBe(version);
    expect({ ...lock.packages, '': null }).toEqual({ ...before.packages, '': null });
  });

  it('today() is the local calendar date', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
