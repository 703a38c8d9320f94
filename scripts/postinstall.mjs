// After npm install: one readable line on what to run next (npm scripts use the Node 22 of the `node` devDependency).
process.stdout.write(
  `已安装（脚本使用 Node ${process.versions.node}）。启动应用：npm start；运行全部测试：npm test。` +
    `(Installed; scripts run on Node ${process.versions.node}. Start the app: npm start; run every test: npm test.)\n`,
);
