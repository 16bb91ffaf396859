import * as vscode from 'vscode';

/**
 * A view's progress bar while long work runs: shown from the first busy report until the work ends, once however
 * often it is reported. Disposing ends it.
 */
export class ViewProgress implements vscode.Disposable {
  private end: (() => void) | undefined;

  constructor(private readonly viewId: string) {}

  /** Whether the bar is showing. */
  get showing(): boolean {
    return this.end !== undefined;
  }

  /** Shows the bar while `busy`, ends it once not. */
  update(busy: boolean): void {
    if (busy && !this.end) {
      let resolve!: () => void;
      const ended = new Promise<void>((r) => (resolve = r));
      this.end = () => {
        this.end = undefined;
        resolve();
      };
      void vscode.window.withProgress({ location: { viewId: this.viewId } }, () => ended);
    } else if (!busy) this.end?.();
  }

  dispose(): void {
    this.end?.();
  }
}
