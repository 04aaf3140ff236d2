/** A textarea's text and selection, before or after a formatting edit. */
export type TextSelection = { value: string; start: number; end: number };

/** What replaces `[from, to)` of the text, and the selection afterwards. */
export type TextEdit = { from: number; to: number; insert: string; start: number; end: number };

/**
 * Wraps the selection in a Markdown marker (`**`, `*`, `` ` ``); with nothing selected, inserts
 * the markers around a placeholder and selects it so the agent types over it. Wrapping an already
 * wrapped selection unwraps it, so pressing Ctrl+B twice undoes the first.
 *
 * @example
 * wrapSelection({ value: 'say hi', start: 4, end: 6 }, '**', 'text') // { from: 4, to: 6, insert: '**hi**', start: 6, end: 8 }
 */
export function wrapSelection(selection: TextSelection, marker: string, placeholder: string): TextEdit {
  const { value, start, end } = selection;
  const selected = value.slice(start, end);
  const before = value.slice(start - marker.length, start);
  const after = value.slice(end, end + marker.length);
  if (selected && before === marker && after === marker) {
    return {
      from: start - marker.length,
      to: end + marker.length,
      insert: selected,
      start: start - marker.length,
      end: end - marker.length,
    };
  }
  // Spaces selected with a word stay outside the markers: `** hi**` is not bold in Markdown.
  const leading = selected.length - selected.trimStart().length;
  const trailing = selected.length - selected.trimEnd().length;
  const inner = selected.trim() || placeholder;
  const insert = `${selected.slice(0, leading)}${marker}${inner}${marker}${selected.slice(selected.length - trailing)}`;
  const innerStart = start + leading + marker.length;
  return { from: start, to: end, insert, start: innerStart, end: innerStart + inner.length };
}

/**
 * Prefixes every line the selection touches (`- `, `1. `, `> `); a list or quote starts on its own
 * line, so a blank line is put before it when it follows text.
 */
export function prefixLines(selection: TextSelection, kind: 'bullet' | 'numbered' | 'quote'): TextEdit {
  const { value, start, end } = selection;
  const from = value.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = value.indexOf('\n', end);
  const to = lineEnd === -1 ? value.length : lineEnd;
  const lines = value.slice(from, to).split('\n');
  const prefixed = lines.map((line, index) => {
    const prefix = kind === 'bullet' ? '- ' : kind === 'numbered' ? `${index + 1}. ` : '> ';
    return `${prefix}${line}`;
  });
  const textBefore = value.slice(0, from);
  const separator = textBefore.trim() === '' || textBefore.endsWith('\n\n') ? '' : '\n';
  const insert = `${separator}${prefixed.join('\n')}`;
  return { from, to, insert, start: from + insert.length, end: from + insert.length };
}

/** A link around the selection (or the given label) to a checked address. */
export function insertLink(selection: TextSelection, url: string, label: string): TextEdit {
  const text = selection.value.slice(selection.start, selection.end).trim() || label;
  const insert = `[${text.replace(/[[\]]/g, '')}](${url.trim().replace(/[\s()]/g, encodeURIComponent)})`;
  return {
    from: selection.start,
    to: selection.end,
    insert,
    start: selection.start + insert.length,
    end: selection.start + insert.length,
  };
}

/** The text after an edit. */
export function applyEdit(value: string, edit: TextEdit): string {
  return value.slice(0, edit.from) + edit.insert + value.slice(edit.to);
}
