'use strict';
// process:Transform — 3 whole input lots → 2 output lots + 10 % loss (CONCENTRATION) at a concentrator. Every
// element is conserved: the ore is minted at 30 bp cobalt and the outputs declare the cobalt it held, spread over
// their mass and rounded down (as bench/src/workloads/elementContent.ts does).
const { BatteryTraceWorkload, MASS_GRAMS } = require('./common');

const INPUTS = 3;
const OUTPUTS = 2;
const ORE_COBALT_BASIS_POINTS = 30;

class Transform extends BatteryTraceWorkload {
    async initializeWorkloadModule(...args) {
        await super.initializeWorkloadModule(...args);
        this.facility = await this.registerFacility('mining', 'CONCENTRATOR');
        this.lots = await this.mintLots(this.facility, this.share() * INPUTS, 'COBALT_ORE', { contentBasisPoints: ORE_COBALT_BASIS_POINTS });
    }

    async submitTransaction() {
        if (this.lots.length < INPUTS) {
            throw new Error('no prepared input lots left: raise roundArguments.transactions');
        }
        const inputs = this.lots.splice(0, INPUTS).map((lotId) => ({ lotId, massGrams: MASS_GRAMS }));
        const total = MASS_GRAMS * INPUTS;
        const loss = Math.floor(total / 10);
        const each = Math.floor((total - loss) / OUTPUTS);
        const assay = { elements: { COBALT: Math.floor((total * ORE_COBALT_BASIS_POINTS) / (total - loss)) } };
        const outputs = Array.from({ length: OUTPUTS }, (_, i) => ({
            id: this.id('out'),
            material: 'COBALT_HYDROXIDE',
            massGrams: i === 0 ? total - loss - each * (OUTPUTS - 1) : each,
            assay,
        }));
        const request = { id: this.id('run'), facilityId: this.facility, processKind: 'CONCENTRATION', inputs, outputs, lossGrams: loss };
        return this.submit('mining', 'user1', 'process:Transform', request);
    }
}

module.exports.createWorkloadModule = () => new Transform();
