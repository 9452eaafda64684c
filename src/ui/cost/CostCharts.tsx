// The Cost tab's two charts as inline SVG (no chart library, nothing fetched): the month's bill
// by component for each billing mode, and cost against traffic with the point where provisioned
// capacity becomes cheaper than on demand. Each chart's accessible name states what it shows.
import type { CostComponents, CostCurve, CostEstimate } from '../../model/cost';
import { formatCount, formatUsd } from './format';

const COMPONENTS: { key: keyof CostComponents; label: string; color: string }[] = [
  { key: 'reads', label: 'Reads', color: '#2563eb' },
  { key: 'tableWrites', label: 'Table writes', color: '#dc2626' },
  { key: 'indexWrites', label: 'Index writes', color: '#f97316' },
  { key: 'tableStorage', label: 'Table storage', color: '#16a34a' },
  { key: 'indexStorage', label: 'Index storage', color: '#84cc16' },
  { key: 'streamReads', label: 'Stream reads', color: '#9333ea' },
];

const WIDTH = 520;
const BAR = 22;

export function ComponentsChart({ cost }: { cost: CostEstimate }) {
  const rows = [
    { name: 'On-demand', billing: cost.onDemand },
    { name: 'Provisioned', billing: cost.provisioned },
  ];
  const largest = Math.max(...rows.map((r) => r.billing.total), 0);
  const label = `Monthly cost by component: on-demand ${formatUsd(cost.onDemand.total)}, provisioned ${formatUsd(cost.provisioned.total)}`;
  const plot = WIDTH - 110;
  return (
    <figure className="cost-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${rows.length * (BAR + 10) + 40}`} width="100%">
        {rows.map((row, r) => {
          let x = 90;
          return (
            <g key={row.name} transform={`translate(0 ${r * (BAR + 10)})`}>
              <text x={0} y={BAR - 6} fontSize={12} fill="currentColor">
                {row.name}
              </text>
              {COMPONENTS.map((c) => {
                const width = largest === 0 ? 0 : (row.billing.components[c.key] / largest) * plot;
                const rect = <rect key={c.key} x={x} y={0} width={width} height={BAR} fill={c.color} />;
                x += width;
                return rect;
              })}
              <text x={Math.min(x + 4, WIDTH - 60)} y={BAR - 6} fontSize={11} fill="currentColor">
                {formatUsd(row.billing.total)}
              </text>
            </g>
          );
        })}
        <g transform={`translate(0 ${rows.length * (BAR + 10) + 10})`}>
          {COMPONENTS.map((c, i) => (
            <g key={c.key} transform={`translate(${i * 86} 0)`}>
              <rect width={10} height={10} fill={c.color} />
              <text x={14} y={9} fontSize={10} fill="currentColor">
                {c.label}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption>Monthly cost by component</figcaption>
    </figure>
  );
}

const HEIGHT = 200;
const LEFT = 60;
const BOTTOM = 24;

export function TrafficChart({ curve }: { curve: CostCurve | undefined }) {
  if (!curve) {
    return <p className="field-hint">Enter requests per second for a pattern to see cost against traffic.</p>;
  }
  const maxX = curve.points.at(-1)?.requestsPerSecond ?? 1;
  const maxY = Math.max(...curve.points.flatMap((p) => [p.onDemand, p.provisioned]), 0.01);
  const x = (rps: number) => LEFT + (rps / maxX) * (WIDTH - LEFT - 10);
  const y = (usd: number) => HEIGHT - BOTTOM - (usd / maxY) * (HEIGHT - BOTTOM - 10);
  const line = (pick: (p: CostCurve['points'][number]) => number) => curve.points.map((p) => `${x(p.requestsPerSecond).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const label =
    curve.crossover === undefined
      ? `Cost against traffic up to ${formatCount(maxX)} requests per second: on-demand stays cheaper`
      : `Cost against traffic: provisioned becomes cheaper than on-demand above ${formatCount(curve.crossover)} requests per second; you entered ${formatCount(curve.current)}`;
  return (
    <figure className="cost-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%">
        <line x1={LEFT} y1={HEIGHT - BOTTOM} x2={WIDTH - 10} y2={HEIGHT - BOTTOM} stroke="currentColor" strokeOpacity={0.4} />
        <line x1={LEFT} y1={10} x2={LEFT} y2={HEIGHT - BOTTOM} stroke="currentColor" strokeOpacity={0.4} />
        <text x={LEFT - 4} y={14} fontSize={10} textAnchor="end" fill="currentColor">
          {formatUsd(maxY)}
        </text>
        <text x={WIDTH - 10} y={HEIGHT - 6} fontSize={10} textAnchor="end" fill="currentColor">
          {formatCount(maxX)} requests/s
        </text>
        <polyline points={line((p) => p.onDemand)} fill="none" stroke="#2563eb" strokeWidth={2} />
        <polyline points={line((p) => p.provisioned)} fill="none" stroke="#dc2626" strokeWidth={2} strokeDasharray="6 3" />
        <line x1={x(curve.current)} y1={10} x2={x(curve.current)} y2={HEIGHT - BOTTOM} stroke="currentColor" strokeDasharray="2 3" />
        {curve.crossover !== undefined && <circle cx={x(curve.crossover)} cy={y(curve.points.find((p) => p.requestsPerSecond >= (curve.crossover ?? 0))?.onDemand ?? 0)} r={4} fill="#16a34a" />}
        <text x={LEFT + 6} y={24} fontSize={10} fill="#2563eb">
          On-demand
        </text>
        <text x={LEFT + 6} y={36} fontSize={10} fill="#dc2626">
          Provisioned
        </text>
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
