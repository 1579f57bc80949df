interface FieldSpec {
  key: string;
  label: string;
  aliases: readonly string[];
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * field key → header. A remembered mapping wins when its header is still in the file;
 * otherwise headers are matched by the field's key, label or aliases, ignoring case and punctuation.
 */
export function suggestMapping(headers: string[], fields: readonly FieldSpec[], remembered: Record<string, string> = {}): Record<string, string> {
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const field of fields) {
    const header = remembered[field.key];
    if (header && headers.includes(header) && !used.has(header)) (mapping[field.key] = header), used.add(header);
  }
  for (const field of fields) {
    if (mapping[field.key]) continue;
    const names = [field.key, field.label, ...field.aliases].map(normalise);
    const header = headers.find((h) => !used.has(h) && names.includes(normalise(h)));
    if (header) (mapping[field.key] = header), used.add(header);
  }
  return mapping;
}
