/**
 * The toolbar popup. It renders at once, before any answer: the tab's card, the statuses
 * and the history fill in as the background answers (statuses may take a few seconds).
 */
import { render } from 'preact';
import { t } from '~/shared/i18n.ts';
import '~/ui/panel/panel.css';
import '~/ui/pages/pages.css';
import './popup.css';
import { startPage } from '~/ui/pages/start-page.ts';
import { Popup } from './Popup.tsx';

const app = startPage(t('extName'));
// `?tab=<id>`: the popup for that tab, when it is opened as a page (tests, screenshots).
if (app) render(<Popup tabParam={new URLSearchParams(location.search).get('tab')} />, app);
