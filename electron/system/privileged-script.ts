import { SETTINGS } from './settings';
import { privilegedScript } from './step/script';

export { privilegedScript };

/** The step for the app's catalogue: what every elevation path runs and the packages install. */
export const PRIVILEGED_SCRIPT = privilegedScript(SETTINGS);

export { STEP_EXIT } from './step-exit';
