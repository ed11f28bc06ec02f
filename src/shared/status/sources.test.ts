import { describe, expect, it } from 'vitest';
import { SITES, siteRegistry, statusPatterns } from '~/sites/index.ts';
import { isFetched, statusHostPatterns, statusSourceOf } from './sources.ts';

const sources = SITES.map((site) => [site.id, statusSourceOf(site)] as const);

describe('each adapter’s status source', () => {
  it.each(SITES.map((site) => [site.id, site] as const))(
    '%s fetches only from its own status page’s host',
    (_, site) => {
      const source = statusSourceOf(site);
      if (source.kind === 'none') {
        expect(site.status).toBeNull();
        return;
      }
      if (isFetched(source)) {
        for (const address of [source.url, source.incidentsUrl]) {
          if (address) expect(new URL(address).origin).toBe(new URL(source.page).origin);
        }
      }
    },
  );

  it('chooses the chat component from the documented exact names only', () => {
    const hints = Object.fromEntries(
      sources.flatMap(([id, source]) =>
        isFetched(source) && source.options.componentHint
          ? [[id, source.options.componentHint]]
          : [],
      ),
    );
    // OpenAI's page has no component named "ChatGPT"; names that contain it are products.
    expect(hints).toEqual({
      chatgpt: ['Conversations'],
      claude: ['claude.ai'],
      perplexity: [],
      characterai: [],
      huggingchat: [],
    });
  });

  it('links no-page sites to an https source, or to nothing', () => {
    for (const [, source] of sources) {
      if (source.kind === 'none' && source.closest) {
        expect(source.closest.url).toMatch(/^https:\/\//);
      }
    }
    expect(sources.filter(([, s]) => s.kind === 'none').map(([id]) => id)).toEqual([
      'copilot',
      'metaai',
    ]);
  });

  it('gives match patterns for every fetched status-only host, never www.google.com', () => {
    expect(statusPatterns()).toEqual([
      'https://status.openai.com/*',
      'https://status.claude.com/*',
      'https://status.perplexity.com/*',
      'https://status.deepseek.com/*',
      'https://status.poe.com/*',
      'https://status.x.ai/*',
      'https://status.character.ai/*',
      'https://status.huggingface.co/*',
    ]);
  });

  it('a user’s own site links its status page, and reads nothing', () => {
    const own = siteRegistry([
      { origin: 'https://chat.example.org', statusPage: 'https://status.example.org' },
    ]);
    const site = own.byId('custom:chat.example.org');
    if (!site) throw new Error('no custom site');
    expect(statusSourceOf(site)).toEqual({ kind: 'link', page: 'https://status.example.org' });
    expect(statusHostPatterns(own.all.map((s) => s.status))).toEqual(statusPatterns());
  });
});
