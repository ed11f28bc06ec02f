import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { SITE_EXAMPLES } from '../../test/fixtures/site-examples.ts';
import { classifyNoticeText } from '../shared/classify.ts';
import { normalizeNotice } from '../shared/notice-text.ts';
import { BUILT_IN_SITES, hostPatterns, isChatRequest, pagePatterns, SITES } from './index.ts';

const siteForUrl = (url: string) => BUILT_IN_SITES.forUrl(url);
const siteForRequest = (url: string) => BUILT_IN_SITES.forRequest(url);

const ADAPTER_FILES = readdirSync(import.meta.dirname).filter(
  (f) =>
    f.endsWith('.ts') &&
    !f.endsWith('.test.ts') &&
    !['index.ts', 'types.ts', 'common-phrases.ts', 'custom.ts', 'built-in.ts'].includes(f),
);

function split(example: string): [string, string] {
  const [method, url] = example.split(' ');
  return [method ?? '', url ?? ''];
}

describe('site registry', () => {
  it('registers every adapter file', () => {
    expect(SITES).toHaveLength(ADAPTER_FILES.length);
  });

  it('has unique ids and hosts', () => {
    const ids = SITES.map((s) => s.id);
    const hosts = SITES.flatMap((s) => [...s.hosts, ...(s.apiHosts ?? [])]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('gives the build exact host patterns, nothing broader', () => {
    for (const pattern of hostPatterns()) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    for (const pattern of pagePatterns()) {
      expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/([a-z]+\*|\*)$/);
    }
    // The source manifest leaves them to the build, which fills them from the adapters.
    expect(manifest.host_permissions).toEqual([]);
  });

  it.each([
    ['https://chatgpt.com/', 'chatgpt'],
    ['https://chatgpt.com/c/6650-abc?model=gpt#x', 'chatgpt'],
    ['https://chat.openai.com/c/1', 'chatgpt'],
    ['https://claude.ai/new', 'claude'],
    ['https://gemini.google.com/u/1/app/abc', 'gemini'],
    ['https://www.perplexity.ai/search/x', 'perplexity'],
    ['https://huggingface.co/chat', 'huggingchat'],
    ['https://huggingface.co/chat/conversation/1', 'huggingchat'],
    ['https://meta.ai/', 'metaai'],
  ])('%s belongs to %s', (url, id) => expect(siteForUrl(url)?.id).toBe(id));

  it.each([
    'http://chatgpt.com/',
    'https://evilchatgpt.com/',
    'https://chatgpt.com.evil.example/',
    'https://openai.com/',
    'https://huggingface.co/',
    'https://huggingface.co/models',
    'https://huggingface.co/chatbots',
    'https://neo.character.ai/chat/1',
    'chrome-extension://abc/src/recovery/index.html',
    'not a url',
    '',
  ])('%s is not a covered page', (url) => expect(siteForUrl(url)).toBeNull());

  it('attributes API-host requests to their site', () => {
    expect(siteForRequest('https://neo.character.ai/turns/1/')?.id).toBe('characterai');
  });
});

describe.each(SITES.map((site) => [site.id, site] as const))('adapter %s', (id, site) => {
  const examples = SITE_EXAMPLES[id] ?? {
    chatRequests: [],
    otherRequests: [],
    outageText: [],
    notOutageText: [],
  };

  it('is well formed', () => {
    expect(site.name).not.toBe('');
    expect(site.hosts.length).toBeGreaterThan(0);
    for (const host of site.hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
    expect(site.chatRequests.length).toBeGreaterThan(0);
    expect(site.composer.length).toBeGreaterThan(0);
    for (const selector of [...site.composer, ...(site.retryControl ?? [])]) {
      expect(() => document.querySelector(selector), selector).not.toThrow();
    }
    for (const list of Object.values(site.phrases)) {
      for (const phrase of list) {
        expect(phrase).toBe(phrase.toLowerCase());
        expect(normalizeNotice(phrase), phrase).not.toBe('');
      }
    }
    if (site.status) expect(site.status.page).toMatch(/^https:\/\//);
  });

  it('has test cases of every kind', () => {
    for (const list of Object.values(examples)) expect(list.length).toBeGreaterThan(0);
  });

  it('recognises its chat requests', () => {
    for (const example of examples.chatRequests) {
      const [method, url] = split(example);
      expect(siteForRequest(url)?.id, example).toBe(site.id);
      expect(isChatRequest(site, method, url), example).toBe(true);
    }
  });

  it('never mistakes other requests for the chat', () => {
    for (const example of examples.otherRequests) {
      const [method, url] = split(example);
      expect(isChatRequest(site, method, url), example).toBe(false);
    }
  });

  it('reads its error notices as outages', () => {
    for (const text of examples.outageText) {
      expect(classifyNoticeText(text, site.phrases).kind, text).toBe('outage');
    }
  });

  it('never reads a limit, captcha, policy or sign-in notice as an outage', () => {
    for (const text of examples.notOutageText) {
      expect(classifyNoticeText(text, site.phrases).kind, text).not.toBe('outage');
    }
  });
});
