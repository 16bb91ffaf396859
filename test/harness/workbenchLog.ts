// The workbench hands a test run's log to `codeAutomationLog(level, args)`: the extension host's console
// output (the test reporter's lines) mixed with the workbench's own log. Offline, the latter is mostly
// connection chatter and failed look-ups (extension gallery, telemetry, GitHub authentication, chat and
// agent hosts) that say nothing about this extension; they are left out of the test output.
import { format } from 'node:util';

/** Workbench start-up messages, at any level. */
const WORKBENCH_CHATTER: readonly RegExp[] = [
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket \(/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[AgentHost\b/,
  /^\[AccountPolicyGate\]/,
];

/** Warnings and errors from services that need the network. Test output is logged at level info, so it never matches. */
const OFFLINE_FAILURES: readonly RegExp[] = [
  /open-vsx\.org|marketplace|gallery/i,
  /telemetry/i,
  /github/i,
  /\b(chat|copilot|agent|language ?models?)\b/i,
  /getSessions|tryActivateProvider/,
];

/** The log entry as text, or undefined if it is offline noise. */
export function formatWorkbenchLog(level: string, args: unknown): string | undefined {
  // The extension host's console arguments arrive as they were passed, format string first.
  const message = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
  if (WORKBENCH_CHATTER.some((pattern) => pattern.test(message))) return undefined;
  if (level !== 'info' && OFFLINE_FAILURES.some((pattern) => pattern.test(message))) return undefined;
  return message;
}
