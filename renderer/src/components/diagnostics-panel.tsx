import { useState } from 'react';
import { useApiCall } from '../api-context';
import { errorWords } from '../error-words';
import { useCopy } from '../copy-context';

/** A plain-text report for support staff: shown first, then copied or saved. */
export function DiagnosticsPanel() {
  const copyText = useCopy();
  const { error, run } = useApiCall();
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const show = async () => {
    const report = await run((api) => api.getDiagnostics());
    if (report) setText(report.text);
    setNote(null);
  };
  const copy = async () => {
    if (text === null) return;
    const problem = await copyText(text);
    setNote(
      problem === null
        ? 'Copied to the clipboard.'
        : `Copying failed (${problem}); select the text and copy it by hand.`,
    );
  };
  const save = async () => {
    const saved = await run((api) => api.saveDiagnostics());
    if (saved) setNote(saved.savedTo ? `Saved as ${saved.savedTo}.` : 'Not saved.');
  };

  return (
    <section className="panel" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics for support</h2>
      <p className="hint">
        A short report about these two settings only: versions, values, the lines that set them, and
        the tools the app needs. Nothing else from this computer.
      </p>
      <div className="apply-actions start">
        <button type="button" className="button" onClick={() => void show()}>
          {text === null ? 'Show diagnostics' : 'Refresh diagnostics'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void copy()}
          disabled={text === null}
        >
          Copy diagnostics
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void save()}
          disabled={text === null}
        >
          Save diagnostics…
        </button>
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
        </p>
      ) : null}
      {note ? <p role="status">{note}</p> : null}
      {text !== null ? (
        <pre className="diagnostics" tabIndex={0} data-testid="diagnostics-text">
          {text}
        </pre>
      ) : null}
    </section>
  );
}
