// A date typed as YYYY-MM-DD (the format the whole app shows), with a calendar button that opens
// the browser's own date picker. A native <input type="date"> alone would show the OS locale's
// format (mm/dd/yyyy on many machines) and could not hold a half-typed date.
import { useRef, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange(value: string): void;
  label: string;
};

export function DateInput({ value, onChange, label, className, ...rest }: Props) {
  const pickerRef = useRef<HTMLInputElement>(null);
  const openPicker = () => {
    const picker = pickerRef.current;
    if (!picker) return;
    picker.value = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
    try {
      picker.showPicker();
    } catch {
      picker.focus();
    }
  };
  return (
    <div className="date-input">
      <input
        {...rest}
        className={className}
        type="text"
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        maxLength={10}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <button type="button" className="date-button" aria-label={`Choose ${label} from a calendar`} onClick={openPicker}>
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4">
          <rect x="2" y="3" width="12" height="11" rx="1.5" />
          <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
        </svg>
      </button>
      <input ref={pickerRef} type="date" className="date-picker-native" tabIndex={-1} aria-hidden="true" onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
