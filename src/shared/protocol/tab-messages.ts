/**
 * The schema of every message the background sends to a tab (declared in messages.ts).
 * Only this extension can send them, but a tab reads each with its schema all the same: a
 * message from an older or newer background, or a broken one, is dropped, not half-used.
 */
import * as v from 'valibot';
import { browser, type Runtime } from '~/shared/browser.ts';
import type { Incident } from '~/shared/incident.ts';
import type { TabMessage, TabMessageType, TabProtocol } from '~/shared/protocol/messages.ts';
import type { WatchView } from '~/shared/protocol/recovery-messages.ts';
import { FixKindSchema, NetworkErrorKindSchema, RefusalKindSchema } from './fields.ts';
import { readMessage, type Schemas, typeOf } from './read.ts';
import { fromOurExtension } from './senders.ts';

const Time = v.number();

const IncidentSchema: v.GenericSchema<unknown, Incident> = v.object({
  siteId: v.string(),
  url: v.string(),
  surface: v.picklist(['page', 'recovery', 'compact']),
  failure: v.nullable(
    v.variant('kind', [
      v.object({ kind: v.literal('http'), status: v.number() }),
      v.object({ kind: v.literal('network'), network: NetworkErrorKindSchema, raw: v.string() }),
      v.object({ kind: v.literal('page'), text: v.string() }),
    ]),
  ),
  refusal: v.nullable(v.object({ kind: RefusalKindSchema, status: v.nullable(v.number()) })),
  count: v.number(),
  firstAt: Time,
  lastAt: Time,
  // Incidents stored by earlier versions may lack these two.
  retries: v.optional(v.number(), 0),
  fixes: v.optional(
    v.array(v.object({ fix: FixKindSchema, at: Time, result: v.string() })),
    () => [],
  ),
  trace: v.optional(
    v.nullable(
      v.object({
        at: Time,
        headers: v.record(v.string(), v.string()),
        tookMs: v.optional(v.nullable(v.number())),
      }),
    ),
  ),
});

const WatchViewSchema: v.GenericSchema<unknown, WatchView> = v.object({
  siteId: v.string(),
  siteName: v.string(),
  state: v.picklist(['waiting', 'paused-offline', 'stopped', 'limit', 'recovered']),
  phase: v.picklist(['fast', 'steady']),
  dueAt: v.nullable(Time),
  wakeAt: v.nullable(Time),
  checks: v.number(),
  since: Time,
  limitMs: v.number(),
  outageSince: v.nullable(Time),
});

export const TAB_MESSAGES: Schemas<TabProtocol> = {
  incident: v.object({ incident: v.nullable(IncidentSchema) }),
  chatSettled: v.object({ ok: v.boolean() }),
  watchChanged: v.object({ view: WatchViewSchema }),
};

/** The background's message of `type`, read by its schema (null: dropped). */
export function readTabMessage<K extends TabMessageType>(
  type: K,
  message: unknown,
): TabMessage<K> | null {
  return readMessage(TAB_MESSAGES, type, message);
}

/**
 * Listens for the background's `type` messages in a tab or an extension page. Each is read
 * with its schema first: a malformed one, or one from anyone else, never reaches
 * `listener`. Returns how to stop listening.
 */
export function onBackgroundMessage<K extends TabMessageType>(
  type: K,
  listener: (message: TabMessage<K>) => void,
): () => void {
  const onMessage = (message: unknown, sender: Runtime.MessageSender) => {
    if (!fromOurExtension(sender) || typeOf(TAB_MESSAGES, message) !== type) return undefined;
    const read = readTabMessage(type, message);
    if (read) listener(read);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
