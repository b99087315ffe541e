// Types for the `diff3` package (the engine isomorphic-git merges with), which ships none.
declare module "diff3" {
  export type Diff3Block<T> = { ok: T[] } | { conflict: { a: T[]; aIndex: number; o: T[]; oIndex: number; b: T[]; bIndex: number } };
  export default function diff3Merge<T>(a: T[], o: T[], b: T[]): Diff3Block<T>[];
}
