import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { REASON, type StatusReading, unknownReading } from '~/shared/status/types.ts';
import { statusOf } from '../../../test/unit/status-of.ts';
import { SiteStatus } from './SiteStatus.tsx';

let mount: HTMLElement | null = null;

afterEach(() => {
  if (mount) render(null, mount);
  mount?.remove();
  mount = null;
});

function show(reading: StatusReading | null, siteId = 'chatgpt', siteName = 'ChatGPT'): string {
  mount = document.createElement('div');
  document.body.append(mount);
  render(
    <SiteStatus source={statusOf(siteId)} siteName={siteName} reading={reading} advice={null} />,
    mount,
  );
  return mount.textContent ?? '';
}

const UNREACHABLE = 'the status page could not be reached';
const UNREADABLE = "the status page's answer is not in a form Gateway Guard understands";

describe('SiteStatus: why the status is unknown', () => {
  it.each([REASON.network, `${REASON.network}: answered by another host`])(
    'a status host that cannot be reached says so (%s)',
    (reason) => {
      const text = show(unknownReading(reason, 0, 'https://status.openai.com'));
      expect(text).toContain(`Status unknown: ${UNREACHABLE}`);
      expect(text).not.toContain(UNREADABLE);
    },
  );

  it('a status host that does not answer in time says so', () => {
    const text = show(unknownReading(REASON.timeout, 0, 'x'));
    expect(text).toContain('did not answer in time');
    expect(text).not.toContain(UNREADABLE);
  });

  it.each([
    `${REASON.notJson}: HTML page`,
    REASON.malformedJson,
    `${REASON.format}: no status.indicator`,
  ])('an answer that arrived but cannot be read says that (%s)', (reason) => {
    const text = show(unknownReading(reason, 0, 'x'));
    expect(text).toContain(`Status unknown: ${UNREADABLE}`);
    expect(text).not.toContain(UNREACHABLE);
  });
});

describe('SiteStatus: the incident beside the status', () => {
  const reading = (incidents: StatusReading['incidents']): StatusReading => ({
    level: 'degraded',
    component: { name: 'claude.ai', level: 'operational' },
    incidents,
    readAt: 0,
    source: 'x',
    unknownReason: null,
    inferred: false,
  });

  it('names an incident on the chat', () => {
    const text = show(
      reading([{ title: 'Elevated errors on claude.ai', status: 'x', updatedAt: 1, url: null }]),
      'claude',
      'Claude',
    );
    expect(text).toContain('Claude status: Operational – Elevated errors on claude.ai');
  });

  it('does not put an incident on another component beside the chat', () => {
    const text = show(
      reading([
        { title: 'Errors on the Console', status: 'x', updatedAt: 1, url: null, elsewhere: true },
      ]),
      'claude',
      'Claude',
    );
    expect(text).toContain('Claude status: Operational');
    expect(text).not.toContain('Errors on the Console');
  });
});

describe('SiteStatus: advice names only fixes on offer', () => {
  const incident: StatusReading = {
    level: 'major-outage',
    component: null,
    incidents: [],
    readAt: 0,
    source: 'https://status.openai.com',
    inferred: false,
    unknownReason: null,
  };

  function advise(autoRetry: boolean): string {
    mount = document.createElement('div');
    document.body.append(mount);
    render(
      <SiteStatus
        source={statusOf('chatgpt')}
        siteName="ChatGPT"
        reading={incident}
        advice="service"
        autoRetry={autoRetry}
      />,
      mount,
    );
    return mount.textContent ?? '';
  }

  it('recommends automatic retry only where it is offered', () => {
    expect(advise(true)).toMatch(/Automatic retry/);
    render(null, mount as HTMLElement);
    expect(advise(false)).not.toMatch(/Automatic retry/);
    expect(mount?.textContent).toMatch(/Wait a few minutes, then retry/);
  });
});

describe('SiteStatus: a status with its incident', () => {
  it('joins them with the language’s separator, the title a link', () => {
    mount = document.createElement('div');
    document.body.append(mount);
    const reading: StatusReading = {
      level: 'partial-outage',
      component: null,
      incidents: [
        {
          id: '1',
          title: 'Elevated errors',
          url: 'https://status.openai.com/incidents/1',
        } as unknown as StatusReading['incidents'][number],
      ],
      readAt: 0,
      source: 'https://status.openai.com',
      inferred: false,
      unknownReason: null,
    };
    render(
      <SiteStatus
        source={statusOf('chatgpt')}
        siteName="ChatGPT"
        reading={reading}
        advice={null}
      />,
      mount,
    );
    const line = mount.querySelector('.gg-status-line');
    expect(line?.textContent).toBe('ChatGPT status: Partial outage – Elevated errors');
    expect(line?.querySelector('a')?.textContent).toBe('Elevated errors');
  });
});
