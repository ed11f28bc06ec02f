/**
 * What a built extension weighs, file by file, gzipped: the script a healthy covered page
 * loads (the manifest's content scripts and everything they import or fetch from the
 * extension at start, shared chunks included; not what is imported only
 * on demand) and the whole package. Read by the byte budgets and by `npm run bench`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileBytes {
  /** Path inside the extension, e.g. "assets/content-x.js". */
  file: string;
  raw: number;
  gzip: number;
}

export interface Bytes {
  files: FileBytes[];
  raw: number;
  gzip: number;
}

/** Gzipped at the highest level, as a store package or a server would. */
function measure(dir: string, file: string): FileBytes {
  const content = readFileSync(join(dir, file));
  return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

function total(files: FileBytes[]): Bytes {
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}

/**
 * Static imports (`import … from "./x.js"`, `import "./x.js"`) and files fetched by URL at
 * start (`runtime.getURL("assets/x.js")`, how a loader pulls in a module content script).
 * `import("./x.js")` is on demand and not followed.
 */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const BY_URL = /getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** Everything the extension in `dir` loads into a healthy covered page. */
export function healthyPageBytes(dir: string): Bytes {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const scripts: string[] = (manifest.content_scripts ?? []).flatMap(
    (entry: { js?: string[] }) => entry.js ?? [],
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, dep = ''] of code.matchAll(STATIC_IMPORT)) {
      visit(posix.normalize(posix.join(posix.dirname(file), dep)));
    }
    for (const [, dep = ''] of code.matchAll(BY_URL)) visit(posix.normalize(dep));
  };
  for (const script of scripts) visit(posix.normalize(script));
  return total([...seen].map((file) => measure(dir, file)));
}

/** Every file of the unpacked extension in `dir`. */
export function packageBytes(dir: string): Bytes {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(/[\\/]/).join('/'));
    }
  };
  walk(dir);
  return total(files.sort().map((file) => measure(dir, file)));
}

/** "8.4 KB" (1 KB = 1,024 bytes). */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
