import { type MessageKey, t } from '~/shared/i18n.ts';
import { PROMPT_MODES, type PromptMode } from '~/shared/settings/model.ts';
import type { SectionProps } from './section-props.ts';

const WORDS: Record<PromptMode, { label: MessageKey; help: MessageKey }> = {
  full: { label: 'optionsPromptFull', help: 'optionsPromptFullHelp' },
  compact: { label: 'optionsPromptCompact', help: 'optionsPromptCompactHelp' },
  off: { label: 'optionsPromptOff', help: 'optionsPromptOffHelp' },
};

/** How a failing page is shown: the full panel, a corner notice, or nothing but the badge. */
export function PromptChoice({ settings, change }: SectionProps) {
  return (
    <section class="op-section">
      <fieldset class="op-fieldset">
        <legend>
          <h2>{t('optionsPromptHeading')}</h2>
        </legend>
        {PROMPT_MODES.map((mode) => (
          <label class="op-choice" key={mode}>
            <input
              type="radio"
              name="prompt"
              value={mode}
              checked={settings.prompt === mode}
              onChange={() => void change({ ...settings, prompt: mode })}
            />
            <span>
              <span class="op-choice-label">{t(WORDS[mode].label)}</span>
              <span class="op-help">{t(WORDS[mode].help)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
