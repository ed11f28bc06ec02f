import { describe, expect, it } from 'vitest';
import { reportsTrouble, statusPostedFix } from '../retry-policy.ts';
import { adviceFromStatus, chatIncident, chatStatusSignal, workingAlternatives } from './advice.ts';
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
    // An incident the provider places on another component (the Console, the API) is
    // context: it blames neither the chat nor the user.
    [reading({ incidents: [{ ...incident, elsewhere: true }] }), 'local'],
    [
      reading({
        level: 'degraded',
        component: { name: 'claude.ai', level: 'operational' },
        incidents: [{ ...incident, elsewhere: true }],
      }),
      null,
    ],
    [
      reading({
        component: { name: 'claude.ai', level: 'operational' },
        incidents: [{ ...incident, elsewhere: true }, incident],
      }),
      'service',
    ],
  ] as const)('%# → %s', (input, advice) => {
    expect(adviceFromStatus(input)).toBe(advice);
  });

  it('has no advice without a reading', () => {
    expect(adviceFromStatus(null)).toBeNull();
    expect(adviceFromStatus(undefined)).toBeNull();
  });
});

describe('chatIncident', () => {
  it('names the newest incident on the chat, never one placed elsewhere', () => {
    const other = { ...incident, title: 'Console errors', elsewhere: true };
    expect(chatIncident(reading({ incidents: [other, incident] }))).toBe(incident);
    expect(chatIncident(reading({ incidents: [other] }))).toBeNull();
    expect(chatIncident(null)).toBeNull();
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

describe('chatStatusSignal', () => {
  const elsewhere = { ...incident, title: 'Desktop app errors', elsewhere: true };

  it('keeps only the chat incidents and the chat component level', () => {
    const signal = chatStatusSignal(
      reading({
        level: 'degraded',
        component: { name: 'Conversations', level: 'operational' },
        incidents: [elsewhere],
      }),
    );
    expect(signal).toEqual({ level: 'operational', incidents: [] });
    expect(reportsTrouble(signal)).toBe(false);
  });

  it('sees the chat fix posted although another component is still in trouble', () => {
    const before = chatStatusSignal(
      reading({
        component: { name: 'Conversations', level: 'major-outage' },
        incidents: [incident, elsewhere],
      }),
    );
    const after = chatStatusSignal(
      reading({
        component: { name: 'Conversations', level: 'operational' },
        incidents: [{ ...incident, status: 'resolved' }, elsewhere],
      }),
    );
    expect(statusPostedFix(before, after)).toBe(true);
  });
});
