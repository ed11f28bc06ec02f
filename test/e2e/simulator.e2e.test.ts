/**
 * `npm start`'s headless mode, as a user without a display runs it: two short scenarios in
 * quick mode on the test build, the printed timeline and the exit code.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function runSimulator(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(root, 'scripts/simulator/main.ts'), ...args],
      { cwd: root, env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' } },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, out }));
  });
}

describe('the outage simulator without a display', () => {
  it('runs the scenarios, prints the rescue and saves screenshots', async () => {
    const { code, out } = await runSimulator(['--quick', '--only=html-502,chat-mid-answer']);
    expect(out).toContain('dist-test/chrome, quick mode');

    const html502 = out.slice(out.indexOf('[html-502]'), out.indexOf('[chat-mid-answer]'));
    const order = [
      'GET /c/sim-502 answered: 502 with an HTML error page',
      'panel: "502 Bad Gateway"',
      'phase 2/2: the site answers again',
      'back to the chat',
    ].map((line) => html502.indexOf(line));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The fake status page answers: the panel says what it reports, never "Status unknown".
    expect(html502).toContain('the panel says "ChatGPT status: Operational"');
    expect(html502).toContain('automatic retry counting down');
    expect(out).not.toContain('Status unknown');

    const chat = out.slice(out.indexOf('[chat-mid-answer]'));
    expect(chat).toContain('chat answer breaks off mid-stream');
    expect(chat).toContain('notice over the chat:');
    expect(chat).toContain('back to the chat: the answer arrived in full');

    expect(out).toContain('2/2 scenarios ended as expected.');
    for (const shot of ['html-502-rescue', 'html-502-back', 'chat-mid-answer-back']) {
      expect(existsSync(resolve(root, `artifacts/simulator/${shot}.png`))).toBe(true);
    }
    expect(code).toBe(0);
  }, 90_000);
});
