// An administrator installs the plugin from the zip `make dist` builds (Plugins → Add New →
// Upload Plugin) and activates it, on the site at the root and on the one under /blog/; then
// each user's signed-in state is kept for the tests.
import { test, expect, signIn } from './fixtures.mjs';
import { PLUGIN, SITES, USERS, ZIP, auth, wp } from './sites.mjs';

for (const site of Object.values(SITES)) {
  test(`the plugin installs from its zip and activates at ${site.url}/`, async ({ page, context }) => {
    expect(wp(site.name, 'plugin', { file: PLUGIN })).toEqual({ installed: false, active: false });
    await signIn(page, site, 'admin');
    await page.goto(`${site.url}/wp-admin/plugin-install.php?tab=upload`);
    await page.locator('input[name="pluginzip"]').setInputFiles(ZIP);
    await page.getByRole('button', { name: 'Install Now' }).click();
    await expect(page.getByText('Plugin installed successfully.')).toBeVisible();
    await page.getByRole('link', { name: 'Activate Plugin' }).click();
    await expect(page.getByText('Plugin activated.')).toBeVisible();
    await expect(page.locator('tr[data-plugin="interview-practice/interview-practice.php"]')).toHaveClass(/active/);
    expect(wp(site.name, 'plugin', { file: PLUGIN })).toEqual({ installed: true, active: true });
    await context.storageState({ path: auth(site.name, 'admin') });
  });

  for (const user of USERS.filter((u) => u.login !== 'admin')) {
    test(`${user.login} signs in at ${site.url}/`, async ({ page, context }) => {
      await signIn(page, site, user.login);
      await context.storageState({ path: auth(site.name, user.login) });
    });
  }
}
