/**
 * One reader per kind of status source. Each is pure, `(body, now, options?) => reading`,
 * and never throws.
 */
import type { StatusReader } from '../types.ts';
import { readBetterStack } from './betterstack.ts';
import { readGoogleApps } from './google-apps.ts';
import { readInstatus } from './instatus.ts';
import { readRss } from './rss.ts';
import { readStatuspage } from './statuspage.ts';

export { readStatuspageIncidents } from './statuspage.ts';
export { readBetterStack, readGoogleApps, readInstatus, readRss, readStatuspage };

/** The kinds that can be fetched and read (the adapters' `status.source`, less "html"). */
export type ReadableKind =
  | 'statuspage'
  | 'incident.io'
  | 'instatus'
  | 'betterstack'
  | 'rss'
  | 'google-apps';

export const READERS: Record<ReadableKind, StatusReader> = {
  statuspage: readStatuspage,
  // incident.io pages publish a Statuspage-compatible copy of their status: same shape.
  'incident.io': readStatuspage,
  instatus: readInstatus,
  betterstack: readBetterStack,
  rss: readRss,
  'google-apps': readGoogleApps,
};

/** Kinds whose body is JSON (the rest are XML feeds). */
export function expectsJson(kind: ReadableKind): boolean {
  return kind !== 'rss';
}
