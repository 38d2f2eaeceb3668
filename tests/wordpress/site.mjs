// Two throwaway WordPress sites for the plugin's end-to-end tests, from Debian's packages
// (scripts/setup.sh installs them): MariaDB on a socket in a fresh data folder, WordPress
// installed at the root of http://127.0.0.1:4210/ and under http://127.0.0.1:4211/blog/, each
// served by `php -S`. Playwright starts it (playwright.config.mjs) and stops it with SIGTERM,
// which removes everything. The tests find the sites in STATE.
//   node tests/wordpress/site.mjs
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SITES, STATE, USERS } from './sites.mjs';

const here = import.meta.dirname;
const CORE = '/usr/share/wordpress';
const fail = (message) => {
  console.error(`wordpress site: ${message}`);
  stop(1);
};

for (const tool of ['mariadbd', 'php']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`wordpress site: no ${tool}: run make setup (scripts/setup.sh installs Debian's wordpress, php-cli, php-mysql and mariadb-server)`);
    process.exit(1);
  }
}
if (!existsSync(join(CORE, 'wp-settings.php'))) {
  console.error(`wordpress site: no WordPress in ${CORE}: run make setup`);
  process.exit(1);
}

// Short: a Unix socket's path has at most 107 bytes.
const dir = mkdtempSync(join(tmpdir(), 'ip-wp-'));
const socket = join(dir, 'db.sock');
const children = [];
let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  // php -S's workers are its children: each server is a process group of its own.
  const exited = children.reverse().map((child) => {
    if (child.exitCode !== null || child.signalCode !== null) return null;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(child.group ? -child.pid : child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    return gone;
  });
  // mariadbd flushes and exits on SIGTERM.
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 5000))]);
  rmSync(STATE, { force: true });
  // Thousands of files: removed by a process of their own, which outlives this one.
  spawn('rm', ['-rf', dir], { detached: true, stdio: 'ignore' }).unref();
  process.exit(code);
}
process.on('SIGTERM', () => stop());
process.on('SIGINT', () => stop());

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')}: ${result.stderr || result.stdout || result.error}`);
  return result.stdout;
}

function serve(command, args, options) {
  const log = join(dir, `${command}-${children.length}.log`);
  const fd = openSync(log, 'a');
  const child = spawn(command, args, { stdio: ['ignore', fd, fd], ...options });
  child.group = !!options?.detached;
  child.on('exit', (code) => stopping || fail(`${command} exited (${code}):\n${readFileSync(log, 'utf8').slice(-2000)}`));
  children.push(child);
  return child;
}

// MariaDB: no grant tables (root without a password, on a socket only) and no durability.
mkdirSync(join(dir, 'db'));
serve('mariadbd', [
  '--no-defaults',
  `--datadir=${join(dir, 'db')}`,
  `--socket=${socket}`,
  `--pid-file=${join(dir, 'db.pid')}`,
  `--log-error=${join(dir, 'db.log')}`,
  '--skip-networking',
  '--skip-grant-tables',
  '--user=root',
  '--innodb-flush-log-at-trx-commit=0',
  '--innodb-doublewrite=0',
  '--innodb-buffer-pool-size=64M',
]);
for (let i = 0; !existsSync(socket); i++) {
  if (i > 300) fail(`MariaDB did not start:\n${readFileSync(join(dir, 'db.log'), 'utf8').slice(-2000)}`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const salt = () => randomBytes(24).toString('base64');
for (const site of Object.values(SITES)) {
  const root = join(dir, site.name);
  const wordpress = join(root, site.base);
  mkdirSync(dirname(wordpress), { recursive: true });
  run('mariadb', ['--no-defaults', '-S', socket, '-uroot', '-e', `CREATE DATABASE ${site.name}`]);
  // A copy of Debian's WordPress with its themes, no plugins and no translations. Following
  // links: Debian's relative links to /usr/share/javascript would break in a copy. Its
  // wp-config.php (which reads /etc/wordpress) and .htaccess are not copied.
  mkdirSync(join(wordpress, 'wp-content', 'plugins'), { recursive: true });
  const core = readdirSync(CORE).filter((name) => !['wp-content', 'wp-config.php', '.htaccess'].includes(name));
  run('cp', ['-r', '-L', '-p', ...core.map((name) => join(CORE, name)), join(CORE, 'wp-content', 'themes'), wordpress]);
  renameSync(join(wordpress, 'themes'), join(wordpress, 'wp-content', 'themes'));
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  writeFileSync(
    join(wordpress, 'wp-config.php'),
    `<?php
define( 'DB_NAME', '${site.name}' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${keys.map((key) => `define( '${key}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
// Notices go to a log the tests read; none may come from the plugin.
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(dir, `${site.name}-debug.log`)}' );
// No request to other hosts (updates, news, plugin directory), no background jobs.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
  );
  // The block directory searches wordpress.org, which the tests never reach.
  mkdirSync(join(wordpress, 'wp-content', 'mu-plugins'));
  writeFileSync(
    join(wordpress, 'wp-content', 'mu-plugins', 'test-site.php'),
    "<?php\nremove_action( 'enqueue_block_editor_assets', 'wp_enqueue_editor_block_directory_assets' );\n",
  );
  if (site.base) {
    // The host's own site around the blog: browsers ask it for /favicon.ico.
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>The host</title>');
    writeFileSync(join(root, 'favicon.ico'), '');
  }
  run('php', [join(here, 'wp.php'), wordpress, site.url, 'install', JSON.stringify({ title: site.title, users: USERS })]);
}

writeFileSync(
  STATE,
  JSON.stringify({
    dir,
    sites: Object.fromEntries(Object.values(SITES).map((s) => [s.name, { ...s, dir: join(dir, s.name, s.base), log: join(dir, `${s.name}-debug.log`) }])),
  }),
);

// Last: Playwright starts the tests once the root site answers.
for (const site of Object.values(SITES).reverse()) {
  serve(
    'php',
    [
      '-d', 'opcache.enable_cli=1',
      '-d', 'upload_max_filesize=64M',
      '-d', 'post_max_size=64M',
      '-d', 'memory_limit=256M',
      '-S', `127.0.0.1:${site.port}`,
      '-t', join(dir, site.name),
      join(here, 'router.php'),
    ],
    // Requests side by side: a page and its widget's files, two test workers.
    { env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4', WP_BASE: `/${site.base}` }, detached: true },
  );
}
console.log(`wordpress site: ${Object.values(SITES).map((s) => s.url).join(' and ')} (${dir})`);
