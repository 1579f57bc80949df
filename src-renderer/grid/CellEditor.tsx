import { Combobox, useCombobox } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { GridController } from './controller';
import { formatCellValue, isOptionKind, optionsOf } from './convert';
import { dateHint, userLocale } from './dates';
import { matchOption } from './optionMatch';
import { searchOptions } from './optionSearch';
import { useStore } from './store';
import type { GridColumn, GridRow } from './types';

/** Options rendered in a dropdown at once; typing narrows long (10k) reference lists. */
const OPTION_LIMIT = 50;

interface EditorProps {
  controller: GridController;
  column: GridColumn;
  row: GridRow;
}

/** The open editor of the cursor cell. Its value lives in the controller's store. */
export function CellEditor(props: EditorProps) {
  return isOptionKind(props.column.kind) ? <OptionEditor {...props} /> : <TextEditor {...props} />;
}

function useFocusOnMount(ref: RefObject<HTMLInputElement | null>, caretAtEnd: boolean) {
  useLayoutEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus({ preventScroll: true });
    if (caretAtEnd) input.setSelectionRange(input.value.length, input.value.length);
    else input.select();
  }, [ref, caretAtEnd]);
}

function TextEditor({ controller, column }: EditorProps) {
  const value = useStore(controller.ui, (s) => s.edit?.value ?? '');
  const ref = useRef<HTMLInputElement>(null);
  useFocusOnMount(ref, true);
  return (
    <input
      ref={ref}
      className="cg-editor"
      data-testid="cell-editor"
      data-cell-editor=""
      aria-label={column.header}
      value={value}
      inputMode={column.kind === 'number' ? 'decimal' : undefined}
      placeholder={column.kind === 'date' ? dateHint(userLocale()) : undefined}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => controller.setEditValue(e.currentTarget.value)}
      onBlur={() => controller.commitOnBlur()}
    />
  );
}

/** Searchable dropdown for select and reference cells (Enter, Tab or a click picks the highlighted option; Escape cancels). */
function OptionEditor({ controller, column, row }: EditorProps) {
  const options = useMemo(() => optionsOf(column, row), [column, row]);
  const value = useStore(controller.ui, (s) => s.edit?.value ?? '');
  const [typed] = useState(() => controller.ui.get().edit?.typed ?? null);
  const [search, setSearch] = useState(() => typed ?? formatCellValue(column, value || null));
  // Until the user types, the list shows every option rather than only the current label.
  const [filtering, setFiltering] = useState(typed !== null);
  const pressedEnter = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  const combobox = useCombobox();
  const matches = useMemo(
    () => searchOptions(options, filtering ? search : '', OPTION_LIMIT, value),
    [options, filtering, search, value],
  );
  useFocusOnMount(ref, filtering);

  // Highlight again whenever the listed options change (after they are in the DOM).
  useEffect(() => {
    combobox.openDropdown();
    if (filtering && search.trim() !== '') combobox.selectFirstOption();
    else combobox.selectActiveOption();
  }, [matches]);

  // Arrow keys choose an option on purpose; until then the highlight only follows the typing.
  const chosen = useRef(false);

  // Tab takes the highlighted option, as Enter does, and moves sideways. Typed
  // text that names several options equally is not guessed: it is saved as text,
  // which reports the ambiguity ("'Sales' matches 3 departments: …").
  const onKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    pressedEnter.current = e.key === 'Enter';
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') chosen.current = true;
    if ((e.key !== 'Tab' && e.key !== 'Enter') || e.ctrlKey || e.altKey || e.metaKey) return;
    const dCol = e.key === 'Tab' ? (e.shiftKey ? -1 : 1) : 0;
    const dRow = e.key === 'Enter' ? 1 : 0;
    const typedMatch = filtering && !chosen.current ? matchOption(options, search) : null;
    if (typedMatch && !typedMatch.ok && typedMatch.reason === 'ambiguous') {
      e.preventDefault();
      e.stopPropagation();
      controller.commitEdit(dRow, dCol, search);
      return;
    }
    if (e.key !== 'Tab') return;
    const picked = matches.items[combobox.getSelectedOptionIndex()];
    if (!picked) return;
    e.preventDefault();
    e.stopPropagation();
    controller.commitEdit(dRow, dCol, picked.value);
  };

  // Typed text is the editor's value until an option is picked: a click elsewhere
  // then saves text that names one option, or reports text that names none or several.
  const onSearch = (text: string) => {
    chosen.current = false;
    setSearch(text);
    setFiltering(true);
    controller.setEditValue(text);
    combobox.openDropdown();
  };

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(picked) => controller.commitEdit(pressedEnter.current ? 1 : 0, 0, picked)}
    >
      <Combobox.Target>
        <input
          ref={ref}
          className="cg-editor"
          data-testid="cell-editor"
          data-cell-editor=""
          aria-label={column.header}
          value={search}
          spellCheck={false}
          autoComplete="off"
          onKeyDownCapture={onKeys}
          onChange={(e) => onSearch(e.currentTarget.value)}
          onBlur={() => controller.commitOnBlur()}
        />
      </Combobox.Target>
      <Combobox.Dropdown miw={200}>
        <Combobox.Options className="cg-options" data-testid="cell-editor-options">
          {matches.items.length === 0 ? (
            <Combobox.Empty>No matching {column.header}</Combobox.Empty>
          ) : (
            matches.items.map((option) => (
              <Combobox.Option key={option.value} value={option.value} active={option.value === value}>
                {option.label}
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
        {matches.total > matches.items.length && (
          <Combobox.Footer className="cg-options-more">
            {matches.total - matches.items.length} more — type to narrow down
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}
