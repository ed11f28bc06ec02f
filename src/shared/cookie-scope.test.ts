import { describe, expect, it } from 'vitest';
import { SITES } from '~/sites/index.ts';
import { cookieWarning } from '~/ui/panel/ClearSiteData.tsx';
import { cookieScope, registrableDomain, siteCookieScope } from './cookie-scope.ts';

describe('what clearing cookies reaches', () => {
  it('takes the registrable domain from the public suffix list, private suffixes included', () => {
    expect(registrableDomain('gemini.google.com')).toBe('google.com');
    expect(registrableDomain('copilot.microsoft.com')).toBe('microsoft.com');
    expect(registrableDomain('chat.corp.example.com')).toBe('example.com');
    expect(registrableDomain('chat.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('alice.github.io')).toBe('alice.github.io');
    expect(registrableDomain('localhost')).toBe('localhost');
  });

  it('in Chrome, names the whole registrable domain and says when it is wider than the site', () => {
    expect(cookieScope(['gemini.google.com'], 'chrome')).toEqual({
      by: 'domain',
      domains: ['google.com'],
      wider: true,
    });
    expect(cookieScope(['chat.corp.example.com'], 'chrome')).toEqual({
      by: 'domain',
      domains: ['example.com'],
      wider: true,
    });
    expect(cookieScope(['chatgpt.com', 'chat.openai.com'], 'chrome')).toEqual({
      by: 'domain',
      domains: ['chatgpt.com', 'openai.com'],
      wider: true,
    });
    expect(cookieScope(['claude.ai'], 'chrome')).toEqual({
      by: 'domain',
      domains: ['claude.ai'],
      wider: false,
    });
    expect(cookieScope(['www.perplexity.ai', 'perplexity.ai'], 'chrome')).toMatchObject({
      domains: ['perplexity.ai'],
      wider: false,
    });
  });

  it('in Firefox, names exactly the hosts cleared', () => {
    expect(cookieScope(['gemini.google.com'], 'firefox')).toEqual({
      by: 'host',
      hosts: ['gemini.google.com'],
    });
  });

  it('counts the API hosts the site clears too', () => {
    const characterAi = SITES.find((site) => site.id === 'characterai');
    expect(characterAi && siteCookieScope(characterAi)).toMatchObject({
      domains: ['character.ai'],
    });
  });

  it('gives every built-in site a scope that covers all its hosts', () => {
    for (const site of SITES) {
      const scope = cookieScope([...site.hosts, ...(site.apiHosts ?? [])], 'chrome');
      if (scope.by !== 'domain') throw new Error('chrome scope');
      for (const host of site.hosts) {
        expect(scope.domains.some((d) => host === d || host.endsWith(`.${d}`))).toBe(true);
      }
    }
  });
});

describe('the warning before cookies are cleared', () => {
  it('names the company-wide sign-out for Gemini in Chrome', () => {
    const text = cookieWarning('Gemini', cookieScope(['gemini.google.com'], 'chrome'));
    expect(text).toContain('every site under google.com');
    expect(text).toContain('not only Gemini');
  });

  it('names the parent domain of a custom site in Chrome', () => {
    const text = cookieWarning(
      'chat.corp.example.com',
      cookieScope(['chat.corp.example.com'], 'chrome'),
    );
    expect(text).toContain('every site under example.com');
  });

  it('keeps the plain warning where the domain is the site', () => {
    const text = cookieWarning('Claude', cookieScope(['claude.ai'], 'chrome'));
    expect(text).toContain('signs you out of Claude');
    expect(text).not.toContain('every site under');
  });

  it('describes Firefox host-only clearing as it is', () => {
    const text = cookieWarning('Gemini', cookieScope(['gemini.google.com'], 'firefox'));
    expect(text).toContain('cookies of gemini.google.com only');
    expect(text).toContain('parent domain');
  });
});
