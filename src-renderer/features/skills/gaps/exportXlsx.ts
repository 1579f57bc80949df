import { notifications } from '@mantine/notifications';
import { call } from '../../../api/client';
import { downloadFile } from '../../shared/grid-adapters';

type Cell = string | number | boolean | null;

/** Writes a table to an XLSX file through the main process and hands it to the browser as a download. */
export async function exportXlsx(title: string, headers: string[], rows: Cell[][]): Promise<void> {
  try {
    const file = await call('admin.exportTable', { format: 'xlsx', title: title.slice(0, 100), headers, rows });
    downloadFile(file.fileName, file.mimeType, file.contentBase64);
  } catch (error) {
    notifications.show({ color: 'red', title: 'Export failed', message: (error as Error).message });
  }
}
