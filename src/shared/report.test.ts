import { describe, expect, it } from 'vitest';
import type { Incident } from '~/shared/incident.ts';
import { browserLabel, buildReport, type ReportInput, redactPath } from './report.ts';

const T0 = Date.UTC(2026, 10, 27, 6, 40, 12, 345);

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    siteId: 'chatgpt',
    url: 'https://chatgpt.com/c/6650f3e1-8a2b-4c3d-9e0f-1a2b3c4d5e6f',
    surface: 'page',
    failure: { kind: 'http', status: 502 },
    refusal: null,
    count: 3,
    firstAt: T0,
    lastAt: T0 + 138_000,
    retries: 0,
    fixes: [],
    ...overrides,
  };
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    siteName: 'ChatGPT',
    url: 'https://chatgpt.com/c/6650f3e1-8a2b-4c3d-9e0f-1a2b3c4d5e6f?model=gpt-5&session_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc#msg-42',
    incident: incident(),
    fixes: [
      { fix: 'Retry now', at: T0 + 60_000, result: 'still 502' },
      { fix: 'Reload the page', at: T0 + 30_000, result: 'failed' },
    ],
    browser: 'Chrome 150',
    extensionVersion: '0.1.0',
    now: T0 + 200_000,
    ...overrides,
  };
}

describe('redactPath', () => {
  it.each([
    ['https://chatgpt.com/c/6650f3e1-8a2b-4c3d-9e0f-1a2b3c4d5e6f', '/c/:id'],
    ['https://chatgpt.com/', '/'],
    ['https://chatgpt.com/?model=gpt-5&token=abc', '/'],
    [
      'https://chatgpt.com/g/g-p-67a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5-project/c/6650f3e1-8a2b-4c3d-9e0f-1a2b3c4d5e6f',
      '/g/:id/c/:id',
    ],
    ['https://claude.ai/chat/0f7c2a6e-3b1d-4e8f-9a2c-5d6e7f8a9b0c', '/chat/:id'],
    ['https://claude.ai/new', '/new'],
    ['https://gemini.google.com/app/3f2a9b1c0d8e7f6a', '/app/:id'],
    ['https://gemini.google.com/u/1/app/3f2a9b1c0d8e7f6a?hl=en', '/u/1/app/:id'],
    ['https://huggingface.co/chat/conversation/66a1f0c2b3d4e5f6a7b8c9d0', '/chat/conversation/:id'],
    ['https://chat.deepseek.com/a/chat/s/7d3e1f20-4b5c-4a69-8f7e-0c1d2e3f4a5b', '/a/chat/s/:id'],
    ['https://character.ai/chat/AbC1dEf2GhI3jKl4MnO5pQr6StU7vWx8', '/chat/:id'],
    ['https://poe.com/chat/2v9xq1k7mz8wb3n4', '/chat/:id'],
    [
      'https://www.perplexity.ai/search/why-does-my-landlord-keep-calling-me-Qx7.Lm2QSe6vYt1z0w8WnA',
      '/search/:id',
    ],
    ['https://www.perplexity.ai/search/what-is-happening-today', '/search/:id'],
    ['https://chat.mistral.ai/chat/deadbeefcafebabe', '/chat/:id'],
    ['https://chatgpt.com/project/my-secret-plan/chat', '/project/:id/chat'],
    ['https://www.perplexity.ai/search/is-my-rash-contagious', '/search/:id'],
    ['https://chatgpt.com/search/why-is-my-boss-angry', '/:id/:id'],
    ['https://claude.ai/project/acquisition-of-acme/chat', '/project/:id/chat'],
    ['https://example.com/share/aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQ', '/share/:id'],
    ['https://example.com/share/QmFzZTY0VG9rZW5IZXJl', '/share/:id'],
    ['https://example.com/share/hGyTrEwQpLkMnBvCxZ', '/share/:id'],
    ['https://example.com/t/qwertyuiopasdfghjklzxcvbnm', '/:id/:id'],
    ['https://gemini.google.com/_/BardChatUi/data/batchexecute', '/_/BardChatUi/data/batchexecute'],
    ['https://character.ai/profile/@jane.doe', '/profile/:id'],
    ['https://example.com/chat/%E4%BD%A0%E5%A5%BD', '/chat/:id'],
    ['https://example.com/orders/123456/items/42', '/:id/:id/:id/42'],
    ['https://example.com/chat/abc12345', '/chat/:id'],
    ['https://example.com/c/new/', '/c/new/'],
    ['https://example.com/api/v1/project-settings', '/api/v1/:id'],
    ['https://example.com/chat#section-6650f3e1', '/chat'],
  ])('%s → %s', (url, path) => {
    expect(redactPath(url)).toBe(path);
  });

  it('drops a query and hash even from a bare path', () => {
    expect(redactPath('/c/6650f3e1-8a2b-4c3d-9e0f-1a2b3c4d5e6f?token=secret#x')).toBe('/c/:id');
    expect(redactPath('chat?x=1')).toBe('/chat');
  });
});

