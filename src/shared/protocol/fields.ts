/** Field schemas both directions of the protocol share. */
import * as v from 'valibot';
import type { NetworkErrorKind } from '~/shared/failure.ts';
import { FIX_KINDS } from '~/shared/incident.ts';
import type { RefusalKind } from '~/shared/refusals.ts';

/** A list naming every member of a union type, checked by the compiler. */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : never),
  ): L =>
    list;

/** An HTTP status a server can send. */
export const HttpStatus = v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599));

export const TabId = v.pipe(v.number(), v.integer());

export const RefusalKindSchema = v.picklist(
  every<RefusalKind>()(['rate-limit', 'challenge', 'blocked', 'policy', 'sign-in', 'usage-cap']),
);

export const NetworkErrorKindSchema = v.picklist(
  every<NetworkErrorKind>()([
    'connection-reset',
    'connection-refused',
    'connection-closed',
    'timed-out',
    'name-not-resolved',
    'internet-disconnected',
    'proxy',
    'ssl',
    'other',
  ]),
);

export const FixKindSchema = v.picklist(FIX_KINDS);
