"use client";

import { useLayoutEffect, useRef, useState } from "react";

/**
 * The session fills the window below the app's header: the workspace is fixed
 * to the viewport from where its (empty) placeholder starts, whatever width or
 * padding the layout around it has.
 */
export function useFullHeight<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [top, setTop] = useState<number | null>(null);
  useLayoutEffect(() => {
    const measure = () => {
      const element = ref.current;
      if (element) setTop(Math.max(0, element.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  return { ref, top };
}
