// The hot-partition view: for the table and every GSI, the partitions each partition key
// template makes, hottest first, coloured by the share of DynamoDB's per-partition limit the
// hottest one uses, with the patterns that load it. Keys of low cardinality are flagged with
// what they mean, and a constant GSI key offers write sharding as one undoable change.
import { useId, useMemo, useState } from 'react';
import {
  PARTITION_READ_UNITS_PER_SECOND,
  PARTITION_WRITE_UNITS_PER_SECOND,
  type PartitionGroup,
  type PartitionLoad,
  type TrafficInputs,
} from '../../model/production/partitionLoad';
import { applyWriteSharding, canShard, DEFAULT_SHARD_COUNT, MAX_SHARD_COUNT, suggestWriteSharding } from '../../model/production/writeSharding';
import type { SampleItem } from '../../model/sampleData';
import type { DesignModel } from '../../model/types';
import { useDesignStore } from '../../store/designStore';
import { formatCount, formatUnits } from '../cost/format';

const keyText = (group: Pick<PartitionGroup, 'keyAttribute' | 'template'>) => `${group.keyAttribute} = ${group.template}`;
const indexText = (group: Pick<PartitionGroup, 'indexKind' | 'indexName'>) => (group.indexKind === 'TABLE' ? `table ${group.indexName}` : `${group.indexKind} ${group.indexName}`);
const percent = (share: number) => `${formatUnits(share * 100)}%`;

/** Cold is neutral, a partition at its limit is red; the hue never carries the meaning alone (the text says it). */
function heatColor(heat: number): string {
  const share = Math.min(1, heat);
  return `hsl(${Math.round(50 - 50 * share)} 90% ${Math.round(92 - 40 * share)}%)`;
}

function entityNames(model: DesignModel, ids: readonly string[]): string {
  return ids.map((id) => model.entities.find((e) => e.id === id)?.name ?? id).join(', ');
}

/** Why a key is flagged, in the words a reviewer would use. */
function flagMessage(model: DesignModel, group: PartitionGroup): string {
  const parts: string[] = [];
  if (group.lowCardinality) {
    const where = group.partitions === 1 ? `one ${group.indexName} partition` : `${group.partitions} ${group.indexName} partitions`;
    parts.push(
      `${group.keyAttribute} = ${group.template} has ${group.partitions === 1 ? 'one value' : `${group.partitions} values`}: all ${formatCount(group.items)} ${entityNames(model, group.entityIds)} items sit in ${where}, and each partition serves at most ${formatCount(PARTITION_READ_UNITS_PER_SECOND)} RCU and ${formatCount(PARTITION_WRITE_UNITS_PER_SECOND)} WCU per second however much capacity the ${group.indexKind === 'TABLE' ? 'table' : 'index'} has.`,
    );
  }
  if (group.throttled) {
    parts.push(`At the rates entered in the Cost tab its hottest partition needs ${percent(group.heat)} of that limit, so DynamoDB would throttle it.`);
  }
  return parts.join(' ');
}

function ShardingOffer({ group, model, samples, inputs }: { group: PartitionGroup; model: DesignModel; samples: readonly SampleItem[]; inputs: TrafficInputs }) {
  const updateModel = useDesignStore((s) => s.updateModel);
  const [text, setText] = useState(String(DEFAULT_SHARD_COUNT));
  const id = useId();
  const shards = Number(text);
  const valid = Number.isInteger(shards) && shards >= 2 && shards <= MAX_SHARD_COUNT;
  const suggestion = useMemo(() => (valid ? suggestWriteSharding(model, samples, inputs, group, shards) : undefined), [valid, model, samples, inputs, group, shards]);
  return (
    <div className="shard-offer">
      <label htmlFor={`${id}-shards`}>Shards for {keyText(group)}</label>{' '}
      <input
        id={`${id}-shards`}
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${id}-effect`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-effect`} className="field-hint">
        {!valid
          ? `A shard count is a whole number from 2 to ${MAX_SHARD_COUNT}.`
          : suggestion && (
              <>
                Write sharding makes it <code>{suggestion.shardedTemplate}</code> with {suggestion.shardAttribute} from 0 to {shards - 1} chosen on each write: the hottest
                partition goes from {formatUnits(suggestion.before.writeUnitsPerSecond)} to {formatUnits(suggestion.after.writeUnitsPerSecond)} WCU/s and from{' '}
                {formatCount(suggestion.before.itemsPerPartition)} to {formatCount(suggestion.after.itemsPerPartition)} items, and its reads from{' '}
                {formatUnits(suggestion.before.readUnitsPerSecond)} to {formatUnits(suggestion.after.readUnitsPerSecond)} RCU/s.{' '}
                {suggestion.readers.length > 0
                  ? `Reading the whole key then takes one query per shard: ${suggestion.readers.map((r) => `${r.name} (${r.queriesPerCall} queries per call)`).join(', ')}.`
                  : 'No pattern queries this key, so no read fans out.'}
                {suggestion.writers.length > 0 && ` Writes that set it gain a ${suggestion.shardAttribute} parameter: ${suggestion.writers.map((w) => w.name).join(', ')}.`}
              </>
            )}
      </p>
      <button
        type="button"
        disabled={!valid || suggestion === undefined}
        onClick={() =>
          updateModel(`Shard ${keyText(group)} in ${shards}`, (m) => applyWriteSharding(m, { indexId: group.indexId, template: group.template, shards }))
        }
      >
        Apply write sharding to {keyText(group)}
      </button>
    </div>
  );
}

