import { Alert, Button, Card, Group, Loader, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { SkillSearchInput } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { usePeopleReferences } from '../../people/options';
import { PageHeader } from '../../shared/PageHeader';
import { DateField, useDateField } from '../gaps/DateField';
import { CriteriaBuilder } from './CriteriaBuilder';
import { SavedSearches } from './SavedSearches';
import { SearchResults } from './SearchResults';
import { RESULT_LIMIT, emptyForm, toSearchInput, type SearchForm } from './searchForm';

/** "Who can do this?": people ranked by how well they meet a set of skill levels. */
export function SkillSearchPage() {
  const [form, setForm] = useState<SearchForm>(emptyForm);
  const asOf = useDateField();
  const [submitted, setSubmitted] = useState<SkillSearchInput | null>(null);
  const results = useApi('skills.searchBySkills', submitted ?? { criteria: [] }, { enabled: submitted !== null });

  function search() {
    const next: SkillSearchInput = { ...toSearchInput(form), asOf: asOf.value, limit: RESULT_LIMIT };
    // Searching again for the same thing asks again: levels may have changed since.
    if (JSON.stringify(next) === JSON.stringify(submitted)) void results.refetch();
    else setSubmitted(next);
  }

  return (
    <Stack pb="xl">
      <PageHeader title="Skill search" description="Who can do this? Find people by the skill levels they hold, best match first." />
      <Card withBorder>
        <form onSubmit={(e) => (e.preventDefault(), search())}>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Title order={5}>Skills needed</Title>
              <SavedSearches form={form} onLoad={setForm} />
            </Group>
            <CriteriaBuilder criteria={form.criteria} onChange={(criteria) => setForm({ ...form, criteria })} />
            <Group gap="sm" align="flex-end">
              <SearchFilters form={form} onChange={setForm} />
              <DateField field={asOf} label="Levels as of" testId="search-as-of" />
            </Group>
            <Group>
              <Button type="submit" data-testid="run-search">Search</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {results.isFetching && <Loader size="sm" />}
      {results.error && <Alert color="red" data-testid="search-error">{results.error.message}</Alert>}
      {results.data && submitted && !results.error && <SearchResults result={results.data} criteria={submitted.criteria} />}
    </Stack>
  );
}

function SearchFilters({ form, onChange }: { form: SearchForm; onChange: (form: SearchForm) => void }) {
  const people = usePeopleReferences();
  const locations = useApi('people.listLocations', {});
  return (
    <>
      <Select
        label="Department"
        placeholder="Any department"
        searchable
        clearable
        limit={200}
        w={280}
        data={people.departments}
        value={form.departmentId}
        onChange={(departmentId) => onChange({ ...form, departmentId })}
      />
      <Select
        label="Job"
        placeholder="Any job"
        searchable
        clearable
        limit={200}
        w={260}
        data={people.jobs}
        value={form.jobId}
        onChange={(jobId) => onChange({ ...form, jobId })}
      />
      <Select
        label="Location"
        placeholder="Any location"
        searchable
        clearable
        w={200}
        data={locations.data?.locations ?? []}
        value={form.location}
        onChange={(location) => onChange({ ...form, location })}
      />
    </>
  );
}
