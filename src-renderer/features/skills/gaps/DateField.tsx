import { useState } from 'react';
import { isRealDate, todayIso } from '../../../../src-shared/domain/dates';
import { DateInput } from '../../shared/DateInput';

/** A calendar date kept as typed; `value` falls back to today while the field is empty or incomplete. */
export function useDateField(initial = todayIso()) {
  const [text, setText] = useState(initial);
  return { text, setText, value: isRealDate(text) ? text : todayIso() };
}

interface DateFieldProps {
  field: ReturnType<typeof useDateField>;
  label: string;
  size?: 'xs' | 'sm';
  /** Toolbars name the field in text next to it: the label is then only read out. */
  hiddenLabel?: boolean;
  testId?: string;
}

export function DateField({ field, label, size = 'sm', hiddenLabel = false, testId }: DateFieldProps) {
  return (
    <DateInput
      size={size}
      w={size === 'xs' ? 140 : 160}
      label={hiddenLabel ? undefined : label}
      aria-label={hiddenLabel ? label : undefined}
      value={field.text}
      onChange={(e) => field.setText(e.currentTarget.value)}
      data-testid={testId}
    />
  );
}
