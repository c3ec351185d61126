/**
 * Text that quotes commands between backticks, as the backend's messages do.
 * The words are drawn as code, so no literal backtick reaches the screen.
 */
export function InlineCode({ text }: { readonly text: string }) {
  const parts = text.split('`');
  // An odd count of backticks leaves one unpaired: draw the text as it is rather than guess.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className={part.length <= UNBROKEN_CODE_CHARS ? 'unbroken' : undefined}>
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * A command this short (`sysctl --system`, a key) is never broken at its hyphen or space, which
 * narrow windows and long languages otherwise do; it fits any line the layout has at 800 px.
 * Longer code may wrap, or it would push the page sideways.
 */
const UNBROKEN_CODE_CHARS = 32;

/** The same text for an accessible name: the command words stay, the backticks go. */
export function withoutBackticks(text: string): string {
  return text.split('`').length % 2 === 0 ? text : text.replaceAll('`', '');
}
