import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../test/unit/english.ts';
import { recoveryHeading } from './heading.ts';

describe('recoveryHeading', () => {
  it('names the site and the status code in the title, the host and redacted path as address', () => {
    expect(
      recoveryHeading(
        'https://chatgpt.com/c/6a1b2c3d-secret?q=private#x',
        { kind: 'http', status: 502 },
        'ChatGPT',
        englishMessage,
      ),
    ).toEqual({ siteName: 'ChatGPT', address: 'chatgpt.com/c/:id', title: 'ChatGPT · 502' });
  });

  it('names a network error by its kind and keeps the host after a connection reset', () => {
    const heading = recoveryHeading(
      'https://chat.deepseek.com/',
      { kind: 'network', network: 'connection-reset', raw: 'net::ERR_CONNECTION_RESET' },
      'DeepSeek',
      englishMessage,
    );
    expect(heading.title).toBe('DeepSeek · Connection reset');
    expect(heading.address).toBe('chat.deepseek.com/');
  });

  it('falls back to the host when the site has no name', () => {
    const heading = recoveryHeading(
      'https://chat.example.org/x',
      { kind: 'http', status: 503 },
      null,
      englishMessage,
    );
    expect(heading.title).toBe('chat.example.org · 503');
  });
});
