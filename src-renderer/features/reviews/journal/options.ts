import { JOURNAL_KINDS, JOURNAL_KIND_LABELS, JOURNAL_SHARED_LABELS, type JournalKind } from '../../../../src-shared/api';
import type { Option } from '../../../grid';

export const KIND_OPTIONS: Option[] = JOURNAL_KINDS.map((value) => ({ value, label: JOURNAL_KIND_LABELS[value] }));
export const KIND_COLORS: Record<JournalKind, string> = { praise: 'teal', development: 'orange', note: 'gray' };
export const SHARED_OPTIONS: Option[] = [{ value: 'yes', label: JOURNAL_SHARED_LABELS.shared }, { value: 'no', label: JOURNAL_SHARED_LABELS.private }];
