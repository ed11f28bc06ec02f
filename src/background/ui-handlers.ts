import type { Runtime } from '~/shared/browser.ts';
import type { BackgroundProtocol } from '~/shared/messages.ts';
import type { UiProtocol } from '~/shared/ui-messages.ts';

type Handler<K extends keyof BackgroundProtocol> = (
  request: { type: K } & BackgroundProtocol[K]['request'],
  sender: Runtime.MessageSender,
) => BackgroundProtocol[K]['response'] | Promise<BackgroundProtocol[K]['response']>;

/** Handlers for the popup, options and welcome pages (the router checks the sender first). */
export const uiHandlers: { [K in keyof UiProtocol]: Handler<K> } = {};
