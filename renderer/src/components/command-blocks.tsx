import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { CommandBlock } from '../../../electron/contract';
import { useCopy } from '../copy-context';
import { captionIsName, captionWords } from '../words/command-words';
import { InlineCode, withoutBackticks } from './inline-code';

/** Shell commands that do the same by hand, each with its own Copy button. */
export function CommandBlocks({ blocks }: { readonly blocks: readonly CommandBlock[] }) {
  const copyText = useCopy();
  const { t } = useLingui();
  const [copied, setCopied] = useState<number | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const copy = async (index: number, text: string) => {
    const problem = await copyText(text);
    if (problem === null) {
      setCopied(index);
      setCopyError(null);
    } else {
      setCopyError(t`Copying failed (${problem}); select the text and copy it by hand.`);
    }
  };
  return (
    <div className="command-blocks">
      {blocks.map((block, index) => {
        const caption = captionWords(block.caption);
        const what = withoutBackticks(caption);
        const done = copied === index;
        return (
          <figure key={caption} className="command-block">
            <figcaption>
              <span translate={captionIsName(block.caption) ? 'no' : undefined}>
                <InlineCode text={caption} />
              </span>
              <button
                type="button"
                className="button small"
                aria-label={
                  done
                    ? t({
                        message: `Copied: ${what}`,
                        comment: 'what: the caption of the commands',
                      })
                    : t({ message: `Copy: ${what}`, comment: 'what: the caption of the commands' })
                }
                onClick={() => void copy(index, block.commands)}
              >
                {done
                  ? t({ message: 'Copied', comment: 'button, after the commands were copied' })
                  : t({ message: 'Copy', comment: 'button: copy the commands to the clipboard' })}
              </button>
            </figcaption>
            <pre tabIndex={0}>
              <code>{block.commands}</code>
            </pre>
          </figure>
        );
      })}
      {copyError ? (
        <p className="inline-error" role="alert">
          {copyError}
        </p>
      ) : null}
    </div>
  );
}
