import { Alert, Stack, Text, Title } from '@mantine/core';
import type { AreaInfo } from '../../app/areas';

/** Areas without screens yet say so plainly instead of showing fake content. */
export function NotBuiltPage({ area }: { area: AreaInfo }) {
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">{area.label}</Title>
      <Alert color="gray" title="Not built yet" data-testid="not-built">
        <Text size="sm">{area.label} is not available in this version of Canopy. It is planned to cover: {area.summary}</Text>
        <Text size="sm" mt="xs">The people and organisation data you enter now is what it will build on.</Text>
      </Alert>
    </Stack>
  );
}
