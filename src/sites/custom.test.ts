import { describe, expect, it } from 'vitest';
import { customAdapter, normaliseOrigin } from './custom.ts';
import { siteRegistry } from './index.ts';

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
    expect(site?.status).toEqual({ kind: 'link', page: 'https://status.example.org' });
  });

  it('is found by a registry built with it, and by no other', () => {
    expect(siteRegistry().forUrl('https://example.org/chat')).toBeNull();
    const sites = siteRegistry([{ origin: 'https://example.org', statusPage: null }]);
    expect(sites.forUrl('https://example.org/chat')?.id).toBe('custom:example.org');
    expect(sites.forRequest('https://example.org/api')?.id).toBe('custom:example.org');
    expect(sites.byId('custom:example.org')?.name).toBe('example.org');
    expect(sites.all.map((site) => site.id)).toContain('custom:example.org');
    expect(siteRegistry([]).forUrl('https://example.org/chat')).toBeNull();
  });

  it('never shadows a built-in site', () => {
    const sites = siteRegistry([{ origin: 'https://chatgpt.com', statusPage: null }]);
    expect(sites.forUrl('https://chatgpt.com/')?.id).toBe('chatgpt');
  });
});
