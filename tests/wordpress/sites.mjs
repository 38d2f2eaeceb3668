// The WordPress sites site.mjs starts, and how the tests reach them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');

/// Where site.mjs writes the running sites' folders, for the tests.
export const STATE = join(repo, 'target', 'wordpress-e2e.json');
/// The plugin as `make dist` builds it.
export const ZIP = join(repo, 'dist', 'interview-practice-wordpress.zip');
export const PLUGIN = 'interview-practice/interview-practice.php';

export const SITES = {
  root: { name: 'root', port: 4210, base: '', url: 'http://127.0.0.1:4210', title: 'A cloud blog' },
  // WordPress in a sub-directory of its host.
  blog: { name: 'blog', port: 4211, base: 'blog/', url: 'http://127.0.0.1:4211/blog', title: 'A blog under /blog/' },
};

/// An administrator, and an author who may edit only their own posts.
export const USERS = [
  { login: 'admin', role: 'administrator', password: 'admin-password-1' },
  { login: 'author', role: 'author', password: 'author-password-1' },
];

/// The running site `name`: its URL, folder and debug log.
export function site(name) {
  return JSON.parse(readFileSync(STATE, 'utf8')).sites[name];
}

/// Runs a command of wp.php on the site `name` and returns its JSON answer.
export function wp(name, command, args = {}) {
  const s = site(name);
  const result = spawnSync('php', [join(import.meta.dirname, 'wp.php'), s.dir, s.url, command, JSON.stringify(args)], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wp.php ${command}: ${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout);
}

/// The signed-in state of `login` on the site `name` (install.setup.mjs saves it).
export const auth = (name, login) => join(repo, 'target', `wordpress-e2e-${name}-${login}.json`);
