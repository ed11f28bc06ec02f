/**
 * The receiving end of every message: a message of a known type is read by its schema
 * before any handler sees it. What fails (a wrong shape, an impossible value, or more text
 * than any real message carries) is dropped and logged by type, never by content: a page
 * may have put anything in it.
 */
import * as v from 'valibot';

/** A schema per message type, producing exactly what the declared request holds. */
export type Schemas<P> = {
  [K in keyof P]: v.GenericSchema<unknown, P[K] extends { request: infer R } ? R : never>;
};

export type Message<P, K extends keyof P> = { type: K } & (P[K] extends { request: infer R }
  ? R
  : never);

/**
 * No real message comes near this, as JSON: the largest is a draft (20,000 characters,
 * a few times that when escaped) with its keys.
 */
export const MAX_MESSAGE_CHARS = 256 * 1024;

/** The message's type when it is one of `schemas` (anything else is not for this receiver). */
export function typeOf<P>(schemas: Schemas<P>, message: unknown): keyof P | null {
  if (typeof message !== 'object' || message === null) return null;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(schemas, type) ? (type as keyof P) : null;
}

/** The message of `type` as its schema reads it, or null when it was dropped. */
export function readMessage<P, K extends keyof P>(
  schemas: Schemas<P>,
  type: K,
  message: unknown,
): Message<P, K> | null {
  const result = withinSize(message) ? v.safeParse(schemas[type], message) : null;
  if (!result?.success) {
    console.warn(`Gateway Guard: dropped a malformed or oversized "${String(type)}" message`);
    return null;
  }
  return { ...(result.output as object), type } as Message<P, K>;
}

function withinSize(message: unknown): boolean {
  try {
    const json = JSON.stringify(message);
    return typeof json === 'string' && json.length <= MAX_MESSAGE_CHARS;
  } catch {
    return false; // A cycle or a BigInt: no message of ours.
  }
}
