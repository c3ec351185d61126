import type { DemoScenario } from '../../electron/demo/scenarios';
import type { GuideTask } from './steps';
import type { StepRecord } from './run-task';
import { ENGLISH_ONLY, FRAME } from './guide-frame';
import type { GuideWords } from './guide-language';

export interface TaskRecord {
  readonly task: GuideTask;
  /** The light-scheme walk; the dark images have the same names with -dark. */
  readonly steps: readonly StepRecord[];
}

function anchorOf(text: string): string {
  return (
    text
      .toLowerCase()
      // GitHub's heading anchors keep letters of every script (ä, é, ñ), drop punctuation.
      .replace(/[^\p{L}\p{N} -]/gu, '')
      .trim()
      .replace(/ /g, '-')
  );
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function commandsAnchor(task: GuideTask, stepId: string): string {
  return `commands-${task.id}-${stepId}`;
}

/** Where a guide's images live and which of them exist. */
export interface GuideLayout {
  /** Relative to docs/: `screenshots` for English, `screenshots/<lang>` for the others. */
  readonly shots: string;
  /** English has a dark twin of every image; the translated guides are light only. */
  readonly dark: boolean;
  /** A translated guide walks the pair steps itself, in its language, as its own section. */
  readonly pair?: TaskRecord;
}

function stepBlock(
  out: string[],
  words: GuideWords,
  layout: GuideLayout,
  task: GuideTask,
  number: string,
  record: StepRecord,
): void {
  const { tr } = words;
  out.push(`### ${tr(FRAME.step, { number, title: record.step.title })}`, '');
  out.push(`![${record.step.title}](${layout.shots}/${record.screenshot})`, '');
  out.push(quote(tr(FRAME.say, { text: record.step.say })), '');
  const links: string[] = [];
  if (layout.dark) {
    const dark = record.screenshot.replace(/-light\.png$/, '-dark.png');
    links.push(`[${tr(FRAME.darkTheme)}](${layout.shots}/${dark})`);
  }
  if (record.commands.length > 0) {
    links.push(`[${tr(FRAME.equivalentCommands)}](#${commandsAnchor(task, record.step.id)})`);
  }
  if (links.length > 0) out.push(tr(FRAME.seeAlso, { links: links.join(' · ') }), '');
}

/**
 * docs/guide.md (and guide.<lang>.md), rendered from the same list of steps that produced
 * the screenshots, so words, images and commands can never disagree.
 */
export function renderGuide(
  tasks: readonly TaskRecord[],
  scenarios: readonly DemoScenario[],
  words: GuideWords,
  layout: GuideLayout,
): string {
  const { tr, language } = words;
  const out: string[] = [];
  const flag = language === 'en' ? '' : ` -- --lang ${language}`;
  out.push(`# ${tr(FRAME.heading)}`, '');
  out.push(`<!-- ${tr(FRAME.generated, { flag })} -->`, '');
  out.push(
    tr(FRAME.intro),
    '',
    '```sh',
    'npm start -- --demo SCENARIO          # the desktop app',
    'npm run preview -- --demo SCENARIO    # the same UI in a browser',
    '```',
    '',
    layout.dark ? tr(FRAME.demoBanner) : tr(FRAME.demoBannerLightOnly, { lang: language }),
    '',
    `## ${tr(FRAME.contents)}`,
    '',
  );
  const heading = (i: number, title: string) => `${i + 1}. ${title}`;
  tasks.forEach(({ task }, i) =>
    out.push(`${i + 1}. [${task.title}](#${anchorOf(heading(i, task.title))})`),
  );
  const pairTitle = tr(FRAME.pairTitle);
  const namespacesTitle = tr(FRAME.namespacesTitle);
  out.push(`${tasks.length + 1}. [${pairTitle}](#${anchorOf(pairTitle)})`);
  out.push('', `## ${tr(FRAME.everyState)}`, '');
  out.push(
    `| ${tr(FRAME.scenarioColumn)} | ${tr(FRAME.stateColumn)} | ${tr(FRAME.sectionColumn)} |`,
    '| --- | --- | --- |',
  );
  for (const s of scenarios) {
    const index = tasks.findIndex(({ task }) => task.scenario === s.name);
    const found = tasks[index];
    const first = tasks[0]?.task.title ?? '';
    const where = found
      ? `[${found.task.title}](#${anchorOf(heading(index, found.task.title))})`
      : s.namespaces
        ? `[${namespacesTitle}](#${anchorOf(namespacesTitle)})`
        : tr(FRAME.bothOn, { title: first, anchor: anchorOf(heading(0, first)) });
    out.push(`| \`${s.name}\` | ${tr(s.summary)} | ${where} |`);
  }
  out.push('');

  tasks.forEach(({ task, steps }, i) => {
    out.push(`## ${heading(i, task.title)}`, '');
    out.push(tr(FRAME.when, { text: task.when }), '');
    out.push(tr(FRAME.rehearse, { command: `\`npm start -- --demo ${task.scenario}\`` }), '');
    steps.forEach((record, j) => stepBlock(out, words, layout, task, `${i + 1}.${j + 1}`, record));
  });

  // Recorded in the demo, whose second node lb-2 is simulated, by `npm run docs:pair`.
  out.push(`## ${pairTitle}`, '');
  const pairCommand = '`npm start -- --demo persisted`';
  if (layout.pair) {
    const { task, steps } = layout.pair;
    out.push(tr(FRAME.when, { text: task.when }), '');
    out.push(tr(FRAME.pairRehearse, { command: pairCommand }), '');
    steps.forEach((record, j) =>
      stepBlock(out, words, layout, task, `${tasks.length + 1}.${j + 1}`, record),
    );
  } else {
    // Only the English guide has no pair walk of its own: it points to pair-walkthrough.md.
    out.push(tr(FRAME.when, { text: ENGLISH_ONLY.pairWhen }), '');
    out.push(tr(FRAME.pairRehearse, { command: pairCommand }), '');
    out.push(`![${ENGLISH_ONLY.pairImage}](screenshots/pair-side-by-side-light.png)`, '');
    out.push(quote(tr(FRAME.say, { text: ENGLISH_ONLY.pairSay })), '');
  }

  // Recorded from the docker-haproxy demo by `npm run docs:namespaces` (English screens).
  const english = language === 'en';
  out.push(`## ${namespacesTitle}`, '');
  out.push(tr(FRAME.when, { text: tr(FRAME.namespacesWhen) }), '');
  if (english) {
    out.push(`![${ENGLISH_ONLY.namespacesImage}](screenshots/namespaces-view-920x760.png)`, '');
  }
  out.push(quote(tr(FRAME.say, { text: tr(FRAME.namespacesSay) })), '');
  if (english) {
    out.push(
      `![${ENGLISH_ONLY.namespacesInsideImage}](screenshots/namespaces-inside-920x760.png)`,
      '',
    );
  }
  out.push(quote(tr(FRAME.say, { text: tr(FRAME.namespacesInsideSay) })), '');
  if (english) {
    out.push(
      `![${ENGLISH_ONLY.namespacesTurnedOnImage}](screenshots/namespaces-turned-on-920x760.png)`,
      '',
    );
    const small = `[${ENGLISH_ONLY.namespacesSmall}](screenshots/namespaces-inside-800x600.png)`;
    out.push(tr(FRAME.seeAlso, { links: small }), '');
  }

  out.push(`## ${tr(FRAME.commandsTitle)}`, '');
  out.push(tr(FRAME.commandsIntro), '');
  for (const { task, steps } of tasks) {
    for (const record of steps) {
      if (record.commands.length === 0) continue;
      out.push(`<a id="${commandsAnchor(task, record.step.id)}"></a>`, '');
      out.push(
        `### ${tr(FRAME.commandsHeading, { task: task.title, step: record.step.title })}`,
        '',
      );
      for (const block of record.commands) {
        out.push(`${block.title}:`, '', '```sh', block.commands.trimEnd(), '```', '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
