/** Whether a path names a Jupyter notebook (`.ipynb`, in any case, as Jupyter and GitHub accept it). */
export function isNotebookPath(path: string): boolean {
  return path.toLowerCase().endsWith(".ipynb");
}
