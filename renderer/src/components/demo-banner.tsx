import { Trans, useLingui } from '@lingui/react/macro';
import type { DemoScenarioName } from '../../../electron/contract';
import { demoScenarioWords } from '../words/demo-words';

export function DemoBanner({ scenario }: { readonly scenario: DemoScenarioName }) {
  const { t } = useLingui();
  const summary = demoScenarioWords(scenario);
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
