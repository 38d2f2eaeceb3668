// The WordPress plugin, installable from Plugins → Add New → Upload:
//   node scripts/wordpress-zip.mjs DIST
// writes DIST/interview-practice-wordpress.zip: the plugin's source (wordpress/) with the
// version from Cargo.toml written in, and the app's build (DIST, without the precompressed
// copies and host files a plugin does not use) in its app/ folder, which the plugin serves.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const repo = join(import.meta.dirname, '..');
const NAME = 'interview-practice';
const ZIP = join(dist, `${NAME}-wordpress.zip`);
const TOKEN = '@VERSION@';
const fail = (message) => {
  console.error(`wordpress-zip: ${message}`);
  process.exit(1);
};

const metadata = JSON.parse(
  execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], { cwd: repo, encoding: 'utf8' }),
);
const version = metadata.packages.find((p) => p.name === NAME)?.version;
if (!version) fail(`Cargo.toml has no package ${NAME}`);

const stage = join(repo, 'target', 'wordpress');
const plugin = join(stage, NAME);
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
cpSync(join(repo, 'wordpress'), plugin, { recursive: true });

// The app, as a static host gets it; Apache reads its .htaccess.
const ignored = (name) => /\.(br|gz|zip)$/.test(name) || name === '_headers';
cpSync(dist, join(plugin, 'app'), { recursive: true, filter: (path) => path === dist || !ignored(basename(path)) });
writeFileSync(
  join(plugin, 'app', '.htaccess'),
  '# The types Apache may not know; the page carries its own Content-Security-Policy.\n' +
    'AddType application/wasm .wasm\nAddType application/manifest+json .webmanifest\n',
);
if (!statSync(join(plugin, 'app', 'embed.js'), { throwIfNoEntry: false })) fail(`${dist} has no embed.js: run make dist`);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}
for (const file of files(plugin)) {
  if (file.startsWith(join(plugin, 'app'))) continue;
  if (!['.php', '.txt', '.json'].includes(extname(file))) continue;
  const text = readFileSync(file, 'utf8');
  if (text.includes(TOKEN)) writeFileSync(file, text.replaceAll(TOKEN, version));
}
for (const file of files(plugin)) {
  if (!file.startsWith(join(plugin, 'app')) && readFileSync(file, 'utf8').includes(TOKEN)) {
    fail(`${relative(stage, file)} still has ${TOKEN}`);
  }
}

rmSync(ZIP, { force: true });
// -X: no extra file attributes (owners, times beyond the zip's own).
execFileSync('zip', ['-r', '-q', '-X', ZIP, NAME], { cwd: stage });
console.log(`wordpress-zip: ${relative(repo, ZIP)}: plugin ${version}, ${files(plugin).length} files, ${Math.round(statSync(ZIP).size / 1024)} KB`);
