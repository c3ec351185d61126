import { useLingui } from '@lingui/react/macro';
import { activeLocale } from './active';

/** "Japanese" for "ja", in the language shown; the tag itself if Intl has no name for it. */
function languageName(tag: string, displayLocale: string): string {
  try {
    return new Intl.DisplayNames([displayLocale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * One sentence when the user's language has no catalog and English is shown
 * instead; nothing otherwise.
 */
export function LanguageFallbackNotice() {
  const { t, i18n } = useLingui();
  const { fellBack, requested } = activeLocale();
  if (!fellBack || requested === null) return null;
  const language = languageName(requested, i18n.locale);
  return (
    <p className="note language-fallback" role="note">
      {t({
        message: `Nonlocal Bind has no ${language} translation yet, so it is shown in English.`,
        comment: 'language is the name of the language the user asked for, e.g. Japanese',
      })}
    </p>
  );
}
