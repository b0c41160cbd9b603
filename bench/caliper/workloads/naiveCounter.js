'use strict';
// Contention contrast: benchmark:RecordWithCounter bumps one shared counter per facility (facilities drawn from a
// Zipf distribution), against benchmark:Record (roundArguments.counter: false) that shares nothing.
const { BatteryTraceWorkload } = require('./common');

class NaiveCounter extends BatteryTraceWorkload {
    async initializeWorkloadModule(...args) {
        await super.initializeWorkloadModule(...args);
        const facilities = Number(this.roundArguments.facilities || 50);
        const exponent = Number(this.roundArguments.exponent || 1.1);
        const weights = Array.from({ length: facilities }, (_, rank) => 1 / (rank + 1) ** exponent);
        const total = weights.reduce((a, b) => a + b, 0);
        let running = 0;
        this.cumulative = weights.map((w) => (running += w / total));
        this.function = this.roundArguments.counter === false ? 'benchmark:Record' : 'benchmark:RecordWithCounter';
        // The same facility ids in every worker, so the workers contend for the same counters.
        this.run = `caliper-r${this.roundIndex}`;
    }

    facility() {
        const u = Math.random();
        const rank = this.cumulative.findIndex((c) => c > u);
        return `${this.run}-f${rank < 0 ? this.cumulative.length - 1 : rank}`;
    }

    async submitTransaction() {
        return this.sutAdapter.sendRequests({
            contractId: 'battery-trace',
            contractFunction: this.function,
            contractArguments: [this.facility(), this.id('item')],
            invokerMspId: 'MiningMSP',
            invokerIdentity: 'user1',
            readOnly: false,
        });
    }
}

module.exports.createWorkloadModule = () => new NaiveCounter();
