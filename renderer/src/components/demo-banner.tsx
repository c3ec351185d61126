export function DemoBanner({
  scenario,
  summary,
}: {
  readonly scenario: string;
  readonly summary: string;
}) {
  return (
    // A landmark of its own, so everything on the page sits in one (axe "region").
    <aside className="demo-banner" aria-label="Demo mode">
      <strong>Demo: nothing on this computer changes.</strong> Simulated system “{scenario}”:{' '}
      {summary}
    </aside>
  );
}
