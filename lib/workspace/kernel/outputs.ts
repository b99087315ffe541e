import type { ErrorOutput, KernelOutput } from "./types";

/**
 * Adds an output to a cell's list as Jupyter stores it: text that streams on the
 * same stream as the output before it joins that output. Returns a new list.
 */
export function appendOutput(outputs: readonly KernelOutput[], output: KernelOutput): KernelOutput[] {
  const last = outputs[outputs.length - 1];
  if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
    return [...outputs.slice(0, -1), { ...last, text: last.text + output.text }];
  }
  return [...outputs, output];
}

/** An error output made outside Python (the kernel restarted under a cell), laid out like IPython's. */
export function kernelErrorOutput(ename: string, evalue: string): ErrorOutput {
  return { output_type: "error", ename, evalue, traceback: [`\u001b[0;31m${ename}\u001b[0m${evalue ? `: ${evalue}` : ""}`] };
}
