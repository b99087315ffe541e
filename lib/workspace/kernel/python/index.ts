import { DISPLAY_MODULE } from "./display-module";
import { RUNNER_MODULE } from "./runner-module";
import { TRACEBACK_MODULE } from "./traceback-module";

/** The kernel's own Python modules, by file name; `_benchtop_runner` is the one the kernel starts. */
export const PYTHON_MODULES: Record<string, string> = {
  "_benchtop_display.py": DISPLAY_MODULE,
  "_benchtop_traceback.py": TRACEBACK_MODULE,
  "_benchtop_runner.py": RUNNER_MODULE,
};
