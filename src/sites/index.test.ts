import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { hostPatterns, SITES, siteForUrl } from './index.ts';

describe('site registry', () => {
  it('has unique ids and hosts', () => {
    const ids = SITES.map((s) => s.id);
    const hosts = SITES.flatMap((s) => s.hosts);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('asks for host access to exactly the covered hosts, nothing broader', () => {
    expect([...manifest.host_permissions].sort()).toEqual(hostPatterns().sort());
    for (const script of manifest.content_scripts) {
      expect([...script.matches].sort()).toEqual(hostPatterns().sort());
    }
  });

  it.each([
    ['https://chatgpt.com/', 'chatgpt'],
    ['https://chatgpt.com/c/6650-abc?model=gpt#x', 'chatgpt'],
    ['https://chat.openai.com/c/1', 'chatgpt'],
  ])('%s belongs to %s', (url, id) => expect(siteForUrl(url)?.id).toBe(id));

  it.each([
    'http://chatgpt.com/',
    'https://evilchatgpt.com/',
    'https://chatgpt.com.evil.example/',
    'https://openai.com/',
    'chrome-extension://abc/src/recovery/index.html',
    'not a url',
    '',
  ])('%s is not covered', (url) => expect(siteForUrl(url)).toBeNull());
});
