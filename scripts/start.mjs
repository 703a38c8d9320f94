// npm start: make sure Electron's binary is there (Electron ≥ 45 fetches it on first use, not at npm install), then
// start the app through electron-vite preview (which builds out/ first). When the binary cannot be fetched, one
// clear sentence in 简体中文 and English says what failed and what to do, and the exit code is 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

/** The Electron executable named by node_modules/electron/path.txt, or null when it is not there. */
export function installedElectron(electronDir) {
  if (process.env.ELECTRON_EXEC_PATH)
    return existsSync(process.env.ELECTRON_EXEC_PATH) ? process.env.ELECTRON_EXEC_PATH : null;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** The last meaningful line of the installer's output: the reason, without its stack trace. */
export function reasonOf(output) {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at ') && !l.startsWith('node:') && l !== '^');
  const error = lines.find((l) => /(Error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|status code)/i.test(l));
  return (error ?? lines.at(-1) ?? 'no output').slice(0, 200);
}

function fetchElectron(electronDir) {
  process.stderr.write(
    '首次启动：正在下载 Electron 运行程序…（first start: downloading the Electron binary…）\n',
  );
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const run = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    env,
    encoding: 'utf8',
    timeout: Number(process.env.NIANBAO_ELECTRON_TIMEOUT_MS ?? 10 * 60_000),
  });
  if (installedElectron(electronDir)) return true;
  const reason = run.error ? run.error.message : reasonOf(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
  process.stderr.write(
    `无法下载 Electron 运行程序（${reason}），应用未能启动：请连接互联网（或设置 ELECTRON_MIRROR 为可用的镜像）后重新运行 npm start。` +
      `(Could not download the Electron binary (${reason}), so the app cannot start: connect to the internet ` +
      `(or set ELECTRON_MIRROR to a reachable mirror) and run npm start again.)\n`,
  );
  return false;
}

function main() {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    process.stderr.write(
      '未找到 electron 软件包：请先运行 npm install。(The electron package is missing: run npm install first.)\n',
    );
    return 1;
  }
  if (!installedElectron(electronDir) && !fetchElectron(electronDir)) return 1;
  const cli = join(
    dirname(require.resolve('electron-vite/package.json', { paths: [root] })),
    'bin/electron-vite.js',
  );
  const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return null;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const code = main();
  if (code !== null) process.exit(code);
}
