import { Alert, Button, Group, Modal, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Output, SkillSearchInput } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { ConflictNotice, type FieldSpecs } from '../../shared/ConflictNotice';
import { useVersionedForm } from '../../shared/useVersionedForm';
import { fromSearchInput, toSearchInput, type SearchForm } from './searchForm';

type SavedSearch = Output<'skills.listSavedSearches'>['rows'][number];

interface SavedSearchesProps {
  form: SearchForm;
  onLoad: (form: SearchForm) => void;
}

/** Load, save (as new or over the loaded one) and delete named searches. */
export function SavedSearches({ form, onLoad }: SavedSearchesProps) {
  const saved = useApi('skills.listSavedSearches', {});
  const rows = saved.data?.rows ?? [];
  // The search as it was loaded: "Update" sends its version, so a change saved elsewhere since is caught.
  const [loadedCopy, setLoadedCopy] = useState<SavedSearch | null>(null);
  const loadedId = loadedCopy?.id ?? null;
  const loaded = rows.find((row) => row.id === loadedId) ?? null;
  const [saving, { open, close }] = useDisclosure(false);
  const remove = useApiMutation('skills.deleteSearch');

  function load(id: string | null) {
    const search = rows.find((row) => row.id === id) ?? null;
    setLoadedCopy(search);
    if (search) onLoad(fromSearchInput(search.criteria));
  }

  async function deleteLoaded() {
    if (!loaded) return;
    await remove.mutateAsync({ id: loaded.id });
    notifications.show({ color: 'teal', message: `Saved search “${loaded.name}” deleted.` });
    setLoadedCopy(null);
    await saved.refetch();
  }

  return (
    <Group gap="xs" align="flex-end">
      <Select
        label="Saved searches"
        placeholder={rows.length ? 'Load a saved search' : 'None saved yet'}
        disabled={rows.length === 0}
        clearable
        searchable
        w={260}
        data={rows.map((row) => ({ value: row.id, label: row.name }))}
        value={loadedId}
        onChange={load}
        data-testid="saved-searches"
      />
      <Button variant="default" onClick={open} data-testid="save-search">Save search…</Button>
      {loaded && (
        <Popover position="bottom" withArrow shadow="md">
          <Popover.Target>
            <Button variant="subtle" color="red">Delete</Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs">
              <Text size="sm">Delete “{loaded.name}”?</Text>
              {remove.error && <Text size="sm" c="red">{remove.error.message}</Text>}
              <Button size="xs" color="red" loading={remove.isPending} onClick={() => void deleteLoaded().catch(() => undefined)}>Delete</Button>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      )}
      <SaveSearchModal
        opened={saving}
        onClose={close}
        form={form}
        loaded={loaded}
        loadedCopy={loadedCopy}
        onLoad={(search) => (setLoadedCopy(search), onLoad(fromSearchInput(search.criteria)))}
        onSaved={async (search) => {
          setLoadedCopy(search);
          await saved.refetch();
        }}
      />
    </Group>
  );
}

interface SaveSearchModalProps {
  opened: boolean;
  onClose: () => void;
  form: SearchForm;
  /** The newest copy of the loaded search, and the copy as it was loaded. */
  loaded: SavedSearch | null;
  loadedCopy: SavedSearch | null;
  onLoad: (search: SavedSearch) => void;
  onSaved: (search: SavedSearch) => Promise<void>;
}

function SaveSearchModal(props: SaveSearchModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Save this search">
      {props.opened && <SaveSearchForm {...props} />}
    </Modal>
  );
}

type SearchDraft = Pick<SavedSearch, 'name' | 'criteria'>;
const NO_CRITERIA: SkillSearchInput = { criteria: [] } as unknown as SkillSearchInput;
const toDraft = (search: SavedSearch | undefined): SearchDraft => ({ name: search?.name ?? '', criteria: search?.criteria ?? NO_CRITERIA });
const FIELDS: FieldSpecs<SearchDraft> = {
  name: 'Name',
  criteria: { label: 'Criteria', format: (criteria) => `${criteria.criteria.length} skill criteria` },
};

/** Mounted each time the modal opens, so it starts from the loaded search's name. */
function SaveSearchForm({ onClose, form, loaded, loadedCopy, onLoad, onSaved }: SaveSearchModalProps) {
  const save = useApiMutation('skills.saveSearch');
  const afterSave = async (result: SavedSearch) => {
    notifications.show({ color: 'teal', message: `Search “${result.name}” saved.` });
    await onSaved(result);
    onClose();
  };
  // "Update" edits the loaded search: it began when the search was loaded, with the criteria now on the page.
  const update = useVersionedForm({
    record: loaded ?? undefined,
    toValues: toDraft,
    startedFrom: loadedCopy ? { record: loadedCopy, values: { name: loadedCopy.name, criteria: toSearchInput(form) } } : undefined,
    save: (draft, target) => save.mutateAsync({ ...target, name: draft.name, criteria: draft.criteria }),
    onSaved: (result) => void afterSave(result),
    onError: () => undefined,
    onReloaded: (theirs) => (onLoad(theirs), onClose()),
  });
  const name = update.values.name;
  const setName = (value: string) => update.set('name', value);

  async function saveAsNew() {
    const result = await save.mutateAsync({ name, criteria: toSearchInput(form) });
    await afterSave(result);
  }

  return (
    <form onSubmit={(e) => (e.preventDefault(), void saveAsNew().catch(() => undefined))}>
      <Stack>
        <ConflictNotice conflict={update.conflict} what="saved search" fields={FIELDS} />
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="search-name" />
        {save.error && save.error.code !== 'CONFLICT' && <Alert color="red" data-testid="save-search-error">{save.error.message}</Alert>}
        <Group justify="flex-end">
          {loaded && (
            <Button variant="default" loading={update.saving} onClick={() => void update.submit()}>
              Update “{loaded.name}”
            </Button>
          )}
          <Button type="submit" loading={save.isPending && !update.saving}>Save as new</Button>
        </Group>
      </Stack>
    </form>
  );
}
