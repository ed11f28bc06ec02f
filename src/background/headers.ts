import type { WebRequest } from '~/shared/browser.ts';

/** Response headers as a plain map with lower-case names. */
export function headerMap(headers: WebRequest.HttpHeaders | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { name, value } of headers ?? []) map[name.toLowerCase()] = value ?? '';
  return map;
}
