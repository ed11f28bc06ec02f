import { describe, expect, it } from 'vitest';
import { SITE_EXAMPLES } from '../../test/fixtures/site-examples.ts';
import { chatRequestPatterns, literalPathPrefix, SITES } from './index.ts';

/** A webRequest URL filter's match, for the patterns made here: scheme, host, path glob. */
function matches(pattern: string, url: string): boolean {
  const glob = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${glob}$`).test(url);
}

describe('literalPathPrefix', () => {
  it.each([
    [/^\/backend-api\/(f\/)?conversation\/?$/, '/backend-api/'],
    [/^\/ws\/?$/, '/ws'],
    [/^\/api\/chat$/, '/api/chat'],
    [/^\/api\/gql_POST$/, '/api/gql_POST'],
    [/^\/c\/api\/(conversations|start)(\/|$)/, '/c/api/'],
    [/^\/chat\/conversation\/[^/]+\/?$/, '/chat/conversation/'],
    [/^(\/u\/\d+)?\/_\/BardChatUi/, '/'],
    [/^\/a+b/, '/a'],
    [/^\/ab{0,2}c/, '/a'],
    [/^\/ab*c/, '/a'],
    [/^\/v\d\/chat/, '/v'],
    [/\/api\/chat$/, '/'],
    [/^\/api\/chat|^\/other/, '/'],
    [/^\/API\/chat/i, '/'],
  ])('%s starts with %s', (path, prefix) => {
    expect(literalPathPrefix(path)).toBe(prefix);
  });
});

describe('chatRequestPatterns', () => {
  const patterns = chatRequestPatterns();

  it("lets through every site's chat requests", () => {
    for (const [id, examples] of Object.entries(SITE_EXAMPLES)) {
      for (const request of examples.chatRequests) {
        const url = request.split(' ')[1] ?? '';
        expect(
          patterns.some((p) => matches(p, url)),
          `${id}: ${request}`,
        ).toBe(true);
      }
    }
  });

  it("leaves out a site's other requests that share no chat path's start", () => {
    for (const url of [
      'https://chatgpt.com/ces/v1/t',
      'https://chatgpt.com/assets/app.js',
      'https://claude.ai/api/bootstrap',
      'https://neo.character.ai/recommendation/v1/user',
      'https://chat.deepseek.com/api/v0/users/current',
    ]) {
      expect(
        patterns.some((p) => matches(p, url)),
        url,
      ).toBe(false);
    }
    // The examples' near misses (same start, another path or method) are for the rules.
    const others = Object.values(SITE_EXAMPLES).flatMap((e) =>
      e.otherRequests.map((r) => r.split(' ')[1] ?? ''),
    );
    expect(others.filter((url) => patterns.some((p) => matches(p, url))).length).toBeLessThan(
      others.length,
    );
  });

  it('is only https patterns on the sites own hosts', () => {
    const hosts = new Set(SITES.flatMap((s) => [...s.hosts, ...(s.apiHosts ?? [])]));
    for (const pattern of patterns) {
      const [, host] = /^https:\/\/([^/]+)\//.exec(pattern) ?? [];
      expect(hosts.has(host ?? ''), pattern).toBe(true);
    }
  });
});
