import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="sm" wrap="nowrap">
      <Stack gap={2}>
        <Title order={1} size="h2">{title}</Title>
        {description && <Text size="sm" c="dimmed">{description}</Text>}
      </Stack>
      {actions && <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>{actions}</Group>}
    </Group>
  );
}

/** A page whose body (a grid) takes the remaining height. */
export function FullHeightPage({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
      {header}
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </Stack>
  );
}
