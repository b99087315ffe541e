"use client";

import { useEffect, useState, type RefObject } from "react";

/** How far outside the visible part of the notebook a cell starts rendering, so scrolling rarely meets a plain cell. */
const AHEAD = "1200px 0px";

/**
 * True once the element has come near the visible part of its scrolling
 * container, and from then on: cells render fully as they scroll into view and
 * stay rendered, so a 500-cell notebook opens with only its first screen's
 * editors and outputs built.
 */
export function useSeen(ref: RefObject<HTMLElement | null>, root: RefObject<HTMLElement | null>, force: boolean): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (seen || force || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setSeen(true);
          observer.disconnect();
        }
      },
      { root: root.current, rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, root, seen, force]);
  return seen || force;
}
