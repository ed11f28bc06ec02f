import { characterai } from './characterai.ts';
import { chatgpt } from './chatgpt.ts';
import { claude } from './claude.ts';
import { copilot } from './copilot.ts';
import { deepseek } from './deepseek.ts';
import { gemini } from './gemini.ts';
import { grok } from './grok.ts';
import { huggingchat } from './huggingchat.ts';
import { metaai } from './metaai.ts';
import { mistral } from './mistral.ts';
import { perplexity } from './perplexity.ts';
import { poe } from './poe.ts';
import type { SiteAdapter } from './types.ts';

/** Every site Gateway Guard covers. The manifest's host access must match this list. */
export const SITES: readonly SiteAdapter[] = [
  chatgpt,
  claude,
  gemini,
  copilot,
  perplexity,
  mistral,
  deepseek,
  poe,
  grok,
  characterai,
  huggingchat,
  metaai,
];
