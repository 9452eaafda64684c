// The item-size meter: per entity, its largest sample against DynamoDB's 400 KB item limit and
// what that size costs in 1 KB write steps and 4 KB read steps, with the room left before the
// next step, so a designer sees an attribute push an item into a dearer step as it is added.
import type { ItemSizeMeter } from '../../model/production/itemSizeMeter';
import { MAX_ITEM_BYTES } from '../../model/production/itemSizeMeter';
import { formatBytes } from '../preview/attributeText';
import { formatUnits } from '../cost/format';

export function ItemSizes({ meters }: { meters: readonly ItemSizeMeter[] }) {
  return (
    <section className="production-section" aria-label="Item sizes">
      <h3>Item sizes</h3>
      <table className="cost-table" aria-label="Item sizes per entity">
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col">Average</th>
            <th scope="col">Largest sample</th>
            <th scope="col">Of the {formatBytes(MAX_ITEM_BYTES)} item limit</th>
            <th scope="col">Write (1 KB steps)</th>
            <th scope="col">Read (4 KB steps)</th>
          </tr>
        </thead>
        <tbody>
          {meters.map((meter) => (
            <tr key={meter.entityId}>
              <th scope="row">{meter.name}</th>
              {meter.samples === 0 ? (
                <td colSpan={5} className="cost-muted">
                  No sample items to measure
                </td>
              ) : (
                <>
                  <td>{formatBytes(Math.round(meter.averageBytes))}</td>
                  <td>{formatBytes(meter.largestBytes)}</td>
                  <td>
                    <meter min={0} max={MAX_ITEM_BYTES} high={MAX_ITEM_BYTES * 0.8} value={meter.largestBytes} aria-label={`${meter.name} size of the item limit`} />{' '}
                    {formatUnits(meter.shareOfLimit * 100)}%
                  </td>
                  <td>
                    {meter.writeUnits} WCU per write; {formatBytes(meter.bytesToNextWriteUnit)} to the next unit
                  </td>
                  <td>
                    {meter.strongReadUnits} RCU strongly consistent, {formatUnits(meter.eventualReadUnits)} eventually; {formatBytes(meter.bytesToNextReadUnit)} to the next unit
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
