/**
 * Before any end-to-end file: stop at once, with the install command, when a browser is
 * missing, and print the exact builds the run drives (a failure elsewhere names them too).
 */
import { browserNames } from './harness/browsers.ts';
import { browserVersion, missingBrowser } from './harness/executables.ts';

export default function setup(): void {
  const names = browserNames();
  const missing = names.map(missingBrowser).filter((m): m is string => m !== null);
  if (missing.length > 0) throw new Error(missing.join('\n'));
  for (const name of names) console.log(`End-to-end tests drive ${browserVersion(name)}`);
}
