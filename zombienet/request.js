// zombienet js-script: a request for the model setup.js uploaded, sent with scripts/js/request.mjs
// (@polkadot/api) through this node; returns 1 once it settled `Verified`.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

async function run(nodeName, networkInfo) {
  const { wsUri } = networkInfo.nodesByName[nodeName];
  const { id, input } = JSON.parse(fs.readFileSync(path.join(networkInfo.tmpDir, 'sibyl-model.json'), 'utf8'));
  const out = execFileSync('node', [path.join(__dirname, '../scripts/js/request.mjs'), '--url', wsUri,
    '--model', id, '--input', input, '--suri', '//Ferdie//stash', '--json'], { encoding: 'utf8' });
  const report = JSON.parse(out.trim());
  console.log(`request ${report.id}: ${JSON.stringify(report.outcome)}, ${report.blocks_to_settle} blocks after inclusion, verified by ${report.verifiers.join(', ')}`);
  return report.outcome && report.outcome.verified ? 1 : 0;
}

module.exports = { run };
