import { Trans } from '@lingui/react/macro';

/**
 * The warning for a file Nonlocal Bind did not write: whoever owns it may write it back,
 * so the user should know before the app edits it, whether removing lines or setting them.
 * Without a path the note is about the file just named above it ("this file").
 */
export function ForeignFileNote({ path, change }: { path?: string; change: string }) {
  return (
    <p className="note warning" role="note" data-testid="foreign-file">
      {path === undefined ? (
        <Trans>
          Nonlocal Bind did not write this file: it belongs to someone else (a package, another
          administrator or a configuration tool, which may write it back). {change}
        </Trans>
      ) : (
        <Trans>
          Nonlocal Bind did not write {path}: it belongs to someone else (a package, another
          administrator or a configuration tool, which may write it back). {change}
        </Trans>
      )}
    </p>
  );
}
