export function DemoBanner({ scenario }: { readonly scenario: string }) {
  return (
    <div className="demo-banner" role="note">
      <strong>Demo: nothing on this computer changes.</strong> Showing the simulated system “
      {scenario}”.
    </div>
  );
}
