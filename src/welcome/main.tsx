/** The welcome page, opened once on install. */
import { render } from 'preact';
import { t } from '~/shared/i18n.ts';
import '~/ui/panel/panel.css';
import '~/ui/pages/pages.css';
import './welcome.css';
import { startPage } from '~/ui/pages/start-page.ts';
import { Welcome } from './Welcome.tsx';

const app = startPage(t('welcomeTitle'));
if (app) render(<Welcome />, app);
