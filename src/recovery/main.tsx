/**
 * The recovery page: shown in place of the browser's own error page, where no content
 * script can run. What failed and where is in its address, so it works even if the
 * background worker was stopped since; the episode's count and fixes come from the
 * background when it answers.
 */
import { render } from 'preact';
import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';
import type { Incident } from '~/shared/incident.ts';
import { retryConfig } from '~/shared/page-prompt.ts';
import { sendToBackground } from '~/shared/protocol/messages.ts';
import { parseRecoveryQuery } from '~/shared/recovery-link.ts';
import type { RetryConfig } from '~/shared/retry-policy.ts';
import { loadSettings } from '~/shared/settings/storage.ts';
import { BUILT_IN_SITES } from '~/sites/index.ts';
import { loadSites } from '~/ui/pages/load-sites.ts';
import '~/ui/panel/panel.css';
import '~/ui/panel/network-checks.css';
import './recovery.css';
import { recoveryHeading } from './heading.ts';
import { RecoveryPage } from './RecoveryPage.tsx';

// The target must be a covered site's page, the user's own sites included: read them first.
const sites = await loadSites()
  .then((loaded) => loaded.sites)
  .catch(() => BUILT_IN_SITES);
const target = parseRecoveryQuery(location.search, sites);
// The tab strip names the site and what failed; the page speaks the browser's language.
document.title = target
  ? recoveryHeading(target.url, target.failure, sites.forUrl(target.url)?.name ?? null, t).title
  : t('extName');
try {
  document.documentElement.lang = browser.i18n.getUILanguage() || 'en';
} catch {
  // Keep the page's own lang.
}

async function currentIncident(): Promise<Incident | null> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id === undefined) return null;
  const answer = sendToBackground('tabIncident', { tabId: tab.id }).then((r) => r.incident);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500));
  return Promise.race([answer.catch(() => null), timeout]);
}

/** The user's automatic retry limits (null: turned off), read straight from storage. */
async function retryLimits(): Promise<RetryConfig | null> {
  const { autoRetry } = await loadSettings();
  return autoRetry.enabled ? retryConfig(autoRetry) : null;
}

const app = document.getElementById('app');
if (app) {
  const [incident, retry] = target
    ? await Promise.all([currentIncident(), retryLimits()])
    : [null, undefined];
  render(<RecoveryPage target={target} incident={incident} retry={retry} sites={sites} />, app);
}
