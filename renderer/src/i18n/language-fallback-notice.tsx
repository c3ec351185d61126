import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import { activeLocale } from './active';
import './language-fallback-notice.css';

/** "Japanese" for "ja", in the language shown; the tag itself if Intl has no name for it. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The one sentence that says the asked-for language has no catalog (`requested`: a BCP 47 tag). */
export function languageFallbackSentence(requested: string): string {
  const language = languageName(requested);
  return t({
    message: `Nonlocal Bind has no ${language} translation yet, so it is shown in English.`,
    comment: 'language is the name of the language the user asked for, e.g. Japanese',
  });
}

/** Says so when the user's language has no catalog and English is shown instead. */
export function LanguageFallbackNotice() {
  const { fellBack, requested } = activeLocale();
  if (!fellBack || requested === null) return null;
  return (
    <p className="language-fallback" role="note">
      {languageFallbackSentence(requested)}
    </p>
  );
}
