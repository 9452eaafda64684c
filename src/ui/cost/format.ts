// How the Cost tab writes its figures: dollars to the cent, units with thousands separators,
// storage in DynamoDB's binary units (a GB is 1,024³ bytes, as AWS bills it).
import { formatBytes } from '../preview/attributeText';

const GB = 1024 ** 3;

export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.005) return '< $0.01';
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Capacity units per call or per second: fractions matter (0.5 RCU for an eventually consistent read). */
export function formatUnits(units: number): string {
  return units.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Counts and units per month, whole. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

export function formatStorage(bytes: number): string {
  return bytes >= GB ? `${(bytes / GB).toFixed(2)} GB` : formatBytes(Math.round(bytes));
}
