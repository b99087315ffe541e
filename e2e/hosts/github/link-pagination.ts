// GitHub's page-based pagination: ?per_page= (30 by default, 100 at most) and
// ?page=, with a Link header naming the prev, next, last and first pages.

export type Page<T> = { items: T[]; link: string | null };

/** One page of `all`; `base` is the listing's own URL (its other query parameters are kept in the links). */
export function paginate<T>({ all, search, base }: { all: T[]; search: URLSearchParams; base: string }): Page<T> {
  const perPage = Math.min(100, Math.max(1, Number(search.get("per_page") ?? 30) || 30));
  const page = Math.max(1, Number(search.get("page") ?? 1) || 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p: number, rel: string) => {
    const target = new URL(base);
    search.forEach((value, name) => target.searchParams.set(name, value));
    target.searchParams.set("per_page", String(perPage));
    target.searchParams.set("page", String(p));
    return `<${target.toString()}>; rel="${rel}"`;
  };
  const links = [...(page > 1 ? [link(Math.min(page - 1, last), "prev")] : []), ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []), ...(page > 1 ? [link(1, "first")] : [])];
  return { items: all.slice((page - 1) * perPage, page * perPage), link: links.length ? links.join(", ") : null };
}
