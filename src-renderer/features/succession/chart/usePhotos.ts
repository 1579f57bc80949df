import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../../api/client';

/** Photos of the people on screen, fetched in batches as they come into view and kept for the session. */
export function usePhotos(employeeIds: string[]): ReadonlyMap<string, string> {
  const cache = useRef(new Map<string, string>());
  const asked = useRef(new Set<string>());
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const missing = employeeIds.filter((id) => !asked.current.has(id)).slice(0, 1000);
    if (missing.length === 0) return;
    for (const id of missing) asked.current.add(id);
    call('succession.getPhotos', { employeeIds: missing })
      .then((result) => {
        for (const photo of result.photos) cache.current.set(photo.employeeId, photo.dataUrl);
        if (result.photos.length) setVersion((v) => v + 1);
      })
      .catch(() => {
        for (const id of missing) asked.current.delete(id);
      });
  }, [employeeIds]);
  // A new map only when photos arrive, so the cards showing them render again.
  return useMemo(() => new Map(cache.current), [version]);
}
