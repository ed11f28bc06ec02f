import { describe, expect, it } from 'vitest';
import { adviceFromStatus, workingAlternatives } from './advice.ts';
import type { StatusReading } from './types.ts';

const reading = (over: Partial<StatusReading>): StatusReading => ({
  level: 'operational',
  component: null,
  incidents: [],
  readAt: 0,
  source: 'x',
  unknownReason: null,
  inferred: false,
  ...over,
});
const incident = { title: 'Elevated errors', status: 'investigating', updatedAt: 1, url: null };

describe('adviceFromStatus', () => {
  it.each([
    [reading({}), 'local'],
    [reading({ level: 'degraded' }), 'service'],
    [reading({ level: 'partial-outage' }), 'service'],
    [reading({ level: 'major-outage' }), 'service'],
    [reading({ level: 'maintenance' }), 'service'],
    [reading({ incidents: [incident] }), 'service'],
    [reading({ component: { name: 'ChatGPT', level: 'major-outage' } }), 'service'],
    [reading({ level: 'degraded', component: { name: 'ChatGPT', level: 'operational' } }), null],
    [reading({ level: 'unknown', unknownReason: 'timeout' }), null],
    [reading({ inferred: true }), null],
    [reading({ level: 'degraded', inferred: true, incidents: [incident] }), 'service'],
  ] as const)('%# → %s', (input, advice) => {
    expect(adviceFromStatus(input)).toBe(advice);
  });

  it('has no advice without a reading', () => {
    expect(adviceFromStatus(null)).toBeNull();
    expect(adviceFromStatus(undefined)).toBeNull();
  });
});

describe('workingAlternatives', () => {
  it('lists only other sites whose status page says they work', () => {
    const readings = {
      chatgpt: reading({ level: 'major-outage' }),
      claude: reading({}),
      gemini: reading({ level: 'unknown' }),
      poe: reading({ incidents: [incident] }),
      perplexity: reading({}),
    };
    expect(workingAlternatives(readings, 'chatgpt')).toEqual(['claude', 'perplexity']);
    expect(workingAlternatives(readings, 'claude')).toEqual(['perplexity']);
  });
});
