import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useState, type ChangeEvent } from 'react';
import { parseDateText } from '../../grid/dates';

type Props = Omit<TextInputProps, 'type' | 'value' | 'onChange' | 'max' | 'min'> & {
  /** The date as YYYY-MM-DD, or what the user is typing. */
  value: string;
  onChange(event: ChangeEvent<HTMLInputElement>): void;
  /** The latest date the calendar offers (YYYY-MM-DD). */
  max?: string;
  min?: string;
};

/**
 * A calendar date shown and kept as YYYY-MM-DD, like the grids (the browser's own date field shows
 * the machine's locale, e.g. mm/dd/yyyy, beside ISO grids). Typing accepts what the grid accepts —
 * ISO, the user's own day/month order, Excel serial numbers — and turns it into ISO on leaving the
 * field; the calendar button picks a day.
 */
export function DateInput({ value, onChange, max, min, error, ...props }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const emit = (text: string) => onChange({ currentTarget: { value: text }, target: { value: text } } as ChangeEvent<HTMLInputElement>);
  const normalise = () => {
    const text = value.trim();
    if (!text) return setProblem(null);
    const parsed = parseDateText(text);
    setProblem(parsed.ok ? null : parsed.message);
    if (parsed.ok && parsed.iso !== value) emit(parsed.iso);
  };
  return (
    <TextInput
      {...props}
      value={value}
      placeholder={props.placeholder ?? 'YYYY-MM-DD'}
      inputMode="numeric"
      autoComplete="off"
      onChange={(event) => (setProblem(null), onChange(event))}
      onBlur={normalise}
      error={error ?? problem}
      rightSection={
        <Popover opened={open} onChange={setOpen} position="bottom-end" withinPortal shadow="md">
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label="Open calendar" onClick={() => setOpen((o) => !o)}>
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null}
              defaultDate={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined}
              maxDate={max}
              minDate={min}
              firstDayOfWeek={1}
              weekendDays={[]}
              onChange={(picked) => {
                if (picked) emit(picked);
                setProblem(null);
                setOpen(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  );
}
