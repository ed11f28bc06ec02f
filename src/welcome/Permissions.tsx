import { type MessageKey, t } from '~/shared/i18n.ts';

/** Each permission in plain words, with why it is needed. */
const PERMISSIONS: Array<{ name: MessageKey; why: MessageKey }> = [
  { name: 'permSitesName', why: 'permSitesWhy' },
  { name: 'permStatusName', why: 'permStatusWhy' },
  { name: 'permStorageName', why: 'permStorageWhy' },
  { name: 'permBrowsingDataName', why: 'permBrowsingDataWhy' },
  { name: 'permNotificationsName', why: 'permNotificationsWhy' },
];

export function Permissions() {
  const rows =
    __TARGET__ === 'firefox'
      ? [...PERMISSIONS, { name: 'permProxyName' as const, why: 'permProxyWhy' as const }]
      : PERMISSIONS;
  return (
    <section class="wl-section" aria-labelledby="wl-permissions">
      <h2 id="wl-permissions">{t('welcomePermissionsHeading')}</h2>
      <dl class="wl-permissions">
        {rows.map((row) => (
          <div key={row.name}>
            <dt>{t(row.name)}</dt>
            <dd>{t(row.why)}</dd>
          </div>
        ))}
      </dl>
      <p class="gg-muted">{t('welcomeNoTelemetry')}</p>
    </section>
  );
}
