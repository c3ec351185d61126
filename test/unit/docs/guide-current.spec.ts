import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FRAME } from '../../../scripts/docs/guide-frame';
import { GUIDE_LANGUAGES, guideWords, translateTasks } from '../../../scripts/docs/guide-language';
import { GUIDE_TASKS } from '../../../scripts/docs/steps';
import { screenshotName } from '../../../scripts/docs/steps-kit';
import { PAIR_TASK } from '../../../scripts/docs/steps-pair';

/**
 * The committed guides are written from the steps and the catalogs, not edited by hand, and
 * not left behind: a step or a catalog entry changed without `npm run docs:screenshots
 * [-- --lang <lang>]` fails here (the walk itself needs the built app; this needs nothing).
 * Each guide must carry every task's title and "When", every step's heading words and its
 * "Say" quote in its language, and every step's screenshot must be committed.
 */
for (const language of GUIDE_LANGUAGES) {
  test(`docs/guide${language === 'en' ? '' : `.${language}`}.md has every step's words and image`, () => {
    const english = language === 'en';
    const file = path.resolve('docs', english ? 'guide.md' : `guide.${language}.md`);
    const guide = readFileSync(file, 'utf8');
    const words = guideWords(language);
    // The English guide summarises the pair walk and links to pair-walkthrough.md.
    const tasks = translateTasks(english ? GUIDE_TASKS : [...GUIDE_TASKS, PAIR_TASK], words);
    const shots = path.resolve('docs', 'screenshots', ...(english ? [] : [language]));
    const absent: string[] = [];
    for (const task of tasks) {
      for (const text of [task.title, words.tr(FRAME.when, { text: task.when })])
        if (!guide.includes(text)) absent.push(text);
      for (const step of task.steps) {
        const say = `> ${words.tr(FRAME.say, { text: step.say })}`;
        for (const text of [step.title, say]) if (!guide.includes(text)) absent.push(text);
        const images = [screenshotName(task, step, 'light')];
        if (english) images.push(screenshotName(task, step, 'dark'));
        for (const image of images)
          if (!existsSync(path.join(shots, image))) absent.push(path.join(shots, image));
      }
    }
    expect(absent.map((text) => text.slice(0, 120))).toEqual([]);
  });
}
