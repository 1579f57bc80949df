/** A well-formed record id for examples that only need the shape right. */
export const ID = '0b6f7c1e-4a3b-4c2d-9e8f-1a2b3c4d5e6f';

/** One example input per method of an area (or a part of one): a missing method is a compile error. */
export type Examples<Methods> = Record<keyof Methods, Record<string, unknown>>;
