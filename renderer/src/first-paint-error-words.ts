import type { ApiError } from '../../electron/contract';
import { lightErrorWords } from './words/light-data-words';
import { codeWords } from './words/code-words';

/**
 * An error in words for the first screen (the settings could not be read, no access
 * token, copying failed): these come with no data or with light data only, so this
 * leaves out the words of the Apply outcomes, the pair view, the bind test and the file
 * name, which load with the views that show them (error-words.ts words every error).
 * Any heavier data would fall back to the sentence of its code, never to a raw code.
 */
export function firstPaintErrorWords(error: ApiError): string {
  return lightErrorWords(error) ?? codeWords(error.code);
}
