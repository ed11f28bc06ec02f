import type { SectionProps } from './OptionsPage.tsx';

/**
 * CUSTOM SITES — a reserved place in the options layout, right after the built-in sites.
 * Custom sites are the lead's work: their settings, permissions and UI go here. Until then
 * this renders nothing.
 */
export function CustomSites(_props: SectionProps) {
  return null;
}
