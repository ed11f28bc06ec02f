/**
 * The schema of every request to the background (declared in messages.ts). The background
 * reads each request with its schema before the handler runs; unknown fields are left out.
 * A content script runs inside the site's process, so nothing it says is taken on trust.
 */
import * as v from 'valibot';
import type { Verdict } from '~/shared/classify.ts';
import type { BackgroundProtocol } from '~/shared/protocol/messages.ts';
import { FixKindSchema, HttpStatus, RefusalKindSchema, TabId } from './fields.ts';
import type { Schemas } from './read.ts';

const Empty = v.object({});

/**
 * A verdict a content script reports, rebuilt from what it may say: a page's quoted notice
 * and a network error's text are cut short, and a network error's kind is the
 * background's to judge.
 */
const ReportedVerdict: v.GenericSchema<unknown, Verdict> = v.variant('kind', [
  v.object({
    kind: v.literal('refusal'),
    refusal: RefusalKindSchema,
    status: v.nullable(HttpStatus),
  }),
  v.object({
    kind: v.literal('outage'),
    failure: v.pipe(
      v.variant('kind', [
        v.object({ kind: v.literal('http'), status: HttpStatus }),
        v.object({ kind: v.literal('page'), text: v.string() }),
        v.object({ kind: v.literal('network'), raw: v.string() }),
      ]),
      v.transform((f) => {
        if (f.kind === 'page') return { kind: 'page' as const, text: f.text.slice(0, 280) };
        if (f.kind === 'network') {
          return { kind: 'network' as const, network: 'other' as const, raw: f.raw.slice(0, 80) };
        }
        return f;
      }),
    ),
  }),
]);

const DraftKey = v.string();
const SentAt = v.optional(v.pipe(v.number(), v.finite()));

export const REQUESTS: Schemas<BackgroundProtocol> = {
  ping: Empty,
  loadPageUi: Empty,
  // The status is the page's own reading, kept for the record; the background trusts its own.
  pageStarted: v.object({ status: v.nullable(v.number()) }),
  reportFailure: v.object({
    verdict: ReportedVerdict,
    surface: v.picklist(['page', 'compact']),
  }),
  tabIncident: v.object({ tabId: TabId }),
  fixTried: v.object({ fix: FixKindSchema, result: v.string(), url: v.optional(v.string()) }),
  clearSiteData: v.object({
    step: v.picklist(['storage', 'cookies']),
    url: v.optional(v.string()),
  }),
  reloadBypassingCache: Empty,
  openNetworkChecks: Empty,
  openRecovery: v.object({ status: HttpStatus }),
  siteStatuses: v.object({
    siteIds: v.optional(v.array(v.string())),
    force: v.optional(v.boolean()),
  }),

  popupTab: v.object({ tabId: TabId }),
  popupTabAction: v.object({
    tabId: TabId,
    action: v.picklist(['retry', 'clear-storage', 'clear-cookies']),
  }),
  incidentHistory: Empty,
  wipeHistory: Empty,

  draftFind: v.object({ key: DraftKey }),
  draftSave: v.object({ key: DraftKey, text: v.string(), sentAt: SentAt }),
  draftDelete: v.object({ key: DraftKey, ifText: v.optional(v.string()) }),
  draftMove: v.object({ from: DraftKey, to: DraftKey, sentAt: SentAt }),

  recoveryWatch: v.object({
    action: v.picklist(['join', 'tick', 'stop', 'resume']),
    url: v.optional(v.string()),
    retryAfterMs: v.optional(v.nullable(v.pipe(v.number(), v.finite()))),
    hidden: v.boolean(),
    online: v.boolean(),
  }),
};