describe('buildReport', () => {
  it('has every required field, in UTC', () => {
    const report = buildReport(input());
    expect(report).toContain('Created: 2026-11-27T06:43:32Z');
    expect(report).toContain('Site: ChatGPT (chatgpt.com)');
    expect(report).toContain('Page: /c/:id');
    expect(report).toContain('Problem: HTTP 502 Bad Gateway');
    expect(report).toContain('Failed requests: 3');
    expect(report).toContain('First seen: 2026-11-27T06:40:12Z');
    expect(report).toContain('Last seen: 2026-11-27T06:42:30Z');
    expect(report).toContain('Browser: Chrome 150');
    expect(report).toContain('Extension: Gateway Guard 0.1.0');
    expect(report).toContain('All times are UTC.');
    // Every time is ISO UTC to the second: no milliseconds, no local offsets.
    for (const time of report.match(/\d{4}-\d\d-\d\dT[\d:.]+\S*/g) ?? []) {
      expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('lists the fixes tried in time order with their results', () => {
    const report = buildReport(input());
    const fixes = report.slice(report.indexOf('Fixes tried:'));
    expect(fixes).toContain('- 2026-11-27T06:40:42Z Reload the page: failed');
    expect(fixes).toContain('- 2026-11-27T06:41:12Z Retry now: still 502');
    expect(fixes.indexOf('Reload the page')).toBeLessThan(fixes.indexOf('Retry now'));
    expect(buildReport(input({ fixes: [] }))).toContain('Fixes tried:\n- none');
  });

  it('reads the incident’s own fix log by default, naming each kind in words', () => {
    const report = buildReport(
      input({
        fixes: undefined,
        incident: incident({
          retries: 1,
          fixes: [
            { fix: 'auto-retry', at: T0 + 5_000, result: '502' },
            { fix: 'reload-no-cache', at: T0 + 20_000, result: '502' },
            { fix: 'clear-storage', at: T0 + 40_000, result: 'done' },
            { fix: 'retry-now', at: T0 + 50_000, result: 'healthy' },
          ],
        }),
      }),
    );
    expect(report).toContain(
      [
        'Fixes tried:',
        '- 2026-11-27T06:40:17Z Automatic retry: 502',
        '- 2026-11-27T06:40:32Z Reload without cache: 502',
        '- 2026-11-27T06:40:52Z Clear the site’s cache and storage: done',
        '- 2026-11-27T06:41:02Z Retry now: healthy',
      ].join('\n'),
    );
  });

  it('carries no query, token, hash, id or cookie-looking data', () => {
    const report = buildReport(
      input({
        url: 'https://chatgpt.com/c/6650f3e1-8a2b-4c3d-9e0f-1a2b3c4d5e6f?session_token=eyJhbGciOiJIUzI1NiJ9.abc&__cf_bm=Zx81kq#msg-42',
      }),
    );
    for (const leak of [
      '?',
      '#',
      'session_token',
      'eyJ',
      '__cf_bm',
      'model=',
      '6650f3e1',
      'msg-42',
    ]) {
      expect(report).not.toContain(leak);
    }
    expect(report).not.toMatch(/cookie:|authorization|bearer/i);
  });

  it('says a page notice was shown without quoting it', () => {
    const secret = 'Error in message stream while answering: my bank password is hunter2';
    const report = buildReport(
      input({ incident: incident({ failure: { kind: 'page', text: secret } }) }),
    );
    expect(report).toContain('The site showed its own error message in the page');
    expect(report).not.toContain('hunter2');
    expect(report).not.toContain('message stream');
  });

  it('names network errors by kind and keeps only a browser error code', () => {
    const reset = buildReport(
      input({
        incident: incident({
          failure: {
            kind: 'network',
            network: 'connection-reset',
            raw: 'net::ERR_CONNECTION_RESET',
          },
        }),
      }),
    );
    expect(reset).toContain('Problem: Network error: connection reset (net::ERR_CONNECTION_RESET)');
    const odd = buildReport(
      input({
        incident: incident({
          failure: { kind: 'network', network: 'other', raw: 'failed https://x.test/?t=1' },
        }),
      }),
    );
    expect(odd).toContain('Problem: Network error: other\n');
    expect(odd).not.toContain('x.test');
  });

  it('describes a refusal and an unnamed 5xx', () => {
    expect(
      buildReport(
        input({
          incident: incident({ failure: null, refusal: { kind: 'rate-limit', status: 429 } }),
        }),
      ),
    ).toContain('Problem: Not an outage: rate limited (HTTP 429)');
    expect(
      buildReport(input({ incident: incident({ failure: { kind: 'http', status: 599 } }) })),
    ).toContain('Problem: HTTP 599\n');
  });

  it('adds the status page summary on one line when there is one', () => {
    expect(buildReport(input())).not.toContain('Status page said');
    expect(
      buildReport(input({ statusSummary: 'Partial outage:\n  Conversations degraded' })),
    ).toContain('Status page said: Partial outage: Conversations degraded\n');
  });

  it('carries the latest failure’s trace ids, and never a header that holds a secret', () => {
    expect(buildReport(input())).not.toContain('Response headers');
    const report = buildReport(
      input({
        incident: incident({
          trace: {
            at: T0,
            headers: {
              'cf-ray': '8f1e2d3c4b5a6978-FRA',
              'x-request-id': 'req_1\nInjected: line',
              server: 'cloudflare',
              'set-cookie': 'session=abc',
              'x-auth-token': 'secret',
            },
          },
        }),
      }),
    );
    expect(report).toContain(
      'Response headers (latest failure):\n- cf-ray: 8f1e2d3c4b5a6978-FRA\n',
    );
    expect(report).toContain('- x-request-id: req_1 Injected: line\n');
    expect(report).toContain('- server: cloudflare\n');
    expect(report).not.toMatch(/set-cookie|session=abc|auth-token|: secret/);
  });

  it('says how long the latest failing request took, when that is known', () => {
    expect(buildReport(input())).not.toContain('Request took');
    const report = buildReport(
      input({ incident: incident({ trace: { at: T0, headers: {}, tookMs: 30_004 } }) }),
    );
    expect(report).toContain('Request took (latest failure): 30004 ms\n');
  });

  it('keeps caller text from breaking lines', () => {
    const report = buildReport(
      input({ fixes: [{ fix: 'Retry\nnow', at: T0, result: 'still\r\n502' }] }),
    );
    expect(report).toContain('- 2026-11-27T06:40:12Z Retry now: still 502\n');
  });
});

describe('browserLabel', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
      'Chrome 150',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36 Edg/150.0.0.0',
      'Edge 150',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
      'Firefox 140',
    ],
    ['Mozilla/5.0 (Android 15; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0', 'Firefox 142'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36 OPR/135.0.0.0',
      'Opera 135',
    ],
    [
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36',
      'Samsung Internet 29',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15',
      'Safari 19',
    ],
    ['curl/8.0', 'Unknown browser'],
    ['', 'Unknown browser'],
  ])('%s → %s', (ua, label) => {
    expect(browserLabel(ua)).toBe(label);
  });
});
