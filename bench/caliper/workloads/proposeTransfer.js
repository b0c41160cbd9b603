'use strict';
// custody:ProposeTransfer — a whole lot minted beforehand at a mine, proposed to a manufacturing cell plant.
const { BatteryTraceWorkload } = require('./common');

class ProposeTransfer extends BatteryTraceWorkload {
    async initializeWorkloadModule(...args) {
        await super.initializeWorkloadModule(...args);
        this.mine = await this.registerFacility('mining', 'MINE');
        this.plant = await this.registerFacility('manufacturing', 'CELL_PLANT');
        this.lots = await this.mintLots(this.mine, this.share());
    }

    async submitTransaction() {
        const lotId = this.lots.pop();
        if (lotId === undefined) {
            throw new Error('no prepared lot left: raise roundArguments.transactions');
        }
        return this.submit('mining', 'user1', 'custody:ProposeTransfer', this.proposeRequest(lotId, this.plant).request);
    }
}

module.exports.createWorkloadModule = () => new ProposeTransfer();
