import { Button, Checkbox, Group, Loader, Menu, Popover, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { GridController } from './controller';
import { useStore } from './store';
import type { ExportFormat, GridColumn } from './types';

interface ToolbarProps {
  controller: GridController;
  filter: string;
  onFilterChange: (value: string) => void;
  rowCount: number;
  totalCount: number;
  columns: GridColumn[];
  isHidden: (column: GridColumn) => boolean;
  onToggleColumn: (id: string, hidden: boolean) => void;
  showFilters: boolean;
  onToggleFilters: () => void;
  onExport?: (format: ExportFormat) => void;
  allowAdd: boolean;
  canDelete: boolean;
  extra?: ReactNode;
  /** Rows were kept in place after edits although the sort or filter would now move them. */
  orderStale: boolean;
  onResort: () => void;
}

const count = new Intl.NumberFormat('en-US');

function RowCount({ rowCount, totalCount }: Pick<ToolbarProps, 'rowCount' | 'totalCount'>) {
  return (
    <Text size="sm" c="dimmed" className="cg-count">
      <span data-testid="grid-row-count">
        {count.format(rowCount)} {rowCount === 1 ? 'row' : 'rows'}
      </span>
      {rowCount !== totalCount && <span> of {count.format(totalCount)}</span>}
    </Text>
  );
}

function ColumnsMenu({ columns, isHidden, onToggleColumn }: Pick<ToolbarProps, 'columns' | 'isHidden' | 'onToggleColumn'>) {
  const visibleCount = columns.filter((c) => !isHidden(c)).length;
  return (
    <Popover position="bottom-end" shadow="md">
      <Popover.Target>
        <Button size="xs" variant="default" data-testid="grid-columns">
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="grid-columns-menu">
        <ScrollArea.Autosize mah={320}>
          <Stack gap={6}>
            {columns.map((column) => {
              const shown = !isHidden(column);
              return (
                <Checkbox
                  key={column.id}
                  size="xs"
                  label={column.header}
                  checked={shown}
                  disabled={shown && visibleCount === 1}
                  onChange={(e) => onToggleColumn(column.id, !e.currentTarget.checked)}
                />
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

function ExportMenu({ onExport }: { onExport: (format: ExportFormat) => void }) {
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button size="xs" variant="default" data-testid="grid-export">
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onExport('csv')}>CSV</Menu.Item>
        <Menu.Item onClick={() => onExport('xlsx')}>XLSX</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function UndoRedo({ controller }: { controller: GridController }) {
  const canUndo = useStore(controller.status, (s) => s.undo.past.length > 0);
  const canRedo = useStore(controller.status, (s) => s.undo.future.length > 0);
  const run = (action: () => void) => () => {
    action();
    controller.focusGrid();
  };
  return (
    <Button.Group>
      <Button size="xs" variant="default" data-testid="grid-undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={run(() => controller.undo())}>
        ↶ Undo
      </Button>
      <Button size="xs" variant="default" data-testid="grid-redo" title="Redo (Ctrl+Y)" disabled={!canRedo} onClick={run(() => controller.redo())}>
        Redo ↷
      </Button>
    </Button.Group>
  );
}

/** "Add row", with "Paste as new rows" beside it (also Ctrl+Shift+V in the grid). */
function AddRows({ controller }: { controller: GridController }) {
  const pasteFromClipboard = async () => {
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      controller.showMessage('The clipboard could not be read here. Click a cell and press Ctrl+Shift+V to paste as new rows.');
      return;
    }
    controller.pasteAsNewRows(text);
    controller.focusGrid();
  };
  return (
    <Button.Group>
      <Button size="xs" variant="light" data-testid="grid-add-row" onClick={() => controller.addRow()}>
        Add row
      </Button>
      <Menu position="bottom-end" shadow="md">
        <Menu.Target>
          <Button size="xs" variant="light" px={6} aria-label="More ways to add rows" data-testid="grid-add-menu">
            ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item data-testid="grid-paste-as-new" onClick={() => void pasteFromClipboard()}>
            Paste as new rows (Ctrl+Shift+V)
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Button.Group>
  );
}

export function GridToolbar(props: ToolbarProps) {
  const { controller, filter, onFilterChange, onExport } = props;
  const saving = useStore(controller.status, (s) => s.saving > 0);
  const hasSelection = useStore(controller.ui, (s) => s.cursor !== null);
  return (
    <Group gap="xs" className="cg-toolbar" wrap="wrap">
      <TextInput
        size="xs"
        w={220}
        placeholder="Filter rows…"
        aria-label="Filter rows"
        data-testid="grid-filter"
        value={filter}
        onChange={(e) => onFilterChange(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && onFilterChange('')}
      />
      <RowCount rowCount={props.rowCount} totalCount={props.totalCount} />
      {saving && <Loader size={14} data-testid="grid-saving" aria-label="Saving" />}
      {props.orderStale && (
        <Button
          size="xs"
          variant="subtle"
          data-testid="grid-resort"
          title="Rows stay where they are while you edit. Sort and filter them again now."
          onClick={props.onResort}
        >
          ↻ Re-apply sort and filter
        </Button>
      )}
      <div className="cg-toolbar-spacer" />
      {props.extra}
      <UndoRedo controller={controller} />
      {props.allowAdd && <AddRows controller={controller} />}
      {props.canDelete && (
        <Button
          size="xs"
          variant="light"
          color="red"
          data-testid="grid-delete"
          disabled={!hasSelection}
          onClick={() => controller.requestDelete()}
        >
          Delete
        </Button>
      )}
      <Button
        size="xs"
        variant={props.showFilters ? 'light' : 'default'}
        data-testid="grid-toggle-filters"
        aria-pressed={props.showFilters}
        onClick={props.onToggleFilters}
      >
        Column filters
      </Button>
      <ColumnsMenu columns={props.columns} isHidden={props.isHidden} onToggleColumn={props.onToggleColumn} />
      {onExport && <ExportMenu onExport={onExport} />}
    </Group>
  );
}
