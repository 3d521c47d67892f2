import type { MemoryMode } from '../../protocol/server';

/** Chooses pooled memories (as Spin) or a new one for each instance (the contrast). */
export function MemorySelect({
  testId,
  value,
  each,
  onChange,
}: {
  testId: string;
  value: MemoryMode;
  /** What gets a new memory: "instance", "request". */
  each: string;
  onChange: (m: MemoryMode) => void;
}) {
  return (
    <label className="inline">
      <span>Memory</span>
      <select
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value === 'fresh' ? 'fresh' : 'pooled')}
      >
        <option value="pooled">pooled, zeroed (as Spin)</option>
        <option value="fresh">a new one per {each}</option>
      </select>
    </label>
  );
}
