import { useState } from 'react';
import type { CommandBlock } from '../../../electron/contract';
import { useCopy } from '../copy-context';
import { captionWords } from '../words/command-words';
import { InlineCode, withoutBackticks } from './inline-code';

/** Shell commands that do the same by hand, each with its own Copy button. */
export function CommandBlocks({ blocks }: { readonly blocks: readonly CommandBlock[] }) {
  const copyText = useCopy();
  const [copied, setCopied] = useState<number | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const copy = async (index: number, text: string) => {
    const problem = await copyText(text);
    if (problem === null) {
      setCopied(index);
      setCopyError(null);
    } else {
      setCopyError(`Copying failed (${problem}); select the text and copy it by hand.`);
    }
  };
  return (
    <div className="command-blocks">
      {blocks.map((block, index) => (
        <figure key={captionWords(block.caption)} className="command-block">
          <figcaption>
            <span>
              <InlineCode text={captionWords(block.caption)} />
            </span>
            <button
              type="button"
              className="button small"
              aria-label={`${copied === index ? 'Copied' : 'Copy'}: ${withoutBackticks(captionWords(block.caption))}`}
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
