// "All claims" / "Check-worthy only": two radio buttons drawn as a segmented control (reader.css). Plain inputs instead of
// Mantine's SegmentedControl, whose sliding indicator measures the page (a forced layout) as the article text arrives.
import { useId } from 'react';

const VIEWS = [
  { value: 'all', label: 'All claims' },
  { value: 'check-worthy', label: 'Check-worthy only' },
] as const;

export function ReaderViewSwitch({ value, onChange }: { value: 'all' | 'check-worthy'; onChange(view: string): void }) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label="Which claims to show" className="cd-view-switch">
      {VIEWS.map((v) => (
        <label key={v.value} data-active={v.value === value || undefined}>
          <input type="radio" name={name} value={v.value} checked={v.value === value} onChange={() => onChange(v.value)} />
          {v.label}
        </label>
      ))}
    </div>
  );
}
