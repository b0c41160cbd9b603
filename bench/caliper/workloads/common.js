'use strict';
// Shared helpers of the battery-trace Caliper workload modules. Self-contained (no @hyperledger/caliper-core
// import): Caliper only needs createWorkloadModule() returning an object with the three lifecycle methods.

const MASS_GRAMS = 1000000;
/** The product chaincode definition (the network's own name and policy). */
const CHAINCODE = 'battery-trace';
const SHIPPING_DOCUMENTS_HASH = `0x${'ab'.repeat(32)}`;
const MSP = { mining: 'MiningMSP', manufacturing: 'ManufacturingMSP', recycling: 'RecyclingMSP', audit: 'AuditorMSP' };

/** Base class with Caliper's workload module lifecycle and run-unique ids per worker. */
class BatteryTraceWorkload {
    async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
        this.workerIndex = workerIndex;
        this.totalWorkers = totalWorkers;
        this.roundIndex = roundIndex;
        this.roundArguments = roundArguments || {};
        this.sutAdapter = sutAdapter;
        this.sutContext = sutContext;
        this.prefix = `c${Date.now().toString(36)}-r${roundIndex}-w${workerIndex}`;
        this.counter = 0;
    }

    async cleanupWorkloadModule() {}

    /** A fresh id of `kind` for this worker and round. */
    id(kind) {
        this.counter += 1;
        return `${this.prefix}-${kind}-${this.counter}`;
    }

    /** How many transactions this worker issues in the round (txNumber split over the workers). */
    share() {
        const total = Number(this.roundArguments.transactions || 500);
        return Math.ceil(total / this.totalWorkers) + 5;
    }

    /** Submits `namespace:Name` with one JSON request as `org`'s `identity`. */
    submit(org, identity, name, request, endorsers) {
        const call = {
            contractId: CHAINCODE,
            contractFunction: name,
            contractArguments: [JSON.stringify(request)],
            invokerMspId: MSP[org],
            invokerIdentity: identity,
            readOnly: false,
        };
        if (endorsers) {
            call.targetOrganizations = endorsers.map((o) => MSP[o]);
        }
        return this.sutAdapter.sendRequests(call);
    }

    /** Set-up in batches of `batch` concurrent requests; throws if any fails. */
    async setUp(requests, batch = 32) {
        for (let i = 0; i < requests.length; i += batch) {
            const results = await Promise.all(requests.slice(i, i + batch).map((make) => make()));
            const failed = [].concat(...results).filter((status) => status && typeof status.IsCommitted === 'function' && !status.IsCommitted());
            if (failed.length > 0) {
                throw new Error(`battery-trace Caliper set-up: ${failed.length} transactions failed`);
            }
        }
    }

    async registerFacility(org, kind) {
        const id = this.id(kind.toLowerCase());
        await this.setUp([() => this.submit(org, 'admin', 'facility:RegisterFacility', { id, kind, name: `caliper ${id}`, country: 'CD' })]);
        return id;
    }

    /** Mints `count` lots of extracted `material` (with `assay`, when given) at a mining facility. */
    async mintLots(facilityId, count, material = 'COBALT_HYDROXIDE', assay = undefined) {
        const ids = Array.from({ length: count }, () => this.id('lot'));
        const request = (id) => ({ id, facilityId, material, massGrams: MASS_GRAMS, ...(assay ? { assay } : {}) });
        await this.setUp(ids.map((id) => () => this.submit('mining', 'user1', 'lot:MintLot', request(id))));
        return ids;
    }

    proposeRequest(lotId, toFacilityId) {
        const id = this.id('tr');
        return { id, request: { id, lotId, toFacilityId, declaredMassGrams: MASS_GRAMS, shippingDocumentsHash: SHIPPING_DOCUMENTS_HASH } };
    }
}

module.exports = { BatteryTraceWorkload, CHAINCODE, MASS_GRAMS };
