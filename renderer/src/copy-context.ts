import { createContext, useContext } from 'react';

/** Copies text; resolves to null on success or the problem in words. */
export type CopyText = (text: string) => Promise<string | null>;

export const CopyContext = createContext<CopyText>(async () => 'no clipboard available');

export function useCopy(): CopyText {
  return useContext(CopyContext);
}
