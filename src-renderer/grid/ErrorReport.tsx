import { Alert, Text } from '@mantine/core';
import type { GridController } from './controller';
import { useStore } from './store';

const MAX_ITEMS = 100;

/** Problems of the last failed edit, paste, undo or delete ("Row N, Column X: message"). */
export function ErrorReport({ controller }: { controller: GridController }) {
  const report = useStore(controller.status, (s) => s.report);
  if (!report) return null;
  const shown = report.items.slice(0, MAX_ITEMS);
  return (
    <Alert
      color="red"
      variant="light"
      className="cg-report"
      data-testid="grid-error-report"
      title={report.title}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={() => controller.dismissReport()}
    >
      {shown.length > 0 && (
        <ul className="cg-report-list">
          {shown.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      {report.items.length > shown.length && (
        <Text size="xs" mt={4}>
          …and {report.items.length - shown.length} more
        </Text>
      )}
    </Alert>
  );
}
