/**
 * The recovery page: shown in place of the browser's own error page, where no content
 * script can run. What failed and where is in its address, so it works even if the
 * background worker was stopped since; the episode's count and fixes come from the
 * background when it answers.
 */
import { render } from 'preact';
import type { Incident } from '~/background/incident.ts';
import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';
import { sendToBackground } from '~/shared/messages.ts';
import { parseRecoveryQuery } from '~/shared/recovery-link.ts';
import '~/ui/panel/panel.css';
import '~/ui/panel/network-checks.css';
import './recovery.css';
import { RecoveryPage } from './RecoveryPage.tsx';

const target = parseRecoveryQuery(location.search);
document.title = target ? `${t('recoveryPageTitle')} · ${t('extName')}` : t('extName');

async function currentIncident(): Promise<Incident | null> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id === undefined) return null;
  const answer = sendToBackground('tabIncident', { tabId: tab.id }).then((r) => r.incident);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500));
  return Promise.race([answer.catch(() => null), timeout]);
}

const app = document.getElementById('app');
if (app) {
  const incident = target ? await currentIncident() : null;
  render(<RecoveryPage target={target} incident={incident} />, app);
}
