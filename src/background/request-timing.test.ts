import { describe, expect, it } from 'vitest';
import { noteRequestStart, requestTook } from './request-timing.ts';

describe('request timing', () => {
  it('measures from the start the browser reported to the event, once', () => {
    noteRequestStart({ requestId: 'r1', timeStamp: 1000.4 });
    expect(requestTook({ requestId: 'r1', timeStamp: 1250.6 }, { done: false })).toBe(250);
    expect(requestTook({ requestId: 'r1', timeStamp: 1300 })).toBe(300);
    expect(requestTook({ requestId: 'r1', timeStamp: 1400 })).toBeNull();
  });

  it('knows nothing of a request whose start it did not see', () => {
    expect(requestTook({ requestId: 'unseen', timeStamp: 5 })).toBeNull();
  });

  it('stays bounded when requests never end', () => {
    for (let i = 0; i < 2000; i++) noteRequestStart({ requestId: `open-${i}`, timeStamp: i });
    expect(requestTook({ requestId: 'open-0', timeStamp: 10 })).toBeNull();
    expect(requestTook({ requestId: 'open-1999', timeStamp: 2000 })).toBe(1);
  });
});
