// Provisioned capacity of one direction (read or write) with its optional auto-scaling, for
// the table and for each GSI alike; `path` points at the ThroughputSetting so every field
// shows the issues located on it.
import type { AutoScaling, ThroughputSetting } from '../../model/types';
import { CheckboxField, NumberField } from './fields';

const DEFAULT_AUTO_SCALING: AutoScaling = { minCapacity: 5, maxCapacity: 100, targetUtilization: 70, scaleInCooldownSeconds: 60, scaleOutCooldownSeconds: 60 };

export function ThroughputFields({ label, setting, path, onChange }: { label: 'Read' | 'Write'; setting: ThroughputSetting; path: string; onChange: (s: ThroughputSetting) => void }) {
  const scaling = setting.autoScaling;
  const setScaling = (patch: Partial<AutoScaling>) => scaling && onChange({ ...setting, autoScaling: { ...scaling, ...patch } });
  return (
    <fieldset className="key-group">
      <legend>{label} capacity</legend>
      <NumberField label={`${label} capacity units`} path={`${path}/units`} min={1} value={setting.units} onChange={(units) => onChange({ ...setting, units })} />
      <CheckboxField
        label={`${label} auto-scaling`}
        checked={scaling !== undefined}
        onChange={(on) => {
          const { autoScaling: _old, ...rest } = setting;
          onChange(on ? { ...rest, autoScaling: { ...DEFAULT_AUTO_SCALING, minCapacity: setting.units } } : rest);
        }}
      />
      {scaling && (
        <div className="field-grid">
          <NumberField label={`${label} minimum capacity`} path={`${path}/autoScaling/minCapacity`} min={1} value={scaling.minCapacity} onChange={(minCapacity) => setScaling({ minCapacity })} />
          <NumberField label={`${label} maximum capacity`} path={`${path}/autoScaling/maxCapacity`} min={1} value={scaling.maxCapacity} onChange={(maxCapacity) => setScaling({ maxCapacity })} />
          <NumberField label={`${label} target utilization %`} path={`${path}/autoScaling/targetUtilization`} min={20} max={90} step="any" value={scaling.targetUtilization} onChange={(targetUtilization) => setScaling({ targetUtilization })} />
          <NumberField label={`${label} scale-in cooldown (s)`} path={`${path}/autoScaling/scaleInCooldownSeconds`} min={0} value={scaling.scaleInCooldownSeconds} onChange={(scaleInCooldownSeconds) => setScaling({ scaleInCooldownSeconds })} />
          <NumberField label={`${label} scale-out cooldown (s)`} path={`${path}/autoScaling/scaleOutCooldownSeconds`} min={0} value={scaling.scaleOutCooldownSeconds} onChange={(scaleOutCooldownSeconds) => setScaling({ scaleOutCooldownSeconds })} />
        </div>
      )}
    </fieldset>
  );
}
