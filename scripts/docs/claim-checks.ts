import { expect, type Locator } from '@playwright/test';

/** Colour words the guide uses, as hue ranges (degrees) that hold in light and dark themes. */
const HUES = {
  green: [80, 170],
  blue: [190, 260],
  yellow: [30, 65],
} as const;

/** The hue of an element's left border: the stripe that gives each note its colour. */
async function stripeHue(target: Locator): Promise<number> {
  const rgb = await target.evaluate((el) => getComputedStyle(el).borderLeftColor);
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return Number.NaN;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** The guide calls this element by a colour ("the yellow note"): its stripe must be that colour. */
export async function expectColour(target: Locator, colour: keyof typeof HUES): Promise<void> {
  const [from, to] = HUES[colour];
  const hue = await stripeHue(target);
  expect(hue, `expected a ${colour} stripe, got hue ${hue}`).toBeGreaterThanOrEqual(from);
  expect(hue, `expected a ${colour} stripe, got hue ${hue}`).toBeLessThanOrEqual(to);
}

/**
 * The guide says a pending switch "moves to the new position, drawn as pending", while
 * assistive technology still hears the kernel's value.
 */
export async function expectDrawnPending(switchControl: Locator, wanted: 'on' | 'off') {
  await expect(switchControl).toHaveClass(/\bpending\b/);
  await expect(switchControl).toHaveAttribute('data-position', wanted);
  await expect(switchControl).toHaveAttribute('aria-checked', wanted === 'on' ? 'false' : 'true');
}
