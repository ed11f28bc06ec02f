import { useRef, useState } from 'preact/hooks';
import type { Failure } from '~/shared/failure.ts';
import { t } from '~/shared/i18n.ts';
import { chatgpt } from '~/sites/chatgpt.ts';
import type { FixContext } from '~/ui/panel/fix-plan.ts';
import { Panel } from '~/ui/panel/Panel.tsx';
import { reportCopier } from '~/ui/panel/support.ts';

/** Where the demo pretends to be: the panel names this host, nothing is loaded from it. */
const DEMO_URL = 'https://chatgpt.com/';
const DEMO_SITE = chatgpt;
const DEMO_FAILURE: Failure = { kind: 'http', status: 502 };

/** The real support report, for a pretend incident: built and copied here, sent nowhere. */
const demoReport = reportCopier({
  site: DEMO_SITE,
  url: DEMO_URL,
  failure: DEMO_FAILURE,
  incident: () => null,
});

/** The demo surface offers only what it can pretend harmlessly: Retry now and the report. */
const DEMO_FIXES: FixContext = {
  surface: 'demo',
  url: DEMO_URL,
  failure: DEMO_FAILURE,
  incident: null,
  site: {
    id: DEMO_SITE.id,
    name: DEMO_SITE.name,
    hosts: DEMO_SITE.hosts,
    statusPage: null,
    statusSource: { kind: 'none', closest: null },
    cookieScope: { by: 'host', hosts: [...DEMO_SITE.hosts] },
  },
  autoRetry: false,
  cannotClearCache: false,
  proxyCheckHere: false,
};

/**
 * The real panel on a pretend 502, right on this page: no network, no site, no automatic
 * retry. Retry now closes it and says what it would have done; Copy report really copies.
 */
export function DemoPanel() {
  const [open, setOpen] = useState(false);
  const [after, setAfter] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = (note: string | null) => {
    setOpen(false);
    setAfter(note);
    button.current?.focus();
  };
  return (
    <>
      <div class="gg-actions">
        <button
          type="button"
          class="gg-primary"
          ref={button}
          onClick={() => {
            setAfter(null);
            setOpen(true);
          }}
        >
          {t('welcomeSeeItWork')}
        </button>
      </div>
      {after && (
        <p class="gg-note-small" role="status">
          {after}
        </p>
      )}
      {open && (
        <Panel
          problem={{ failure: DEMO_FAILURE }}
          url={DEMO_URL}
          variant="overlay"
          demo
          count={1}
          fixes={{
            context: DEMO_FIXES,
            actions: { retryNow: () => close(t('welcomeDemoRetried')), copyReport: demoReport },
          }}
          onDismiss={() => close(null)}
        />
      )}
    </>
  );
}
