import { useState } from 'react';
import type { CommandBlock } from '../../../electron/contract';

/** Shell commands that do the same by hand, each with its own Copy button. */
export function CommandBlocks({ blocks }: { readonly blocks: readonly CommandBlock[] }) {
  const [copied, setCopied] = useState<number | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const copy = async (index: number, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(index);
      setCopyError(null);
    } catch (error) {
      setCopyError(`Copying failed (${String(error)}); select the text and copy it by hand.`);
    }
  };
  return (
    <div className="command-blocks">
      {blocks.map((block, index) => (
        <figure key={block.title} className="command-block">
          <figcaption>
            <span>{block.title}</span>
            <button
              type="button"
              className="button small"
              onClick={() => void copy(index, block.commands)}
            >
              {copied === index ? 'Copied' : 'Copy'}
            </button>
          </figcaption>
          <pre tabIndex={0}>
            <code>{block.commands}</code>
          </pre>
        </figure>
      ))}
      {copyError ? (
        <p className="inline-error" role="alert">
          {copyError}
        </p>
      ) : null}
    </div>
  );
}
