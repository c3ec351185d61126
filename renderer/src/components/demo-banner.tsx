import type { DemoInfo } from '../../../electron/contract';

export function DemoBanner({ demo }: { readonly demo: DemoInfo }) {
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <strong>Demo: nothing on this computer changes.</strong> Showing the simulated system “
      {demo.scenario}”.
      {demo.note ? <span className="demo-note"> {demo.note}</span> : null}
    </div>
  );
}
