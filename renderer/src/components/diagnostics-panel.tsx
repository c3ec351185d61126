import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useApiCall } from '../api-context';
import { errorWords } from '../error-words';
import { useCopy } from '../copy-context';

/** A plain-text report for support staff: shown first, then copied or saved. */
export function DiagnosticsPanel() {
  const copyText = useCopy();
  const { t } = useLingui();
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
        ? t`Copied to the clipboard.`
        : t`Copying failed (${problem}); select the text and copy it by hand.`,
    );
  };
  const save = async () => {
    const saved = await run((api) => api.saveDiagnostics());
    if (!saved) return;
    const path = saved.savedTo;
    setNote(path ? t`Saved as ${path}.` : t`Not saved.`);
  };

  return (
    <section className="panel" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">
        <Trans>Diagnostics for support</Trans>
      </h2>
      <p className="hint">
        <Trans>
          A short report about these two settings only: versions, values, the lines that set them,
          and the tools the app needs. Nothing else from this computer.
        </Trans>
      </p>
      <div className="apply-actions start">
        <button type="button" className="button" onClick={() => void show()}>
          {text === null ? t`Show diagnostics` : t`Refresh diagnostics`}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void copy()}
          disabled={text === null}
        >
          <Trans>Copy diagnostics</Trans>
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void save()}
          disabled={text === null}
        >
          <Trans>Save diagnostics…</Trans>
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
