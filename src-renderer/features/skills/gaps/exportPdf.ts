import { notifications } from '@mantine/notifications';
import type { Input } from '../../../../src-shared/api';
import { call } from '../../../api/client';
import { downloadFile } from '../../shared/grid-adapters';

/** Renders a gap report to PDF in the main process and hands it to the browser as a download. */
export async function exportGapPdf(input: Input<'skills.exportGapReport'>): Promise<void> {
  try {
    const file = await call('skills.exportGapReport', input);
    downloadFile(file.fileName, file.mimeType, file.contentBase64);
  } catch (error) {
    notifications.show({ color: 'red', title: 'Export failed', message: (error as Error).message });
  }
}
