import { isLanguageId, languages } from '../languages/registry';
import type { LanguageId } from '../languages/registry';

/** A select of every language, in picker order. */
export function LanguageSelect({
  value,
  onChange,
  ...rest
}: {
  value: LanguageId;
  onChange: (id: LanguageId) => void;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select
      {...rest}
      value={value}
      onChange={(e) => isLanguageId(e.target.value) && onChange(e.target.value)}
    >
      {languages.map((l) => (
        <option key={l.id} value={l.id}>
          {l.label}
        </option>
      ))}
    </select>
  );
}
