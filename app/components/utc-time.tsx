/** A time as "2025-05-04 13:02 UTC", machine-readable in `dateTime`. */
export function UtcTime({ at }: { at: Date | string }) {
  const iso = typeof at === "string" ? at : at.toISOString();
  return <time dateTime={iso}>{`${iso.slice(0, 16).replace("T", " ")} UTC`}</time>;
}
