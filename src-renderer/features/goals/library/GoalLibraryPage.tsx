import { Alert, Stack, Title } from '@mantine/core';

/** Placeholder until this part of the reviews work lands: says plainly that it is not built. */
export function GoalLibraryPage() {
  return (
    <Stack maw={640}>
      <Title order={2}>Goal library</Title>
      <Alert color="gray" title="Not built yet" data-testid="not-built">Goal library is not available in this version of Canopy yet.</Alert>
    </Stack>
  );
}
