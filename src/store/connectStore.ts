// The Connect tab's state, kept while other tabs are open: the connection settings (in
// memory only: they hold a secret, so they are never autosaved with the model or shared),
// what deploying and seeding did, and each pattern's comparison.
import { create } from 'zustand';
import { DEFAULT_SETTINGS, deployTable, describeFailure, endpointClient, replaceTable, seedSampleItems, tableStatus, type ConnectionSettings } from '../connect';
import { patternWrites } from '../model/accessPatterns';
import type { AccessPattern } from '../model/types';
import { useDesignStore } from './designStore';
import { comparePattern, type PatternComparison } from './patternsCompare';

export type Task = 'deploy' | 'seed' | 'run';

export interface StepStatus {
  tone: 'info' | 'error';
  message: string;
}

/** Patterns waiting for the user to allow writes on the endpoint. */
export interface PendingWrites {
  patternIds: string[];
  writeCount: number;
}

export interface ConnectState {
  settings: ConnectionSettings;
  busy: Task | undefined;
  deploy: StepStatus | undefined;
  /** Set when CreateTable found the table already there, so Replace is offered. */
  tableExists: boolean;
  seed: (StepStatus & { written: number; total: number }) | undefined;
  run: StepStatus | undefined;
  comparisons: Record<string, PatternComparison>;
  pending: PendingWrites | undefined;
  setSetting(name: keyof ConnectionSettings, value: string): void;
}

export const useConnectStore = create<ConnectState>()((set, get) => ({
  settings: DEFAULT_SETTINGS,
  busy: undefined,
  deploy: undefined,
  tableExists: false,
  seed: undefined,
  run: undefined,
  comparisons: {},
  pending: undefined,
  setSetting(name, value) {
    set({ settings: { ...get().settings, [name]: value } });
  },
}));

/** Runs `work` as the one task in progress; any failure becomes `fail`'s message. */
async function task(name: Task, work: () => Promise<void>, fail: (message: string) => void): Promise<void> {
  const { busy, settings } = useConnectStore.getState();
  if (busy) return;
  useConnectStore.setState({ busy: name });
  try {
    await work();
  } catch (error) {
    fail(describeFailure(error, settings.endpoint));
  } finally {
    useConnectStore.setState({ busy: undefined });
  }
}

const failDeploy = (message: string) => useConnectStore.setState({ deploy: { tone: 'error', message } });

export function deploy(replace = false): Promise<void> {
  return task(
    'deploy',
    async () => {
      const { model } = useDesignStore.getState();
      const client = endpointClient(useConnectStore.getState().settings);
      const name = model.table.name;
      useConnectStore.setState({ deploy: { tone: 'info', message: replace ? `Replacing table ${name}…` : `Creating table ${name}…` } });
      if (replace) {
        await replaceTable(client, model);
      } else if ((await deployTable(client, model)).status === 'exists') {
        useConnectStore.setState({
          tableExists: true,
          deploy: { tone: 'error', message: `Table ${name} already exists on the endpoint. Replace it to start from the design (its items are deleted).` },
        });
        return;
      }
      useConnectStore.setState({ tableExists: false, deploy: { tone: 'info', message: `Table ${name} is ACTIVE on the endpoint.` } });
    },
    failDeploy,
  );
}

export function seed(): Promise<void> {
  return task(
    'seed',
    async () => {
      const { model, sampleItems } = useDesignStore.getState();
      const client = endpointClient(useConnectStore.getState().settings);
      const progress = (written: number, total: number) =>
        useConnectStore.setState({ seed: { tone: 'info', message: `${written} of ${total} sample items written`, written, total } });
      await seedSampleItems(client, model, sampleItems, { onProgress: progress });
    },
    (message) => {
      const previous = useConnectStore.getState().seed;
      useConnectStore.setState({ seed: { tone: 'error', message, written: previous?.written ?? 0, total: previous?.total ?? 0 } });
    },
  );
}

/**
 * Compares `patterns` on the engine and the endpoint. Writes need `allowWrites`; without it
 * they wait in `pending` for the user's answer. Reads run first, so the endpoint's data is
 * still the seeded data when they run.
 */
export function runPatterns(patterns: readonly AccessPattern[], allowWrites: boolean): Promise<void> {
  const writes = patterns.filter(patternWrites);
  if (writes.length > 0 && !allowWrites) {
    useConnectStore.setState({ pending: { patternIds: patterns.map((p) => p.id), writeCount: writes.length } });
    return Promise.resolve();
  }
  useConnectStore.setState({ pending: undefined });
  const ordered = [...patterns.filter((p) => !patternWrites(p)), ...writes];
  return task(
    'run',
    async () => {
      const { model, sampleItems } = useDesignStore.getState();
      const client = endpointClient(useConnectStore.getState().settings);
      // One check first, so a stopped endpoint or a missing table is one clear message
      // rather than the same failure on every pattern.
      if ((await tableStatus(client, model.table.name)) === undefined) {
        throw new Error(`Table ${model.table.name} does not exist on the endpoint; deploy it first.`);
      }
      for (const [i, pattern] of ordered.entries()) {
        useConnectStore.setState({ run: { tone: 'info', message: `Running ${pattern.name} (${i + 1} of ${ordered.length})…` } });
        const comparison = await comparePattern(client, model, sampleItems, pattern);
        useConnectStore.setState({ comparisons: { ...useConnectStore.getState().comparisons, [pattern.id]: comparison } });
      }
      const results = ordered.map((p) => useConnectStore.getState().comparisons[p.id]);
      const same = results.filter((r) => r?.verdict === 'same').length;
      useConnectStore.setState({ run: { tone: 'info', message: `${same} of ${ordered.length} patterns answered the same on the endpoint.` } });
    },
    (message) => useConnectStore.setState({ run: { tone: 'error', message } }),
  );
}

export function cancelPending(): void {
  useConnectStore.setState({ pending: undefined });
}
