import { describe, expect, it } from 'vitest';
import { customAdapter, isBuiltInHost, normaliseOrigin } from './custom.ts';

describe('custom-site origins', () => {
  it('refuses wildcards and anything that is not one plain host', () => {
    for (const value of [
      'https://*.com',
      '*.chatgpt.com',
      'https://*',
      'https://exa*mple.com',
      'https://example.com:8443',
      'https://user@example.com',
      'http://example.com',
      'https://localhost',
      'https://127.0.0.1',
      'https://-bad.example.com',
      'https://exa_mple.com',
      'https://[::1]',
      42,
      null,
    ]) {
      expect(normaliseOrigin(value), String(value)).toBeNull();
    }
  });

  it('keeps plain https hosts, international names in their ASCII form', () => {
    expect(normaliseOrigin('Chat.Corp.Example.com/path')).toBe('https://chat.corp.example.com');
    expect(normaliseOrigin('https://bücher.example')).toBe('https://xn--bcher-kva.example');
  });

  it("refuses a built-in site's hosts and every host under them", () => {
    expect(isBuiltInHost('chatgpt.com')).toBe(true);
    expect(isBuiltInHost('eu.chatgpt.com')).toBe(true);
    expect(isBuiltInHost('x.gemini.google.com')).toBe(true);
    expect(isBuiltInHost('neo.character.ai')).toBe(true);
    expect(isBuiltInHost('notchatgpt.com')).toBe(false);
    expect(isBuiltInHost('chat.example.com')).toBe(false);
    expect(customAdapter({ origin: 'https://eu.chatgpt.com', statusPage: null })).toBeNull();
    expect(customAdapter({ origin: 'https://chat.example.com', statusPage: null })?.id).toBe(
      'custom:chat.example.com',
    );
  });
});
