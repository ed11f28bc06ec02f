import { t } from '~/shared/i18n.ts';

/** The site's own status page, in a new tab, opened without handing it this page. */
export function StatusPageLink({ href }: { href: string }) {
  return (
    <a class="gg-link-button" href={href} target="_blank" rel="noopener noreferrer">
      {t('actionStatusPage')}
    </a>
  );
}
