/** A run's log: one line per step, each with its UTC time, kept in the run's row as it goes. */
export class RunLog {
  private lines: string[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  add(line: string): void {
    this.lines.push(`${this.now().toISOString().slice(11, 19)} ${line.replace(/[\r\n]+/g, " ").trim()}`);
  }

  toString(): string {
    return this.lines.length ? `${this.lines.join("\n")}\n` : "";
  }
}
