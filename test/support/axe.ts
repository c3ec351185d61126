import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  // Every impact counts, moderate and minor too (the demo banner's region among them).
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
}

/**
 * Every rule in the light scheme, then the dark scheme on the same page. Only
 * colour contrast depends on the scheme (the DOM is the same), so dark runs
 * that rule alone, which keeps the test fast.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page })
    .withRules(['color-contrast'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  await page.emulateMedia({ colorScheme: 'light' });
  return [
    ...describe(light.violations).map((v) => `light: ${v}`),
    ...describe(dark.violations).map((v) => `dark: ${v}`),
  ];
}
