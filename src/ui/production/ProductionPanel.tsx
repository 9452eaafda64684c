// The Production tab: what traffic and data will do to the design once it runs: hot partitions
// per table and index, and item sizes against DynamoDB's limits and capacity steps. Traffic is
// the Cost tab's (requests per second and expected items), so both tabs tell one story.
import { useMemo } from 'react';
import { itemSizeMeters } from '../../model/production/itemSizeMeter';
import { computePartitionLoad } from '../../model/production/partitionLoad';
import { costInputs, useCostStore } from '../../store/costStore';
import { useDesignStore } from '../../store/designStore';
import { HotPartitions } from './HotPartitions';
import { ItemSizes } from './ItemSizes';
import './production.css';

export function ProductionPanel() {
  const model = useDesignStore((s) => s.model);
  const samples = useDesignStore((s) => s.sampleItems);
  const fields = useCostStore();
  const { inputs } = useMemo(() => costInputs(fields, model), [fields, model]);
  const load = useMemo(() => computePartitionLoad(model, samples, inputs), [model, samples, inputs]);
  const meters = useMemo(() => itemSizeMeters(model, samples), [model, samples]);
  return (
    <div className="production-panel">
      <HotPartitions load={load} model={model} samples={samples} inputs={inputs} />
      <ItemSizes meters={meters} />
    </div>
  );
}
