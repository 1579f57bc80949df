/*
 * How people records are named where a reference is shown as text: grid cells, pick-lists,
 * exported files. The import resolves the same labels back to the same records, so what
 * Canopy exports it imports unchanged; both sides must use these functions.
 */

export const employeeLabel = (e: { firstName: string; lastName: string; employeeNumber: string }) => `${e.firstName} ${e.lastName} (${e.employeeNumber})`;

export const jobLabel = (j: { title: string; level: string | null }) => (j.level ? `${j.title} (${j.level})` : j.title);

/** Separator between a department and its parent ("Brand · Marketing"), and a position and its department. */
export const LABEL_SEPARATOR = ' · ';

interface DepartmentLike {
  id: string;
  name: string;
  parentId: string | null;
}

/**
 * A department's label names its parent too when the parent is not the top of the tree
 * ("Platform · Engineering Group 1"), so same-named teams stay apart. `byId` holds the
 * departments the label may name (those shown, i.e. not archived).
 */
export function departmentLabel(d: DepartmentLike, byId: ReadonlyMap<string, DepartmentLike>): string {
  const parent = d.parentId ? byId.get(d.parentId) : undefined;
  return parent && parent.parentId ? `${d.name}${LABEL_SEPARATOR}${parent.name}` : d.name;
}

/** Many positions share a title, so the label names the department too. */
export const positionLabel = (p: { title: string }, departmentName: string | undefined) => `${p.title}${LABEL_SEPARATOR}${departmentName ?? '?'}`;
