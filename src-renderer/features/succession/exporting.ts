import { notifications } from '@mantine/notifications';
import type { ExportedFile } from '../../../src-shared/api';
import { downloadFile } from '../shared/grid-adapters';

/** Runs an export in the main process and hands the file over as a download (Electron asks where to save it). */
export async function downloadExport(load: () => Promise<ExportedFile>): Promise<boolean> {
  try {
    const file = await load();
    downloadFile(file.fileName, file.mimeType, file.contentBase64);
    return true;
  } catch (error) {
    notifications.show({ color: 'red', title: 'Export failed', message: (error as Error).message });
    return false;
  }
}
