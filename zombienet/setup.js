// zombienet js-script: uploads the example model through the node, serves the data node's JSON
// source on SIBYL_FEED_PORT (kept up for the rest of the run), and creates oracle feed 0 as sudo.
// Returns 1 when done; throws with the failing command's output otherwise.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const repo = path.join(__dirname, '..');

function sh(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`${command} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

async function run(nodeName, networkInfo) {
  const { wsUri } = networkInfo.nodesByName[nodeName];
  const node = process.env.SIBYL_NODE;
  const dir = networkInfo.tmpDir;

  // The feed's source: {"data":{"usd":"<value>"}}; feed.js changes the value.
  global.sibylFeedValue = '101.25';
  global.sibylSource = http
    .createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { usd: global.sibylFeedValue } }));
    })
    .listen(Number(process.env.SIBYL_FEED_PORT), '127.0.0.1');

  const model = path.join(dir, 'demo.onnx');
  const input = path.join(dir, 'input.json');
  const id = sh(node, ['model', 'example', '--out', model, '--input-out', input]).trim();
  sh(node, ['model', 'upload', '--model', model, '--name', 'zombienet-demo', '--model-version', '1',
    '--price', '1000000000', '--suri', '//Alice', '--url', wsUri]);
  fs.writeFileSync(path.join(dir, 'sibyl-model.json'), JSON.stringify({ id, input }));

  sh('node', [path.join(repo, 'scripts/js/oracle-setup.mjs'), '--url', wsUri, '--min-submitters', '1',
    '--round-length', '4', '--max-age', '12', '--description', 'zombienet USD price']);
  return 1;
}

module.exports = { run };
