/**
 * The warning for a file Nonlocal Bind did not write: whoever owns it may write it back,
 * so the user should know before the app edits it, whether removing lines or setting them.
 */
export function ForeignFileNote({ path, change }: { path: string; change: string }) {
  return (
    <p className="note warning" role="note" data-testid="foreign-file">
      Nonlocal Bind did not write {path}: it belongs to someone else (a package, another
      administrator or a configuration tool, which may write it back). {change}
    </p>
  );
}
