import { afterEach, describe, expect, it } from 'vitest';
import { customAdapter, normaliseOrigin, setCustomSites } from './custom.ts';
import { siteById, siteForUrl } from './index.ts';

afterEach(() => setCustomSites([]));

describe('custom sites', () => {
  it.each([
    ['https://chat.example.com', 'https://chat.example.com'],
    ['https://Chat.Example.com/some/path?q=1', 'https://chat.example.com'],
    ['chat.example.com', 'https://chat.example.com'],
    ['  https://example.org/  ', 'https://example.org'],
  ])('normalises %j', (input, origin) => expect(normaliseOrigin(input)).toBe(origin));

  it.each([
    'http://example.org',
    'ftp://example.org',
    'https://localhost',
    'https://user@example.org',
    'https://example.org:8443',
    'not a url',
    '',
  ])('refuses %j', (input) => expect(normaliseOrigin(input)).toBeNull());

  it('becomes an adapter that watches the page and knows common error wording', () => {
    const site = customAdapter({
      origin: 'https://example.org',
      statusPage: 'https://status.example.org',
    });
    expect(site).toMatchObject({
      id: 'custom:example.org',
      hosts: ['example.org'],
      chatRequests: [],
    });
    expect(site?.status?.page).toBe('https://status.example.org');
  });

  it('is found by the registry once set, and forgotten once removed', () => {
    expect(siteForUrl('https://example.org/chat')).toBeNull();
    setCustomSites([{ origin: 'https://example.org', statusPage: null }]);
    expect(siteForUrl('https://example.org/chat')?.id).toBe('custom:example.org');
    expect(siteById('custom:example.org')?.name).toBe('example.org');
    setCustomSites([]);
    expect(siteForUrl('https://example.org/chat')).toBeNull();
  });

  it('never shadows a built-in site', () => {
    setCustomSites([{ origin: 'https://chatgpt.com', statusPage: null }]);
    expect(siteForUrl('https://chatgpt.com/')?.id).toBe('chatgpt');
  });
});