function FlaggedKeys({ load, model, samples, inputs }: { load: PartitionLoad; model: DesignModel; samples: readonly SampleItem[]; inputs: TrafficInputs }) {
  if (load.flagged.length === 0) return <p className="field-hint">No partition key is of low cardinality or over a per-partition limit at these rates.</p>;
  return (
    <ul className="flagged-keys" aria-label="Flagged partition keys">
      {load.flagged.map((group) => (
        <li key={group.id} className="flagged-key">
          <strong>
            {keyText(group)} in {indexText(group)}
          </strong>
          <span className="flag-badge">{group.throttled ? 'Hot partition' : 'Low cardinality'}</span>
          <p>{flagMessage(model, group)}</p>
          {canShard(group) && <ShardingOffer group={group} model={model} samples={samples} inputs={inputs} />}
        </li>
      ))}
    </ul>
  );
}

function HeatMap({ index, model }: { index: PartitionLoad['indexes'][number]; model: DesignModel }) {
  const name = index.kind === 'TABLE' ? `Partitions of table ${index.name}` : `Partitions of GSI ${index.name}`;
  return (
    <table className="cost-table heat-map" aria-label={name}>
      <caption>{name}</caption>
      <thead>
        <tr>
          <th scope="col">Partition key</th>
          <th scope="col">Entities</th>
          <th scope="col">Partitions</th>
          <th scope="col">Items per partition</th>
          <th scope="col">Reads on the hottest</th>
          <th scope="col">Writes on the hottest</th>
          <th scope="col">Loaded by</th>
        </tr>
      </thead>
      <tbody>
        {index.groups.map((group) => (
          <tr key={group.id}>
            <th scope="row">
              {keyText(group)}
              {(group.lowCardinality || group.throttled) && <span className="flag-badge">{group.throttled ? 'Hot partition' : 'Low cardinality'}</span>}
            </th>
            <td>{entityNames(model, group.entityIds)}</td>
            <td>{formatCount(group.partitions)}</td>
            <td>{formatUnits(group.itemsPerPartition)}</td>
            <td className="heat-cell" style={{ background: heatColor(group.readUnitsPerSecond / PARTITION_READ_UNITS_PER_SECOND) }}>
              {formatUnits(group.readUnitsPerSecond)} RCU/s ({percent(group.readUnitsPerSecond / PARTITION_READ_UNITS_PER_SECOND)})
            </td>
            <td className="heat-cell" style={{ background: heatColor(group.writeUnitsPerSecond / PARTITION_WRITE_UNITS_PER_SECOND) }}>
              {formatUnits(group.writeUnitsPerSecond)} WCU/s ({percent(group.writeUnitsPerSecond / PARTITION_WRITE_UNITS_PER_SECOND)})
            </td>
            <td>
              {group.patterns.length === 0
                ? 'no traffic entered'
                : group.patterns
                    .map((p) => `${p.name}${p.fanOut > 1 ? ` (${p.fanOut} queries per call)` : ''}: ${formatUnits(p.readUnits)} RCU/s, ${formatUnits(p.writeUnits)} WCU/s`)
                    .join('; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HotPartitions({ load, model, samples, inputs }: { load: PartitionLoad; model: DesignModel; samples: readonly SampleItem[]; inputs: TrafficInputs }) {
  return (
    <section className="production-section" aria-label="Hot partitions">
      <h3>Hot partitions</h3>
      <p className="field-hint">
        Each partition serves at most {formatCount(PARTITION_READ_UNITS_PER_SECOND)} RCU and {formatCount(PARTITION_WRITE_UNITS_PER_SECOND)} WCU per second. Partitions
        are counted from the expected items and the key templates (an LSI lives in its table's partitions, so its load shows there); requests per second,
        items per call and expected items are entered in the Cost tab.
      </p>
      <FlaggedKeys load={load} model={model} samples={samples} inputs={inputs} />
      {load.indexes.map((index) => (
        <HeatMap key={index.id} index={index} model={model} />
      ))}
      {load.unplaced.length > 0 && (
        <p className="field-hint">Not on the map: {load.unplaced.map((u) => `${u.name} (${u.reason})`).join('; ')}.</p>
      )}
    </section>
  );
}
