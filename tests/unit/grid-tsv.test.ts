import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../src-renderer/grid/tsv';

describe('parseTsv', () => {
  it('splits tabs and CRLF/LF rows and ignores one trailing line break', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('returns no rows for empty text and one empty cell for a lone newline', () => {
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\n')).toEqual([['']]);
  });

  it('keeps empty cells', () => {
    expect(parseTsv('\tb\t\n\t\t')).toEqual([
      ['', 'b', ''],
      ['', '', ''],
    ]);
  });

  it('reads quoted cells with tabs, newlines and doubled quotes', () => {
    expect(parseTsv('"line1\nline2"\t"a\tb"\t"say ""hi"""\nx')).toEqual([
      ['line1\nline2', 'a\tb', 'say "hi"'],
      ['x'],
    ]);
  });

  it('treats quotes inside an unquoted cell literally', () => {
    expect(parseTsv('5" screen\tit\'s')).toEqual([['5" screen', "it's"]]);
  });

  it('falls back to literal text for an unterminated quote', () => {
    expect(parseTsv('"abc\tdef')).toEqual([['"abc', 'def']]);
  });

  it('keeps text after a closing quote like Excel', () => {
    expect(parseTsv('"ab"cd\te')).toEqual([['abcd', 'e']]);
  });
});

describe('toTsv', () => {
  it('quotes only cells that need it', () => {
    expect(toTsv([['plain', 'tab\there', 'new\nline', 'q"uote']])).toBe('plain\t"tab\there"\t"new\nline"\t"q""uote"');
  });

  it('round-trips through parseTsv', () => {
    const rows = [
      ['a', '', 'multi\r\nline'],
      ['"quoted"', 'x\ty', ' spaced '],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
