// The integration test runner (`--extensionTestsPath`): runs every *.spec.js next to this file inside the
// extension host. Host-neutral: code-server (test/harness/integration.ts) and desktop VS Code through
// @vscode/test-electron (test/harness/runElectron.ts) both load this module and call run().
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SummaryReporter } from '../harness/summaryReporter';
import { testGrep } from '../harness/testGrep';

export async function run(): Promise<void> {
  // TEST_GREP (for a developer running one part: `TEST_GREP=annotations npm run test:integration`), in any case.
  const grep = testGrep();
  // A limit for a stuck test only: each wait inside has its own (WAIT_LIMIT_MS in helpers.ts), and a test waits for several.
  const mocha = new Mocha({ ui: 'bdd', timeout: 5 * 60_000, color: false, reporter: SummaryReporter, grep });
  const specs = readdirSync(__dirname).filter((name) => name.endsWith('.spec.js')).sort();
  for (const spec of specs) mocha.addFile(join(__dirname, spec));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
