// The checks' verdicts on one pattern, worst first.
import type { Verdict, VerdictLevel } from '../../model/accessPatterns';

export const LEVEL_LABEL: Record<VerdictLevel, string> = { error: 'Error', warning: 'Warning', info: 'Note', ok: 'OK' };

export function VerdictList({ verdicts }: { verdicts: readonly Verdict[] }) {
  return (
    <ul className="verdicts" aria-label="Checks">
      {verdicts.map((v, i) => (
        <li key={i} className={`verdict verdict-${v.level}`}>
          <span className="verdict-level">{LEVEL_LABEL[v.level]}</span> {v.message}
        </li>
      ))}
    </ul>
  );
}
