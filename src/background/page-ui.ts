/**
 * Puts the page UI file (panel, fixes, draft rescue) into a covered page's content-script
 * world when its bootstrap asks: injected as a file, it needs no web-accessible resource,
 * so no site can detect the extension by fetching one.
 */
import { browser, type Runtime } from '~/shared/browser.ts';
import { PAGE_UI_FILE } from '~/shared/content-files.ts';

export async function injectPageUi(tabId: number, sender: Runtime.MessageSender): Promise<boolean> {
  // Chrome can aim at the very document that asked; elsewhere, the tab's top frame.
  const documentId = (sender as { documentId?: unknown }).documentId;
  const target =
    typeof documentId === 'string'
      ? { tabId, documentIds: [documentId] }
      : { tabId, frameIds: [0] };
  try {
    await browser.scripting.executeScript({
      target: target as { tabId: number },
      files: [PAGE_UI_FILE],
      // The page asks only when it has something to show: never wait for the page to
      // settle (by default the file would run at document_idle, up to after its load).
      injectImmediately: true,
    });
    return true;
  } catch {
    return false;
  }
}
