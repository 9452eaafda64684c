// Where in the request JSON text a verdict belongs, so the editor underlines the member at
// fault rather than the whole document.
import type { Verdict } from '../../model/accessPatterns';
import type { EditorMarker } from '../monaco';

const MEMBERS: Partial<Record<Verdict['code'], string[]>> = {
  keyCondition: ['KeyConditionExpression'],
  projection: ['ProjectionExpression', 'FilterExpression'],
  key: ['Key', 'Item', 'RequestItems', 'TransactItems'],
  target: ['IndexName'],
  parameters: [],
};

function memberSpan(text: string, member: string): { start: number; end: number } | undefined {
  const match = new RegExp(`"${member.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|[\\[{])`).exec(text);
  if (!match) return undefined;
  const valueStart = match.index + match[0].length - (match[1]?.length ?? 0);
  const end = match[1]?.startsWith('"') ? valueStart + (match[1]?.length ?? 0) : match.index + member.length + 2;
  return { start: match[1]?.startsWith('"') ? valueStart : match.index, end };
}

export function requestMarkers(text: string, verdicts: readonly Verdict[]): EditorMarker[] {
  const markers: EditorMarker[] = [];
  for (const verdict of verdicts) {
    if (verdict.level !== 'error' && verdict.level !== 'warning') continue;
    if (verdict.code === 'parameters') {
      for (const name of verdict.message.matchAll(/\{\{(\w+)\}\}/g)) {
        let at = text.indexOf(name[0]);
        while (at >= 0) {
          markers.push({ severity: verdict.level, message: verdict.message, start: at, end: at + name[0].length });
          at = text.indexOf(name[0], at + 1);
        }
      }
      continue;
    }
    // A verdict that says where it is (`request/TransactItems/0/Put/Item`) marks that member, else the whole top-level one.
    const segments = verdict.at?.startsWith('request/') ? verdict.at.split('/').slice(1) : [];
    const members = segments.length > 0 ? [segments[segments.length - 1] ?? '', segments[0] ?? ''] : (MEMBERS[verdict.code] ?? []);
    const span = members.map((m) => memberSpan(text, m)).find((s) => s !== undefined);
    if (span) markers.push({ severity: verdict.level, message: verdict.message, ...span });
  }
  return markers;
}
