import { useState } from 'preact/hooks';
import type { CookieScope } from '~/shared/cookie-scope.ts';
import { t } from '~/shared/i18n.ts';

export interface ClearSiteDataProps {
  siteName: string;
  /** Cache and storage were already cleared in this episode: offer cookies next. */
  storageCleared: boolean;
  /** This browser cannot clear one site's HTTP cache (Firefox). */
  cannotClearCache: boolean;
  /** What clearing cookies really reaches (the whole registrable domain in Chrome). */
  cookieScope: CookieScope;
  run: (step: 'storage' | 'cookies') => Promise<boolean>;
  accept: (event: Event) => boolean;
}

/**
 * Clearing the site's data, in two steps that say what they do: first cache and storage
 * (you stay signed in); only after a plain warning, cookies too (you are signed out).
 */
export function ClearSiteData({
  siteName,
  storageCleared,
  cannotClearCache,
  cookieScope,
  run,
  accept,
}: ClearSiteDataProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const step = storageCleared ? 'cookies' : 'storage';

  const confirm = async (event: Event) => {
    if (!accept(event) || busy) return;
    setBusy(true);
    setFailed(false);
    const ok = await run(step);
    setBusy(false);
    if (!ok) setFailed(true);
  };

  if (!open) {
    return (
      <button type="button" onClick={(event) => accept(event) && setOpen(true)}>
        {t('actionClearSiteData')}
      </button>
    );
  }
  return (
    <fieldset class="gg-confirm" aria-labelledby="gg-clear-title">
      <p id="gg-clear-title" class="gg-confirm-text">
        {step === 'storage'
          ? t('clearStorageExplain', siteName)
          : cookieWarning(siteName, cookieScope)}
      </p>
      {step === 'storage' && cannotClearCache && (
        <p class="gg-note-small">{t('clearNoCacheFirefox')}</p>
      )}
      {failed && (
        <p class="gg-note-small" role="alert">
          {t('clearFailed')}
        </p>
      )}
      <div class="gg-actions">
        <button
          type="button"
          class={step === 'cookies' ? 'gg-danger' : 'gg-primary'}
          onClick={confirm}
          disabled={busy}
        >
          {step === 'storage' ? t('actionClearStorage') : t('actionClearCookies')}
        </button>
        <button type="button" onClick={(event) => accept(event) && setOpen(false)}>
          {t('actionCancel')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * The warning before cookies go, naming what really goes: in Chrome every site under the
 * registrable domain (gemini.google.com signs the user out of all of google.com); in
 * Firefox exactly the site's hosts, which may leave a sign-in on the parent domain.
 */
export function cookieWarning(siteName: string, scope: CookieScope): string {
  if (scope.by === 'host') return t('clearCookiesWarningHosts', [siteName, scope.hosts.join(', ')]);
  if (scope.wider) return t('clearCookiesWarningDomain', [siteName, scope.domains.join(', ')]);
  return t('clearCookiesWarning', siteName);
}
