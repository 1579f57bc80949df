import { Combobox, useCombobox } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { GridController } from './controller';
import { formatCellValue, isOptionKind, optionsOf } from './convert';
import { dateHint, userLocale } from './dates';
import { knownOption, remember, type ReferenceLookup } from './lookup';
import { matchOption } from './optionMatch';
import { searchOptions } from './optionSearch';
import { useStore } from './store';
import type { GridColumn, GridRow, Option } from './types';

/** Options rendered in a dropdown at once; typing narrows long (10k) reference lists. */
const OPTION_LIMIT = 50;

interface EditorProps {
  controller: GridController;
  column: GridColumn;
  row: GridRow;
}

/** The open editor of the cursor cell. Its value lives in the controller's store. */
export function CellEditor(props: EditorProps) {
  if (!isOptionKind(props.column.kind)) return <TextEditor {...props} />;
  return props.column.lookup ? <LookupEditor {...props} lookup={props.column.lookup} /> : <ListEditor {...props} />;
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

/** What an option editor types and holds; the value lives in the controller's store. */
function useEditorSearch(controller: GridController, column: GridColumn) {
  const value = useStore(controller.ui, (s) => s.edit?.value ?? '');
  const [typed] = useState(() => controller.ui.get().edit?.typed ?? null);
  const [search, setSearch] = useState(() => typed ?? formatCellValue(column, value || null));
  // Until the user types, the list shows every option rather than only the current label.
  const [filtering, setFiltering] = useState(typed !== null);
  return { value, search, setSearch, filtering, setFiltering };
}
type EditorSearch = ReturnType<typeof useEditorSearch>;

interface EditorMatches {
  /** The options listed, best first. */
  items: Option[];
  /** How many more match (a number), or that more do (true). */
  more: number | true;
  /** The list answers the text in the box (a lookup's search may still be on its way). */
  current: boolean;
  /** What typed text is matched against: every option of a list, the found ones of a lookup. */
  candidates: Option[];
}

function ListEditor(props: EditorProps) {
  const { column, row } = props;
  const search = useEditorSearch(props.controller, column);
  const options = useMemo(() => optionsOf(column, row), [column, row]);
  const matches = useMemo(() => {
    const found = searchOptions(options, search.filtering ? search.search : '', OPTION_LIMIT, search.value);
    return { items: found.items, more: found.total - found.items.length, current: true, candidates: options };
  }, [options, search.filtering, search.search, search.value]);
  return <OptionEditor {...props} state={search} matches={matches} />;
}

/** Waits this long after a keystroke before searching, so fast typing asks once. */
const SEARCH_DELAY_MS = 80;

/** Options of a lookup column (people), searched where they are as the user types. */
function LookupEditor(props: EditorProps & { lookup: ReferenceLookup }) {
  const { column, lookup } = props;
  const search = useEditorSearch(props.controller, column);
  const query = search.filtering ? search.search.trim() : '';
  const [found, setFound] = useState<{ query: string; items: Option[]; more: boolean } | null>(null);
  const { value } = search;
  useEffect(() => {
    let live = true;
    const own = searchOptions(column.options ?? [], query, OPTION_LIMIT);
    const timer = setTimeout(() => {
      lookup
        .search(query, OPTION_LIMIT)
        .then((result) => {
          remember(lookup, result.options);
          if (!live) return;
          let items = [...own.items, ...result.options];
          // Without a query the current value leads, so a plain Tab or Enter keeps it.
          const current = !query && value ? knownOption(column, value) : undefined;
          if (current) items = [current, ...items.filter((option) => option.value !== value)];
          setFound({ query, items: items.slice(0, OPTION_LIMIT), more: result.more || own.total > own.items.length || items.length > OPTION_LIMIT });
        })
        .catch(() => live && setFound({ query, items: own.items, more: false }));
    }, query ? SEARCH_DELAY_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [lookup, column, query, value]);
  const matches = useMemo<EditorMatches>(
    () => ({ items: found?.items ?? [], more: found?.more ? true : 0, current: found?.query === query, candidates: found?.items ?? [] }),
    [found, query],
  );
  return <OptionEditor {...props} state={search} matches={matches} />;
}

/** Searchable dropdown for select and reference cells (Enter, Tab or a click picks the highlighted option; Escape cancels). */
function OptionEditor({ controller, column, state, matches }: EditorProps & { state: EditorSearch; matches: EditorMatches }) {
  const { value, search, setSearch, filtering, setFiltering } = state;
  const pressedEnter = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  const combobox = useCombobox();
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
  // which reports the ambiguity ("'Sales' matches 3 departments: …"). So is text
  // typed faster than a lookup's search answers (the highlight would be for older
  // text), and text that lists nothing (it is then matched exactly, or reported).
  const onKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    pressedEnter.current = e.key === 'Enter';
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') chosen.current = true;
    if ((e.key !== 'Tab' && e.key !== 'Enter') || e.ctrlKey || e.altKey || e.metaKey) return;
    const dCol = e.key === 'Tab' ? (e.shiftKey ? -1 : 1) : 0;
    const dRow = e.key === 'Enter' ? 1 : 0;
    const typedMatch = filtering && !chosen.current ? matchOption(matches.candidates, search) : null;
    const ambiguous = typedMatch && !typedMatch.ok && typedMatch.reason === 'ambiguous';
    const unanswered = filtering && search.trim() !== '' && (!matches.current || matches.items.length === 0);
    if (ambiguous || unanswered) {
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
            <Combobox.Empty>{matches.current ? `No matching ${column.header}` : 'Searching…'}</Combobox.Empty>
          ) : (
            matches.items.map((option) => (
              <Combobox.Option key={option.value} value={option.value} active={option.value === value}>
                {option.label}
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
        {matches.more !== 0 && (
          <Combobox.Footer className="cg-options-more">
            {matches.more === true ? 'More match' : `${matches.more} more`} — type to narrow down
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}
