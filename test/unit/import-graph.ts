/**
 * The source files' import graph, read from the text: enough to check the house rules
 * (no circles, nothing shared importing from a context) without a bundler.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const SRC = resolve(import.meta.dirname, '../../src');

/** Folders whose code runs in one place only. */
export const CONTEXTS = ['background', 'content', 'popup', 'options', 'recovery', 'welcome'];

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) &&
      !/\.(test|bench|fuzz)\.tsx?$/.test(name) &&
      !name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

function resolveSpecifier(from: string, specifier: string): string | null {
  const base = specifier.startsWith('~/')
    ? join(SRC, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (!base) return null;
  const path = base.replace(/\?.*$/, '');
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Each production source file (relative to src) and the source files it imports. */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      const target = specifier ? resolveSpecifier(file, specifier) : null;
      if (target && /\.(ts|tsx)$/.test(target)) targets.add(relative(SRC, target));
    }
    graph.set(relative(SRC, file), [...targets]);
  }
  return graph;
}

/** Strongly connected groups of more than one file, or a file importing itself. */
export function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, indices.get(next) ?? 0));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

/** Imports that run from a shared module (not in a context folder) up into a context. */
export function upwardImports(graph: Map<string, string[]>): string[] {
  const contextOf = (file: string) => CONTEXTS.find((c) => file.startsWith(`${c}/`)) ?? null;
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    if (contextOf(file)) continue;
    for (const target of targets) if (contextOf(target)) wrong.push(`${file} → ${target}`);
  }
  return wrong;
}
