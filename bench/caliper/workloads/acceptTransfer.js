'use strict';
// custody:AcceptTransfer — the receiver accepts a pending whole-lot transfer, endorsed by sender and receiver
// (state-based endorsement). The transfers are proposed during initialisation.
const { BatteryTraceWorkload, MASS_GRAMS } = require('./common');

class AcceptTransfer extends BatteryTraceWorkload {
    async initializeWorkloadModule(...args) {
        await super.initializeWorkloadModule(...args);
        const mine = await this.registerFacility('mining', 'MINE');
        const plant = await this.registerFacility('manufacturing', 'CELL_PLANT');
        const lots = await this.mintLots(mine, this.share());
        const proposals = lots.map((lotId) => this.proposeRequest(lotId, plant));
        await this.setUp(proposals.map((p) => () => this.submit('mining', 'user1', 'custody:ProposeTransfer', p.request)));
        this.pending = proposals.map((p) => p.id);
    }

    async submitTransaction() {
        const transferId = this.pending.shift();
        if (transferId === undefined) {
            throw new Error('no pending transfer left: raise roundArguments.transactions');
        }
        return this.submit('manufacturing', 'user1', 'custody:AcceptTransfer', { transferId, receivedMassGrams: MASS_GRAMS }, ['mining', 'manufacturing']);
    }
}

module.exports.createWorkloadModule = () => new AcceptTransfer();
