import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How much lower than the thread that started it a worker thread doing background work runs, in nice values
 * (19 is the lowest priority): 10 lower, the scheduler gives the other about nine times its share of a core
 * they contend for.
 */
const BACKGROUND_NICE = 10;
const LOWEST = 19;

/**
 * Lowers the scheduling priority of the calling thread (and not of the process it is in), so that the work of
 * a worker thread gives way to the extension host's own thread and to the editor's other processes when the
 * cores are busy, and takes them when they are idle. Only on Linux, where a thread has a priority of its own
 * (it is named by its task id, read from `/proc/thread-self`); elsewhere, or if the system refuses, nothing
 * changes. Says whether it lowered it.
 */
export function runAsBackgroundThread(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const taskId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    // The process's own id is its main thread: lowering that would slow the extension host itself.
    if (!Number.isInteger(taskId) || taskId <= 0 || taskId === process.pid) return false;
    // A new thread starts at the priority of the one that started it.
    setPriority(taskId, Math.min(LOWEST, getPriority(taskId) + BACKGROUND_NICE));
    return true;
  } catch {
    return false;
  }
}
