// zombienet js-script: sets the source's value (setup.js serves it) to the given decimal and
// waits until oracle feed 0 holds it, fresh (`OracleApi_latest`). Returns 1 then.
async function run(nodeName, networkInfo, args) {
  const [value] = args;
  global.sibylFeedValue = value;
  const expected = BigInt(value.replace('.', ''));
  const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
  try {
    for (;;) {
      const raw = (await api.rpc.state.call('OracleApi_latest', '0x00000000')).toU8a(true);
      if (raw[0] === 1) {
        const answer = api.createType('(i128, u32, u32, u32, bool)', raw.subarray(1));
        const [v, round, , age, stale] = answer;
        if (v.toBigInt() === expected && !stale.isTrue) {
          console.log(`feed 0 = ${value} (round ${round}, age ${age})`);
          return 1;
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
