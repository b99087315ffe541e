"use client";

import { useEffect, type RefObject } from "react";
import { frameHeightFromMessage } from "@/lib/render";

/**
 * Sets each sandboxed HTML output's height from the messages its frame posts
 * (lib/render's frame script measures its own document). A message counts only
 * when it comes from the contentWindow of a frame inside `container`: any other
 * window's messages are ignored.
 */
export function useFrameHeights(container: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const height = frameHeightFromMessage(event.data);
      if (height === null || !event.source) return;
      for (const frame of container.current?.querySelectorAll<HTMLIFrameElement>("iframe.nb-html-frame") ?? []) {
        if (frame.contentWindow === event.source) {
          frame.style.height = `${height}px`;
          return;
        }
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [container]);
}
