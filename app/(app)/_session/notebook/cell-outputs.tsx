"use client";

import { memo, useMemo } from "react";
import type { Output } from "@/lib/notebooks";
import { promptText, renderOutput, type NotebookOutput } from "@/lib/render";

type Props = {
  outputs: readonly Output[];
  resolveImage: (path: string) => string | null;
  /** Rises when a repository image arrives, so text/markdown outputs that name one render again. */
  imagesVersion: number;
};

/**
 * A code cell's outputs as lib/render makes them: sanitized HTML, with
 * text/html inside a sandboxed frame (its height comes by message, see
 * useFrameHeights). Each output sits beside its Out[n] prompt, as in Jupyter.
 */
export const CellOutputs = memo(function CellOutputs({ outputs, resolveImage, imagesVersion }: Props) {
  const rendered = useMemo(
    () => outputs.map((output) => ({ output, html: renderOutput(output as NotebookOutput, { resolveImage }).html })),
    // imagesVersion: render again when an image it names has arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [outputs, resolveImage, imagesVersion],
  );
  if (!outputs.length) return null;
  return (
    <div className="nb-outputs mt-1">
      {rendered.map(({ output, html }, index) => (
        <div key={index} className="nb-output">
          <div className="nb-prompt text-red-700">{output.output_type === "execute_result" ? promptText("Out", output.execution_count) : ""}</div>
          <div className="nb-output-body min-w-0 overflow-x-auto" dangerouslySetInnerHTML={{ __html: html }} />
        </div>
      ))}
    </div>
  );
});
