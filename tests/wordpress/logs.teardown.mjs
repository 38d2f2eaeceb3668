// After every other test: PHP logged no notice, warning or error from the plugin on either
// site (WordPress 6.1 itself logs deprecations on PHP 8.2; those are not the plugin's).
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { SITES, site } from './sites.mjs';

for (const name of Object.keys(SITES)) {
  test(`PHP logged nothing from the plugin at ${SITES[name].url}/`, () => {
    const { log } = site(name);
    const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
    expect(lines.filter((line) => /interview-practice|InterviewPractice/i.test(line))).toEqual([]);
  });
}
