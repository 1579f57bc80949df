import { Alert, Stack, Title } from '@mantine/core';

/** Placeholder until this part of the reviews work lands: says plainly that it is not built. */
export function QuestionnairesArea() {
  return (
    <Stack maw={640}>
      <Title order={2}>Questionnaires</Title>
      <Alert color="gray" title="Not built yet" data-testid="not-built">Questionnaires is not available in this version of Canopy yet.</Alert>
    </Stack>
  );
}
