import { t } from '~/shared/i18n.ts';

export interface DraftOfferProps {
  /** The saved draft the user may bring back. */
  text: string;
  onRestore: () => void;
  onDismiss: () => void;
}

/** How much of the draft the notice quotes, so the user can tell which text it is. */
const PREVIEW_CHARS = 140;

/**
 * Offered when the composer already holds other text than the saved draft, so nothing is
 * replaced without asking. A corner notice: it never takes focus from the composer, and
 * Escape closes it only when focus is inside it.
 */
export function DraftOffer({ text, onRestore, onDismiss }: DraftOfferProps) {
  const preview = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onDismiss();
  };
  return (
    <div class="gg-compact gg-draft">
      <section
        class="gg-panel"
        role="dialog"
        aria-labelledby="gg-draft-title"
        aria-describedby="gg-draft-meaning"
        onKeyDown={onKeyDown}
      >
        <p class="gg-brand">{t('panelBrand')}</p>
        <h2 id="gg-draft-title" class="gg-title">
          {t('draftOfferTitle')}
        </h2>
        <p id="gg-draft-meaning" class="gg-meaning">
          {t('draftOfferMeaning')}
        </p>
        <q class="gg-quote">{preview}</q>
        <div class="gg-actions">
          <button type="button" class="gg-primary" onClick={onRestore}>
            {t('actionRestoreDraft')}
          </button>
          <button type="button" onClick={onDismiss}>
            {t('actionDismiss')}
          </button>
        </div>
      </section>
    </div>
  );
}
