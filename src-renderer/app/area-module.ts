import type { ReactElement } from 'react';
import type { AreaKey } from '../../src-shared/api';

export interface NavLinkSpec {
  to: string;
  label: string;
  /** Highlighted only on exactly this path (an area's first page when the others live below it). */
  exact?: boolean;
}

/**
 * One area of the renderer, exported as `area` from `features/<key>/area.tsx` and found there by
 * `app/areas.ts`: its pages, mounted at `/<key>/*`, and its entries in the navigation.
 */
export interface UiArea {
  key: AreaKey;
  /** The area's pages: a `<Routes>` whose paths are relative to `/<key>`. */
  element: ReactElement;
  /** Sub-pages listed under the area in the navigation; without them the entry links to `/<key>`. */
  links?: NavLinkSpec[];
}

export const defineUiArea = (area: UiArea): UiArea => area;
