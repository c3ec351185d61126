import { Trans, useLingui } from '@lingui/react/macro';

export function DemoBanner({
  scenario,
  summary,
}: {
  readonly scenario: string;
  readonly summary: string;
}) {
  const { t } = useLingui();
  return (
    // A landmark of its own, so everything on the page sits in one (axe "region").
    <aside className="demo-banner" aria-label={t`Demo mode`}>
      <Trans>
        <strong>Demo: nothing on this computer changes.</strong> Simulated system “{scenario}”:{' '}
        {summary}
      </Trans>
    </aside>
  );
}
