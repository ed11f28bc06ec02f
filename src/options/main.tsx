/** The options page: every change is saved at once and takes effect without a restart. */
import { render } from 'preact';
import { t } from '~/shared/i18n.ts';
import '~/ui/panel/panel.css';
import '~/ui/pages/pages.css';
import './options.css';
import { startPage } from '~/ui/pages/start-page.ts';
import { OptionsPage } from './OptionsPage.tsx';

const app = startPage(t('optionsTitle'));
if (app) render(<OptionsPage />, app);
