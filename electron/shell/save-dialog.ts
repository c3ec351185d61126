import { dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';

/** The system's save dialog, then the file; the path is the user's own choice. */
export async function saveTextWithDialog(
  parent: BrowserWindow | null,
  suggestedName: string,
  text: string,
): Promise<string | null> {
  const options = { defaultPath: suggestedName, filters: [{ name: 'Text', extensions: ['txt'] }] };
  const choice = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, text, { mode: 0o644 });
  return choice.filePath;
}
