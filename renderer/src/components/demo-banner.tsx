export function DemoBanner({
  scenario,
  summary,
}: {
  readonly scenario: string;
  readonly summary: string;
}) {
  return (
    <div className="demo-banner" role="note">
      <strong>Demo: nothing on this computer changes.</strong> Simulated system “{scenario}”:{' '}
      {summary}
    </div>
  );
}
