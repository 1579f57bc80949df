/** A well-formed record id for examples that only need the shape right. */
export const ID = '0b6f7c1e-4a3b-4c2d-9e8f-1a2b3c4d5e6f';
