import { Trans, useLingui } from '@lingui/react/macro';
import type {
  NodeColumn,
  NodeReading,
  PairView,
  RuntimeValue,
  SettingState,
  VipEntry,
} from '../../../../electron/contract';
import { settingWords } from '../../setting-words';
import { NodeBindTest } from './node-bind-test';
import { bootWord, columnHeading, columnWord, nowWord, reachWord, winnerWord } from './node-words';
import { errorWords } from '../../error-words';
import { vipAdviceWords } from '../../vip-words';
import { describeVipBudget } from '../../vip-words';

interface Row {
  readonly label: string;
  readonly value: (r: NodeReading) => string;
  /** Marked when it differs from the reference; files and kernels may differ harmlessly. */
  readonly compare: boolean;
  /** The value is data shown as read (a kernel release), never words to translate. */
  readonly verbatim?: (r: NodeReading) => boolean;
}

/** The machine's running value of the setting a VIP needs, so the advice fits that machine. */
function neededValue(reading: NodeReading, entry: VipEntry): RuntimeValue | null {
  const setting = reading.settings.find((s) =>
    entry.needs === null ? s.family === entry.family : s.id === entry.needs,
  );
  return setting?.effective ?? null;
}

/** One machine's virtual IPs, each with the advice that fits its own setting, and its bind test. */
function VipCell({
  view,
  column,
  reading,
}: {
  readonly view: PairView;
  readonly column: NodeColumn;
  readonly reading: NodeReading;
}) {
  const { t } = useLingui();
  const machine = column.kind === 'local' ? null : column.name;
  const adviceLine = (e: VipEntry) => {
    const program = e.program;
    const advice = vipAdviceWords(e, machine, neededValue(reading, e));
    return t({
      message: `${program}: ${advice}`,
      comment: 'a load balancer, then advice on its VIP',
    });
  };
  return (
    <>
      {reading.vips.entries.length === 0 ? (
        <span className="hint">
          <Trans comment="no virtual IPs found in the machine's configuration">None found</Trans>
        </span>
      ) : (
        <ul className="node-vips">
          {reading.vips.entries.map((e) => (
            <li key={`${e.file}:${e.line}:${e.address}`}>
              <code>
                {e.family === 'IPv6' && !e.wildcard ? `[${e.address}]` : e.address}
                {e.port !== null ? `:${e.port}` : ''}
              </code>{' '}
              {adviceLine(e)}
            </li>
          ))}
        </ul>
      )}
      {reading.vips.exhausted ? (
        <p className="hint">{describeVipBudget(reading.vips.exhausted)}</p>
      ) : null}
      <NodeBindTest key={view.readAt} column={column} reading={reading} />
    </>
  );
}

/** The machines side by side; a cell that differs from the first readable machine is marked. */
export function PairTable({
  view,
  busy,
  onMakeAlike,
  onRemove,
}: {
  readonly view: PairView;
  readonly busy: boolean;
  readonly onMakeAlike: (column: NodeColumn) => void;
  readonly onRemove: (column: NodeColumn) => void;
}) {
  const { t } = useLingui();
  const reference = view.columns.find((c) => c.read.ok);
  const refReading = reference?.read.ok ? reference.read : null;
  /** Three rows a setting: its value now, at boot, and the file that decides it. */
  const settingRows = ({ id, key }: SettingState): Row[] => {
    const setting = settingWords(id, key).label;
    return [
      {
        label: t({ message: `${setting} now`, comment: 'row heading: the running value' }),
        value: (r) => nowWord(r, id),
        compare: true,
      },
      {
        label: t({ message: `${setting} at boot`, comment: 'row heading: the value after a boot' }),
        value: (r) => bootWord(r, id),
        compare: true,
      },
      {
        label: t({
          message: `${setting} decided by`,
          comment: 'row heading: the file and line that set the value at boot',
        }),
        value: (r) => winnerWord(r, id),
        compare: false,
      },
    ];
  };
  const unknownKernel = t({ message: 'unknown', comment: 'a kernel version that was not read' });
  const kernelRow: Row = {
    label: t({ message: 'Kernel', comment: 'row heading: the kernel version' }),
    value: (r) => r.kernel ?? unknownKernel,
    verbatim: (r) => r.kernel !== null,
    compare: false,
  };
  const removeLabel = (machine: string) => t`Remove ${machine} from the list`;
  const rows = [...(refReading?.settings ?? []).flatMap(settingRows), kernelRow];
  return (
    <div className="pair-scroll" tabIndex={0} aria-label={t`Machines side by side`}>
      <table className="pair-table" data-testid="pair-table">
        <thead>
          <tr>
            <td />
            {view.columns.map((c) => (
              <th key={c.id} scope="col">
                {columnHeading(c)}
                {reachWord(c.kind) ? <span className="hint"> ({reachWord(c.kind)})</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {view.columns.map((c) => {
                if (!c.read.ok) {
                  return row === rows[0] ? (
                    <td key={c.id} rowSpan={rows.length} className="node-error">
                      <span role="alert">{errorWords(c.read.error)}</span>
                    </td>
                  ) : null;
                }
                const text = row.value(c.read);
                const differs =
                  row.compare &&
                  refReading !== null &&
                  c !== reference &&
                  row.value(refReading) !== text;
                return (
                  <td key={c.id} className={differs ? 'differs' : undefined}>
                    {row.verbatim?.(c.read) ? <span translate="no">{text}</span> : text}
                    {differs ? (
                      <span className="differs-mark">
                        {' '}
                        ≠ {reference ? columnWord(reference) : null}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">
              <Trans>Virtual IPs in its configuration</Trans>
            </th>
            {view.columns.map((c) => (
              <td key={c.id}>
                {c.read.ok ? <VipCell view={view} column={c} reading={c.read} /> : null}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">
              <span className="visually-hidden">
                <Trans comment="row heading: buttons for each machine">Actions</Trans>
              </span>
            </th>
            {view.columns.map((c) => (
              <td key={c.id} className="node-actions">
                {c.read.ok && view.columns.length > 1 ? (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => onMakeAlike(c)}
                  >
                    <MakeAlikeLabel machine={columnWord(c)} />
                  </button>
                ) : null}
                {c.kind !== 'local' ? (
                  <button
                    type="button"
                    className="button small"
                    disabled={busy}
                    aria-label={removeLabel(c.name)}
                    onClick={() => onRemove(c)}
                  >
                    <Trans comment="button: forget this node">Remove</Trans>
                  </button>
                ) : null}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function MakeAlikeLabel({ machine }: { readonly machine: string }) {
  return <Trans>Make all nodes like {machine}…</Trans>;
}
