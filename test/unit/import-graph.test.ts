/**
 * The house rules of the source tree: no file's imports run in a circle, and nothing shared
 * imports from a folder whose code runs in one context only.
 */
import { describe, expect, it } from 'vitest';
import { circles, importGraph, upwardImports } from './import-graph.ts';

describe('the import graph', () => {
  const graph = importGraph();

  it('is read from every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    // Aliased, relative, type-only and dynamic imports are all edges.
    expect(graph.get('content/page-ui-loader.ts')).toEqual(
      expect.arrayContaining(['content/page-ui.ts', 'content/fixes.ts']),
    );
  });

  it('has no circles', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('never runs from a shared module up into a context', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('finds a circle and an upward import when there is one', () => {
    const bad = new Map([
      ['shared/a.ts', ['shared/b.ts']],
      ['shared/b.ts', ['shared/a.ts', 'background/x.ts']],
      ['background/x.ts', []],
    ]);
    expect(circles(bad)).toEqual([['shared/a.ts', 'shared/b.ts']]);
    expect(upwardImports(bad)).toEqual(['shared/b.ts → background/x.ts']);
  });
});
