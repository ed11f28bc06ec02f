import { afterEach, describe, expect, it, vi } from 'vitest';
import { findComposer, isComposerEvent } from './composer.ts';
import { isBlank, readComposer, writeComposer } from './composer-text.ts';
import { waitForComposer } from './composer-wait.ts';

const editable = (html: string) => {
  document.body.innerHTML = `<div contenteditable="true" class="ProseMirror">${html}</div>`;
  return document.querySelector<HTMLElement>('.ProseMirror') as HTMLElement;
};

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('findComposer', () => {
  it('takes the most specific selector that finds something editable', () => {
    document.body.innerHTML =
      '<div class="ql-editor">not editable</div><form><textarea id="prompt-textarea"></textarea></form>';
    const found = findComposer(['.ql-editor', '#prompt-textarea', 'textarea']);
    expect(found?.id).toBe('prompt-textarea');
    expect(findComposer(['#nothing'])).toBeNull();
  });

  it('tells the composer’s events from any other field’s', () => {
    document.body.innerHTML = '<textarea id="prompt-textarea"></textarea><input id="search">';
    const event = (id: string) => {
      const e = new Event('input');
      document.getElementById(id)?.dispatchEvent(e);
      return e;
    };
    expect(isComposerEvent(['#prompt-textarea'], event('prompt-textarea'))).toBe(true);
    expect(isComposerEvent(['#prompt-textarea'], event('search'))).toBe(false);
  });
});

describe('waitForComposer', () => {
  it('finds a composer the site renders late', async () => {
    const found = waitForComposer(['#late'], 15_000);
    setTimeout(() => {
      document.body.innerHTML = '<textarea id="late"></textarea>';
    }, 20);
    expect((await found)?.id).toBe('late');
  });

  it('gives up after its time', async () => {
    vi.useFakeTimers();
    const found = waitForComposer(['#never'], 15_000);
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(15_001);
    expect(await found).toBeNull();
  });
});

describe('reading the composer', () => {
  it('reads a textarea’s value', () => {
    document.body.innerHTML = '<textarea>line 1\nline 2</textarea>';
    const area = document.querySelector('textarea') as HTMLTextAreaElement;
    expect(readComposer(area)).toBe('line 1\nline 2');
    expect(isBlank(area)).toBe(false);
  });

  it('reads one line per paragraph of a rich editor', () => {
    expect(
      readComposer(editable('<p>first</p><p><br></p><p>third <strong>bold</strong></p>')),
    ).toBe('first\n\nthird bold');
    expect(readComposer(editable('<p>a<br>b<br class="ProseMirror-trailingBreak"></p>'))).toBe(
      'a\nb',
    );
    expect(readComposer(editable('plain<div>second</div>'))).toBe('plain\nsecond');
    expect(readComposer(editable('\n  <p>indented</p>\n'))).toBe('indented');
  });

  it('counts an empty paragraph as blank', () => {
    expect(isBlank(editable('<p><br class="ProseMirror-trailingBreak"></p>'))).toBe(true);
    expect(readComposer(editable('<p><br></p>'))).toBe('');
  });
});

describe('writing the composer', () => {
  it('sets a textarea through the native setter, so a framework’s own tracker sees it', () => {
    document.body.innerHTML = '<textarea></textarea>';
    const area = document.querySelector('textarea') as HTMLTextAreaElement;
    // A React-like app shadows `value` on the element; writing through it would be undone.
    let tracked = '';
    Object.defineProperty(area, 'value', {
      configurable: true,
      get: () => tracked,
      set: (v: string) => {
        tracked = v;
      },
    });
    const seen: string[] = [];
    area.addEventListener('input', () => seen.push('input'));
    writeComposer(area, 'restored');
    expect(tracked).toBe('');
    expect(seen).toEqual(['input']);
    delete (area as { value?: string }).value;
    expect(area.value).toBe('restored');
  });

  it('replaces a rich editor’s text and tells it with an input event', () => {
    const editor = editable('<p>other text</p>');
    const seen: string[] = [];
    editor.addEventListener('input', (e) => seen.push((e as InputEvent).inputType));
    writeComposer(editor, 'restored draft');
    expect(readComposer(editor)).toBe('restored draft');
    expect(seen).toContain('insertText');
  });
});
