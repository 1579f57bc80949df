import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiCallError } from '../../api/client';
import { queryClient } from '../../api/hooks';

/** A stored record as forms edit it: saves send the version the form opened. */
export interface Versioned {
  id: string;
  version: number;
}


export interface VersionedFormOptions<R extends Versioned, V extends object, S> {
  /**
   * The newest copy of the record being edited, from a query that refreshes on
   * change events; undefined while creating a new record.
   */
  record: R | undefined;
  /** The form's values for a record, or for a new one. */
  toValues: (record: R | undefined) => V;
  /** Saves; `target` names the record and the version the form opened (absent when creating). */
  save: (values: V, target: Versioned | undefined) => Promise<S>;
  /** Called after every successful save (also one made from the conflict notice). */
  onSaved?: (saved: S) => void;
  /** Called with any error but a conflict (that one the notice handles). */
  onError?: (error: unknown) => void;
  /** Asks for the newest record after a refused save; by default every query is refetched. */
  refresh?: () => void;
  /**
   * The edit began before this form opened (a saved search loaded, then changed
   * on the page): the record as it was then, and the values now.
   */
  startedFrom?: { record: R; values: V };
  /** The user chose "Reload theirs": their record, e.g. to show it outside the form too. */
  onReloaded?: (record: R) => void;
}

/** One field where the values saved elsewhere and the user's differ. */
export interface ConflictField<V = Record<string, unknown>> {
  key: keyof V & string;
  theirs: unknown;
  mine: unknown;
  /** Which value "Save mine" keeps: the user's when they changed the field, theirs otherwise. */
  kept: 'mine' | 'theirs';
}

export interface FormConflict<V = Record<string, unknown>> {
  /** A save was refused (otherwise the record moved while the user was typing). */
  refused: boolean;
  /** The version saved elsewhere has arrived (the choice can be made). */
  ready: boolean;
  fields: ConflictField<V>[];
  saving: boolean;
  reloadTheirs: () => void;
  saveMine: () => Promise<void>;
}

export interface VersionedForm<V> {
  values: V;
  setValues: (update: V | ((values: V) => V)) => void;
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  /** The user changed something since the form opened (or last saved). */
  dirty: boolean;
  saving: boolean;
  /** Saves on the version the form opened; a refusal because of a newer version shows the conflict notice. */
  submit: () => Promise<void>;
  /** Set while the user must choose between their values and the ones saved elsewhere. */
  conflict: FormConflict<V> | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A form over a versioned record. It snapshots the record and its version
 * when it opens and never replaces what the user typed when a newer copy
 * arrives (an untouched form simply shows the newer copy). Saves send the
 * opened version; when the record was saved elsewhere in between the server
 * answers CONFLICT and the user chooses: reload theirs (discarding their
 * changes) or review both and save theirs on the new version.
 *
 * "Save mine" sends the values saved elsewhere with only the fields the user
 * changed replaced by theirs: someone else's change to another field stays.
 */
export function useVersionedForm<R extends Versioned, V extends object, S>(options: VersionedFormOptions<R, V, S>): VersionedForm<V> {
  const { record, toValues } = options;
  const latestOptions = useRef(options);
  latestOptions.current = options;
  const [opened, setOpened] = useState(() => {
    const start = options.startedFrom?.record ?? record;
    return { version: start?.version, base: toValues(start) };
  });
  const [values, setValues] = useState<V>(() => options.startedFrom?.values ?? opened.base);
  const [refused, setRefused] = useState(false);
  const [saving, setSaving] = useState(false);

  const changedKeys = useMemo(() => (Object.keys(values) as (keyof V)[]).filter((key) => !same(values[key], opened.base[key])), [values, opened.base]);
  const dirty = changedKeys.length > 0;
  const newer = record && opened.version !== undefined && record.version > opened.version ? record : undefined;

  const rebaseOn = useCallback((next: R, nextValues?: V) => {
    const base = latestOptions.current.toValues(next);
    setOpened({ version: next.version, base });
    setValues(nextValues ?? base);
    setRefused(false);
  }, []);

  // A newer copy of a form the user has not touched is simply shown; one that
  // changed none of the form's fields (an archive, a status move) is no conflict.
  useEffect(() => {
    if (!newer || refused) return;
    if (!dirty) rebaseOn(newer);
    else if (same(latestOptions.current.toValues(newer), opened.base)) setOpened((o) => ({ version: newer.version, base: o.base }));
  }, [newer, dirty, refused, rebaseOn, opened.base]);

  const save = useCallback(
    async (toSave: V, version: number | undefined) => {
      const { save: send, onSaved, onError, refresh } = latestOptions.current;
      const target = record && version !== undefined ? { id: record.id, version } : undefined;
      setSaving(true);
      try {
        const saved = await send(toSave, target);
        const savedVersion = (saved as { version?: unknown } | null)?.version;
        setOpened({ version: typeof savedVersion === 'number' ? savedVersion : version, base: toSave });
        setRefused(false);
        onSaved?.(saved);
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'CONFLICT') {
          setRefused(true);
          (refresh ?? (() => void queryClient.invalidateQueries()))();
        } else if (onError) onError(error);
        else throw error;
      } finally {
        setSaving(false);
      }
    },
    [record],
  );

  const submit = useCallback(() => save(values, opened.version), [save, values, opened.version]);

  const conflict = useMemo((): FormConflict<V> | null => {
    const theirs = newer ? toValues(newer) : undefined;
    const theyChangedFields = theirs !== undefined && !same(theirs, opened.base);
    if (!refused && !(dirty && theyChangedFields)) return null;
    const mineKept = new Set<keyof V>(changedKeys);
    const list: ConflictField<V>[] = [];
    if (theirs) {
      for (const key of Object.keys(values) as (keyof V & string)[]) {
        if (!same(values[key], theirs[key])) list.push({ key, theirs: theirs[key], mine: values[key], kept: mineKept.has(key) ? 'mine' : 'theirs' });
      }
    }
    return {
      refused,
      ready: Boolean(newer),
      fields: list,
      saving,
      reloadTheirs: () => {
        if (!newer) return;
        rebaseOn(newer);
        latestOptions.current.onReloaded?.(newer);
      },
      saveMine: async () => {
        if (!newer || !theirs) return;
        const merged = { ...theirs };
        for (const key of mineKept) merged[key] = values[key];
        rebaseOn(newer, merged);
        await save(merged, newer.version);
      },
    };
  }, [refused, newer, dirty, toValues, opened.base, changedKeys, values, saving, rebaseOn, save]);

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => setValues((current) => ({ ...current, [key]: value })), []);
  return { values, setValues, set, dirty, saving, submit, conflict };
}
