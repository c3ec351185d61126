import { useCallback } from 'react';
import { useApi } from './api-context';
import { firstPaintErrorWords } from './first-paint-error-words';

/** Copies text; resolves to null on success or the problem in words. */
export type CopyText = (text: string) => Promise<string | null>;

/** Copying goes through the backend (the clipboard of Electron, or the preview's own). */
export function useCopy(): CopyText {
  const api = useApi();
  return useCallback(
    async (text: string) => {
      try {
        const answer = await api.copyText({ text });
        return answer.ok ? null : firstPaintErrorWords(answer.error);
      } catch (error) {
        return String(error);
      }
    },
    [api],
  );
}
