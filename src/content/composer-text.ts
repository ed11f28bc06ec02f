/**
 * Reading the composer's text and writing text into it the way the site's own framework
 * notices (a textarea or a rich contenteditable editor).
 */

/** Nothing typed (a contenteditable's empty paragraph counts as nothing). */
export function isBlank(composer: HTMLElement): boolean {
  const text =
    composer instanceof HTMLTextAreaElement ? composer.value : (composer.textContent ?? '');
  return text.trim() === '';
}

export function readComposer(composer: HTMLElement): string {
  return composer instanceof HTMLTextAreaElement ? composer.value : editableText(composer);
}

const BLOCK = /^(P|DIV|LI|UL|OL|PRE|BLOCKQUOTE|H[1-6])$/;

/**
 * A contenteditable's text with one line per paragraph. Editors (ProseMirror, Quill) keep
 * each line in its own <p>, where innerText would put a blank line between them and
 * textContent none at all; a paragraph's trailing <br> only keeps an empty line open.
 */
function editableText(root: Element): string {
  const lines: string[] = [];
  let inline = '';
  let sawBlock = false;
  // Between paragraphs, whitespace-only text is the markup's indentation, not a line.
  const endInline = () => {
    if (inline.trim() !== '') lines.push(inline);
    inline = '';
  };
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) inline += node.nodeValue ?? '';
    else if (node.nodeName === 'BR') inline += '\n';
    else if (node instanceof Element && BLOCK.test(node.nodeName)) {
      endInline();
      sawBlock = true;
      lines.push(editableText(node));
    } else if (node instanceof Element) inline += editableText(node);
  }
  if (sawBlock) endInline();
  else lines.push(inline);
  return lines.join('\n').replace(/\n$/, '');
}

/**
 * Puts `text` in the composer in place of what it holds. A textarea gets its value through
 * the native setter (React-like apps watch the property and would otherwise undo it) and an
 * input event; a rich editor gets the text inserted as if typed, so its own model updates.
 */
export function writeComposer(composer: HTMLElement, text: string): void {
  if (composer instanceof HTMLTextAreaElement) {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    if (setter) setter.call(composer, text);
    else composer.value = text;
    composer.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  composer.focus();
  const selection = getSelection();
  if (selection) {
    const range = document.createRange();
    range.selectNodeContents(composer);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  let inserted = false;
  try {
    inserted = document.execCommand('insertText', false, text);
  } catch {
    // Deprecated and absent in some engines: the fallback below covers it.
  }
  if (inserted && readComposer(composer).trim() === text.trim()) return;
  composer.textContent = text;
  composer.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
}
