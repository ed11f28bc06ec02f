import { describe, expect, it } from 'vitest';
import { SITES } from '~/sites/index.ts';
import {
  CHAT_COMPONENTS,
  isFetched,
  STATUS_SOURCES,
  statusHostPatterns,
  statusSourceFor,
} from './sources.ts';

describe('STATUS_SOURCES', () => {
  it('covers every site, and no other', () => {
    expect(Object.keys(STATUS_SOURCES).sort()).toEqual(SITES.map((s) => s.id).sort());
  });

  it.each(SITES.map((site) => [site.id, site] as const))(
    '%s agrees with its adapter',
    (_, site) => {
      const source = statusSourceFor(site.id);
      if (!site.status) {
        expect(source?.kind).toBe('none');
        return;
      }
      if (!source || source.kind === 'none') throw new Error(`${site.id}: no source`);
      expect(new URL(source.page).origin).toBe(new URL(site.status.page).origin);
      expect(source.kind).toBe(site.status.source === 'html' ? 'link' : site.status.source);
      if (isFetched(source)) {
        for (const address of [source.url, source.incidentsUrl]) {
          if (address) expect(new URL(address).origin).toBe(new URL(site.status.page).origin);
        }
      }
    },
  );

  it('chooses the chat component from the documented exact names only', () => {
    for (const [siteId, names] of Object.entries(CHAT_COMPONENTS)) {
      const source = statusSourceFor(siteId);
      if (!source || !isFetched(source)) throw new Error(`${siteId}: not fetched`);
      expect(source.options.componentHint, siteId).toEqual(names);
    }
    // OpenAI's page has no component named "ChatGPT"; names that contain it are products.
    expect(CHAT_COMPONENTS.chatgpt).toEqual(['Conversations']);
    for (const source of Object.values(STATUS_SOURCES)) {
      if (!isFetched(source) || !source.options.componentHint) continue;
      const known = Object.values(CHAT_COMPONENTS) as ReadonlyArray<readonly string[]>;
      expect(known).toContain(source.options.componentHint);
    }
  });

  it('links no-page sites to an https source, or to nothing', () => {
    for (const source of Object.values(STATUS_SOURCES)) {
      if (source.kind === 'none' && source.closest) {
        expect(source.closest.url).toMatch(/^https:\/\//);
      }
    }
  });

  it('gives match patterns for every fetched status-only host, never www.google.com', () => {
    expect(statusHostPatterns()).toEqual([
      'https://status.openai.com/*',
      'https://status.claude.com/*',
      'https://status.perplexity.com/*',
      'https://status.poe.com/*',
      'https://status.character.ai/*',
      'https://status.huggingface.co/*',
      'https://status.deepseek.com/*',
      'https://status.x.ai/*',
    ]);
  });

  it('knows no site by inherited names', () => {
    expect(statusSourceFor('toString')).toBeNull();
    expect(statusSourceFor('nope')).toBeNull();
  });
});
