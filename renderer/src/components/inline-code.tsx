/**
 * Text that quotes commands between backticks, as the backend's messages do.
 * The words are drawn as code, so no literal backtick reaches the screen.
 */
export function InlineCode({ text }: { readonly text: string }) {
  const parts = text.split('`');
  // An odd count of backticks leaves one unpaired: draw the text as it is rather than guess.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}

/** The same text for an accessible name: the command words stay, the backticks go. */
export function withoutBackticks(text: string): string {
  return text.split('`').length % 2 === 0 ? text : text.replaceAll('`', '');
}
