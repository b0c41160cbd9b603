'use strict';
// baseline:Write(key, value) — the benchmark baseline: one small key written, nothing read. roundArguments.contractId
// names another definition of the same package (e.g. battery-trace-one-org, endorsed by one organisation).
const { BatteryTraceWorkload, CHAINCODE } = require('./common');

class Baseline extends BatteryTraceWorkload {
    async submitTransaction() {
        return this.sutAdapter.sendRequests({
            contractId: this.roundArguments.contractId || CHAINCODE,
            contractFunction: 'baseline:Write',
            contractArguments: [this.id('k'), 'battery-trace benchmark baseline'],
            invokerMspId: 'MiningMSP',
            invokerIdentity: 'user1',
            readOnly: false,
        });
    }
}

module.exports.createWorkloadModule = () => new Baseline();
