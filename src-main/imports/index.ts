import type { ImportPreview } from '../../src-shared/api';
import type { ServiceContext } from '../services/context';
import { commitEmployeeImport, previewEmployeeImport } from './employees';
import type { ImportRequest } from './request';
import { commitSkillImport, previewSkillImport } from './skills';

export function previewImport(ctx: ServiceContext, input: ImportRequest): Promise<ImportPreview> {
  return input.kind === 'skills' ? previewSkillImport(ctx, input) : previewEmployeeImport(ctx, input);
}

export function commitImport(ctx: ServiceContext, input: ImportRequest & { mapping: Record<string, string> }) {
  return input.kind === 'skills' ? commitSkillImport(ctx, input) : commitEmployeeImport(ctx, input);
}
