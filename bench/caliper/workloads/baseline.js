'use strict';
// baseline:Write(key, value) — the benchmark baseline: one small key written, nothing read.
const { BatteryTraceWorkload } = require('./common');

class Baseline extends BatteryTraceWorkload {
    async submitTransaction() {
        return this.sutAdapter.sendRequests({
            contractId: 'battery-trace',
            contractFunction: 'baseline:Write',
            contractArguments: [this.id('k'), 'battery-trace benchmark baseline'],
            invokerMspId: 'MiningMSP',
            invokerIdentity: 'user1',
            readOnly: false,
        });
    }
}

module.exports.createWorkloadModule = () => new Baseline();
