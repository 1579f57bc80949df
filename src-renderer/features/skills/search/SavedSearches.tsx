import { Alert, Button, Group, Modal, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { fromSearchInput, toSearchInput, type SearchForm } from './searchForm';

interface SavedSearchesProps {
  form: SearchForm;
  onLoad: (form: SearchForm) => void;
}

/** Load, save (as new or over the loaded one) and delete named searches. */
export function SavedSearches({ form, onLoad }: SavedSearchesProps) {
  const saved = useApi('skills.listSavedSearches', {});
  const rows = saved.data?.rows ?? [];
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const loaded = rows.find((row) => row.id === loadedId) ?? null;
  const [saving, { open, close }] = useDisclosure(false);
  const remove = useApiMutation('skills.deleteSearch');

  function load(id: string | null) {
    setLoadedId(id);
    const search = rows.find((row) => row.id === id);
    if (search) onLoad(fromSearchInput(search.criteria));
  }

  async function deleteLoaded() {
    if (!loaded) return;
    await remove.mutateAsync({ id: loaded.id });
    notifications.show({ color: 'teal', message: `Saved search “${loaded.name}” deleted.` });
    setLoadedId(null);
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
        onSaved={async (id) => {
          setLoadedId(id);
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
  loaded: { id: string; version: number; name: string } | null;
  onSaved: (id: string) => Promise<void>;
}

function SaveSearchModal(props: SaveSearchModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Save this search">
      {props.opened && <SaveSearchForm {...props} />}
    </Modal>
  );
}

/** Mounted each time the modal opens, so it starts from the loaded search's name. */
function SaveSearchForm({ onClose, form, loaded, onSaved }: SaveSearchModalProps) {
  const [name, setName] = useState(loaded?.name ?? '');
  const save = useApiMutation('skills.saveSearch');

  async function submit(overLoaded: boolean) {
    const target = overLoaded && loaded ? { id: loaded.id, version: loaded.version } : {};
    const result = await save.mutateAsync({ ...target, name, criteria: toSearchInput(form) });
    notifications.show({ color: 'teal', message: `Search “${result.name}” saved.` });
    await onSaved(result.id);
    onClose();
  }

  return (
    <form onSubmit={(e) => (e.preventDefault(), void submit(false).catch(() => undefined))}>
      <Stack>
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="search-name" />
        {save.error && <Alert color="red" data-testid="save-search-error">{save.error.message}</Alert>}
        <Group justify="flex-end">
          {loaded && (
            <Button variant="default" loading={save.isPending} onClick={() => void submit(true).catch(() => undefined)}>
              Update “{loaded.name}”
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>Save as new</Button>
        </Group>
      </Stack>
    </form>
  );
}
