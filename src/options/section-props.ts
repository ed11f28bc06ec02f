import type { Settings } from '~/shared/settings/model.ts';

/** What each section of the options page gets: the settings, and how to change them. */
export interface SectionProps {
  settings: Settings;
  change: (next: Settings) => Promise<void>;
}
