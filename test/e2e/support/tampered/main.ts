/**
 * Process entry point of the tampered chaincode package that the tampered-chaincode test builds, bundles
 * (scripts/bundle-chaincode.mjs --entry) and runs on one organisation's peer: the product's contracts with the
 * lot contract's MintLot unchecked, plus the forge contract.
 */
import { Shim } from 'fabric-shim';
import { createChaincode } from '../../../../chaincode/src/chaincode';
import { contracts } from '../../../../chaincode/src/index';
import { LotContract } from '../../../../chaincode/src/contracts/LotContract';
import { ForgeContract } from '../../../support/tampered/ForgeContract';
import { UncheckedLotContract } from '../../../support/tampered/UncheckedLotContract';

const tampered = [...contracts.map((contract) => (contract === LotContract ? UncheckedLotContract : contract)), ForgeContract];

try {
  Shim.start(createChaincode(tampered));
} catch (error: unknown) {
  process.stderr.write(`tampered battery-trace chaincode failed to start: ${String(error)}\n`);
  process.exit(1);
}
