import { i18n } from '@lingui/core';

/**
 * The i18n instance compiled renderer code uses under the test runner (see
 * test/harness/macro-transform.mjs): @lingui/core's own, with English active and no
 * catalog, so each message is its source text compiled on the fly, exactly as
 * the English catalog would give it. A test that wants German loads and activates
 * it on this same instance (and restores English afterwards).
 */
if (!i18n.locale) i18n.loadAndActivate({ locale: 'en', messages: {} });

export { i18n };
