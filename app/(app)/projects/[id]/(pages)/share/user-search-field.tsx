"use client";

import { useEffect, useId, useRef, useState } from "react";

type UserCard = { id: string; email: string; name: string; handle: string };

/** Waits this long after the last key before asking the server. */
const TYPING_PAUSE_MS = 200;
/** The server finds nobody for fewer characters (lib/users LOOKUP_MIN_LENGTH). */
const MIN_QUERY = 2;

/**
 * The email field of the Share form with a search of users as you type
 * (GET /api/v1/users/lookup): a combobox in the WAI-ARIA pattern (arrows move,
 * Enter picks, Escape closes). Typing a whole email works without picking.
 */
export function UserSearchField({ name, invalid, excludeIds }: { name: string; invalid: boolean; excludeIds: string[] }) {
  const [value, setValue] = useState("");
  const [matches, setMatches] = useState<UserCard[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const excluded = excludeIds.join(",");

  useEffect(() => {
    const query = value.trim();
    if (query.length < MIN_QUERY) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/users/lookup?${new URLSearchParams({ q: query })}`, { signal: controller.signal });
        if (!response.ok) return;
        const { users } = (await response.json()) as { users: UserCard[] };
        const skip = new Set(excluded.split(","));
        setMatches(users.filter((u) => !skip.has(u.id)));
        setActive(-1);
      } catch {
        // A lookup that fails or is overtaken by the next key leaves the field a plain email field.
      }
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, excluded]);

  // Matches of an earlier, longer query are not offered once the field is too short to search.
  const shown = value.trim().length >= MIN_QUERY ? matches : [];
  const expanded = open && shown.length > 0;
  const pick = (user: UserCard) => {
    setValue(user.email);
    setOpen(false);
    inputRef.current?.focus();
  };

  return (
    <div className="relative">
      <input
        ref={inputRef}
        id="collaborator-email"
        name={name}
        type="email"
        required
        autoComplete="off"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        value={value}
        placeholder="name or email"
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (!expanded) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((i) => (i + step + shown.length) % shown.length);
          } else if (e.key === "Enter" && active >= 0) {
            e.preventDefault();
            pick(shown[active]!);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        className="mt-1 w-72 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      />
      <ul id={listId} role="listbox" aria-label="Matching people" hidden={!expanded} className="absolute z-10 mt-1 w-80 max-w-[90vw] overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg">
        {shown.map((user, index) => (
          <li
            key={user.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(user);
            }}
            className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-indigo-50" : "hover:bg-slate-50"}`}
          >
            <span className="font-medium">{user.name}</span> <span className="break-all text-slate-500">{user.email}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
