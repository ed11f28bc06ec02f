/**
 * The recovery page: shown in place of the browser's own error page, where no content
 * script can run. Everything it needs is in its address, so it works even if the
 * background worker was stopped since.
 */
import { render } from 'preact';
import { t } from '~/shared/i18n.ts';
import { parseRecoveryQuery } from '~/shared/recovery-link.ts';
import '~/ui/panel/panel.css';
import './recovery.css';
import { RecoveryPage } from './RecoveryPage.tsx';

const target = parseRecoveryQuery(location.search);
document.title = target ? `${t('recoveryPageTitle')} · ${t('extName')}` : t('extName');
const app = document.getElementById('app');
if (app) render(<RecoveryPage target={target} />, app);
