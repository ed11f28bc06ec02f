import { describe, expect, it } from 'vitest';
import { isCloudflareStatus, isOutageStatus } from './http-status.ts';

describe('isOutageStatus', () => {
  it.each([500, 502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 529])(
    '%i is an outage',
    (s) => expect(isOutageStatus(s)).toBe(true),
  );
  it.each([200, 204, 301, 304, 400, 401, 403, 404, 429, 501, 505, 511, 528, 530, 599, 0, -1])(
    '%i is not an outage',
    (s) => expect(isOutageStatus(s)).toBe(false),
  );
  it('unknown statuses are not outages', () => {
    expect(isOutageStatus(null)).toBe(false);
    expect(isOutageStatus(undefined)).toBe(false);
    expect(isOutageStatus(Number.NaN)).toBe(false);
    expect(isOutageStatus(502.5)).toBe(false);
  });
});

describe('isCloudflareStatus', () => {
  it('covers 520 to 527 only', () => {
    expect([519, 520, 524, 527, 528].map(isCloudflareStatus)).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});
